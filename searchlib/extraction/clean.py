"""Separating an article's own text from the page furniture around it.

The rules look at line shape, markers, repetition and position, never at particular sentences:

* masthead labels (رئيس مجلس الإدارة، رئيس التحرير ...) and the short name line after each;
* publication stamps (``تاريخ النشر: ...``, a line holding only a date and a time): kept aside for
  the date, removed from the body;
* a line that is (or starts with, followed by ':') a block marker (اقرأ أيضاً، قد يعجبك أيضا،
  آخر الأخبار، كلمات دلالية، comment prompts) ends the article: what follows belongs to other
  pages. A marker in the first third of a long article with text on its own line only drops
  that line (an inline "read also" link);
* single-line markers (نشر، (تستمر)، رابط الخبر ...) and the ``المصدر:`` line are dropped (the
  latter is kept aside for the source);
* the headline is the first line left that has the shape of one (2-30 words); later copies of
  it are dropped;
* short lines (at most 4 words) without sentence punctuation between paragraphs are captions and
  tags; they are dropped, as are exact repeats of an earlier line. A run of
  ``LIST_MIN_LINES`` or more such lines is a list or verse, part of the article, and is kept.

Markers live in ``data/boilerplate.json``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from searchlib.extraction.data import load_json
from searchlib.extraction.text import WORD_RE, fold, key, light

MAX_TITLE_WORDS = 30
CAPTION_MAX_WORDS = 4
LIST_MIN_LINES = 3
_SENTENCE_END = re.compile(r"[.!?؟:\"”»…)]\s*$")
_PERIOD_END = re.compile(r"[.!?؟]\s*$")
_DATE_ONLY_REST = re.compile(r"^[\W\d_]*(?:(?:GMT|UTC|AM|PM|ص|م|مساء|صباحا|الساعه|يوم)[\W\d_]*)*$",
                             re.IGNORECASE)


@dataclass
class CleanedArticle:
    """What the page holds, sorted: headline, the article's own lines, and set-aside parts."""

    title: str = ""
    body_lines: list[str] = field(default_factory=list)
    stamp_lines: list[str] = field(default_factory=list)   # publication stamps, datelines (raw)
    source_line: str | None = None                          # value of an "المصدر:" line
    first_line_is_title: bool = False


class _Markers:
    def __init__(self) -> None:
        data = load_json("boilerplate.json")
        self.cut = sorted({key(m) for m in data["cut_block"]}, key=len, reverse=True)
        self.drop = sorted({key(m) for m in data["drop_line"]}, key=len, reverse=True)
        self.masthead = sorted({key(m) for m in data["masthead"]}, key=len, reverse=True)
        self.stamp = sorted({key(m).lower() for m in data["stamp"]}, key=len, reverse=True)
        self.source = sorted({key(m) for m in data["source"]}, key=len, reverse=True)


@lru_cache(maxsize=1)
def _markers() -> _Markers:
    return _Markers()


_MARKERS_BY_FIRST: dict[int, tuple[list[str], dict[str, list[str]]]] = {}


def _by_first_word(markers: list[str]) -> dict[str, list[str]]:
    """``markers`` grouped by their first word (order kept): a line can only be a marker that
    starts with its own first word, so most lines are looked up once instead of scanned."""
    cached = _MARKERS_BY_FIRST.get(id(markers))
    if cached is None or cached[0] is not markers:
        index: dict[str, list[str]] = {}
        for m in markers:
            index.setdefault(m.partition(" ")[0], []).append(m)
        cached = _MARKERS_BY_FIRST[id(markers)] = (markers, index)
    return cached[1]


def _marker_rest(line_key: str, raw: str, markers: list[str], *, need_colon: bool) -> str | None:
    """If the line is a marker (or 'marker: rest'), the rest after it ('' when alone)."""
    for marker in _by_first_word(markers).get(line_key.partition(" ")[0], ()):
        if line_key == marker:
            return ""
        if line_key.startswith(marker + " "):
            head = light(raw).lstrip()
            colon = head.find(":")
            if colon == -1:
                colon = head.find("：")
            if not need_colon or (0 <= colon <= len(marker) + 20):
                return raw[raw.find(":") + 1:].strip() if ":" in raw else line_key[len(marker):].strip()
    return None


def _is_date_line(folded_line: str) -> bool:
    from searchlib.extraction.dates import find_dates
    mentions = find_dates(folded_line)
    if not mentions:
        return False
    rest = folded_line
    for m in reversed(mentions):
        rest = rest[:m.start] + rest[m.end:]
    rest = re.sub(r"\d{1,2}:\d{2}(?::\d{2})?", "", rest)
    from searchlib.extraction.dates import calendar
    rest = calendar().weekday.sub("", rest)
    return bool(_DATE_ONLY_REST.match(rest))


