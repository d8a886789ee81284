"""Terminal output for the command line: emphasis for matches, colour only on terminals, and
Arabic made readable on terminals that neither shape nor reorder it.

Text to print is a list of *segments* ``(text, style)`` where ``style`` names an entry of
:data:`STYLES` or is ``None``. :class:`Terminal` turns segments into one printable string:

- with colour on, styled segments are wrapped in ANSI SGR codes; piped output never gets them;
- with *visual* mode on (``--reshape`` or ``SEARCHLIB_RESHAPE=1``) each line is shaped with
  arabic-reshaper (joined letter forms) and put into display order with python-bidi, so a terminal
  that draws characters left to right in memory order still shows Arabic correctly. Styles
  survive the reordering: every character keeps the style of the segment it came from.
"""
from __future__ import annotations

import html
import os
import re
import unicodedata
from typing import IO, Iterable, Optional, Sequence

Segment = tuple[str, Optional[str]]
"""One run of text and the name of its style (``None`` for plain)."""

STYLES: dict[str, str] = {
    "match": "1;33",   # bold yellow: the query's matches inside a snippet
    "title": "1",      # bold
    "number": "36",    # cyan: hit numbers, counts
    "muted": "2",      # faint: labels and separators
    "error": "1;31",   # bold red
}
"""Style name -> ANSI SGR parameters."""

RESHAPE_ENV = "SEARCHLIB_RESHAPE"
"""Set to 1/true/yes to shape and reorder Arabic for terminals without bidi support."""

_TRUE_WORDS = {"1", "true", "yes", "on"}
_HIGHLIGHT_TAG = re.compile(r"<b\b[^>]*>(.*?)</b>", re.DOTALL | re.IGNORECASE)
_ANY_TAG = re.compile(r"<[^>]+>")
_ANSI_CODE = re.compile(r"\x1b\[[0-9;]*m")


def wants_color(stream: IO[str], choice: str = "auto") -> bool:
    """Whether to colour ``stream``: ``always``/``never`` as given, ``auto`` only for a terminal.

    ``auto`` follows the https://no-color.org convention (``NO_COLOR`` set and non-empty turns
    colour off) and never colours a dumb terminal or a pipe.
    """
    if choice == "always":
        return True
    if choice == "never":
        return False
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def wants_reshape(flag: bool = False) -> bool:
    """Whether to print Arabic in visual order: the ``--reshape`` flag or ``SEARCHLIB_RESHAPE``."""
    return flag or os.environ.get(RESHAPE_ENV, "").strip().lower() in _TRUE_WORDS


def highlight_segments(highlights_html: str, style: str = "match") -> list[Segment]:
    """Split the library's HTML highlights (escaped text, matches in ``<b>``) into segments.

    The HTML form is parsed rather than the plain one because it is the only one that says where
    the matches are; the text between tags is unescaped since a terminal shows it literally.
    """
    segments: list[Segment] = []
    position = 0
    for found in _HIGHLIGHT_TAG.finditer(highlights_html):
        before = highlights_html[position:found.start()]
        if before:
            segments.append((_html_to_text(before), None))
        segments.append((_html_to_text(found.group(1)), style))
        position = found.end()
    rest = highlights_html[position:]
    if rest:
        segments.append((_html_to_text(rest), None))
    return [(text, kind) for text, kind in segments if text]


def span_segments(text: str, spans: Iterable[tuple[int, int]],
                  style: str = "match") -> list[Segment]:
    """Plain ``text`` split into segments, the ``(start, end)`` spans in ``style``."""
    segments: list[Segment] = []
    position = 0
    for start, end in sorted(spans):
        start = max(start, position)
        if end <= start:
            continue
        segments += [(text[position:start], None), (text[start:end], style)]
        position = end
    segments.append((text[position:], None))
    return [(piece, kind) for piece, kind in segments if piece]


def truncate(segments: Sequence[Segment], limit: int, ellipsis: str = " …") -> list[Segment]:
    """The segments cut to at most about ``limit`` characters, at a space, ``ellipsis`` added."""
    kept: list[Segment] = []
    used = 0
    for text, style in segments:
        if used + len(text) <= limit:
            kept.append((text, style))
            used += len(text)
            continue
        room = limit - used
        cut = text.rfind(" ", 0, room + 1)
        piece = text[:cut] if cut > 0 else ""  # never half a word, never half a match
        if piece.strip():
            kept.append((piece, style))
        if kept and kept[-1][1] is None:
            kept[-1] = (kept[-1][0].rstrip(), None)
        kept.append((ellipsis, None))
        break
    return kept


def _html_to_text(fragment: str) -> str:
    return html.unescape(_ANY_TAG.sub("", fragment))


