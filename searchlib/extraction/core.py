"""``extract(text)``: title, body, date, source, actors and agreements of one raw article."""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from searchlib.analyzers.normalize import base_letters
from searchlib.extraction.actors import Tokens, find_actors
from searchlib.extraction.agreements import find_agreements
from searchlib.extraction.clean import clean
from searchlib.extraction.dates import (DateMention, find_dates, infer_year, resolve_relative,
                                     weekday_near)
from searchlib.extraction.model import ArticleMetadata
from searchlib.extraction.source import find_source
from searchlib.extraction.text import fold, light

MAX_CHARS = 200_000          # longer input is cut: no news article is longer
DATELINE_CHARS = 90
DATELINE_WORDS = 4           # a dateline names a place (and agency) before the date
TODAY_PARAGRAPHS = 2         # where a date given as today's is the publication date
_WORDS = re.compile(r"\w+")
# a date right after these words is an event date inside a sentence, not a dateline
_NOT_DATELINE = frozenset("في منذ حتى يوم قبل بعد خلال الي حتي وفي ومنذ من".split())
# ``وكان اليوم الخميس الموافق …``, ``في اليوم …``: "the day", not "today"
_DAY_NOT_TODAY = frozenset("كان وكان يكون سيكون وسيكون في وفي حتى منذ قبل بعد".split())
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")


def _publication_date(stamps: list[str], first_paragraph: str, body_folded: str,
                      body_mentions: list[DateMention],
                      paragraphs_head: str = "") -> tuple[dt.date | None, DateMention | None]:
    """The date from a stamp line, else from the dateline at the head of the first paragraph,
    else a date the first paragraphs call today's (``paragraphs_head``: their folded text, the
    start of ``body_folded``)."""
    for line in stamps:
        folded = fold(light(line))
        for m in find_dates(folded):
            if m.day is None:
                continue
            if m.year is None:
                m.year = infer_year(m, body_folded, body_mentions, weekday_near(folded, 0, len(folded)))
            if m.to_date():
                return m.to_date(), None
    head = fold(light(first_paragraph))
    for m in find_dates(head[:DATELINE_CHARS + 40]):
        if m.start > DATELINE_CHARS or m.day is None:
            break
        before = _WORDS.findall(head[:m.start])
        if re.search(r"[.!?؟]", head[:m.start]) or len(before) > DATELINE_WORDS or \
                (before and before[-1] in _NOT_DATELINE):
            break
        if m.year is None:
            weekday = weekday_near(head, 0, min(len(head), 400))
            m.year = infer_year(m, body_folded, [d for d in body_mentions if d.start > m.end],
                                weekday)
        return m.to_date(), m
    date, said = _stated_today(paragraphs_head, body_mentions)
    if date is None:
        # deeper in, a statement the paper prints whole (an execution order, a court notice)
        # names its own day: trusted only with the weekday that the date falls on
        date, said = _stated_today(body_folded, body_mentions, weekday_checked=True)
    return date, said


@lru_cache(maxsize=1)
def _today_re() -> re.Pattern:
    """``(هذا) اليوم (weekday) (الموافق)`` right before a date."""
    from searchlib.extraction.dates import calendar
    days = "|".join(sorted(calendar().weekday_of, key=len, reverse=True))
    return re.compile(rf"(?:^|\s)(?:هذا\s+)?اليوم\s*[،,]?\s*(?:(?P<w>{days})\s*[،,]?\s*)?"
                      rf"(?:الموافق\s*(?:ل\s*)?)?$")


def _stated_today(head: str, mentions: list[DateMention],
                  weekday_checked: bool = False) -> tuple[dt.date | None, DateMention | None]:
    """A date the first paragraphs give as today's (صباح اليوم الجمعة الموافق 15/10/1436هـ): the
    day the report was written. A weekday named with it that contradicts a numeric date read
    day/month is taken as the writer's slip when the exchanged reading fits it (10/4/1436 on a
    Monday is 4 Shawwal). ``weekday_checked``: only a date said with its own weekday counts."""
    from searchlib.extraction.dates import calendar, day_month_swapped
    for m in mentions:
        if m.start >= len(head):
            break
        if m.day is None or not m.year_stated or m.to_date() is None:
            continue
        said = _today_re().search(head, max(0, m.start - 40), m.start)
        if not said:
            continue
        date = m.to_date()
        if weekday_checked:
            before = _WORDS.findall(head[max(0, said.start() - 20):said.start() + 1])
            if said["w"] is not None and date.weekday() == calendar().weekday_of[said["w"]] \
                    and not (before and before[-1] in _DAY_NOT_TODAY):
                return date, m
            continue
        if said["w"] is not None and date.weekday() != calendar().weekday_of[said["w"]]:
            other = day_month_swapped(head, m)
            if other is not None and other.to_date().weekday() == calendar().weekday_of[said["w"]]:
                return other.to_date(), other
        return date, m
    return None, None


def extract(text: str, published: dt.date | None = None) -> ArticleMetadata:
    """Read title, publication date, source, actors, agreements and clean body out of raw text.

    ``published``: the publication date when it is known from outside the text (a record's
    ``date`` field). A date the text states still wins; where it states none, ``published`` is the
    article's ``date``, and so dates its role titles (الرئيس الأمريكي → that year's holder), its
    yearless dates (22 يوليو الماضي) and its agreements.

    Never raises on bad input: non-text becomes an empty result.
    """
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    text = base_letters(_CONTROL.sub(" ", text[:MAX_CHARS]))    # pasted ﻋﺒﺪ ﺍﻟﺤﻲ reads عبد الحي
    page = clean(text)
    body = "\n".join(page.body_lines)
    lines = ([page.title] if page.title and page.first_line_is_title else []) + page.body_lines
    lines_light = light("\n".join(lines))
    body_folded = fold(lines_light)
    tokens = Tokens("", lines_light, body_folded)
    mentions = find_dates(body_folded, tokens.words, tokens.spans)
    first_paragraph = page.body_lines[0] if page.body_lines else ""
    with_title = len(lines) > len(page.body_lines)      # the title line comes first in ``lines``
    # cut on the folded text's own lines: light() drops diacritics, so raw lengths overshoot
    head_lines = TODAY_PARAGRAPHS + with_title
    date, dateline = _publication_date(page.stamp_lines, first_paragraph, body_folded, mentions,
                                       "\n".join(body_folded.split("\n", head_lines)[:head_lines]))
    if date is None and isinstance(published, dt.date):
        date = published.date() if isinstance(published, dt.datetime) else published
    mentioned: list[dt.date] = []
    for m in mentions:
        if dateline is not None and m.start == dateline.start and m.end <= dateline.end + 2:
            continue
        resolve_relative(m, date)
        d = m.to_date()
        if d and d != date and d not in mentioned:
            mentioned.append(d)
    year = date.year if date else None
    return ArticleMetadata(
        title=page.title,
        date=date,
        source=find_source(page.source_line, " ".join(page.stamp_lines[-1:] + [first_paragraph]), body,
                           body_folded),
        actors=find_actors(lines, year, tokens),
        agreements=find_agreements(lines, date, body_folded, mentions, tokens),
        mentioned_dates=mentioned,
        body=body,
    )
