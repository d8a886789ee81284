"""Which outlet or agency an article names as its source.

Rule, first that applies:

1. an explicit source line (``المصدر: الجزيرة``), mapped to the agency's canonical name when it is
   a known one, else its text as written;
2. an agency in the dateline, i.e. in the first 160 characters of the first body paragraph, in
   parentheses or as a bare agency name (``موسكو، 14 ماي - (... / سبوتنيك) -``,
   ``الرياض ... واس``);
3. the first agency the article cites as the origin of its report: a reporting verb followed by
   ``وكالة [أنباء] X`` (``ذكرت وكالة أنباء تاس``، ``ونقلته وكالة «تاس»``);

otherwise None. Agencies come from ``data/sources.json``.
"""
from __future__ import annotations

import re

from searchlib.extraction.gazetteer import gazetteer
from searchlib.extraction.text import WORD_RE, fold, key, light

DATELINE_CHARS = 160
_REPORT_VERBS = frozenset(key(w) for w in """
ذكرت ذكر أفادت أفاد نقلت نقل نقلته نقلتها أوردت أورد قالت بثت نشرت أعلنت وذكرت وأفادت ونقلت ونقلته
ونقلتها وأوردت وقالت وبثت ونشرت وأعلنت بحسب وبحسب حسب وحسب وفق وفقا ووفقا لـ أكدت وأكدت وكشفت كشفت
""".split())
_AGENCY = key("وكالة")
_AGENCY_RE = re.compile(r"(?<!\w)[وب]?وكاله(?!\w)")
_NEWS = {key("أنباء"), key("الأنباء"), key("الانباء")}


def _agency_in(words: list[str]) -> str | None:
    matcher = gazetteer().source_matcher
    found = None
    for m in matcher.find_all(words, [True] * len(words)):
        found = m.payloads[0]
    return found


def find_source(source_line: str | None, first_paragraph: str, body: str,
                body_folded: str | None = None) -> str | None:
    """The source of the article (see module doc for the rule).

    ``body_folded``: ``fold(light(body))`` when the caller has it already.
    """
    if source_line:
        words = key(source_line).split()
        hit = _agency_in(words[:6])
        if hit:
            return hit
        text = " ".join(source_line.split()[:6]).strip(" .،,:-")
        return text or None
    head = fold(light(first_paragraph[:DATELINE_CHARS]))
    for group in re.findall(r"\(([^()]{1,80})\)", head):
        hit = _agency_in(WORD_RE.findall(group))
        if hit:
            return hit
    head_words = WORD_RE.findall(head)
    # a bare agency name early in the dateline (الرياض ... واس / - رويترز -)
    matcher = gazetteer().source_matcher
    for m in matcher.find_all(head_words[:25], [True] * min(25, len(head_words))):
        return m.payloads[0]
    folded = body_folded if body_folded is not None else fold(light(body))
    for m in _AGENCY_RE.finditer(folded):
        before = WORD_RE.findall(folded[max(0, m.start() - 40):m.start()])[-2:]
        if not any(w in _REPORT_VERBS for w in before):
            continue
        rest = WORD_RE.findall(folded[m.end():m.end() + 80])[:4]
        if rest and rest[0] in _NEWS:
            rest = rest[1:]
        hit = _agency_in(rest[:3])
        if hit:
            return hit
    return None