class Terminal:
    """Renders segments for one output stream (colour and visual order decided once)."""

    def __init__(self, stream: IO[str], *, color: bool = False, reshape: bool = False) -> None:
        self.stream = stream
        self.color = color
        self.reshape = reshape

    @classmethod
    def for_stream(cls, stream: IO[str], *, color: str = "auto",
                   reshape: bool = False) -> "Terminal":
        """A terminal for ``stream``: colour per :func:`wants_color`, visual order per
        :func:`wants_reshape`."""
        return cls(stream, color=wants_color(stream, color), reshape=wants_reshape(reshape))

    def render(self, segments: Iterable[Segment] | str, *, base_dir: Optional[str] = None) -> str:
        """The printable form of ``segments`` (a plain string counts as one unstyled segment).

        ``base_dir`` (``"L"`` or ``"R"``) fixes a line's direction in visual mode; by default the
        first strong character decides, which suits prose but would flip a table's columns.
        """
        if isinstance(segments, str):
            segments = [(segments, None)]
        segments = [(text, style) for text, style in segments if text]
        if self.reshape:
            return "\n".join(self._render_line(line, base_dir) for line in _split_lines(segments))
        return self._render_line(segments, base_dir)

    def style(self, text: str, style: str) -> str:
        """``text`` in ``style`` (rendered like a one-segment line)."""
        return self.render([(text, style)])

    def print(self, segments: Iterable[Segment] | str = "", *,
              base_dir: Optional[str] = None) -> None:
        """Render ``segments`` (see :meth:`render`) and write them as one line."""
        self.stream.write(self.render(segments, base_dir=base_dir) + "\n")

    def _render_line(self, segments: Sequence[Segment], base_dir: Optional[str]) -> str:
        if self.reshape:
            chars = visual_order(segments, base_dir)
        else:
            chars = [(ch, style) for text, style in segments for ch in text]
        if not self.color:
            return "".join(ch for ch, _ in chars)
        out: list[str] = []
        current: Optional[str] = None
        for ch, style in chars:
            if style != current:
                if current is not None:
                    out.append("\x1b[0m")
                if style is not None and style in STYLES:
                    out.append(f"\x1b[{STYLES[style]}m")
                current = style
            out.append(ch)
        if current is not None:
            out.append("\x1b[0m")
        return "".join(out)


def _split_lines(segments: Sequence[Segment]) -> list[list[Segment]]:
    lines: list[list[Segment]] = [[]]
    for text, style in segments:
        parts = text.split("\n")
        for number, part in enumerate(parts):
            if number:
                lines.append([])
            if part:
                lines[-1].append((part, style))
    return lines


def visual_order(segments: Sequence[Segment],
                 base_dir: Optional[str] = None) -> list[tuple[str, Optional[str]]]:
    """One line's characters shaped and in display order, each with its segment's style.

    Each segment is shaped on its own (segments split at word edges, so joining is unaffected),
    then the Unicode bidi algorithm of python-bidi reorders the whole line. Its public
    ``get_display`` only returns a string, which would lose the styles; the same steps are run
    here on python-bidi's pure-Python implementation with the style attached to every character.
    Should that implementation be unavailable, the line is reordered without styles.
    """
    import arabic_reshaper

    shaped = [(arabic_reshaper.reshape(text), style) for text, style in segments]
    try:
        from bidi import algorithm as bidi
        storage = bidi.get_empty_storage()
        line = "".join(text for text, _ in shaped)
        base_level = (bidi.PARAGRAPH_LEVELS[base_dir] if base_dir
                      else bidi.get_base_level(line, False))
        storage["base_level"] = base_level
        storage["base_dir"] = ("L", "R")[base_level]
        bidi.get_embedding_levels(line, storage, False, False)
        styles = [style for text, style in shaped for _ in text]
        if len(styles) != len(storage["chars"]):  # surrogate pairs on narrow builds
            raise ValueError("character count changed")
        for char, style in zip(storage["chars"], styles):
            char["style"] = style
        bidi.explicit_embed_and_overrides(storage, False)
        bidi.resolve_weak_types(storage, False)
        bidi.resolve_neutral_types(storage, False)
        bidi.resolve_implicit_levels(storage, False)
        bidi.reorder_resolved_levels(storage, False)
        bidi.apply_mirroring(storage, False)
        return [(char["ch"], char.get("style")) for char in storage["chars"]]
    except (ImportError, AttributeError, KeyError, TypeError, ValueError):
        from bidi.algorithm import get_display
        return [(ch, None) for ch in get_display("".join(text for text, _ in shaped),
                                                  base_dir=base_dir)]


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: marks (harakat) and format characters take none,
    wide East Asian characters two."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def visible_width(rendered: str) -> int:
    """Columns a rendered string takes, its ANSI codes not counted."""
    return display_width(_ANSI_CODE.sub("", rendered))


def pad(rendered: str, width: int) -> str:
    """A rendered string padded with spaces on the right to ``width`` terminal columns."""
    return rendered + " " * max(0, width - visible_width(rendered))