DATELINE_PLACE_WORDS = 3


def _is_dateline(folded_line: str) -> bool:
    """A line of its own like ``الرياض 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس``: a place
    (one to three words), then a full date, then little else (agency, الموافق, a second date)."""
    from searchlib.extraction.dates import find_dates
    mentions = [m for m in find_dates(folded_line) if m.to_date()]
    if not mentions:
        return False
    head = folded_line[:mentions[0].start]
    if len(head.split()) > DATELINE_PLACE_WORDS or any(c in head for c in ".!؟?"):
        return False
    rest = folded_line[mentions[-1].end:]
    return len(rest.split()) <= 4


def clean(raw: str) -> CleanedArticle:
    """Split raw page text into headline, body lines and set-aside stamp/source lines."""
    markers = _markers()
    out = CleanedArticle()
    lines = [ln.strip() for ln in raw.splitlines()]
    lines = [ln for ln in lines if ln]
    # the keys of all lines from one light+fold pass (both map characters one by one and never
    # touch a line break, so the lines stay aligned)
    folded_lines = fold(light("\n".join(lines))).split("\n")
    if len(folded_lines) == len(lines):
        keys = [" ".join(WORD_RE.findall(f)).lower() for f in folded_lines]
    else:
        keys = [key(ln).lower() for ln in lines]
    n = len(lines)
    kept: list[tuple[str, str]] = []      # (raw line, key)
    skip_next_name = False
    for i, (line, k) in enumerate(zip(lines, keys)):
        if not k:
            continue
        words = k.split()
        if skip_next_name:
            skip_next_name = False
            if len(words) <= 5 and not _SENTENCE_END.search(line):
                continue
        rest = _marker_rest(k, line, markers.masthead, need_colon=False)
        if rest is not None and len(words) <= 8:
            skip_next_name = rest == ""
            continue
        rest = _marker_rest(k, line, markers.cut, need_colon=True)
        if rest is not None and kept:
            body_so_far = sum(1 for _ in kept)
            if rest and body_so_far < max(3, n // 3) and i + 1 < n:
                continue                       # inline "read also: <headline>" link
            break
        rest = _marker_rest(k, line, markers.source, need_colon=True)
        if rest is not None and len(words) <= 10:
            if rest:
                out.source_line = rest
            continue
        rest = _marker_rest(k, line, markers.stamp, need_colon=True)
        if rest is None and len(words) <= 8 and any(c.isdigit() for c in line):
            rest = _marker_rest(k, line, markers.stamp, need_colon=False)   # بتاريخ 5 أوت 2021
        if rest is not None and len(words) <= 12:
            out.stamp_lines.append(line)
            continue
        if len(words) <= 14 and any(c.isdigit() for c in line) and (
                _is_date_line(fold(light(line))) or _is_dateline(fold(light(line)))):
            out.stamp_lines.append(line)
            continue
        if _marker_rest(k, line, markers.drop, need_colon=True) is not None and (
                len(words) <= 8 or ":" in line[:40]):
            continue
        kept.append((line, k))

    in_list = _list_lines(kept)
    title_key = None
    seen: set[str] = set()
    for idx, (line, k) in enumerate(kept):
        words = k.split()
        if title_key is None and not out.body_lines:
            if 2 <= len(words) <= MAX_TITLE_WORDS and len(kept) > 1 and not _PERIOD_END.search(line):
                out.title = " ".join(line.split())
                title_key = k
                out.first_line_is_title = True
                seen.add(k)
                continue
            if len(words) < 2:
                continue
        if k == title_key or k in seen:
            continue
        seen.add(k)
        if _is_caption_shaped(line, words) and idx not in in_list:
            continue
        out.body_lines.append(line)
    if not out.title and out.body_lines:
        out.title = _title_from_text(out.body_lines[0])
    return out


def _is_caption_shaped(line: str, words: list[str]) -> bool:
    return len(words) <= CAPTION_MAX_WORDS and not _SENTENCE_END.search(line)


def _list_lines(kept: list[tuple[str, str]]) -> set[int]:
    """Indexes of the lines in runs of ``LIST_MIN_LINES`` or more caption-shaped lines."""
    found: set[int] = set()
    run: list[int] = []
    for idx, (line, k) in enumerate(kept + [("", "")]):
        if k and _is_caption_shaped(line, k.split()):
            run.append(idx)
            continue
        if len(run) >= LIST_MIN_LINES:
            found.update(run)
        run = []
    return found


def _title_from_text(paragraph: str, max_words: int = 15) -> str:
    """A headline for a page that has none: the first sentence, cut at ``max_words`` words."""
    first = re.split(r"(?<=[.!?؟])\s", paragraph, maxsplit=1)[0]
    words = first.split()
    return " ".join(words[:max_words]) + (" …" if len(words) > max_words else "")
