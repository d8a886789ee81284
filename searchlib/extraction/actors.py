"""Finding the actors (people, organizations, countries) an article is about.

1. Gazetteer names and aliases (clitics allowed on the first word) name an actor directly.
   Weak aliases (short forms that are also ordinary words: هادي، الأسد) only count once the
   same actor is named by a full name or a role.
2. Office titles (الرئيس الروسي) resolve to whoever held the office in the article's year; with
   no year known, only to a holder already named in the article. A title directly followed by a
   name is the name's title, not a separate mention.
3. People missing from the gazetteer are found the way news introduces them: an office or rank
   word (وزير الدفاع التركي، المتحدث باسم الكرملين، مستشار الرئيس ...، الملك، الأمير، ولي العهد)
   followed by a name, or "قال NAME، ROLE ...".
4. Countries take part when named (روسيا، وأذربيجان) or when their nisba qualifies an office or a
   state body within the same phrase (الرئيس الروسي، وزير الدفاع التركي، الخارجية الروسية،
   نظيره الأذربيجاني). A nisba on anything else (الحدود الأرمينية، بيان روسي) does not make the
   country an actor.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import accumulate, chain, compress

from searchlib.extraction.data import DATA_DIR, DataFileError, load_json
from searchlib.extraction.gazetteer import Gazetteer, gazetteer, spelled_alike
from searchlib.extraction.memo import BoundedMemo
from searchlib.extraction.names import COMMON_COUNT, foreign_given_names, name_lexicon
from searchlib.extraction.text import clitic_variants, fold, key, light


@dataclass
class Actor:
    """A participant of the story under its canonical name; kind: person | organization | country."""

    name: str
    kind: str

    def to_dict(self) -> dict:
        """The JSON form ``{"name", "kind"}``."""
        return {"name": self.name, "kind": self.kind}


_RULE_WORDS_FILE = "rule_words.json"


def _rule_strings(name: str) -> tuple[str, ...]:
    """List ``name`` of data/rule_words.json as written; a missing or malformed list raises DataFileError."""
    data = load_json(_RULE_WORDS_FILE)
    items = data.get(name) if isinstance(data, dict) else None
    if items is None:
        raise DataFileError(f"{DATA_DIR / _RULE_WORDS_FILE}: missing list {name!r}")
    if not isinstance(items, list) or not all(isinstance(w, str) and w.strip() for w in items):
        raise DataFileError(f"{DATA_DIR / _RULE_WORDS_FILE}: {name!r} is not a list of words")
    return tuple(items)


def _rule_words(name: str) -> frozenset[str]:
    """The words of list ``name`` of data/rule_words.json, folded with ``key``."""
    return frozenset(key(w) for w in _rule_strings(name))


# Head words of offices and state bodies a nisba may qualify (folded keys).
_INSTITUTION_HEADS = _rule_words("institution_heads")
_NISBA_WINDOW = 3

# Office and rank words that introduce a person's name.
_PERSON_HEADS = _rule_words("person_heads")
# Honorifics written after a name (محمد علي باشا): they end it.
_POST_HONORIFICS = _rule_words("post_honorifics")
# Titles that are also family names (الملا عمر / عصام الملا): after a given name, the family name.
_FAMILY_TITLES = _rule_words("family_titles")
# Heads that are also everyday nouns (الفريق the team, الحكم the rule, الرئيس كشاب): the name after
# them must begin with a known name or a word the dictionary does not know.
_AMBIGUOUS_HEADS = _rule_words("ambiguous_heads")
# Words of office or kinship that follow a name in apposition (محمد النويصر نائب رئيس الاتحاد،
# وأوضح محمد لباد والد الطفلة).
_APPOSITION_HEADS = _rule_words("apposition_heads")
# Nouns named after a person (مطار الملك فهد، كأس الأمير نواف بن فيصل، ملعب الأمير عبدالله بن
# جلوي): the title and name after them name the thing, not an actor of the story.
_EPONYM_NOUNS = _rule_words("eponym_nouns")
_EPONYM_TITLES = _rule_words("eponym_titles")
# Works whose title may be a name (سلسلة أفلام «هاري بوتر»، فيلم جون ويك): indefinite only, since
# بطولة الفيلم ريبيكا فيرغسون names the film's actors.
_WORK_NOUNS = _rule_words("work_nouns")
# Words after a name that make it a thing's name (مستشفى الملك فهد التخصصي، بطولة مازدا العاشرة).
_THING_WORDS = _rule_words("thing_words")
# Office-phrase words followed by a place or state name that belongs to the office, not the name.
_TAKES_COMPLEMENT = _rule_words("takes_complement")
# Foreign first names that begin like the Arabic article (الكسندر نوفاك، مونتي أليخاندرو روبيدو): a
# name may start with them, and go on after them, although other ال- words end an office phrase
# (not ألان: it folds to الآن, now).
_AL_FIRST_NAMES = _rule_words("al_first_names")
# Arabic given names with the article (المدرب التونسي المنصف الشرقي، الأمير الحسن بن طلال): they
# begin a name after an office, but, unlike the foreign ones, may also end one (محمد الحسن).
_AL_ARABIC_FIRST_NAMES = _rule_words("al_arabic_first_names")
# Honorifics and words of office that are never part of a name.
_HONORIFICS = _rule_words("honorifics")
_BODY_WORDS = _rule_words("body_words")
# places a nationality may qualify before the place's own name (العاصمة الإثيوبية أديس أبابا)
_PLACES = _rule_words("places")
# qualifiers of an office that come between it and the name (الرئيس الفرنسي السابق نيكولا ساركوزي)
_OFFICE_QUALIFIERS = _rule_words("office_qualifiers")
# place nouns whose name follows them inside an office phrase (مدير التعليم بمنطقة مكة المكرمة)
_PLACE_NOUNS = _rule_words("place_nouns")
# verbs of the blessings that follow a name (طيب الله ثراه، رحمه الله), not name parts such as
# نصر الله
_BLESSINGS = _rule_words("blessings")
# second halves of compound first names written apart (عز الدين، عبد الله)
_NAME_SECOND_HALVES = _rule_words("name_second_halves")
# Given names written as two words with الدين / الإسلام (خير الدين، سيف الإسلام): second halves, first halves
_DIN_SECOND_HALVES = _rule_words("din_second_halves")
_COMPOUND_DIN_FIRSTS = _rule_words("compound_din_firsts")
# (and the foreign first names that begin so: سيزار، ستيفن)
_S_NAMES = _rule_words("s_names") | frozenset(w for w in foreign_given_names() if w[:2] in ("سي", "ست", "سن"))
# (and the foreign first names that begin with و: ويليام، ويلفريد)
_W_NAMES = _rule_words("w_names") | frozenset(w for w in foreign_given_names() if w[0] == "و")


def _and_stripped(word: str) -> str:
    """``word`` without the conjunction و before a given name (وخالد → خالد), else as it is: not a
    name that begins with و (وسام، وليد) or is a given name itself."""
    names = name_lexicon()
    if len(word) > 3 and word[0] == "و" and word not in _W_NAMES and names.is_given(word[1:]) \
            and not names.is_given(word):
        return word[1:]
    return word
# Month names that are also given names (اللاعب رمضان صبحي); only after a title.
_MONTH_NAMES = _rule_words("month_names")
_ROYAL_HEADS = _rule_words("royal_heads")
# Ordinals: a thing's edition (بطولة مازدا العاشرة), but after a royal title the regnal number of a
# queen or king (الملكة إليزابيث الثانية، الخديو عباس حلمي الثاني).
_REGNAL_ORDINALS = _rule_words("feminine_ordinals") | _rule_words("masculine_ordinals")
# Words that may follow an office word before the name (باسم الكرملين، لشؤون ...).
_ROLE_LINK = _rule_words("role_link") | _HONORIFICS
# State bodies a title may own without its holder taking part (سفير خادم الحرمين الشريفين).
_POSSESSED_BODIES = _rule_words("possessed_bodies")
# Offices that serve another (مستشار خادم الحرمين الشريفين، المتحدث باسم الأمين العام): the title
# after them does not make its holder an actor, though a name written after it does.
_SERVING_OFFICES = _rule_words("serving_offices")
# Institution nouns whose next word is the institution's own name (جامعة نايف، شركة هيونداي).
_NAMED_BODIES = _rule_words("named_bodies")
# Words that are never part of a name.
_NOT_NAME = _rule_words("not_name")
# نظام الأسد، حكومة نتنياهو: a government named after its leader names the leader
_REGIME_NOUNS = _rule_words("regime_nouns")
# نجله محمد، زوجته سارة: a relative named after a kinship word with its pronoun
_KIN_WORDS = _rule_words("kin_words")
# الثنائي ياسر القحطاني ونواف العابد: the names of a pair or trio follow as after كل من
_GROUP_NOUNS = frozenset(form for g in _rule_words("group_nouns")
                         for form in (g, "و" + g, "ب" + g, "ل" + g[1:], "ول" + g[1:]))   # (وللثنائي)
# Particles inside foreign names (فان دير، دي لا، دا): after them the name goes on.
_FOREIGN_PARTICLES = _rule_words("foreign_particles")
_EAST_ASIAN = _rule_words("east_asian_syllables")


def _east_asian_third(words: list[str], out: list[int], k: int, strip_first: bool = False) -> bool:
    """Whether word ``k`` is the third syllable of an East Asian name whose first two are ``out``
    (ليو تيونج لاي، نام تاي هي): Arabic words such as لاي or هي are names there."""
    if len(out) != 2 or words[k] not in _EAST_ASIAN:
        return False
    first = words[out[0]][1:] if strip_first else words[out[0]]
    return first in _EAST_ASIAN and words[out[1]] in _EAST_ASIAN


_CONNECTORS = _rule_words("connectors")
_LINEAGE_LINKS = frozenset(("بن", "بنت"))    # son of, daughter of (folded keys)
_SPEECH_VERBS = _rule_words("speech_verbs")
# Words of a person's age after the name (محمد نهاري (22 عاما)، نور الدين السوالمة 43 سنة).
_AGE_WORDS = _rule_words("age_words")


_SPLIT_RE = re.compile(r"(\W+)")
_QUOTES = "\"“”«»'"


def _is_comma_gap(gap: str) -> bool:
    """A comma and/or quotes only (الرئيس الروسي، فلاديمير بوتين / " جيمس أوبراين ")."""
    if not gap:
        return False
    core = gap.replace(" ", "").replace("\t", "")
    stripped = core.strip(_QUOTES)
    return (stripped in ("،", ",") and len(core) <= 3) or (not stripped and len(core) <= 2)


def _name_glue(words: list[str], x: int) -> bool:
    """Whether word ``x`` only joins a name's parts: بن، آل، or the الله of عبد الله."""
    return words[x] in _CONNECTORS or (words[x] in _NAME_SECOND_HALVES and x > 0 and words[x - 1] in _CONNECTORS)


def _plain_end(joined: list[bool], k: int) -> bool:
    """Whether a phrase plainly ends before word ``k`` (``joined``: a ``Tokens``' gaps): the text's
    or line's end, punctuation or a dash, not a space."""
    return k >= len(joined) or not joined[k - 1]


def _clause_end(tk: Tokens, k: int) -> bool:
    """Whether a name ends plainly before word ``k``: punctuation, the line's end, or the
    complementizer of reported speech (… حامد الفقيه أن الجمعية)."""
    return _plain_end(tk.joined, k) or tk.words[k] in _THAT


def _age_at(tk: Tokens, k: int) -> bool:
    """Whether a person's age stands at word ``k``, after a space, a comma or a bracket
    (… نهاري (22 عاما)، … السوالمة 43 سنة): only a person's name is followed by it."""
    words = tk.words
    return (k + 1 < len(words) and words[k].isdigit() and len(words[k]) <= 3 and words[k + 1] in _AGE_WORDS
            and tk.joined[k] and (tk.joined[k - 1] or tk.comma[k - 1] or tk.gap(k - 1).strip() == "("))


def _office_with_pronoun(word: str) -> bool:
    """An office word with a possessive pronoun (سفيرنا، مديرها، وزيرهم)."""
    return any(word.endswith(ending) and (word[:-len(ending)] in _APPOSITION_HEADS
                                          or word[:-len(ending)] in _PERSON_HEADS)
               for ending in ("نا", "ها", "هم", "ه"))


def _joined_after(tk: Tokens, i: int, nouns: frozenset[str]) -> bool:
    """Whether word ``i`` follows, joined, one of ``nouns`` (with or without a clitic: لحكومة، ونظام)."""
    return bool(i) and tk.joined[i - 1] and not nouns.isdisjoint(clitic_variants(tk.words[i - 1])[:3])


def _office_accusative(word: str) -> bool:
    """An office in the accusative (مديرا، رئيسا، عضوا): what someone is named or serves as,
    so the name before it has ended."""
    return len(word) > 3 and word[-1] == "ا" and bool(_head_of(word[:-1]))


def _nationals(word: str) -> bool:
    """A nationality in the dual used as a noun (السعوديان عالي الميموني وعلي الشمراني)."""
    if not (word.startswith("ال") and word.endswith("يان") and len(word) > 7):
        return False
    hit = gazetteer().matcher.match_at([word[:-2]], 0, [False])
    return bool(hit) and all(p[0] == "adj" for p in hit.payloads)


def _head_of(word: str) -> str:
    """The office word ``word`` is (clitics allowed), or "" ; memoized per word type."""
    return _HEAD_OF[word]


def _find_head(word: str) -> str:
    return next((v for v in clitic_variants(word) if v in _PERSON_HEADS or _nationals(v)), "")


_HEAD_OF: BoundedMemo[str, str] = BoundedMemo(_find_head)


