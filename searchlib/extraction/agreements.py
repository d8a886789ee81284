"""Finding the agreements an article refers to.

Two sources of mentions, over the cleaned title and body only:

* gazetteer aliases (``data/agreements.json``): ``الإعلان الثلاثي``، ``الاتفاق النووي`` ...; an
  alias counts only when one of the entry's context words occurs in the article;
* wording: اتفاق/اتفاقية/معاهدة/إعلان/مذكرة تفاهم/بيان مشترك/هدنة/وقف إطلاق النار and
  ``ما أعلنه/وقعه القادة``, each with the dates written in its clause.

A wording mention is matched to a gazetteer entry when its type is one the entry may be called by,
the context holds, and a date of the clause is one of the entry's dates (month and day suffice when
the text gives no year; a month-level date matches a month-level entry date). A mention with no
date that still has one gazetteer candidate in the year its clause names is matched to it. What is
left merges into an agreement of the same type already found (``الاتفاق``، ``نظام وقف إطلاق
النار`` refer back), else becomes an agreement of its own, named by its wording.

Generic wordings are not agreements: ``تم الاتفاق على``، ``إعلان أذربيجان استعادة`` (an
announcement: إعلان needs a qualifier such as ثلاثي/مشترك, a following ل/حول/بشأن, or a signing
verb before it; ``إعلان أسماء`` is announcing too), ``أي اتفاق`` (any) and ``ليست اتفاقية`` (none),
``منظمة معاهدة ...``, and a bare ``وقف إطلاق النار`` that is not the object of
اتفاق/إعلان/نظام/الالتزام/خرق .... An undated wording in the construct state (``اتفاق القوى
الكبرى``) whose clause holds a context word of a known agreement already found refers back to it.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from bisect import bisect_right
from operator import itemgetter

from searchlib.extraction.data import DATA_DIR, DataFileError, entries, load_json
from searchlib.extraction.dates import DateMention, find_dates, resolve_relative
from searchlib.extraction.gazetteer import PhraseMatcher, gazetteer
from searchlib.extraction.memo import BoundedMemo
from searchlib.extraction.model import Agreement
from searchlib.extraction.text import WORD_RE, clitic_variants, fold, key, light

AFTER_CHARS = 170
BEFORE_CHARS = 140
_P = r"(?<![\w])(?:[وفبلك]{0,2})"
_TRIGGERS = [
    ("memorandum", rf"{_P}(?:ال)?(?:مذكره|مذكرات)\s+(?:ال)?تفاهم"),
    ("statement", rf"{_P}(?:ال)?(?:بيان|بيانا|بيانات)(?:\s+\w+){{0,3}}?\s+(?:ال)?(?:مشترك|مشتركا|ثلاثي|ثلاثيه|ثلاثيا)(?!\w)"),
    ("statement", rf"{_P}(?:ال)?(?:بيان|بيانات)\s+(?:ال)?(?:ثلاثي|ثلاثيه)"),
    ("statement", r"(?<![\w])(?:ب|ل)?ما\s+(?:اعلنه|اعلنته|اتفق\s+عليه|وقعه|وقعته)(?!\w)"),
    ("treaty", rf"{_P}(?:ال)?(?:معاهده|معاهدات)(?!\w)"),
    ("declaration", rf"{_P}(?:ال)?(?:اعلان|اعلانا|اعلانين|اعلانان)(?!\w)"),
    ("ceasefire", rf"{_P}(?:ال)?(?:هدنه|تهدئه)(?!\w)"),
    ("ceasefire", rf"{_P}(?:ال)?وقف\s+(?:\w+\s+)?(?:ل|ب)?(?:ا|لا)طلاق\s+النار"),
    ("agreement", rf"{_P}(?:ال)?(?:اتفاق|اتفاقا|اتفاقيه|اتفاقيات|اتفاقات|اتفاقين|اتفاقيتين|تفاهمات)(?!\w)"),
]
# First words a trigger can start with (without clitics): the regexes are tried only there.
_TRIGGER_WORDS = {
    **dict.fromkeys(["مذكره", "مذكرات"], {"memorandum"}),
    **dict.fromkeys(["بيان", "بيانا", "بيانات", "ما", "بما", "لما"], {"statement"}),
    **dict.fromkeys(["معاهده", "معاهدات"], {"treaty"}),
    **dict.fromkeys(["اعلان", "اعلانا", "اعلانين", "اعلانان"], {"declaration"}),
    **dict.fromkeys(["هدنه", "تهدئه", "وقف"], {"ceasefire"}),
    **dict.fromkeys(["اتفاق", "اتفاقا", "اتفاقيه", "اتفاقيات", "اتفاقات", "اتفاقين", "اتفاقيتين",
                     "تفاهمات"], {"agreement"}),
}
_CORES = ("اتفاق", "اتفق", "اعلان", "معاهد", "مذكر", "بيان", "هدن", "تهدئ", "وقف", "تفاهم", "اعلنه", "اعلنت", "وقعه", "وقعت")
_CORE_RE = re.compile("|".join(_CORES))
_PLURAL = re.compile(r"(?:ات|ين|ان|يات)$")
# a verb of reaching or signing right before the wording (توصلا إلى اتفاق، وقعت الشركة اتفاقية)
# (from a word's start: not يتوقع "expects", موقع "site")
_CONCLUDED = re.compile(r"(?<!\w)(?:[وف]?(?:ال|بال|لل)?|[وف]?(?:س?[يتن])?)(?:توصل|ابرام|توقيع|وقع|ابرم)\w*\s+(?:\w+\s+){0,3}$")
_BEFORE_SKIP = frozenset(key(w) for w in """تم وتم يتم سيتم جرى وجرى كما منظمة ومنظمة لمنظمة بمنظمة
أي وأي لأي بأي""".split())     # (أي اتفاق نووي: any agreement, none in particular)
# "is not" within the three words before (ليست اتفاقية أو معاهدة دولية): no agreement is named
_NOT = frozenset(key(w) for w in "ليس ليست ليسا ليسوا".split())
_SIGN_WORDS = re.compile(r"(?:وقع|يوقع|توقيع|التوقيع|سيوقع|وفقا|وفق|بموجب|ينص|نص|تضمن|يتضمن|ابرم|المبرم|توصل|التوصل)\w*")
_DECL_QUAL = re.compile(r"^\s*(?:ال)?(?:ثلاثي|ثلاثيه|ثلاثيين|ثلاثيان|مشترك|مشتركا|مشتركه|نوايا|مبادئ|تعاون|حول|بشان|ل|لوقف|وقف|الدوحه|جده|الرياض|موسكو|القاهره|[\w]+\s+المشترك)")
_CEASEFIRE_OBJ = re.compile(r"(?:اتفاق\w*|اعلان\w*|هدن\w*|نظام|خرق\w*|خروقات|انتهاك\w*|بنود|تطبيق|الالتزام|التزام|سريان|دخول|تثبيت|احترام|اتفاقا)\s+(?:\w+\s+)?$")
_ABOUT_CEASEFIRE = re.compile(
    r"\s*(?:\w+\s+){0,2}?(?:حول\s+|بشان\s+|على\s+|ل)?(?:وقف\s+(?:\w+\s+)?(?:ل|ب)?(?:ا|لا)طلاق\s+النار|الهدنه|هدنه|التهدئه)")
_SENTENCE_BREAK = re.compile(r"[.!?؟؛\n]")
# a player's or coach's contract or a transfer deal (اتفاق نهائي مع اللاعب لتجديد عقده، اتفاق بشأن
# صفقة): the word اتفاق, but no agreement in the sense of the index
_CONTRACT_AFTER = re.compile(
    r"^(?:\s+\S+){0,5}?\s+(?:ب|ل|و)?(?:ال)?(?:لاعب|مدرب|عقد|عقده|عقدا|صفقه|انتقال|انتقاله|اعاره)(?!\w)")
# the act of announcing (الإعلان عن النتائج، إعلان أسماء اللاعبين، إعلان حالة الطوارئ), not a declaration
_ANNOUNCING = re.compile(r"\s+(?:عن\s|(?:ال)?(?:اسم|اسماء|نتائج|نتيجه|موعد|قائمه|تشكيل|حاله|وفاه|استقاله"
                         r"|الفائزين|فوز|حرب|الحرب|ترشح|ترشيح)(?!\w))")
_BETWEEN = re.compile(r"\s+بين\s")
# a pronoun or demonstrative right before an undated wording makes it a predicate about an agreement
# already named (وقال إنه اتفاق تاريخي، هذا اتفاق جيد), not another one
_PREDICATE_SUBJECTS = frozenset(key(w) for w in "إنه أنه بأنه وأنه لأنه إنها أنها بأنها هو وهو هي وهي هذا وهذا هذه وهذه".split())


@dataclass
class _Known:
    idx: int
    name: str
    type: str
    date: dt.date | None
    dates: list[tuple[int, int, int | None]]
    parties: list[str]
    context: list[str]
    mention_types: set[str]
    topics: list[tuple[str, ...]] = field(default_factory=list)


@dataclass
class _Mention:
    start: int
    type: str
    dates: list[DateMention] = field(default_factory=list)
    phrase: str = ""
    plural: bool = False
    definite: bool = False
    date_before: bool = False
    years: tuple[int, int] | None = None
    triple: bool = False
    clause_end: int = 0
    known: int | None = None
    parties: list[str] = field(default_factory=list)
    concluded: bool = False          # توصلا إلى اتفاق / وقعت اتفاقية: reached or signed in the text
    between: bool = False            # اتفاق بين المجلس والقاعدة: its parties follow
    construct: bool = False          # اتفاق القوى الكبرى: a definite noun follows (definite by إضافة)
    predicate: bool = False          # وقال إنه اتفاق تاريخي: said of one already named
    clause: str = ""                 # the mention and its clause (folded text)
    sentence: str = ""               # its sentence up to the clause's end


def _parse_date(value: str | None) -> tuple[int, int, int | None] | None:
    if not value:
        return None
    parts = [int(p) for p in value.split("-")]
    return (parts[0], parts[1], parts[2] if len(parts) > 2 else None)


class _Catalog:
    def __init__(self) -> None:
        self.known: list[_Known] = []
        self.aliases = PhraseMatcher()
        self.bare = PhraseMatcher()
        for i, a in enumerate(entries("agreements.json", "agreements", ("name", "type"))):
            full = _parse_date(a.get("date"))
            date = dt.date(*full) if full and full[2] else None
            self.known.append(_Known(
                i, a["name"], a["type"], date,
                [d for d in (_parse_date(x) for x in a.get("dates", [])) if d],
                list(a.get("parties", [])), [key(c) for c in a.get("context", [])],
                set(a.get("mention_types", [])),
                [tuple(key(w) for w in group) for group in a.get("topic", [])]))
            for alias in a.get("aliases", []):
                self.aliases.add(alias, i)
            for alias in a.get("bare_aliases", []):
                self.aliases.add(alias, i)          # bare names need the context like the rest
        # first words of the aliases: no alias can match in a text that holds none of them
        self.alias_firsts = sorted({words[0] for words in self.aliases.keys()})
        # those holding no wording core, without one that contains another (مركز / المركز)
        coreless = [f for f in self.alias_firsts if not any(c in f for c in _CORES)]
        self.coreless_firsts = [f for f in coreless if not any(o != f and o in f for o in coreless)]
        # every context word once: each is searched in an article once, whatever shares it
        self.context_words = sorted({c for k in self.known for c in k.context})
        self.triggers = [(t, re.compile(p)) for t, p in _TRIGGERS]
        # name -> the phrases (noun + name) that show the text means its namesake (نادي الاتفاق),
        # and one of those nouns right before a word (نجم الاتفاق، الإدارة الاتفاقية)
        self.namesakes: dict[str, tuple[re.Pattern, re.Pattern]] = {}
        namesakes = load_json("agreements.json").get("namesakes", {})
        if not isinstance(namesakes, dict) or not all(
                isinstance(v, list) and v and all(isinstance(n, str) and n.strip() for n in v)
                for v in namesakes.values()):
            raise DataFileError(f"{DATA_DIR / 'agreements.json'}: 'namesakes' must map a name to a list of nouns")
        for name, nouns in namesakes.items():
            alts = "|".join(sorted({fold(light(n)) for n in nouns}, key=len, reverse=True))
            self.namesakes[key(name)] = (
                re.compile(rf"(?<!\w)[وفبل]{{0,2}}(?:{alts})\s+{key(name)}(?!\w)"),
                re.compile(rf"(?<!\w)[وفبل]{{0,2}}(?:ال)?(?:{alts})\s+$"))
        self.trigger_words = {w: {t for t, _ in _TRIGGERS if t in types}
                              for w, types in _TRIGGER_WORDS.items()}


@lru_cache(maxsize=1)
def _catalog() -> _Catalog:
    return _Catalog()


def _trigger_types(word: str) -> frozenset:
    """Agreement types a trigger starting with ``word`` may have (read through ``_TYPES_OF``)."""
    cat = _catalog()
    types: set[str] = set()
    for v in clitic_variants(word):
        types |= cat.trigger_words.get(v, set())
        if v.startswith("ال"):
            types |= cat.trigger_words.get(v[2:], set())
    return frozenset(types)


_TYPES_OF: BoundedMemo[str, frozenset] = BoundedMemo(_trigger_types)


def _context_ok(known: _Known, folded_article: str) -> bool:
    return not known.context or any(c in folded_article for c in known.context)


def _date_matches(mention: DateMention, wanted: tuple[int, int, int | None], year_stated: bool) -> bool:
    y, m, d = wanted
    if mention.month != m:
        return False
    if mention.day is None or d is None:
        if mention.year is None:
            return True                  # فبراير شباط: same month, year left open by the text
        return mention.year == y
    if abs(mention.day - d) > 1:
        return False
    return (not year_stated) or mention.year is None or mention.year == y


def find_agreements(lines: list[str], article_date: dt.date | None,
                    text: str | None = None, all_dates: list[DateMention] | None = None,
                    tokens=None) -> list[Agreement]:
    """The agreements referred to in the article's ``lines`` (title first, then body).

    ``text`` (the folded lines joined by newlines), ``all_dates`` (``find_dates(text)``) and
    ``tokens`` (``actors.Tokens`` of it) may be passed when the caller has them already.
    """
    cat = _catalog()
    if text is None:
        text = fold(light("\n".join(lines)))
    has_core = any(core in text for core in _CORES)
    if not has_core and not any(first in text for first in cat.coreless_firsts):
        return []                        # no wording and no alias can occur
    present = {c for c in cat.context_words if c in text}
    active = {k.idx for k in cat.known if not k.context or not present.isdisjoint(k.context)}
    if not active and not has_core:
        return []                        # nothing that could name an agreement
    mentions: list[_Mention] = []
    # 1. gazetteer aliases
    if tokens is not None:
        words, spans, joined = tokens.words, tokens.spans, tokens.joined
    else:
        words, spans, joined = _tokens(text)
    taken = []
    named = active and any(first in text for first in cat.alias_firsts)
    for m in (cat.aliases.find_all(words, joined) if named else ()):
        taken.append((spans[m.start][0], spans[m.end - 1][1]))
        for idx in m.payloads:
            if idx in active:
                mentions.append(_Mention(spans[m.start][0], cat.known[idx].type, known=idx))
                break
    # 2. wordings
    if all_dates is None:
        all_dates = find_dates(text)
    for d in all_dates:
        resolve_relative(d, article_date)
    trig: list[tuple[int, int, str]] = []
    busy_until = -1
    # every wording has a core in its first word or, for ما أعلنه / بما اتفق عليه, in the
    # next one: only those words are looked at
    candidates: set[int] = set()
    if has_core:
        starts = list(map(itemgetter(0), spans))
        for hit in _CORE_RE.finditer(text):
            wi = bisect_right(starts, hit.start()) - 1
            candidates.update((wi, wi - 1))
    for wi in sorted(candidates):
        if wi < 0:
            continue
        types = _TYPES_OF[words[wi]]
        if not types:
            continue
        start_char = spans[wi][0]
        if start_char < busy_until:
            continue
        for typ, rx in cat.triggers:
            if typ in types:
                m = rx.match(text, start_char)
                if m:
                    trig.append((m.start(), m.end(), typ))
                    busy_until = m.end()
                    break
    namesakes = [(name, noun_before) for name, (named, noun_before) in cat.namesakes.items()
                 if name in text and named.search(text)]
    for n, (start, end, typ) in enumerate(trig):
        if any(s <= start < e for s, e in taken):
            continue
        before = text[max(0, start - 60):start]
        concluded = bool(_CONCLUDED.search(before))
        if namesakes and _namesake(text[start:end], before, concluded, namesakes):
            continue                     # عاد إلى الاتفاق: the club the text names (نادي الاتفاق)
        prev_words = WORD_RE.findall(before)[-3:]
        if prev_words and any(v in _BEFORE_SKIP for v in clitic_variants(prev_words[-1])) \
                or not _NOT.isdisjoint(prev_words):
            continue
        after = text[end:end + 40]
        if typ == "agreement" and re.match(r"\s+(?:علي|مع)\s", after) and not concluded:
            continue
        if typ == "declaration" and (_ANNOUNCING.match(after) or not (
                _DECL_QUAL.match(after) or _SIGN_WORDS.search(before[-50:]))):
            continue
        if typ == "agreement" and _CONTRACT_AFTER.match(after):
            continue
        if typ == "ceasefire" and "وقف" in text[start:end]:
            head = text[max(0, start - 30):start]
            if not _CEASEFIRE_OBJ.search(head) and not re.search(r"(?:اتفاق\w*|اعلان\w*|هدن\w*)\s*$", head):
                continue
        if typ in ("agreement", "declaration") and _ABOUT_CEASEFIRE.match(text, end):
            typ = "ceasefire"
        # clause of the mention: to the next trigger or sentence end
        next_start = trig[n + 1][0] if n + 1 < len(trig) else len(text)
        stop = _SENTENCE_BREAK.search(text, end)
        clause_end = min(end + AFTER_CHARS, next_start if next_start > end else len(text),
                         stop.start() if stop else len(text))
        sent_start = max([start - BEFORE_CHARS] + [i.end() for i in _SENTENCE_BREAK.finditer(text, max(0, start - BEFORE_CHARS), start)])
        dates_after = [d for d in all_dates if end <= d.start < clause_end]
        dates_before = [d for d in all_dates if sent_start <= d.start and d.end <= start]
        surface = text[start:end]
        trigger_word = WORD_RE.findall(surface)[0] if WORD_RE.findall(surface) else ""
        plural = bool(_PLURAL.search(trigger_word)) or surface.lstrip("بل").startswith("ما")
        mention = _Mention(start, typ, phrase=_phrase(text, start, end), plural=plural)
        mention.definite = any(v.startswith("ال") and trigger_word.endswith(v) for v in clitic_variants(trigger_word))
        mention.dates = dates_after if plural else (dates_after[:1] or dates_before[-1:])
        mention.date_before = not dates_after and bool(mention.dates)
        clause = text[end:clause_end]
        rng = re.search(r"بين\s+(?:عامي|العامين|سنتي)\s+(\d{4})\s+و\s*(\d{4})", clause)
        if rng:
            mention.years = (int(rng[1]), int(rng[2]))
        mention.clause_end = clause_end
        mention.concluded = concluded
        mention.between = bool(_BETWEEN.match(text, end))
        mention.construct = not mention.definite and text.startswith(" ال", end)
        mention.predicate = bool(prev_words) and prev_words[-1] in _PREDICATE_SUBJECTS
        mention.clause = text[start:clause_end]
        mention.sentence = text[sent_start:clause_end]
        mention.triple = bool(re.search(r"ثلاثي", text[start:end + 25]))
        mention.parties = _parties(text[start:clause_end])
        mentions.append(mention)
    # 3. resolve wordings to gazetteer entries
    resolved: list[_Mention] = []
    for mention in mentions:
        if mention.known is not None:
            resolved.append(mention)
            continue
        hits = _resolve(mention, active, cat)
        if hits:
            for idx in hits:
                resolved.append(_Mention(mention.start, cat.known[idx].type, known=idx))
        else:
            resolved.append(mention)
    return _merge(resolved, cat)


def _namesake(surface: str, before: str, concluded: bool, namesakes: list[tuple[str, re.Pattern]]) -> bool:
    """Whether the wording ``surface`` (``before``: the text before it; ``concluded``: a signing
    verb ends that) is a namesake the text names elsewhere: the bare name right after a noun of it
    (وقع نادي الاتفاق) or not reached or signed (عاد إلى الاتفاق), or its nisba right after such a
    noun (الإدارة الاتفاقية)."""
    word = surface.lstrip("وفبل")
    for name, noun_before in namesakes:
        if word == name and (noun_before.search(before) or not concluded):
            return True
        if word in (name + "يه", name + "ي") and noun_before.search(before) \
                and before.rstrip().split()[-1].startswith("ال"):
            return True
    return False


def _alias_in_clause(m: _Mention, mentions: list[_Mention]) -> bool:
    return any(o.known is not None and m.start < o.start <= m.clause_end for o in mentions)


def _tokens(text: str):
    spans = [(m.start(), m.end()) for m in WORD_RE.finditer(text)]
    words = [text[s:e] for s, e in spans]
    joined = [not text[spans[i][1]:spans[i + 1][0]].strip(" \t") for i in range(len(spans) - 1)] + [False]
    return words, spans, joined


def _resolve(mention: _Mention, active: set[int], cat: _Catalog) -> list[int]:
    cands = [k for k in cat.known if mention.type in k.mention_types and k.idx in active]
    if not cands:
        return []
    hits: list[int] = []
    if mention.plural and mention.years and not mention.dates:
        lo, hi = mention.years
        return [k.idx for k in cands if k.date and lo <= k.date.year <= hi
                and (not mention.triple or len(k.parties) == 3)]
    for d in mention.dates:
        stated = d.year_stated
        for k in cands:
            if any(_date_matches(d, w, stated) for w in k.dates) and k.idx not in hits:
                hits.append(k.idx)
                break
    if hits:
        return hits
    if not mention.dates:
        # الاتفاق بين الدول الكبرى وإيران حول البرنامج النووي: its sentence names what it is about
        about = [k.idx for k in cands if any(all(w in mention.sentence for w in group) for group in k.topics)]
        return about if len(about) == 1 else []
    # one candidate in the year the clause names (اتفاق لوقف إطلاق النار ... 2020)
    years = {d.year for d in mention.dates if d.year}
    same_year = [k for k in cands if k.type == mention.type and k.date and k.date.year in years]
    return [same_year[0].idx] if len(same_year) == 1 else []


def _phrase(text: str, start: int, end: int, max_words: int = 6) -> str:
    """The wording of a generic mention: the trigger and its qualifiers, clitics dropped."""
    stop = _SENTENCE_BREAK.search(text, end)
    tail = text[end:stop.start() if stop else len(text)]
    tail = re.split(r"[،,:\"«»“”()]|\s(?:الذي|التي|الذين|في|على|عن|من|مع|حيث|بعد|قبل|ان|انه|بين)\s", tail)[0]
    words = WORD_RE.findall(text[start:end]) + WORD_RE.findall(tail)[:max_words - 1]
    first = words[0]
    for v in clitic_variants(first):
        if v.startswith(("ال", "اتف", "اعل", "معا", "مذك", "بيا", "هدن", "وقف", "ما", "تهد", "تفا")) and v == first[len(first) - len(v):]:
            first = v
            break
    return " ".join([first, *words[1:]])


def _parties(clause: str) -> list[str]:
    gz = gazetteer()
    words = WORD_RE.findall(clause)[:20]
    out = []
    for m in gz.matcher.find_all(words, [True] * len(words)):
        for kind, idx in ((p[0], p[1]) for p in m.payloads if p[0] in ("name", "adj")):
            ent = gz.entities[idx]
            if ent.kind == "country" and ent.name not in out:
                out.append(ent.name)
    return out


def _may_refer_to(m: _Mention, out: dict, cat: _Catalog) -> bool:
    """Whether an undated definite wording may refer back to an agreement already found: الاتفاق to
    any; الهدنة، المعاهدة … only to one of that type or one the gazetteer lets that word name."""
    if m.type == "agreement":
        return bool(out)
    return any(a.type == m.type for a in out.values()) or any(
        isinstance(k, int) and m.type in cat.known[k].mention_types for k in out)


def _merge(mentions: list[_Mention], cat: _Catalog) -> list[Agreement]:
    mentions.sort(key=lambda m: m.start)
    out: dict[object, Agreement] = {}
    first_seen: dict[object, int] = {}
    generic: list[_Mention] = []
    for m in mentions:
        if m.known is not None:
            k = cat.known[m.known]
            if k.idx not in out:
                out[k.idx] = Agreement(k.name, k.type, k.date, list(k.parties))
                first_seen[k.idx] = m.start
            else:
                first_seen[k.idx] = min(first_seen[k.idx], m.start)
        else:
            generic.append(m)
    for m in generic:
        m_date = None if m.date_before else next((d.to_date() for d in m.dates if d.to_date()), None)
        if m_date is None:
            if (m.definite or m.predicate) and _may_refer_to(m, out, cat):
                continue                # الاتفاق / الإعلان / إنه اتفاق …: refers back to one already found
            if m.type == "ceasefire" and any(a.type == "ceasefire" for a in out.values()):
                continue                # نظام وقف إطلاق النار: the ceasefire already found
            if _alias_in_clause(m, mentions):
                continue                # إعلان يرقي العلاقات ... إلى مستوى التحالف: named there
            if m.construct and any(isinstance(k, int) and m.type in cat.known[k].mention_types
                                   and any(c in m.clause for c in cat.known[k].context) for k in out):
                continue                # اتفاق القوى الكبرى ... أنشطة طهران النووية: the one named
        elif any(a.date == m_date for a in out.values()):
            continue
        if m.type == "agreement" and m_date is None and len(m.phrase.split()) < 2 and not m.concluded \
                and not m.between:
            continue                   # a bare "اتفاق" with nothing to tell it apart
        gkey = (m.type, m_date) if m_date else (m.type, m.phrase)
        if gkey in out:
            continue
        if m_date is None and any(isinstance(k, tuple) and k[0] == m.type and not (
                m.parties and out[k].parties and set(m.parties).isdisjoint(out[k].parties)) for k in out):
            continue                   # same wording type, no date: same agreement (unless its
                                       # parties are others: اتفاقية سيفر مع تركيا، اتفاق فرنسا وليبيا)
        out[gkey] = Agreement(m.phrase, m.type, m_date, m.parties)
        first_seen[gkey] = m.start
    return [out[k] for k in sorted(out, key=lambda k: first_seen[k])]
