"""Snippets of a document's stored text with the matched words marked.

The text is re-analyzed with the index's analyzer (cached per word type, so cheap); a token
matches when its term is one of the query's terms. Tokens carry offsets into the original text,
so each mark covers exactly the characters the user stored: diacritics, tatweel and clitics
inside the mark, nothing outside. Whoosh's own highlighter is not used because its HTML
formatter adds classes (``<b class="match term0">``), keeps per-instance state and gives no
offsets for a plain-text rendering.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any, Iterable

__all__ = ["Snippet", "highlight", "FRAGMENT_CHARS", "MAX_FRAGMENTS"]

FRAGMENT_CHARS = 200       # target length of one fragment
CONTEXT_CHARS = 60         # text kept before the first and after the last match of a fragment
MAX_FRAGMENTS = 3
#: Matches are looked for in the first this many characters only, so that one giant document
#: cannot make a page of results slow (news articles are far shorter).
CHAR_LIMIT = 500_000
SEPARATOR = " ... "
_SPACE = re.compile(r"\s+")


@dataclass
class Snippet:
    """One highlight in two forms: HTML (escaped, ``<b>`` marks) and plain text with spans."""

    html: str
    text: str
    spans: list[tuple[int, int]]


def _matches(text: str, analyzer: Any, words: frozenset[str]) -> list[tuple[int, int, str]]:
    if not words:
        return []
    return [(token.startchar, token.endchar, token.text)
            for token in analyzer(text[:CHAR_LIMIT], chars=True, positions=True, mode="index")
            if token.text in words]


def _snap_left(text: str, pos: int) -> int:
    if pos <= 0:
        return 0
    space = text.rfind(" ", max(0, pos - 20), pos)
    newline = text.rfind("\n", max(0, pos - 20), pos)
    cut = max(space, newline)
    return cut + 1 if cut >= 0 else pos


def _snap_right(text: str, pos: int) -> int:
    if pos >= len(text):
        return len(text)
    candidates = [i for i in (text.find(" ", pos, pos + 20), text.find("\n", pos, pos + 20))
                  if i >= 0]
    return min(candidates) if candidates else pos


def _fragments(text: str, matches: list[tuple[int, int, str]]) -> list[tuple[int, int, list]]:
    """Group matches into windows of about FRAGMENT_CHARS; keep the best MAX_FRAGMENTS."""
    groups: list[list[tuple[int, int, str]]] = []
    for match in matches:
        if groups and match[1] - groups[-1][0][0] <= FRAGMENT_CHARS - 2 * CONTEXT_CHARS:
            groups[-1].append(match)
        else:
            groups.append([match])
    # the fragments with most distinct terms (then most matches) win, shown in text order
    ranked = sorted(range(len(groups)),
                    key=lambda i: (-len({m[2] for m in groups[i]}), -len(groups[i]), i))
    chosen = sorted(ranked[:MAX_FRAGMENTS])
    out: list[tuple[int, int, list]] = []
    for i in chosen:
        group = groups[i]
        start = _snap_left(text, group[0][0] - CONTEXT_CHARS)
        end = _snap_right(text, group[-1][1] + CONTEXT_CHARS)
        if out and start <= out[-1][1]:      # overlapping windows become one fragment
            previous = out.pop()
            start, group = previous[0], previous[2] + group
        out.append((start, end, group))
    return out


def _render(pieces: Iterable[tuple[str, bool]]) -> Snippet:
    html_parts: list[str] = []
    text_parts: list[str] = []
    spans: list[tuple[int, int]] = []
    length = 0
    for piece, marked in pieces:
        if not marked:
            piece = _SPACE.sub(" ", piece)
        if marked:
            spans.append((length, length + len(piece)))
            html_parts.append(f"<b>{html.escape(piece)}</b>")
        else:
            html_parts.append(html.escape(piece))
        text_parts.append(piece)
        length += len(piece)
    return Snippet("".join(html_parts), "".join(text_parts), spans)


def highlight(text: str, analyzer: Any, words: Iterable[str]) -> Snippet:
    """Up to MAX_FRAGMENTS fragments of ``text`` around the tokens whose term is in ``words``.

    Without any match the snippet is the beginning of the text, unmarked.
    """
    words = frozenset(words)
    matches = _matches(text, analyzer, words)
    if not matches:
        end = _snap_right(text, min(len(text), FRAGMENT_CHARS))
        tail = [(SEPARATOR.rstrip(), False)] if end < len(text) else []
        return _render([(text[:end].strip(), False)] + tail)
    pieces: list[tuple[str, bool]] = []
    fragments = _fragments(text, matches)
    for number, (start, end, group) in enumerate(fragments):
        if number == 0 and start > 0:
            pieces.append((SEPARATOR.lstrip(), False))
        elif number > 0:
            pieces.append((SEPARATOR, False))
        position = start
        for match_start, match_end, _term in group:
            if match_start > position:
                pieces.append((text[position:match_start], False))
            pieces.append((text[match_start:match_end], True))
            position = match_end
        pieces.append((text[position:end], False))
    if fragments[-1][1] < len(text):
        pieces.append((SEPARATOR.rstrip(), False))
    return _render(pieces)