@lru_cache(maxsize=1)
def _stop_words() -> frozenset:
    """Function words of the arabic-stopwords package (folded), minus forms that are also names."""
    # a well-kept list of ~13,000 inflected function words beats a hand-made one
    from arabicstopwords.arabicstopwords import stopwords_list
    return frozenset(key(w) for w in stopwords_list()) - _STOP_BUT_NAME


_POSSESSIVE_ENDINGS = _rule_strings("possessive_endings")
# Ranks and honorifics written directly before a name.
_NAME_TITLES = _rule_words("name_titles")
_THAT = _rule_words("that")
_RELATIVES = _rule_words("relatives")
# Callings after which one name alone is a person (اللاعب نيمار، المدرب ألفارو، الطفلة زينب); after
# an office or a royal title one name is a surname or too ambiguous (الرئيس أوباما، الأمير سلطان).
_CALLINGS = _rule_words("callings")
_FORM_NAME_WORDS = 7         # a name in a form's entry: up to six words before its nationality
_STOP_BUT_NAME = _rule_words("stop_but_name")
_BA_NAMES = _rule_words("ba_names") | frozenset(w for w in foreign_given_names() if w.startswith("با"))   # باستيان


@lru_cache(maxsize=1)
def _month_words() -> frozenset:
    from searchlib.extraction.dates import calendar
    return frozenset(calendar().month_first) | frozenset(calendar().hijri_first)


class Tokens:
    """Words of a text (folded), their surfaces (light form), offsets and the gaps between them.

    Built once per article and shared by actor and agreement finding. A gap is *joined* when it is
    only spaces (words of one phrase), *comma* when it is a comma and/or quotes (apposition).
    A line break is neither.
    """

    def __init__(self, line: str, lt: str | None = None, ft: str | None = None) -> None:
        lt = light(line) if lt is None else lt
        ft = fold(lt) if ft is None else ft
        self._light = lt
        # one C-level split gives words and gaps alternately; fold keeps offsets, so surfaces
        # and spans are cut from the light text by offset, only when asked for (see below)
        parts = _SPLIT_RE.split(ft)
        lead = 0
        if parts and parts[0] == "":
            lead = len(parts[1]) if len(parts) > 1 else 0
            parts = parts[2:]
        if parts and parts[-1] == "":
            parts = parts[:-2]
        self._parts, self._lead = parts, lead
        self._spans: list[tuple[int, int]] | None = None
        self._surface: list[str] | None = None
        self.words = parts[0::2]
        gaps = parts[1::2]
        # gap strings repeat (" ", "، ", ". "...): classify each distinct gap once
        kinds = list(map(_GAP_KIND.get, gaps))
        if None in kinds:
            kinds = [k if k is not None else _gap_kind(g) for k, g in zip(kinds, gaps)]
        self.joined = list(map(_JOINED_KIND.__getitem__, kinds)) + [False]
        self.comma = list(map(_COMMA_KIND.__getitem__, kinds)) + [False]
        self.abbreviations: set[int] = set()
        if "د" in self.words or "م" in self.words:   # د. عزام الدخيل، م. عصام الملا: the dot joins
            for i, w in enumerate(self.words[:-1]):
                if (w == "د" or w == "م") and gaps[i].strip(" \t") == ".":
                    self.joined[i] = True
                    self.abbreviations.add(i)

    @cached_property
    def given_at(self) -> list[int]:
        """Indices of the words that are given names, bare or after و (two scans ask for them)."""
        return name_lexicon().given_positions(self.words)

    @cached_property
    def label_positions(self) -> list[int]:
        """The words a form's slash or colon follows (العريف / فلان، الجاني: فلان); each distinct
        gap is looked at once."""
        gaps = self._parts[1::2]
        labels = {g for g in set(gaps) if g.replace(" ", "") in ("/", ":")}
        return [i for i, g in enumerate(gaps) if g in labels] if labels else []

    def gap(self, i: int) -> str:
        """The text between word ``i`` and the next, as written (folded)."""
        return self._parts[2 * i + 1] if 2 * i + 1 < len(self._parts) else ""

    def written_ala(self, i: int) -> bool:
        """Whether word ``i`` is written على, the preposition (folded, it is علي like the name)."""
        return self.cut([i])[0].endswith("ى")

    def quotes_after(self, i: int) -> bool:
        """Whether only quotes stand between word ``i`` and the next (ملعب «بوريس …»)."""
        core = self.gap(i).replace(" ", "")
        return bool(core) and not core.strip(_QUOTES)

    def dash_after(self, i: int) -> bool:
        """Whether a dash follows word ``i`` (a byline: الاسم – المصدر)."""
        gap = self.gap(i)
        return "-" in gap or "–" in gap or "—" in gap

    @property
    def spans(self) -> list[tuple[int, int]]:
        """(start, end) offsets of every word in the text."""
        if self._spans is None:
            starts = list(accumulate(chain((self._lead,), map(len, self._parts))))
            self._spans = list(zip(starts[0::2], starts[1::2]))
        return self._spans

    @property
    def surface(self) -> list[str]:
        """Every word as written (light form: diacritics gone, letters not folded)."""
        if self._surface is None:
            lt = self._light
            self._surface = [lt[s:e] for s, e in self.spans]
        return self._surface

    def cut(self, indices) -> list[str]:
        """The surfaces of the words at ``indices`` (cheaper than ``surface`` for a few words)."""
        if self._surface is not None:
            return [self._surface[i] for i in indices]
        lt, spans = self._light, self.spans
        return [lt[spans[i][0]:spans[i][1]] for i in indices]


# gap string -> 0 other, 1 joined (spaces only), 2 comma/quotes (apposition)
_GAP_KIND: dict[str, int] = {}
_JOINED_KIND = (False, True, False)
_COMMA_KIND = (False, False, True)


def _gap_kind(gap: str) -> int:
    if gap == " " or not gap.strip(" \t") or gap == "-":
        kind = 1                         # a bare hyphen joins: كيم كو-أون، بارك هونج-سيك
    elif _is_comma_gap(gap.strip(" \t")):
        kind = 2
    else:
        kind = 0
    if len(_GAP_KIND) > 50_000:
        _GAP_KIND.clear()
    _GAP_KIND[gap] = kind
    return kind


_Tokens = Tokens



class ActorFinder:
    """Collects actors over the lines of one article."""

    def __init__(self, year: int | None) -> None:
        self.gz: Gazetteer = gazetteer()
        self.year = year
        self.order: dict[tuple[str, str], int] = {}      # (name, kind) -> first position
        self.strong: set[int] = set()
        self.weak: dict[int, int] = {}
        self.roles: list[tuple[str, int]] = []
        # undated text: the years a title named with its holder fixes (الملك سلمان: 2015 on), and who
        self.eras: list[tuple[int, int]] = []
        self.anchored: set[int] = set()
        self.unknown: dict[str, tuple[str, int]] = {}    # key -> (surface, position)
        self.person_spans: list[tuple[int, int]] = []     # (start, end) positions of names found
        self.context: set[int] = set()                    # countries the text's wording points to
        self.pos = 0

    def _see(self, entity: int, pos: int) -> None:
        self.strong.add(entity)
        self.order.setdefault((self.gz.entities[entity].name, self.gz.entities[entity].kind), pos)

    def add_line(self, line: str | Tokens) -> None:
        """Scan one line (or the pre-tokenized text) of the title and body."""
        tk = line if isinstance(line, Tokens) else Tokens(line)
        words = tk.words
        if not words:
            return
        matches = self.gz.matcher.find_all(words, tk.joined)
        match_at = {m.start: m for m in matches}
        for m in matches:
            pos = self.pos + m.start
            kinds = {p[0] for p in m.payloads}
            if "context" in kinds:
                self.context.update(p[1] for p in m.payloads if p[0] == "context")
                kinds.discard("context")
                if not kinds:
                    continue     # المملكة: says which country, names no actor
            if kinds & {"name", "weak", "role"} and self._eponym_or_part(tk, m.start) and \
                    words[m.start - 1] not in _CONNECTORS and \
                    all(p[0] == "role" or self.gz.entities[p[1]].kind == "person" for p in m.payloads
                        if p[0] != "adj" and p[0] != "context"):
                continue         # كأس ولي العهد، مطار الملك عبدالعزيز: a thing named after a person
            if kinds & {"name", "weak"} and (self._surname_of_another(tk, m) or self._tail_of_another(tk, m)
                                             or self._first_of_another(tk, m) or self._son_of_another(tk, m)):
                continue
            if "name" in kinds:
                if self._longer_name(tk, m):
                    continue
                if self._people_of(m, ("name",)):
                    self.person_spans.append((pos, self.pos + m.end))
                for p in m.payloads:
                    if p[0] == "name":
                        self._see(p[1], pos)
                        if self.year is None and self.gz.entities[p[1]].kind == "person":
                            self._title_era(tk, m.start, p[1])
                        break
            elif "weak" in kinds:
                ent = next(p[1] for p in m.payloads if p[0] == "weak")
                if self.gz.entities[ent].kind == "person" and (
                        _joined_after(tk, m.start, _REGIME_NOUNS) or self._title_before(tk, m.start, ent)):
                    self._see(ent, pos)          # نظام الأسد: a regime is named after its leader; الرئيس هادي
                else:
                    self.weak.setdefault(ent, pos)
            elif "role" in kinds:
                if _joined_after(tk, m.start, _POSSESSED_BODIES):
                    continue             # سفارة خادم الحرمين الشريفين: the state, not the person
                # the gazetteer person the office names, right after it or after its complement
                named = match_at.get(m.end)
                if named is None or not (tk.joined[m.end - 1] or tk.comma[m.end - 1]) or not self._people_of(named):
                    named = None
                tail = self._skip_role_tail(tk, m.end, m.start, match_at)
                if named is None and tail > m.end and tail in match_at and self._people_of(match_at[tail]):
                    named = match_at[tail]
                named_next = named is not None
                captured = None
                if not named_next and tail < len(words) and (tk.joined[tail - 1] or tk.comma[tail - 1]):
                    captured = self._name_after(tk, tail, royal=words[m.start] in _ROYAL_HEADS, matches=match_at)
                names_someone = (tail < len(words) and (tk.joined[tail - 1] or tk.comma[tail - 1])
                                 and name_lexicon().is_plain_given(words[tail]))
                role_key = next(p[1] for p in m.payloads if p[0] == "role")
                if named_next and self.year is None:
                    for ent in self._people_of(named, ("name",)):
                        if years := self.gz.tenure(role_key, ent):
                            self.eras.append(years)      # ولي ولي العهد الأمير محمد بن سلمان
                            self.anchored.add(ent)
                if captured:
                    holder = self._holder_cut_short(role_key, captured)
                    if holder is not None:
                        self._see(holder, pos)   # أمير منطقة عسير الأمير فيصل بن خالد (بن عبدالعزيز)
                    else:
                        self._unknown(captured, pos)
                elif not named_next and not names_someone and not _joined_after(tk, m.start, _SERVING_OFFICES) \
                        and not (m.end < len(words) and tk.joined[m.end - 1] and self._other_country(words[m.end])):
                    # (الملك عبد العزيز names the founder, not the king of the article's year; وزير العدل
                    # اليمني, رئيس الوزراء الماليزي: another country's office the gazetteer does not list)
                    self.roles.append((role_key, pos))
                self._nisba_in(m, tk, pos, role_phrase=True)
            elif "adj" in kinds:
                self._nisba(m, tk, words, pos)
                if words[m.start].startswith(("ال", "لل", "بال", "وال")) and m.end < len(words) \
                        and tk.joined[m.end - 1] \
                        and not self._eponym_or_part(tk, m.start) and not self._qualifies_body(tk, m.start) \
                        and not self._qualifies_noun(tk, m.start) \
                        and (not words[m.end].startswith("ال") or words[m.end] in _AL_FIRST_NAMES) \
                        and not name_lexicon().is_common(words[m.end]):
                    # (the nationality vouches for no everyday word after it: السعودي بموجب المرسوم)
                    # a nationality used as a noun before a name: البلجيكي توبي الدرفيرلد
                    captured = self._name_after(tk, m.end, royal=False, matches=match_at) or \
                        self._single_name(tk, m.end, match_at, after_calling=False)
                    if captured:
                        self._unknown(captured, self.pos + m.end)
                        self._coordinated(tk, m.end + len(captured), match_at)
        self._heads(tk, match_at)
        self._lists(tk, match_at)
        self.pos += len(words) + 1

    def _nisba_in(self, m, tk: _Tokens, pos: int, role_phrase: bool) -> None:
        """A role title such as الرئيس الروسي names its country too."""
        for i in range(m.start, m.end):
            for variant in clitic_variants(tk.words[i]):
                hit = self.gz.matcher.match_at([variant], 0, [False])
                if hit and any(p[0] == "adj" for p in hit.payloads):
                    ent = next(p[1] for p in hit.payloads if p[0] == "adj")
                    self._see(ent, pos)
                    return

    def _nisba(self, m, tk: _Tokens, words: list[str], pos: int) -> None:
        ent = next(p[1] for p in m.payloads if p[0] == "adj")
        i = m.start
        for j in range(i - 1, max(-1, i - 1 - _NISBA_WINDOW), -1):
            if not tk.joined[j]:
                break
            if any(v in _INSTITUTION_HEADS for v in clitic_variants(words[j])):
                self._see(ent, pos)
                return

    def _surname_of_another(self, tk: _Tokens, m) -> bool:
        """A one-word alias right after a known given name that is not the person's own (يوسف
        أوباما is not باراك أوباما): record the full name as someone else."""
        if m.end - m.start != 1 or not m.start or not tk.joined[m.start - 1]:
            return False
        prev = tk.words[m.start - 1]
        names = name_lexicon()
        strip = _and_stripped(prev) != prev
        prev = prev[1:] if strip else prev
        if not names.is_plain_given(prev) or prev in _NOT_NAME:
            return False
        people = self._people_of(m)
        before = tk.words[m.start - 2] if m.start >= 2 and tk.joined[m.start - 2] else ""
        if not people or any(prev in self.gz.name_words(e) or before in self.gz.name_words(e)
                             for e in people):
            return False                 # خالد محفوظ بحاح: محفوظ is his own father's name
        if m.start >= 2 and tk.joined[m.start - 2] and tk.words[m.start - 2] in _CONNECTORS:
            return False                 # بن سلمان: the chain is his
        if m.start >= 2 and tk.joined[m.start - 2] and _head_of(tk.words[m.start - 2]) and any(
                spelled_alike(prev, word) for e in people for word in self.gz.name_words(e)):
            return False                 # الرئيس فلاديمر بوتين: a spelling of his own first name
        start = m.start - 1
        if not strip:    # بندر محمد سلطان عسيري: a father's and a grandfather's given names before it
            while start > 0 and m.start - start < 3 and tk.joined[start - 1] \
                    and names.is_plain_given(tk.words[start - 1]) and tk.words[start - 1] not in _NOT_NAME:
                start -= 1
        surfaces = tk.cut(range(start, m.end))
        self._unknown([surfaces[0][1:] if strip else surfaces[0], *surfaces[1:]], self.pos + start, other=True)
        return True

    def _son_of_another(self, tk: _Tokens, m) -> bool:
        """A gazetteer person right after بن/بنت is the father in someone else's lineage (الأمير
        بندر بن سلمان بن عبدالعزيز is not the king): records the whole lineage as someone else."""
        words = tk.words
        if m.start < 2 or words[m.start - 1] not in _LINEAGE_LINKS or not (tk.joined[m.start - 2]
                                                                         and tk.joined[m.start - 1]):
            return False
        if not self._people_of(m):
            return False
        start = m.start - 2
        while start >= 2 and words[start - 1] in _LINEAGE_LINKS and tk.joined[start - 2] and tk.joined[start - 1]:
            start -= 2                   # سعود بن فهد بن عبدالله بن مساعد
        if not self._name_like(words[start], True) or _head_of(words[start]):
            return False
        end = m.end
        while end + 1 < len(words) and words[end] in _CONNECTORS and tk.joined[end - 1] and tk.joined[end] \
                and self._name_like(words[end + 1], False):
            end += 2                     # … بن مساعد بن عبدالعزيز، … آل سعود
        self._unknown(tk.cut(range(start, end)), self.pos + start, other=True)
        return True

    def _first_of_another(self, tk: _Tokens, m) -> bool:
        """A one-word alias that opens a foreign name with particles (كاميرون فان دير بيرغ is not
        ديفيد كاميرون): records the longer name as someone else."""
        words = tk.words
        k = m.end
        if m.end - m.start != 1:
            return False
        while k < len(words) and tk.joined[k - 1] and words[k] in _FOREIGN_PARTICLES:
            k += 1
        if k == m.end or k >= len(words) or not tk.joined[k - 1] or not self._name_like(words[k], False) \
                or name_lexicon().is_common(words[k]):
            return False
        self._unknown(tk.cut(range(m.start, k + 1)), self.pos + m.start, other=True)
        return True

    def _tail_of_another(self, tk: _Tokens, m) -> bool:
        """A two-word gazetteer name ending a longer one after a title (العريف مفرح علي أحمد عسيري
        is not أحمد عسيري): given names before it that are not the person's own, with a title
        before them. Records the full name as someone else."""
        words = tk.words
        if m.end - m.start != 2 or not m.start or not tk.joined[m.start - 1]:
            return False
        names = name_lexicon()
        people = self._people_of(m, ("name",))
        if not people:
            return False
        k = m.start
        while k > 0 and m.start - k < 3 and tk.joined[k - 1] and names.is_given(words[k - 1]) \
                and not _head_of(words[k - 1]) and words[k - 1] not in _OFFICE_QUALIFIERS:
            k -= 1
        if k == m.start or any(words[x] in self.gz.name_words(e) for x in range(k, m.start) for e in people):
            return False
        if not (k and tk.joined[k - 1] and (_head_of(words[k - 1]) or words[k - 1] in _HONORIFICS)):
            return False                 # بن سلمان أحمد عسيري، ، محمد نواز شريف: no title before
        self._unknown(tk.cut(range(k, m.end)), self.pos + k, other=True)
        return True

    def _longer_name(self, tk: _Tokens, m) -> bool:
        """A ``X بن Y`` alias followed by a family name is someone else (عبدالله بن عبدالعزيز الربيعة),
        and so is a two-word ``X Y`` followed by a grandfather's name (أحمد عيد عبدالملك لاعب …)."""
        words = tk.words
        if m.end >= len(words) or not tk.joined[m.end - 1]:
            return False
        if "بن" not in words[m.start:m.end]:
            names = name_lexicon()
            nxt, end = words[m.end], m.end + 1
            if (m.end - m.start == 2 and not words[m.start + 1].startswith("ال") and names.is_given(nxt)
                    and not names.is_ambiguous_given(nxt)
                    and (self._name_ends(tk, end) or (tk.joined[m.end] and words[end] in _APPOSITION_HEADS))
                    and all(p[0] == "name" and self.gz.entities[p[1]].kind == "person" for p in m.payloads)):
                self._unknown(tk.cut(range(m.start, end)), self.pos + m.start)
                return True
            return False
        nxt = words[m.end]
        if m.start and self._eponym_or_part(tk, m.start - 1 if words[m.start - 1] in _ROYAL_HEADS else m.start):
            return False                 # مركز الملك عبدالله بن عبدالعزيز الحضاري: a thing's name
        if nxt in _THING_WORDS:
            return True                  # (جائزة) الملك عبدالله بن عبدالعزيز العالمية: a thing's name
        if not nxt.startswith("ال") or nxt in _NOT_NAME or self._is_nisba(nxt) or \
                _head_of(nxt) or nxt in _HONORIFICS or nxt in ("ال",) or name_lexicon().is_common(nxt):
            return False                 # (وأبدى الأمير محمد بن سلمان الشكر: a noun, no family name)
        if any(p[0] != "name" or self.gz.entities[p[1]].kind != "person" for p in m.payloads):
            return False
        self._unknown(tk.cut(range(m.start, m.end + 1)), self.pos + m.start)
        return True

    def _holder_cut_short(self, role_key: str, captured: list[str]) -> int | None:
        """The office's holder when the name after the office is the start of the holder's
        lineage name (``فيصل بن خالد`` for فيصل بن خالد بن عبدالعزيز), else None."""
        parts = key(" ".join(captured)).split()
        if not any(p in _LINEAGE_LINKS for p in parts):
            return None
        # the name vouches for the office: with no year, any one holder it fits will do
        fits = {r.entity for r in self.gz.roles.get(role_key, ())
                if (self.year is None or r.start <= self.year <= r.last)
                and _lineage_prefix(parts, key(self.gz.entities[r.entity].name).split())}
        return fits.pop() if len(fits) == 1 else None

    def _other_country(self, word: str) -> bool:
        """Whether ``word`` after a bare office names the office's country (اليمني، الماليزي،
        الجنوبي), so the office is not one the gazetteer's holders hold (not الحالي، السابق)."""
        return self._is_nisba(word) or (word.startswith("ال") and word.endswith("ي") and len(word) > 4
                                        and word not in _OFFICE_QUALIFIERS)

    def _title_era(self, tk: _Tokens, i: int, entity: int) -> None:
        """For an undated text: a person named with one of his titles (الملك سلمان، خادم الحرمين
        الشريفين الملك سلمان، الرئيس هادي) fixes the years of the story to that title's."""
        words = [tk.words[i], *([tk.words[i - 1]] if i and tk.joined[i - 1] else [])]
        for word in words:
            for variant in clitic_variants(word)[:3]:
                if years := self.gz.title_years(entity, variant):
                    self.eras.append(years)
                    self.anchored.add(entity)
                    return

    def _title_before(self, tk: _Tokens, i: int, entity: int) -> bool:
        """Whether the weak alias at ``i`` follows, joined, a title its person held in the article's
        year (للرئيس هادي، الملك سلمان), so the short name is that person's."""
        return bool(i) and tk.joined[i - 1] and any(
            self.gz.titled(entity, v, self.year) for v in clitic_variants(tk.words[i - 1])[:3])

    def _skip_role_tail(self, tk: _Tokens, j: int, i: int, match_at: dict) -> int:
        """Index after the rest of an office phrase (ال- words, links, nisbas, bodies' names)."""
        words = tk.words
        while j < len(words) and j - i <= 8 and tk.joined[j - 1]:
            if j in match_at and self._people_of(match_at[j]):
                if words[j - 1] == "باسم":   # الناطقة باسم دي ميستورا جيسي شاهين
                    j = match_at[j].end
                    continue
                break
            if j in match_at:
                if self._given_before_lineage(tk, j, match_at[j]):
                    break         # مدير الجامعة تركي بن سليمان: the name, not a nisba
                j = match_at[j].end
                continue
            wj = words[j]
            if wj in _ROLE_LINK:
                j += 1
                if wj in _TAKES_COMPLEMENT and j < len(words) and tk.joined[j - 1]:
                    j = match_at[j].end if j in match_at else j + 1    # في الخرطوم / جمهورية تشاد
                continue
            if wj in _OFFICE_QUALIFIERS:
                j += 1
                continue
            if (wj in _NAMED_BODIES or wj in _PLACE_NOUNS or (wj[:1] in ("ل", "ب") and wj[1:] in _NAMED_BODIES)) \
                    and j + 1 < len(words) and tk.joined[j]:
                # شركة هيونداي الكورية، لنادي روما: the body's name, not the person's
                k = match_at[j + 1].end if j + 1 in match_at else j + 2
                if (words[j + 1] in _ROYAL_HEADS or words[j + 1] in _EPONYM_TITLES) and k == j + 2 \
                        and k < len(words) and tk.joined[k - 1]:
                    k += 1        # جامعة الملك سعود بدران العمر: the eponym's name is the body's too
                    while k + 1 < len(words) and words[k] in _LINEAGE_LINKS and tk.joined[k - 1] and tk.joined[k]:
                        k += 2    # جامعة الإمام محمد بن سعود
                j = k
                continue
            if (len(wj) >= 3 and wj[0] in "بل" and j + 1 < len(words) and tk.joined[j]
                    and (words[j + 1].startswith("ال") or wj[1:] in _PLACE_NOUNS)
                    and not name_lexicon().is_given(wj) and name_lexicon().known_word(wj[1:])
                    and not name_lexicon().is_family(words[j + 1])):      # (ونائبه بتال العتيبي)
                # a prepositional complement of the office: لكرة القدم، بأم القرى، بمنطقة مكة
                j += 2
                continue
            if (j + 1 < len(words) and tk.joined[j] and words[j + 1].startswith("ال")
                    and words[j + 1] not in _NAME_SECOND_HALVES
                    and name_lexicon().is_common(wj) and not name_lexicon().is_family(words[j + 1])):
                j += 2            # مدير عام كرة القدم بنادي الهلال: the office's own complement
                continue
            if (j == i + 1 and words[i] in ("وزير", "وزيره", "وزراء") and j + 1 < len(words)
                    and tk.joined[j] and words[j + 1].startswith("ال")):
                j += 2            # وزير حقوق الإنسان، وزير النقل: the ministry's name
                continue
            if wj.startswith(("ال", "وال", "لل", "بال")) and wj not in _AL_FIRST_NAMES \
                    and wj not in _AL_ARABIC_FIRST_NAMES:
                if wj in _NOT_NAME:
                    break
                j += 1
                continue
            break
        return j

    def _heads(self, tk: _Tokens, match_at: dict) -> None:
        """Office words followed by an unknown name; and 'قال NAME، ROLE'."""
        words = tk.words
        covered = set()
        names = name_lexicon()
        for m in match_at.values():
            if m.start and all(p[0] == "adj" for p in m.payloads) and names.is_given(words[m.start - 1]):
                continue         # سالم الكندي: a family name, not the nationality
            if self._only_weak(m) and m.end - m.start == 1 or self._given_before_lineage(tk, m.start, m):
                continue         # عبدالله، خالد: a weak alias may begin someone else's name (تركي بن)
            covered.update(range(m.start, m.end))
        heads = list(map(_HEAD_OF.__getitem__, words))      # computed only for unseen words
        for i in compress(range(len(words)), heads):
            head = heads[i]
            if i in covered or self._eponym_or_part(tk, i):
                continue
            if head in _FAMILY_TITLES and i and tk.joined[i - 1] and names.is_given(words[i - 1]):
                continue          # عصام الملا: a family name
            if (head == "د" or head == "م") and i not in tk.abbreviations:
                continue          # 2015 م، حرف د: only the abbreviation with its dot is a title
            if head in _HONORIFICS:
                j = i + 1         # الأستاذ رأفت الصباغ: a personal title has no complement
            else:
                j = self._skip_role_tail(tk, i + 1, i, match_at)
            if j - 1 >= len(words) or j >= len(words):
                continue
            # (after an office that takes a complement, the quoted word is its body: مدير عام "الألكسو")
            quoted = (head in _NAME_TITLES or head in _CALLINGS or head in _HONORIFICS
                      or words[j - 1].startswith("ال")) and self._quoted_name(tk, j, match_at)
            if quoted:
                self._unknown(quoted, self.pos + j)     # الشيخ «القرضاوي»، المدرب الأرجنتيني (كالديرون)
                continue
            if not (tk.joined[j - 1] or tk.comma[j - 1]):
                continue
            if j in match_at and not self._only_weak(match_at[j]) \
                    and not self._given_before_lineage(tk, j, match_at[j]):
                continue          # a gazetteer entry follows: already counted
            royal = head in _ROYAL_HEADS
            if head in ("رئيس", "وزير", "مساعد", "نائب", "مستشار", "سفير", "مندوب", "مبعوث",
                        "عميد", "ممثل", "محافظ", "مدير", "قائد", "مفوض", "وكيل", "حاكم") and j == i + 1 \
                    and not words[i].startswith(("ال", "وال")):
                # رئيس + name is not a title-name pair (رئيس أذربيجان، محافظ بيشة); but a one- or
                # two-word place may stand before a lineage name (محافظ خميس مشيط سعيد بن عبدالعزيز)
                # (وكيل محافظة محايل عسير علي بن إبراهيم: three words where a place noun opens them)
                spans = (j + 1, j + 2, j + 3) if words[j] in _PLACE_NOUNS else (j + 1, j + 2)
                j = next((k for k in spans if k + 1 < len(words) and all(tk.joined[j - 1:k + 1])
                          and k not in match_at and words[k + 1] in _LINEAGE_LINKS
                          and (names.is_plain_given(words[k]) or names.is_given(words[k]) and k + 2 < len(words)
                               and names.is_given(words[k + 2]))), None)     # (علي بن إبراهيم)
                if j is None:
                    continue
            if (j > i + 1 and j + 2 < len(words) and tk.joined[j] and tk.joined[j + 1] and not names.is_given(words[j])
                    and words[j + 2] in _LINEAGE_LINKS and names.is_given(words[j + 1]) and j + 1 not in match_at):
                j += 1            # وكيل محافظة محايل عسير علي بن إبراهيم: the place's last word before the name
            if head in _AMBIGUOUS_HEADS and not name_lexicon().surely_name(words[j]) \
                    and not (j > i + 1 and words[i + 1] in _OFFICE_QUALIFIERS) \
                    and not (words[j] in ("ابو", "ابا") and j + 1 < len(words)
                             and name_lexicon().is_given(words[j + 1])):   # القيادي أبو أحمد الكازمي
                continue          # (الفريق أول: the rank, whatever name follows)
            captured = self._name_after(tk, j, royal=royal, matches=match_at,
                                        titled=head in _NAME_TITLES)
            if not captured and head in _CALLINGS and (tk.joined[j - 1] or tk.quotes_after(j - 1)):
                captured = self._single_name(tk, j, match_at, after_calling=True)
            if captured:
                after = j + len(captured)
                if after < len(words) and tk.joined[after - 1] and words[after] in _NAME_TITLES:
                    continue      # مدير عام مكافحة المخدرات اللواء أحمد …: the title's name follows
                self._unknown(captured, self.pos + j)
                self._coordinated(tk, after, match_at)
        if tk.label_positions:
            self._form_entries(tk, covered, match_at)
        self._appositions(tk, covered, match_at)
        self._headless(tk, covered, match_at)
        if not _AGE_WORDS.isdisjoint(words):
            self._aged(tk, covered)
        self._relatives(tk, match_at)
        if "كل" in words or "كلا" in words or not _GROUP_NOUNS.isdisjoint(words):
            self._each_of(tk, covered, match_at)
        # reverse order: قال حكمت حاجييف، مستشار ...
        for i in compress(range(len(words)), map(_SPEECH_VERBS.__contains__, words)):
            j = i + 1
            that = next((x for x in range(j, min(j + 3, len(words) - 1)) if words[x] in _THAT), None)
            if that is not None and all(tk.joined[i:that + 1]) and not (
                    that > j and name_lexicon().is_given(words[j])):     # وقال علي الشمري إن
                j = that + 1             # وأضاف (القياديان) أن سراج حقاني زعيم …
            name_end = j
            while name_end < len(words) and name_end - j < 4 and \
                    (tk.joined[name_end - 1] or name_end == j and tk.quotes_after(i)) and \
                    (self._name_like(words[name_end], first=name_end == j)
                     or name_end == j and words[j] == "علي" and not tk.written_ala(j)) and \
                    not (name_end > j and (self._one_of(tk, name_end) or words[name_end] in ("وهو", "وهي"))):
                name_end += 1
                if tk.comma[name_end - 1]:
                    break
            if name_end - j < 2 or name_end >= len(words):
                continue
            if (words[name_end] in _THAT and (tk.joined[name_end - 1] or tk.comma[name_end - 1])
                    and words[name_end - 1] not in _CONNECTORS and name_lexicon().is_given(words[j])
                    and (not name_lexicon().is_ambiguous_given(words[j])     # وأبان صادق الحدب أنه
                         or name_end - j == 2 and name_lexicon().vouches_for_everyday_given(words[j + 1]))
                    and not any(k in covered for k in range(j, name_end))
                    and all(name_lexicon().may_continue(words[x]) for x in range(j + 1, name_end)
                            if not _name_glue(words, x))):
                self._unknown(tk.cut(range(j, name_end)), self.pos + j)
                continue                 # وقال محمد الزهراني إن …: a known given name opens it
            if not (tk.comma[name_end - 1] or tk.dash_after(name_end - 1)
                    or (tk.joined[name_end - 1] and name_end - j <= 3 and words[name_end - 1] not in _CONNECTORS)):
                continue                 # أكد نائف البكري محافظ عدن: no comma before the office
                                         # (وقال أسليهان كورتوك - مدير التسويق: a dash sets it off too)
            if any(k in covered for k in range(j, name_end)):
                continue
            role_at = name_end
            if words[name_end] in ("وهو", "وهي") and name_end + 1 < len(words) and tk.joined[name_end]:
                role_at += 1             # وأفاد محمد شريف، وهو وزير في …
            # (وقال شايي أفييور وهو شاهد عيان: وهو after the speaker's name describes him)
            if role_at > name_end or self._one_of(tk, role_at) or any(
                    v in _PERSON_HEADS or v in _APPOSITION_HEADS for v in clitic_variants(words[role_at])):
                names = name_lexicon()
                # between the verb and the office, an ال- word the dictionary knows but seldom
                # uses may be the family name (أوضح أحمد الفقيه عضو المركز)
                # (وقال حمد العمر المتحدث الرسمي: after a plain given name, any ال- word but a nisba)
                if names.may_start(words[j]) and all(
                        names.may_continue(words[x]) or words[x].startswith("ال")
                        and (not names.is_common(words[x]) or name_end - j == 2 and names.is_plain_given(words[j]))
                        and not names.looks_inflected(words[x]) and not self._is_nisba(words[x])
                        for x in range(j + 1, name_end) if not _name_glue(words, x)):
                    self._unknown(tk.cut(range(j, name_end)), self.pos + j)

    def _quoted_name(self, tk: _Tokens, j: int, match_at: dict) -> list[str] | None:
        """One to three words in quotes or brackets right after an office or title (الشيخ
        «القرضاوي»، الدكتور "إدوارد"، المدرب الأرجنتيني (كالديرون)): the marks fence the name, so
        a name the lists do not know is taken whole; None when the words cannot be a name."""
        opening = tk.gap(j - 1).replace(" ", "")
        if opening not in ("«", '"', "“", "(", "'") or j in match_at:
            return None
        closing = {"«": "»", "(": ")", "“": "”"}.get(opening, opening)
        words, names = tk.words, name_lexicon()
        end = next((e for e in range(j + 1, min(j + 4, len(words) + 1))
                    if tk.gap(e - 1).replace(" ", "").startswith(closing)), None)
        if end is None or not all(tk.joined[j:end - 1]):
            return None
        first = words[j]
        if not (names.is_given(first) or names.is_family(first) or not names.is_common(first)
                and not names.looks_inflected(first) and self._name_like(first, not first.startswith("ال"))):
            return None
        if end - j == 1 and names.known_word(first) and not (names.is_given(first) or names.is_family(first)):
            return None                  # «الإنجاز»، "قوة": a quoted word, not a name
        if end - j > 1 and not names.is_given(first):
            return None                  # (كاش تآيم): a quoted title; several words need a first name
        if any(not self._name_like(words[x], False) or names.is_common(words[x]) for x in range(j + 1, end)):
            return None
        return tk.cut(range(j, end))

    @staticmethod
    def _one_of(tk: _Tokens, k: int) -> bool:
        """Whether ``أحد``/``إحدى`` + a plural noun in construct stands at ``k`` (فريدريك بورجو أحد
        نواب رئيس الشركة): a description of the person named before it."""
        return (tk.words[k] in ("احد", "احدي") and k + 1 < len(tk.words) and tk.joined[k]
                and not tk.words[k + 1].startswith("ال") and not name_lexicon().is_given(tk.words[k + 1]))

    def _relatives(self, tk: _Tokens, match_at: dict) -> None:
        """A relative named right after a kinship word with its pronoun: one plain given name
        (نجله محمد في الحادث، زوجته سارة سعيدة), or a fuller name where a family name or بن
        follows it (شقيقه محمد العتيبي)."""
        words = tk.words
        names = name_lexicon()
        for i in range(len(words) - 1):
            w = words[i]
            if not (w in _KIN_WORDS or w[0] in "وف" and w[1:] in _KIN_WORDS) or not tk.joined[i]:
                continue
            j = i + 1
            if j in match_at or not names.is_plain_given(words[j]) or words[j] in _NOT_NAME:
                continue
            fuller = j + 1 < len(words) and tk.joined[j] and (
                names.is_family(words[j + 1]) or words[j + 1] in _LINEAGE_LINKS)
            captured = self._name_after(tk, j, royal=False, matches=match_at) if fuller else None
            self._unknown(captured or tk.cut([j]), self.pos + j)

    def _each_of(self, tk: _Tokens, covered: set, match_at: dict) -> None:
        """Names listed after كل من / كلا من (بإشراف كل من سحر خميس ولطيفة السعد) or a word for a
        pair or trio (الثنائي فيصل الخراع وعبدالله شهيل): the first must open with a known given name
        (an everyday one only before a family or rare name); the rest follow with و."""
        words = tk.words
        names = name_lexicon()
        for i in range(len(words) - 2):
            if words[i] in ("كل", "كلا") and words[i + 1] == "من" and tk.joined[i] and tk.joined[i + 1]:
                j = i + 2
            elif tk.joined[i] and words[i] in _GROUP_NOUNS:
                j = i + 1
            else:
                continue
            if j + 1 >= len(words):
                continue
            if j in covered or not names.is_given(words[j]) or words[j] in _NOT_NAME:
                continue
            captured = self._name_after(tk, j, royal=False, matches=match_at)
            if not captured:
                continue
            end = j + len(captured)
            if names.is_ambiguous_given(words[j]) and not names.vouches_for_everyday_given(words[end - 1]):
                continue
            self._unknown(captured, self.pos + j)
            self._coordinated(tk, end, match_at)

    def _form_entries(self, tk: _Tokens, covered: set, match_at: dict) -> None:
        """Names entered in a form after a rank or calling and a slash or colon, up to the entry's
        end or the nationality set off after it (جندي متدرب / عمر أحمد عمر أبو شوشة عسيري.،
        الجاني/ شاه فيصل عظيم شاه – باكستاني الجنسية –): the label fences the name, so every word
        to the entry's end belongs to it, even one that would end a name in running text."""
        words, names = tk.words, name_lexicon()
        for i in tk.label_positions:
            if i >= len(words) - 2:
                break
            heads = [_HEAD_OF[w] or _HEAD_OF["ال" + w] for w in words[max(0, i - 1):i + 1]]
            if not any(heads):
                continue
            j = k = i + 1
            # after a calling (المدعو، الجاني) any name may follow; after a rank, a given name
            if j in covered or j in match_at or not (
                    names.is_given(words[j]) or heads[-1] in _CALLINGS and self._name_like(words[j], True)):
                continue
            while k < len(words) and k - j < _FORM_NAME_WORDS and (k == j or tk.joined[k - 1]) and (
                    words[k] in _CONNECTORS or self._name_like(words[k], k == j) or names.is_given(words[k])) \
                    and not (k + 1 < len(words) and words[k + 1] == "الجنسيه"):     # (سعودي الجنسية)
                k += 1
            if k - j < 2 or k < len(words) and tk.joined[k - 1] and not (
                    k + 1 < len(words) and words[k + 1] == "الجنسيه"):
                continue                 # not the whole entry: an ordinary word follows
            self._unknown(tk.cut(range(j, k)), self.pos + j)
            covered.update(range(j, k))

    def _single_name(self, tk: _Tokens, j: int, match_at: dict, after_calling: bool) -> list[str] | None:
        """One word alone as a name (المهاجم البرازيلي نيمار، الطفلة زينب مع …، الأوروجوياني ألفارو
        مدرب الفريق): a word the dictionary does not know, or a given name no commoner than a rare
        word, where the phrase plainly ends — after a calling, at punctuation, a function word, a
        verb or an office; after a nationality alone, only at punctuation or an office."""
        words = tk.words
        names = name_lexicon()
        w = words[j]
        if (j in match_at or len(w) < 3 or w.isascii() or w.startswith(("ال", "لا")) or not self._name_like(w, True)
                or names.looks_inflected(w) or names.is_ambiguous_given(w) or not names.may_start(w)
                or names.known_word(w) and not (names.is_given(w)
                                                and (after_calling or names.corpus_count(w) < COMMON_COUNT))):
            return None
        nxt = j + 1
        if nxt >= len(words) or not tk.joined[j] or words[nxt] in _APPOSITION_HEADS or _head_of(words[nxt]) \
                or words[nxt] in _RELATIVES:
            return tk.cut([j])
        # before a word no name goes on with (روبينيو هدفا، إسماعيل بحفر): after a calling, or after
        # a nationality when the dictionary does not know the word at all (الروماني بولوني مساء)
        after = words[nxt]
        if (after_calling or not names.known_word(w)) and (
                after in _NOT_NAME or after in _THAT or after in _stop_words() or names.looks_inflected(after)
                or after[0] in "وف" and len(after) > 4 and names.looks_inflected(after[1:])   # وسيعقد
                or not names.may_continue(after)
                or names.preposition_on_word(after) and not _plain_end(tk.joined, nxt + 1)
                or self._noun_and_adjective(tk, nxt)):     # المدرب بولوني الحصة التدريبية
            return tk.cut([j])
        return None

    def _lists(self, tk: _Tokens, match_at: dict) -> None:
        """Names in a comma list with a name found (بسيدو دومبيا، جرفينيو، فيكتور ايباربو): an item of
        one to three words that can only be names (a single word: one the dictionary does not know)."""
        words = tk.words
        local = [(a - self.pos, b - self.pos) for a, b in self.person_spans
                 if self.pos <= a and b <= self.pos + len(words)]
        done = {a for a, _ in local}
        for start, end in local:
            e = end                                   # items after the name
            while (after := self._next_item(tk, e)) is not None:
                e = b = after
                while b < len(words) and b - e < 3 and (b == e or tk.joined[b - 1]) and \
                        self._list_word(words[b], b == e, words[b - 1] if b == e + 1 else "") and b not in match_at:
                    b += 1
                if b == e or b in done or not self._item_ends(tk, b) or not self._list_item(words[e:b]):
                    break
                self._unknown(tk.cut(range(e, b)), self.pos + e)
                done.add(e)
                e = b
            s = start                                 # items before it
            while (before := self._prev_item_end(tk, s)) is not None:
                a = before - 1
                while a > 0 and before - a < 3 and tk.joined[a - 1] and self._list_word(words[a - 1], True) \
                        and a - 1 not in match_at:
                    a -= 1
                item = words[a:before]
                surfaces = tk.cut(range(a, before))
                if not (a == 0 or self._list_comma(tk, a - 1) or not tk.joined[a - 1]):
                    w = words[a]                      # يتعلق بسيدو دومبيا: a preposition on the first
                    if not (len(w) > 3 and w[0] in "بل" and self._list_word(w[1:], True)):
                        break
                    item, surfaces = [w[1:], *item[1:]], [surfaces[0][1:], *surfaces[1:]]
                if a in done or a in match_at or not all(self._list_word(x, n == 0, item[0] if n == 1 else "")
                                                         for n, x in enumerate(item)) \
                        or not self._list_item(item):
                    break
                self._unknown(surfaces, self.pos + a)
                done.add(a)
                s = a

    @staticmethod
    def _list_comma(tk: _Tokens, i: int) -> bool:
        """Whether a comma (not only quotes) follows word ``i``, or a dash between spaces (squad
        lists: حسين شيعان - متعب شراحيلي)."""
        gap = tk.gap(i)
        return "،" in gap or "," in gap or gap.strip(" ") == "-" and gap[0] == " "

    @classmethod
    def _next_item(cls, tk: _Tokens, e: int) -> int | None:
        """Where the list item after a name ending before word ``e`` starts: after a comma, or
        after a parenthesis and a comma (نور الرشيدي (الأنصار)، محمد العنزي)."""
        n = len(tk.words)
        if not 0 < e < n:
            return None
        k = e - 1
        if "(" in tk.gap(k):
            k += 1
            while k < n - 1 and k - e < 3 and ")" not in tk.gap(k):
                k += 1
            if k >= n - 1 or ")" not in tk.gap(k):
                return None
        return k + 1 if cls._list_comma(tk, k) else None

    @classmethod
    def _prev_item_end(cls, tk: _Tokens, s: int) -> int | None:
        """Where the list item before a name starting at word ``s`` ends (exclusive): before a
        comma, or before a parenthesis and a comma."""
        if s <= 1 or not cls._list_comma(tk, s - 1):
            return None
        if ")" not in tk.gap(s - 1):
            return s
        k = s - 1
        while k > 1 and s - k < 4 and "(" not in tk.gap(k - 1):
            k -= 1
        return k if k > 1 and "(" in tk.gap(k - 1) else None

    @staticmethod
    def _item_ends(tk: _Tokens, b: int) -> bool:
        """Whether a list item may end before word ``b``: a comma, punctuation, the text's end or
        the و of the next item."""
        return _plain_end(tk.joined, b) or (tk.words[b][0] == "و" and len(tk.words[b]) > 3)

    def _list_word(self, word: str, first: bool, prev: str = "") -> bool:
        """Whether ``word`` can only be part of a name (a list item's words). ``prev``: the word
        before it in the item; after a plain given name, a nisba or a given name is the family
        name even where it is an everyday word (وسلطان مسرحي، خالد مغربي)."""
        names = name_lexicon()
        if first:
            word = _and_stripped(word)                # ، وسلطان مسرحي: the next item
        if first and names.is_plain_given(word):
            return True                               # محمد، عبدالله: frequent, but names
        if prev:
            prev = _and_stripped(prev)
            if names.is_plain_given(prev) and not word.startswith(("ال", "و")) and len(word) >= 3 and (
                    names.is_given(word) or len(word) >= 5 and word.endswith("ي")) \
                    and self._name_like(word, False) and not names.looks_inflected(word):
                return True
        if word.startswith("ال"):                    # رخي المسطح: a family name, known or rare
            return not first and (names.is_family(word) or names.surely_name(word)) and self._name_like(word, False)
        return (len(word) >= 2 and self._name_like(word, first)
                and not names.is_common(word) and not names.looks_inflected(word)
                and (not first or names.may_start(word)) and (names.surely_name(word) or names.is_given(word)))

    @staticmethod
    def _list_item(item: list[str]) -> bool:
        """Whether a list item's words make a name: one word the dictionary does not know, or
        two or three that do not open with an everyday given name (علي، حسن)."""
        names = name_lexicon()
        if len(item) == 1:
            return not names.known_word(item[0]) and len(item[0]) >= 4
        # an everyday given name (علي، حسن) opens an item only before a family or a rare name
        return not names.is_ambiguous_given(item[0]) or names.is_family(item[-1]) or names.surely_name(item[-1])

    @staticmethod
    def _qualifies_body(tk: _Tokens, i: int) -> bool:
        """Whether the nisba at ``i`` qualifies a place or a body (العاصمة الإثيوبية أديس أبابا)."""
        if not i or not tk.joined[i - 1]:
            return False
        if tk.words[i - 1].endswith("ه") and tk.words[i].endswith("ي"):
            return False      # بقيادة الأوروجوياني: a feminine noun takes no masculine nisba
        return any(v in _BODY_WORDS or v in _PLACE_NOUNS or v in _INSTITUTION_HEADS or v in _PLACES
                   for v in clitic_variants(tk.words[i - 1])[:3])

    @staticmethod
    def _qualifies_noun(tk: _Tokens, i: int) -> bool:
        """Whether the nisba at ``i`` is the adjective of an ordinary ال- noun before it (الإنسان
        السعودي عيشة كريمة), not a noun itself (البلجيكي توبي) or a calling's (اللاعب البلجيكي). A
        feminine nisba agrees with any such noun, frequent or not (الولايات الأمريكية بسن قوانين،
        المقاهي الأمريكية ستاربكس)."""
        if not i or not tk.joined[i - 1]:
            return False
        words, names = tk.words, name_lexicon()
        prev = words[i - 1]
        if not (prev.startswith("ال") and not _head_of(prev) and prev not in _CALLINGS
                and (words[i].endswith("يه") or not prev.endswith("ي") and names.is_common(prev))):
            return False
        # (لاعب الوسط الألماني، حارسة المرمى الأمريكية: the noun completes an office before it;
        # a quantifier does not (جميع الولايات الأمريكية), nor, before a feminine nisba, a thing
        # (ناقلة النفط الفرنسية ليمبرج، سلسلة المقاهي الأمريكية))
        if not (i >= 2 and tk.joined[i - 2] and not words[i - 2].startswith("ال")
                and not names.looks_inflected(words[i - 2]) and words[i - 2] not in _stop_words()):
            return True
        office = words[i - 2]
        return words[i].endswith("يه") and not any(
            _head_of(w) or "ال" + w in _CALLINGS for w in (office, office[:-1] if office.endswith("ه") else office))

    def _eponym_or_part(self, tk: _Tokens, i: int) -> bool:
        """Whether the title or name at ``i`` is part of a thing's name (مطار الملك فهد، كأس
        الأمير، أفلام «هاري بوتر») or of a person's name (آل الشيخ، بن سلطان)."""
        if not i or not (tk.joined[i - 1] or tk.comma[i - 1]):
            return False
        prev = tk.words[i - 1]
        if prev in _WORK_NOUNS or (prev[0] in "وب" and prev[1:] in _WORK_NOUNS):
            return True
        if prev in _EPONYM_TITLES and tk.joined[i - 1]:
            return self._eponym_or_part(tk, i - 1)    # جامعة الإمام محمد بن سعود
        if not (tk.joined[i - 1] or tk.quotes_after(i - 1)):
            return False
        # a definite noun names nothing after it (مغادرته المطار الفريق أول), but a nisba after one
        # is its adjective (المركز الإعلامي)
        if prev.startswith(("ال", "وال", "بال", "لل", "فال")) and not tk.words[i].endswith(("ي", "يه")):
            return False
        if prev == "طريق" and i >= 2 and tk.words[i - 2] == "عن":
            return False                 # عن طريق المهاجم: "by way of", no road named after anyone
        return prev in _CONNECTORS or any(v in _EPONYM_NOUNS for v in clitic_variants(prev)[:3])

    def _coordinated(self, tk: _Tokens, k: int, match_at: dict) -> None:
        """Names joined by و to a name just found (سلمان نمشان والأستاذ عبدالرحمن الزيد و أحمد
        صادق ذياب): each must start with a known given name or a word that is no ordinary word."""
        words = tk.words
        names = name_lexicon()
        while k < len(words) and (tk.joined[k - 1] or tk.comma[k - 1]):
            w = words[k]
            if w == "و" and k + 1 < len(words) and tk.joined[k]:
                start, strip = k + 1, False
            elif len(w) > 3 and w[0] == "و" and w not in _W_NAMES:
                start, strip = k, True
            else:
                return
            first = words[start][1:] if strip else words[start]
            lineage = start + 2 < len(words) and tk.joined[start] and words[start + 1] in _LINEAGE_LINKS \
                and tk.joined[start + 1] and names.is_given(words[start + 2])      # ومسلم بن سعد
            if tk.comma[k - 1] and not names.is_given(first) and first not in _NAME_TITLES and not lineage:
                return           # after a comma only a known given name (or X بن) continues a list of names
            if first in _NAME_TITLES and start + 1 < len(words) and tk.joined[start]:
                start, strip = start + 1, False          # والأستاذ عبدالرحمن الزيد
                first = words[start]
            if not names.is_given(first) and first[0] in "يت":
                return           # ويخرجه، وتقدم: a verb after و, not a name
            if (start in match_at and not self._only_weak(match_at[start])) \
                    or not (names.is_given(first) or not names.is_common(first) or lineage) \
                    or first.startswith("ال") or _head_of(first) \
                    or first in _NOT_NAME and not (first == "علي" and not tk.written_ala(start)):
                return           # (وعلي هزازي: the name علي; _name_after tells it from وعلى)
            captured = self._name_after(tk, start, royal=False, matches=match_at, strip_first=strip)
            if not captured:
                return
            self._unknown(captured, self.pos + start)
            k = start + len(captured)

    def _headless(self, tk: _Tokens, covered: set, match_at: dict) -> None:
        """A name with no title before it: a known given name followed by words that can only be
        names (a known given or family name, or a word the dictionary does not know) — سعد
        القرشي، حسن طواشي، رحيم سترلينج — not حسن النية or محمد صلى."""
        words = tk.words
        names = name_lexicon()
        # only words that may open a name: a given name (with or without و) or a compound's first half
        starts = tk.given_at
        if not _COMPOUND_DIN_FIRSTS.isdisjoint(words):
            starts = sorted({*starts, *(i for i, w in enumerate(words) if w in _COMPOUND_DIN_FIRSTS)})
        for i in starts:
            w = words[i]
            first = _and_stripped(w)
            compound = (first in _COMPOUND_DIN_FIRSTS and i + 1 < len(words) and tk.joined[i]
                        and words[i + 1] in _DIN_SECOND_HALVES)      # خير الدين مضوي، سيف الإسلام
            if first is w and not names.is_given(w) and not compound:
                continue
            # حسن، علي open a name only where an age follows it (حسن … 44 سنة), or as the first of
            # three or more names with the father's a plain given name (وجنى عبدالعزيز بن أحمد العيدروس)
            everyday = names.is_ambiguous_given(first) and not any(
                _age_at(tk, x) for x in range(i + 2, min(i + 6, len(words))))
            lineage = (i + 2 < len(words) and tk.joined[i] and tk.joined[i + 1] and words[i + 1] in _LINEAGE_LINKS
                       and names.is_given(words[i + 2]) and not tk.written_ala(i))
            if everyday and not (i + 1 < len(words) and tk.joined[i] and names.is_plain_given(words[i + 1])
                                 or lineage):
                continue          # (علي بن محمد الغامدي: بن and a given name make علي a name)
            if i in covered or first in _NOT_NAME and not (first == "علي" and lineage) or _head_of(first):
                continue
            if self._inside_name_or_after_title(tk, i) or self._eponym_or_part(tk, i):
                continue      # found by the other rules, or a thing's name (مدينة الملك عبدالله)
            captured = self._name_after(tk, i, royal=False, matches=match_at, strip_first=first is not w)
            if not captured:
                continue
            end = i + len(captured)
            rest = [words[x] for x in range(i + 1, end) if words[x] not in _CONNECTORS
                    and not (words[x] in _NAME_SECOND_HALVES and (words[x - 1] in _CONNECTORS
                                                                  or compound and x == i + 1))]
            # a father's name after بن needs no vouching where a family name follows it
            # (عبدالله بن عوض البارقي): the family name is checked
            checked = [words[x] for x in range(i + 1, end) if words[x] in rest
                       and not (words[x - 1] in _LINEAGE_LINKS and x + 1 < end and not words[x].startswith("ال"))] \
                if rest else rest
            # a transliterated first name (ديفيد، سيرجيو: no dictionary word) opens a name for sure:
            # its other words need only not be ordinary words (ديفيد سيلفا)
            foreign = not names.known_word(first) or names.is_foreign_given(first)
            # an office in apposition after it (سراج الدين حقاني زعيم الشبكة) vouches for the name
            office_after = end < len(words) and tk.joined[end - 1] and (
                words[end] in _APPOSITION_HEADS or bool(_head_of(words[end])))
            # … and so do a father's and a grandfather's plain given names (بندر محمد سلطان عسيري)
            given_chain = len(rest) >= 3 and all(map(names.is_plain_given, rest[:-1]))
            vouched = foreign or office_after or given_chain or _age_at(tk, end)
            if not rest or any(k in covered for k in range(i, end)) or not all(
                    names.surely_name(x) or vouched and not self._ordinary_after_name(x) for x in checked):
                continue
            if rest[-1] in _NAME_SECOND_HALVES and len(rest) == 1:
                continue      # أحمد الله، توفيق الله: a phrase, not a name
            if everyday and sum(1 for x in rest if x not in _NAME_SECOND_HALVES) < 2:
                continue
            if end < len(words) and tk.dash_after(end - 1) and not (
                    names.is_given(words[end]) or i and tk.dash_after(i - 1)):
                continue      # حنان خواسك – عين اليوم: a reporter's byline (not a dashed list of names)
            self._unknown(captured, self.pos + i)
            self._coordinated(tk, end, match_at)

    def _aged(self, tk: _Tokens, covered: set) -> None:
        """Two to four name words right before an age (اعتقال صمويل دوبوسي (43 عاما)): words the
        dictionary does not know or known names, the first able to begin a name."""
        words = tk.words
        names = name_lexicon()
        for k in range(2, len(words) - 1):
            if not words[k].isdigit() or not _age_at(tk, k):
                continue
            s = k - 1
            conjunction = False          # بنجامان بافار وسيهرو غيراسي (19 عاما): the name after و
            while not conjunction and s > 0 and k - s < 4 and tk.joined[s - 1] and (
                    names.surely_name(words[s - 1]) or names.is_given(words[s - 1])
                    or words[s - 1] in _CONNECTORS) and self._name_like(words[s - 1], False):
                s -= 1
                conjunction = (len(words[s]) > 3 and words[s][0] == "و" and words[s] not in _W_NAMES
                               and not names.is_given(words[s]) and not names.is_family(words[s]))
            while s < k - 1 and words[s] in _CONNECTORS:
                s += 1
            first = words[s][1:] if conjunction else words[s]
            if k - s < 2 or any(x in covered for x in range(s, k)) or not self._name_like(first, True) \
                    or names.is_ambiguous_given(words[k - 1]) or not names.may_start(first) or not all(
                        names.surely_name(words[x]) or names.is_given(words[x]) or names.is_family(words[x])
                        or words[x] in _CONNECTORS for x in range(s + 1, k)):
                continue                 # (not تربو على 30 عاما: على is no name's end)
            surfaces = tk.cut(range(s, k))
            if conjunction:
                surfaces[0] = surfaces[0][1:]
            self._unknown(surfaces, self.pos + s)

    @staticmethod
    def _ordinary_after_name(word: str) -> bool:
        """A word that is no family name even where the name is vouched for: a frequent word, an
        accusative (فابيان أجنبيا), a feminine noun or an ال- word of the dictionary (عمر مبايعة،
        كولو العنصر)."""
        names = name_lexicon()
        return (names.is_common(word) or (word[-1] == "ا" and names.known_word(word[:-1]))
                or (word[-1] == "ه" or word.startswith("ال")) and names.known_word(word))

    @staticmethod
    def _inside_name_or_after_title(tk: _Tokens, i: int) -> bool:
        """Whether word ``i`` continues a name (after بن or a given name) or follows a title."""
        if not i or not tk.joined[i - 1]:
            return False
        prev = tk.words[i - 1]
        names = name_lexicon()
        if names.is_ambiguous_given(prev):
            # حسن، علي are names after a title or a name (والجندي أول حسن ناصر), else words (على)
            before = tk.words[i - 2] if i >= 2 and tk.joined[i - 2] else ""
            return bool(before) and (bool(_head_of(before)) or before in _HONORIFICS or before in _CONNECTORS
                                     or before in _OFFICE_QUALIFIERS or names.is_given(before))
        if prev in _OFFICE_QUALIFIERS:   # الفريق أول ركن عبدالرحمن: ركن is the rank's
            k = i - 1
            while k > 0 and tk.joined[k - 1] and tk.words[k] in _OFFICE_QUALIFIERS:
                k -= 1
            return bool(_head_of(tk.words[k]))
        return (prev in _CONNECTORS or names.is_given(prev) or bool(_head_of(prev)) or prev in _HONORIFICS
                or prev in _NAME_SECOND_HALVES)  # شركة عبد الرحمن سعد الراشد: سعد continues a name

    def _appositions(self, tk: _Tokens, covered: set, match_at: dict) -> None:
        """A name in apposition to an office that follows it: وسيفتتح محمد النويصر نائب رئيس
        الاتحاد. The name must begin with a known given name and stand after a non-name word."""
        words = tk.words
        names = name_lexicon()
        for i in tk.given_at:
            w = words[i]
            w = _and_stripped(w)     # وعبد الحميد أبرشان رئيس مجلس …: one more in a list
            if not names.is_plain_given(w) or i in covered or w in _NOT_NAME:
                continue
            if self._inside_name_or_after_title(tk, i):
                continue      # found by the other rules
            end = i + 1
            while end < len(words) and end - i < 4 and tk.joined[end - 1] and words[end] not in _APPOSITION_HEADS and \
                    (words[end] in _CONNECTORS or names.is_given(words[end]) or names.is_family(words[end])
                     or end == i + 1 and (self._foreign_surname(w, words[end])
                                          or w == "عبد" and names.is_given(w + words[end]))   # عبد السلام
                     or self._surname_before_office(tk, end)):
                end += 1
            if end - i < 2 or end >= len(words) or any(k in covered for k in range(i, end)):
                continue
            if words[end - 1] in _CONNECTORS or not (tk.joined[end - 1] or tk.comma[end - 1]):
                continue
            if any(v in _APPOSITION_HEADS for v in clitic_variants(words[end])[:2]):
                self._unknown(tk.cut(range(i, end)), self.pos + i)

    def _surname_before_office(self, tk: _Tokens, k: int) -> bool:
        """Whether word ``k``, right before an apposition office, may be the family name it ends:
        a rare name-like word (عبد السلام ميسار الرئيس الأول) or a nisba (محمد الغربي القائد الجهوي)."""
        words = tk.words
        if k + 1 >= len(words) or not tk.joined[k] or \
                not any(v in _APPOSITION_HEADS for v in clitic_variants(words[k + 1])[:2]):
            return False
        w = words[k]
        names = name_lexicon()
        if not self._name_like(w, False) or names.looks_inflected(w) or w in _stop_words() \
                or w[0] == "و" and w not in _W_NAMES:
            return False                 # (ومحمود المواس ولعب مدرب الفريق: "and played")
        return (w.startswith("ال") and w.endswith("ي") and len(w) >= 5) or not names.is_common(w)

    def _foreign_surname(self, first: str, word: str) -> bool:
        """Whether ``word`` may be the surname after the foreign first name ``first`` where an office
        follows the two (جيفري ويب نائب رئيس الفيفا): any name-like word but a function word or a verb."""
        names = name_lexicon()
        return (names.is_foreign_given(first) and self._name_like(word, False) and not word.startswith("ال")
                and not names.looks_inflected(word) and word not in _stop_words())

    @staticmethod
    def _name_like(word: str, first: bool) -> bool:
        """Whether ``word`` may stand in a name (``first``: as its first word), by its shape and
        the word lists; memoized per (word, first)."""
        return _NAME_LIKE[word, first]

    @staticmethod
    def _find_name_like(word: str, first: bool) -> bool:
        if word in _NOT_NAME or len(word) < 2 or word.isdigit() or word in _HONORIFICS:
            return False
        if word in _month_words() and not (first and word in _MONTH_NAMES):
            return False
        if not first and word in _FAMILY_TITLES:
            return True                  # عصام الملا
        if _head_of(word) or word in _APPOSITION_HEADS or any(v in _INSTITUTION_HEADS or v in _BODY_WORDS
                                             for v in clitic_variants(word)[:3]):
            return False
        if first and word[0] == "و" and word not in _W_NAMES:
            return False                 # وقوات / ولأسر: a conjunction, not a name
        if word.endswith(_POSSESSIVE_ENDINGS) and len(word) >= 5 and not (
                word.endswith("اته") and name_lexicon().outnumbers_stem(word, word[:-1])) and not (
                name_lexicon().definite_hum(word)):
            return False                 # تدريباته / علمائها / بلادهم: a noun with a pronoun (a
                                         # definite noun takes none: الدريهم، الفهم are whole words)
        if len(word) >= (6 if first else 5) and word[0] == "ب" and word[1] != "ا" and word[-1] == "ه" and (
                name_lexicon().known_word(word[1:]) or name_lexicon().corpus_count(word[1:]) >= 3):
            return False                 # بمناسبة / بصحيفة / ببعثة: a prepositional phrase (بوميدوحة: no وميدوحة)
        if first and word in _stop_words() and not name_lexicon().is_listed_given(word):
            return False                 # عليه / بحسب / بأنهم / جميع: function words (arabic-stopwords)
        if len(word) >= 5 and (word[:2] in ("لا", "لم", "لت") or (not first and word[0] == "ل" and word[-1] == "ه")) \
                and (name_lexicon().known_word(word) or name_lexicon().known_word(word[1:])):
            return False                 # لإقامة / لمنظمة / لتخفيف: a prepositional phrase (not لاجارد)
        if not first and word[0] == "ل" and gazetteer().source_matcher.match_at([word], 0, [False]):
            return False                 # جون كيلستش لرويترز: told Reuters, not a surname
        if len(word) >= 5 and _office_with_pronoun(word):
            return False                 # سفيرنا، مديره: an office and its owner, not a family name
        if first and len(word) >= 5 and word[:2] == "با" and word not in _BA_NAMES:
            return False                 # بإحداث / بأنهم
        if 5 <= len(word) <= 6 and word[0] == "م" and word[-1] == "ا" and word[1] not in "اوي":
            return False                 # مؤكدا / مشيرا / مضيفا: an adverbial participle
        if not first and (len(word) == 5 and word[0] == "ت" and word[3] == "ي" or len(word) == 7
                          and word.startswith("الت") and word[5] == "ي" and not name_lexicon().is_family(word)):
            return False                 # تطبيع / تنفيذ / التمرين: a verbal noun
        if first and len(word) >= 5 and word[:2] in ("تت", "يت"):
            return False                 # تتناول / يتوجه: a present-tense verb
        if first and len(word) >= 5 and word[:2] in ("سي", "ست", "سن") and word not in _S_NAMES \
                and name_lexicon().known_word(word):
            return False                 # سيزور / ستبحث: a future verb, not a name (سيسيليا is)
        if first and word.startswith("ال") and word not in _CONNECTORS and word not in _AL_FIRST_NAMES \
                and word not in _AL_ARABIC_FIRST_NAMES:
            return False
        return True

    def _name_after(self, tk: _Tokens, j: int, royal: bool, matches: dict,
                    strip_first: bool = False, titled: bool = False) -> list[str] | None:
        """Up to four name words starting at ``j`` (one ال- surname allowed at the end).

        ``strip_first``: the first word carries a conjunction و that is not part of the name.
        ``titled``: a personal title (الدكتورة، اللواء) stands before it, so a word that is also an
        everyday one may begin the name when a known family name follows.
        """
        words = tk.words
        if j >= len(words) or (j in matches and not self._only_weak(matches[j])
                               and not self._given_before_lineage(tk, j, matches[j])):
            return None
        out: list[int] = []
        k = j
        limit = 5                        # seven words once بن or آل is among them (lineage names)
        while k < len(words) and len(out) < limit:
            w = words[k][1:] if strip_first and k == j else words[k]
            if out and not tk.joined[k - 1]:
                break
            # (after بن a gazetteer person is the father: بندر بن سلمان بن عبدالعزيز goes on)
            if k in matches and out and not self._only_weak(matches[k]) and words[k - 1] not in _LINEAGE_LINKS and not (
                    titled and len(out) == 1 and all(p[0] == "adj" for p in matches[k].payloads)
                    and name_lexicon().is_given(words[out[0]]) and _clause_end(tk, k + 1)) and not (
                    any(words[x] in _LINEAGE_LINKS for x in out) and words[k - 1] not in _CONNECTORS
                    and all(p[0] == "adj" for p in matches[k].payloads) and self._name_ends(tk, k + 1)):
                if self._people_of(matches[k]):
                    return None          # خالد محفوظ بحاح: the gazetteer person, full form
                break                    # (but الدكتور حافظ المغربي أن: a nisba as family name)
            first = not out
            if out and words[k - 1] in _CONNECTORS and w not in _CONNECTORS \
                    and (w not in _NOT_NAME or w == "علي") and not w.isdigit() and w not in _month_words():
                out.append(k)            # بن مساعد، بن نائب: after بن any word is a name
                k += 1
                continue
            if w in _CONNECTORS and out:
                out.append(k)
                k += 1
                limit = 7
                continue
            if first and k + 1 < len(words) and tk.joined[k] and words[k + 1] in _LINEAGE_LINKS \
                    and (w not in _NOT_NAME or w == "علي" and not tk.written_ala(k)) \
                    and not w.startswith("ال"):
                out.append(k)            # مساعد بن محمد: an office word used as a first name
                k += 1
                continue
            if out and w in _POST_HONORIFICS:
                break
            if not first and w in _FAMILY_TITLES and words[k - 1] not in _CONNECTORS:
                out.append(k)            # عصام الملا: the family name, not the title
                break
            if (not first and w.startswith("ال") and _head_of(w) and name_lexicon().is_family(w)
                    and (k + 1 >= len(words) or tk.comma[k])):
                out.append(k)            # محمد بن عبدالرحمن المخرج،: a family name, not a title
                break
            if w == "علي" and tk.written_ala(k):
                break                    # على written with ى: the preposition
            before = words[k - 1][1:] if strip_first and k - 1 == j else words[k - 1]
            if (w == "علي" and not first and name_lexicon().is_given(before) and k + 1 < len(words)
                    and tk.joined[k] and words[k + 1] not in _NOT_NAME and not words[k + 1].isdigit()):
                out.append(k)            # محمد علي ياسين: the name علي, not the preposition على
                k += 1
                continue
            if (w == "علي" and first and k + 1 < len(words) and tk.joined[k]
                    and words[k + 1] not in _NOT_NAME and (
                        name_lexicon().is_family(words[k + 1]) or name_lexicon().is_given(words[k + 1])
                        or titled and words[k + 1].startswith("ال") and name_lexicon().surely_name(words[k + 1])
                        or titled and self._rare_surname(words[k + 1])
                        and (k + 2 >= len(words) or not tk.joined[k + 1] or words[k + 2] in _stop_words())
                        or strip_first and self._rare_surname(words[k + 1]) and self._item_ends(tk, k + 2))):
                # المدير العام علي الحازمي، اللواء علي العزازي، البروفيسور علي عشقي إلى; an item of a
                # list of names, وعلي هزازي ونايف (not على الرغم، وعلى صعيد آخر)
                out.append(k)
                k += 1
                continue
            if (w in _APPOSITION_HEADS and name_lexicon().is_given(w) and k + 1 < len(words) and tk.joined[k]
                    and words[k + 1] not in _ROLE_LINK and (
                        name_lexicon().is_family(words[k + 1]) if first or words[k + 1].startswith("ال")
                        else name_lexicon().may_continue(words[k + 1]))):
                out.append(k)            # محمد أمين عودية، أمين الطريفي (not أمين عام، أمين المنطقة)
                k += 1
                continue
            if royal and len(out) in (1, 2) and w in _REGNAL_ORDINALS and words[k - 1] not in _CONNECTORS:
                out.append(k)            # الملكة إليزابيث الثانية، الخديوي عباس حلمي الثاني: the regnal number ends it
                break
            # مايكل فالون: after a foreign first name, a word that plainly ends the name is its surname
            # even where it looks like a conjunction or an article on a word
            foreign_surname = (len(out) == 1 and w[0] != "و" and name_lexicon().is_foreign_given(words[k - 1])
                               and _clause_end(tk, k + 1) and not name_lexicon().is_common(w)
                               and not name_lexicon().is_common(w[1:]))
            # روجيه فيدرر، فلاديمير فايس: a rare ف- word after a first name is its surname
            fa_surname = (w[0] == "ف" and len(out) == 1 and name_lexicon().is_given(words[k - 1])
                          and name_lexicon().corpus_count(w) < 20 and not name_lexicon().is_common(w[1:])
                          and not w[1:].startswith("ال") and w[1:] not in _stop_words())
            if _east_asian_third(words, out, k, strip_first):
                out.append(k)            # كي وون بارك: the third syllable ends the name
                break
            if not self._name_like(w, first) or (
                    w.startswith(("لل", "بال", "وال", "فال", "كال")) and not foreign_surname) or (
                    not first and name_lexicon().preposition_on_word(w) and not _plain_end(tk.joined, k + 1)
                    and w[1:] not in _stop_words()):     # (ماركو بولو: no ب on the particle ولو)
                break                    # (المدرب دونيس بتطبيقات على، مونتاري لجرعات لياقية: the name ends)
            if not first and w in _NAME_SECOND_HALVES and words[k - 1] not in _CONNECTORS:
                out.append(k)            # عز الدين، بن غرم الله: one first name written in two words
                k += 1
                continue
            lineage = any(words[x] in _CONNECTORS and words[x] != "عبد" for x in out)
            if (lineage and not first and words[k - 1] not in _CONNECTORS and name_lexicon().is_given(w)
                    and w not in _NOT_NAME and k + 1 < len(words) and tk.joined[k]
                    and (name_lexicon().is_family(words[k + 1]) or name_lexicon().is_given(words[k + 1])
                         or name_lexicon().surely_name(words[k + 1]) and _clause_end(tk, k + 2))):
                out.append(k)            # يوسف بن سليمان عبدالله السليمان: the grandfather's name
                k += 1
                continue
            if not first and words[k - 1] not in _CONNECTORS and lineage:
                # after a بن-chain only one family name: الفايز، or a plain one that ends the
                # name (أحمد بن عبدالعزيز قطان،) — not خالد بن عبدالعزيز أوقفا
                # (علي بن إبراهيم فلقي ومديري الإدارات: a rare word before و on a dictionary word)
                and_next = (k + 1 < len(words) and tk.joined[k] and len(words[k + 1]) > 3 and words[k + 1][0] == "و"
                            and name_lexicon().known_word(words[k + 1][1:]) and name_lexicon().surely_name(w))
                plain_ok = (self._name_ends(tk, k + 1) or and_next) and w not in _SPEECH_VERBS and \
                    w not in _stop_words() and (w[0] not in "وف" or w in _W_NAMES or w[0] == "ف" and and_next) and \
                    not name_lexicon().is_common(w)      # not آل فطيح قصيدة،
                # after آل and its name, only a name word (آل شنان القحطاني, not آل خليفة الفائزين)
                after_clan = words[k - 2] == "ال" and not name_lexicon().surely_name(w)
                # a nisba where the name ends is the family name (سالم بن سليمان التركي أن)
                if (w.startswith(("ال", "آل")) and (not self._is_nisba(w) or self._name_ends(tk, k + 1))
                        and w not in _OFFICE_QUALIFIERS
                        and not self._adjective_not_family(w) or plain_ok) and not after_clan:
                    out.append(k)
                    if w.startswith("ال") and self._clan_at(tk, k + 1):
                        out += [k + 1, k + 2]    # عبدالعزيز بن عبدالرحمن الفيصل آل سعود
                break
            if not first and w[0] in "وف" and len(w) > 3 and words[k - 1] not in _CONNECTORS and w not in _W_NAMES \
                    and (not name_lexicon().own_name_not_clitic(w) or w[0] == "و" and len(out) >= 2
                         and name_lexicon().is_foreign_given(words[out[0]])) and not foreign_surname \
                    and not fa_surname:
                break                    # وقوات، فالمسؤول، دانيال كاريكو ونيكو: a conjunction (فروخ is a name)
            if not first and w.startswith("ال") and words[k - 1] not in _CONNECTORS and w not in _AL_FIRST_NAMES:
                if words[out[0]] == "لي":
                    break                # لي (Li/Lee) is never followed by an ال- family name
                opener = words[out[0]][1:] if strip_first else words[out[0]]
                family_nisba = (titled and len(out) == 1 and name_lexicon().is_given(opener)
                                and _clause_end(tk, k + 1))   # الدكتور حافظ المغربي أن: a family name
                one_given = len(out) == 2 and words[out[1]] in _NAME_SECOND_HALVES     # عبد الله العدوان
                if (self._is_nisba(w) and not family_nisba) or w in _OFFICE_QUALIFIERS \
                        or self._adjective_not_family(w) or (
                        len(out) > 1 and not one_given and not self._name_ends(tk, k + 1)
                        and not name_lexicon().is_family(w)) or (
                        not name_lexicon().is_given(opener) and opener not in _AL_ARABIC_FIRST_NAMES
                        and name_lexicon().is_common(w)) or (     # (المنصف الشرقي)
                        self._noun_and_adjective(tk, k)):
                    break                # an ال- family name ends the name (بولوني الضوء الأخضر: none)
                out.append(k)
                k += 1
                if k < len(words) and tk.joined[k - 1] and self._second_family(words[k]) and _clause_end(tk, k + 1):
                    out.append(k)        # ممدوح مسفر المسيلي الحارثي.: a clan name after the family name
                elif self._clan_at(tk, k):
                    out += [k, k + 1]    # عبدالرحيم الحسين آل عبده: the clan
                break
            out.append(k)
            k += 1
        titled = titled or bool(out) and _age_at(tk, out[-1] + 1)     # a name, then its age
        out = self._gate(words, out, strip_first, titled, tk.joined)
        if out is None:
            return None
        after = out[-1] + 1
        regnal = royal and words[out[-1]] in _REGNAL_ORDINALS
        if not regnal and any(words[x] in _THING_WORDS for x in out) or (
                after < len(words) and tk.joined[out[-1]] and words[after] in _THING_WORDS):
            return None                  # مستشفى الملك فهد التخصصي: a thing named after a person
        plain = [x for x in out if words[x] not in _CONNECTORS and words[x] not in _FOREIGN_PARTICLES]
        names = name_lexicon()
        if len(plain) > 3 and not any(words[x] in _CONNECTORS for x in out) and not (
                all(names.is_given(words[x]) for x in plain[:-1]) and (words[plain[-1]].startswith("ال") or len(
                    plain) == 4 and all(names.is_plain_given(words[x]) for x in plain[:-1]))) \
                and not (titled and _plain_end(tk.joined, out[-1] + 1)
                         and not any(names.is_common(words[x]) for x in plain[1:-1])):
            # four plain words in a row: a clause, not a name — unless a rank or title stands before
            # them and the name plainly ends (العريف عيد ماطر مبارك الشهراني – 27 عاما)
            return None
        if any(self._is_nisba(words[x]) and not (n and names.is_given(words[out[n - 1]]))
               and not (n == 0 and (words[out[1]] in _LINEAGE_LINKS or words[out[1]].startswith("ال")
                                    and names.is_family(words[out[1]]) and not names.is_common(words[out[1]])))
               for n, x in enumerate(out)):
            return None                  # a nationality ends the phrase (سالم الكندي، تركي الردادي are names)
        surfaces = tk.cut(out)
        if strip_first and out[0] == j:
            surfaces[0] = surfaces[0][1:]
        return surfaces

    @staticmethod
    def _noun_and_adjective(tk: _Tokens, k: int) -> bool:
        """Whether the ال- word at ``k`` is an ordinary noun with its ال- adjective after it
        (المدرب بولوني الحصة التدريبية), not a family name."""
        words, names = tk.words, name_lexicon()
        if k + 1 >= len(words) or not tk.joined[k]:
            return False
        w, nxt = words[k], words[k + 1]
        return (w.startswith("ال") and names.is_common(w) and not names.is_family(w) and nxt.startswith("ال")
                and nxt.endswith(("يه", "ي")) and names.is_common(nxt) and not names.is_family(nxt))

    def _clan_at(self, tk: _Tokens, k: int) -> bool:
        """Whether ``آل`` + a clan name stands at ``k``, right after a name word (آل folds to ال)."""
        words = tk.words
        return (k + 1 < len(words) and tk.joined[k - 1] and tk.joined[k] and words[k] == "ال"
                and self._name_like(words[k + 1], False) and not words[k + 1].startswith("ال"))

    @staticmethod
    def _gate(words: list[str], out: list[int], strip_first: bool, titled: bool,
              joined: list[bool]) -> list[int] | None:
        """Cut a captured name at its first ordinary word (قرارا بتشكيل، سلمان نمشان لبدء); None
        when fewer than two words are left or the first cannot begin a name. ``joined`` (the
        text's gaps) lets a third word stand where the name plainly ends after it."""
        names = name_lexicon()
        if out:
            first = words[out[0]][1:] if strip_first else words[out[0]]
            compound = len(out) > 1 and words[out[1]] in _NAME_SECOND_HALVES     # عز الدين
            if compound and words[out[1]] == "الله" and (first.endswith("ه") and not names.is_given(first)
                                                          or first in _BLESSINGS):
                return None              # أيده الله، حفظه الله، رحم الله سعود: a blessing, not a name
            month_name = (first in _MONTH_NAMES and len(out) > 1 and not words[out[1]].startswith("ال")
                          and names.may_continue(words[out[1]]))
            family_next = (titled and len(out) > 1 and names.is_family(words[out[1 if len(out) < 3 else -1]])
                           and not names.looks_inflected(first))   # الدكتورة نادية العتيبي، العريف عيد … الشهراني
            kunya = (first in ("ابو", "ابا") and len(out) > 1 and names.is_given(words[out[1]])
                     and not any(names.is_common(words[x]) for x in out[2:]))   # أبو أحمد (not أبو حميد التوفيق)
            if not compound and not month_name and not family_next and not kunya and not names.may_start(first):
                return None
            if len(out) > 1 and names.accusative_pair(first, words[out[1]]):
                return None
            if len(out) >= 2 and not strip_first and not titled and all(names.everyday_word(words[x]) for x in out[:2]):
                return None              # خيار رائع، حامل لقب: a noun and its adjective or complement
            if len(out) > 1 and names.is_ambiguous_given(first) and words[out[1]].startswith("ال") \
                    and words[out[1]] not in _CONNECTORS and names.is_common(words[out[1]]) and not (
                        titled and len(out) == 2
                        and (_plain_end(joined, out[1] + 1) or words[out[1] + 1] in _THAT)):
                return None              # صادق العزاء: the adjective (د. حافظ المغربي أن: a name)
        for n in range(len(out)):
            if not ("\u0621" <= words[out[n]][:1] <= "\u064a"):
                if not n:
                    return None          # a Latin word: not an Arabic-script name
                out = out[:n]            # أرسل sms: a Latin word ends an Arabic-script name
                break
        for n in range(2, len(out)):
            if words[out[n]] == "الله" and words[out[n - 1]] in _BLESSINGS:
                out = out[:n - 1]        # عبد العزيز طيب الله ثراه: the blessing ends the name
                break
        plain_seen = 1
        for n in range(1, len(out)):
            w, prev = words[out[n]], words[out[n - 1]]
            if w in _CONNECTORS or prev in _CONNECTORS or w in _NAME_SECOND_HALVES:
                continue                 # after بن any word is a name
            if w in _FOREIGN_PARTICLES and n + 1 < len(out) or prev in _FOREIGN_PARTICLES:
                continue                 # ماركو بولو دل نيرو: a particle and the surname it opens
            if n == len(out) - 1 and n <= 2 and w in _REGNAL_ORDINALS:
                continue                 # إليزابيث الثانية (only a royal title lets it in)
            if n == 2 and _east_asian_third(words, out[:2], out[2], strip_first):
                continue                 # تشاوي جي لون
            plain_seen += 1
            if plain_seen >= 3 and not w.startswith("ال") and not names.surely_name(w):
                after = out[n] + 1
                plain_end = n == len(out) - 1 and (
                    _plain_end(joined, after) or words[after] in _NOT_NAME
                    or _office_accusative(words[after]))     # تعيين نادر حمزة مطير مديرا
                # بندر محمد سلطان عسيري بأعمال: after three given names a plain family name may
                # be a frequent word, where the name ends (a preposition on a noun counts)
                given_chain = (n == 3 == len(out) - 1 and names.may_continue(w)
                               and not names.looks_inflected(w) and (plain_end or after < len(words)
                                                                     and names.preposition_on_word(words[after]))
                               and all(names.is_plain_given(words[x]) for x in out[:3]))
                if not given_chain and not (
                        plain_end and (titled or not names.is_common(w)) and not names.looks_inflected(w)
                        and (titled or names.may_start(w)) and not (w[-1] == "ه" and names.known_word(w))):
                    out = out[:n]        # صدام حسين شرعت: a third plain word must be a name,
                    break                # or end it plainly (عبدالله حمد محارب في كلمته)
            nxt = out[n] + 1
            lineage = any(words[x] in _LINEAGE_LINKS for x in out[:n])
            construct = (not w.startswith("ال") and names.is_common(w) and nxt < len(words)
                         and words[nxt].startswith("ال") and words[nxt] not in _NOT_NAME
                         and names.is_common(words[nxt]))
            end_here = n == len(out) - 1 and (
                _plain_end(joined, out[n] + 1) or words[out[n] + 1] in _THAT
                or lineage and words[out[n] + 1] in _APPOSITION_HEADS)   # عامر بن يحيى العربي شيخ قبائل
            titled_family = ((titled or lineage) and end_here and w.startswith("ال")
                             and not names.looks_inflected(w)
                             and (not names.is_common(w) or n == 1 and names.is_given(first)
                                  or lineage and names.is_given(prev)))
            # الدكتور حامد الفقيه أن، د. حافظ المصري أن، سالم بن سليمان التركي أن: after a title or
            # a lineage, a given name and one ال- word that ends the phrase make a name even where the
            # word is a frequent one
            # لوران بلان، أردا توران: after a foreign first name, a rarer word is the surname even
            # where the dictionary knows it (ب + لان)
            foreign_family = (n == 1 and names.is_foreign_given(first) and not names.is_common(w)
                              and w not in _NOT_NAME and (not names.looks_inflected(w) or (
                                  w[0] in "يت" and names.corpus_count(w) < 50)))   # (a rare ت- word)
            if not (names.may_continue(w) or titled_family or foreign_family) or construct:
                out = out[:n]            # كي جوي كيفية الاستفادة: a noun and its complement
                break
        while out and words[out[-1]] in _CONNECTORS:
            out.pop()
        plain = [x for n, x in enumerate(out) if words[x] not in _CONNECTORS
                 and not (n and words[x] in _NAME_SECOND_HALVES and words[out[n - 1]] not in _CONNECTORS)]
        if len(plain) < 2 and not (len(out) >= 3 and any(words[x] in _LINEAGE_LINKS for x in out)):
            return None                  # عبد الله alone: one compound first name, not a full name
        return out if len(out) >= 2 else None

    def _rare_surname(self, word: str) -> bool:
        """Whether ``word`` may be a plain (no ال) surname (هزازي، جعفري; not صعيد)."""
        names = name_lexicon()
        return (not word.startswith("ال") and names.may_continue(word)
                and self._name_like(word, False) and not self._is_nisba(word))

    @staticmethod
    def _adjective_not_family(word: str) -> bool:
        """A feminine ال- adjective (العقارية، الخيرية) where a family name would stand."""
        return word.endswith("يه") and not name_lexicon().is_family(word) and name_lexicon().is_common(word)

    def _second_family(self, word: str) -> bool:
        """Whether ``word`` is a known ال- family name that may follow another (a clan or tribe name)."""
        return (word.startswith("ال") and name_lexicon().is_family(word) and not self._is_nisba(word)
                and word not in _OFFICE_QUALIFIERS and not _head_of(word))

    @staticmethod
    def _given_before_lineage(tk: _Tokens, j: int, m) -> bool:
        """Whether the nationality matched at ``j`` is a given name opening a lineage or before an
        ال- family name (تركي بن سليمان، المقدم تركي الردادي)."""
        if not (m.end == j + 1 and all(p[0] == "adj" for p in m.payloads) and j + 1 < len(tk.words)
                and tk.joined[j] and name_lexicon().is_given(tk.words[j])):
            return False
        nxt = tk.words[j + 1]
        return nxt in _LINEAGE_LINKS or (nxt.startswith("ال") and name_lexicon().is_family(nxt)
                                         and not name_lexicon().is_common(nxt))

    def _people_of(self, m, kinds: tuple[str, ...] = ("name", "weak")) -> list[int]:
        """The gazetteer people a match names through payloads of ``kinds`` (full names, weak aliases)."""
        return [p[1] for p in m.payloads if p[0] in kinds and self.gz.entities[p[1]].kind == "person"]

    @staticmethod
    def _only_weak(m) -> bool:
        """A match that is only a weak alias (عبدالله، هادي): may begin someone else's name."""
        return all(p[0] == "weak" for p in m.payloads)

    def _name_ends(self, tk: _Tokens, k: int) -> bool:
        """Whether a name may end before word ``k``: the text's end, a comma, or an office word
        (not a full stop: انتقد الرئيس السابق كارلوس منديز القرار.)."""
        if k >= len(tk.words) or tk.comma[k - 1] or _age_at(tk, k):
            return True
        # an office word or the complementizer of a reported statement (… القميشي أن …)
        return tk.joined[k - 1] and (bool(_head_of(tk.words[k])) or tk.words[k] in _THAT)

    def _is_nisba(self, word: str) -> bool:
        hit = self.gz.matcher.match_at([word], 0, [False])
        return bool(hit and any(p[0] in ("adj", "name") for p in hit.payloads))

    def _unknown(self, surfaces: list[str], pos: int, other: bool = False) -> None:
        """Record a person missing from the gazetteer (``other``: known to be nobody of it)."""
        first = key(surfaces[0])
        if _and_stripped(first) != first:
            surfaces = [surfaces[0][1:], *surfaces[1:]]      # وخالد بن صالح العباد (not وسام)
        name = " ".join(surfaces)
        k = key(name)
        # a gazetteer person under a fuller name (فلاديمير فلاديميروفيتش بوتين)
        parts = k.split()
        hit = self.gz.matcher.find_all(parts, [True] * len(parts)) if not other else []
        for m in hit:
            if m.end != len(parts) or m.start and parts[m.start - 1] in _LINEAGE_LINKS:
                continue                 # عبدالله بن عبدالعزيز الربيعة is not عبدالله بن عبدالعزيز, nor
                                         # بندر بن سلمان بن عبدالعزيز his father
            for ent in self._people_of(m, ("name",)):
                self._see(ent, pos)
                return
        ent = self.gz.person_spelled_like(parts) if not other else None
        if ent is not None:
            self._see(ent, pos)          # جوش ايرنست: a spelling of the gazetteer's جوش إرنست
            return
        self.person_spans.append((pos, pos + len(surfaces)))
        if k not in self.unknown:
            self.unknown[k] = (name, pos)

    def _resolve_in_era(self, pending: list[tuple[str, int]], countries: set[int]) -> None:
        """Bare titles of an undated text, resolved within the years its named title holders fix
        (الملك سلمان … وولي العهد وولي ولي العهد): each holder found narrows the years, and a
        person already given one office is no one else's holder; two passes."""
        lo, hi = max(a for a, _ in self.eras), min(b for _, b in self.eras)
        if lo > hi:
            return                       # the titles named disagree: no era
        taken = set(self.anchored)
        for _ in range(2):
            left = []
            for role_key, pos in pending:
                if len(role_key.split()) < 2:
                    continue             # الملك، الرئيس alone: most often the person just named
                # one the text names with this very title (رئيس الوزراء خالد بحاح … رئيس الوزراء)
                named = [e for e in self.anchored if (t := self.gz.tenure(role_key, e)) and t[0] <= lo and t[1] >= hi]
                holder = named[0] if len(named) == 1 else self.gz.holder_in(role_key, (lo, hi), taken, countries)
                if holder is None:
                    left.append((role_key, pos))
                    continue
                self._see(holder, pos)
                taken.add(holder)
                first, last = self.gz.tenure(role_key, holder)
                lo, hi = max(lo, first), min(hi, last)
            pending = left

    def actors(self) -> list[Actor]:
        """Every actor found, once, in order of first mention."""
        countries = self.context | {e for e in self.strong if self.gz.entities[e].kind == "country"}
        # the countries of the people named count too (الملك سلمان … وولي العهد: the Saudi one)
        countries |= {self.gz.country_by_key[c] for e in self.strong if self.gz.entities[e].kind == "person"
                      and (c := self.gz.entities[e].country) in self.gz.country_by_key}
        for ent, pos in self.weak.items():
            if ent in self.strong or any(self.gz.holder(r, self.year, set(), countries) == ent
                                         for r, _ in self.roles):
                self.order.setdefault((self.gz.entities[ent].name, self.gz.entities[ent].kind), pos)
        pending = []
        present = (self.strong | set(self.weak)) - self.anchored    # (الملك سلمان is not ولي العهد)
        for role_key, pos in self.roles:
            holder = self.gz.holder(role_key, self.year, present, countries)
            if holder is not None:
                self._see(holder, pos)
            else:
                pending.append((role_key, pos))
        if self.year is None and self.eras and pending:
            self._resolve_in_era(pending, countries)
        # unknown names: drop one that is the tail of a longer one (أكار / خلوصي أكار) or its
        # shorter form (جمعان بن رقوش / جمعان رشيد بن رقوش، سعود بن ثنيان / سعود بن عبدالله بن ثنيان آل سعود)
        for k in [k for k in self.unknown if "بن" in k.split()]:
            holder = next(filter(None, (self._holder_cut_short(r, k.split()) for r, _ in self.roles)), None)
            if holder is not None:       # أمير منطقة عسير … الأمير فيصل بن خالد
                self._see(holder, self.unknown.pop(k)[1])
        found = [key(self.gz.entities[e].name).split() for e in self.strong if self.gz.entities[e].kind == "person"]
        keys = sorted((k for k in self.unknown
                       if not ("بن" in k.split() and any(_lineage_prefix(k.split(), f) for f in found))),
                      key=len, reverse=True)
        kept: list[str] = []
        for k in keys:
            parts = k.split()
            at = self.unknown[k][1]
            if not any(other.endswith(" " + k) and not other.endswith(" بن " + k) or other == k or
                       other.startswith(k + " ") and self.unknown[other][1] == at or    # one spot, read shorter
                       (other.split()[0] == parts[0] and (len(parts) == 1 or _shorter_form(parts, other.split())))
                       for other in kept):
                kept.append(k)
        for k in kept:
            name, pos = self.unknown[k]
            self.order.setdefault((name, "person"), pos)
        return [Actor(name, kind) for (name, kind), _ in sorted(self.order.items(), key=lambda kv: kv[1])]


_NAME_LIKE: BoundedMemo[tuple[str, bool], bool] = BoundedMemo(lambda k: ActorFinder._find_name_like(*k))


def _lineage_prefix(parts: list[str], longer: list[str]) -> bool:
    """Whether the lineage name ``parts`` is the start of ``longer`` cut before a link
    (فيصل بن خالد of فيصل بن خالد بن عبدالعزيز, not سلطان بن سلمان of سلطان بن سلمان الحربي)."""
    return len(parts) < len(longer) and longer[:len(parts)] == parts and longer[len(parts)] in _LINEAGE_LINKS


def _shorter_form(parts: list[str], longer: list[str]) -> bool:
    """Whether the name ``parts`` is ``longer`` with some words left out: its last word kept, or
    any words of a lineage name (one with بن or آل) — not أحمد فلمبان of a wrongly longer أحمد فلمبان كضيف."""
    if parts[-1] == longer[-1]:
        return True
    if "بن" not in longer and "ال" not in longer:      # keys: آل is folded to ال
        return False
    rest = iter(longer)
    return all(p in rest for p in parts)


def find_actors(lines: list[str], year: int | None, tokens: Tokens | None = None) -> list[Actor]:
    """The actors of an article given its title and body lines and the year it is from.

    ``tokens``: the lines already tokenized (``Tokens`` of the lines joined by newlines).
    """
    finder = ActorFinder(year)
    if tokens is not None:
        finder.add_line(tokens)
        return finder.actors()
    for line in lines:
        finder.add_line(line)
    return finder.actors()
