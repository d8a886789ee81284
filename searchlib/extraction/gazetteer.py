"""The gazetteers (people, organizations, countries, agencies) and a phrase matcher over them.

Every name, alias, role title and nisba adjective is turned into a key (``text.key``: light +
fold, words joined by single spaces). ``PhraseMatcher`` finds keys in a token list, longest
first, and lets the first word of a mention carry clitics (لبوتين، وبالكرملين، للرئيس).
Everything is built once, lazily, on first use.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import compress, repeat
from operator import is_
from typing import Any, Iterable

from searchlib.extraction.data import entries
from searchlib.extraction.text import clitic_variants, join_abd, key


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by one inserted, deleted or replaced letter."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


# Letters that transliterations of one foreign name swap (ستولتنبرغ / شتولتينبيرج، جوزمان / غوزمان)
_SOUND_CLASS = str.maketrans({"غ": "ج", "ق": "ج", "ط": "ت", "ص": "س", "ش": "س", "ض": "د", "ذ": "ز",
                              "ظ": "ز", "ث": "س", "ڤ": "ف", "پ": "ب", "گ": "ج", "ة": "ه"})


def transliteration_skeleton(word: str) -> str:
    """A foreign name's consonants, letters that spellings swap made one (ستولتنبرغ → ستلتنبرج):
    the first letter, then every letter but the long vowels ا و ي and the hamza seats."""
    word = word.translate(_SOUND_CLASS)
    return word[:1] + "".join(c for c in word[1:] if c not in "اويىءؤئأإآ")


_ABD_APART = re.compile(r"(?<!\S)عبد(?=\S)")


def spelled_alike(a: str, b: str) -> bool:
    """Whether two folded name words are one name spelled two ways: one letter apart (four
    letters or more), or, for long (transliterated) words, one skeleton (فلاديمير / فلادمير);
    short Arabic names share skeletons without being one name (نواف / نايف)."""
    return a == b or (min(len(a), len(b)) >= 4 and _one_edit(a, b)) or (
        min(len(a), len(b)) >= 6 and transliteration_skeleton(a) == transliteration_skeleton(b))


@dataclass(frozen=True)
class Entity:
    """A gazetteer entry: canonical name, kind (person | organization | country) and extras."""

    name: str
    kind: str
    country: str | None = None          # for people: country key; for countries: own key


# The last year of an office still held.
OPEN_END = 9999


@dataclass(frozen=True)
class Role:
    """An office title held by ``entity`` from ``start`` to ``end`` (years, inclusive)."""

    entity: int
    start: int
    end: int | None

    @property
    def last(self) -> int:
        """The last year held; ``OPEN_END`` while the office is still held."""
        return self.end if self.end is not None else OPEN_END


@dataclass(frozen=True)
class Match:
    """A phrase found in the token list: tokens ``[start, end)`` and what the phrase names."""

    start: int
    end: int
    payloads: tuple


class PhraseMatcher:
    """Longest-match lookup of multi-word keys in a token list (clitics on the first word)."""

    def __init__(self) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], list]]] = {}
        self._index: dict[tuple[str, ...], list] = {}
        self._cands: dict[str, tuple] = {}    # word -> phrases its clitic variants may start

    def add(self, phrase: str, payload: Any) -> None:
        """Register ``payload`` under the key of ``phrase``."""
        words = tuple(key(phrase).split())
        if not words:
            return
        bucket = self._index.get(words)
        if bucket is None:
            bucket = self._index[words] = []
            self._by_first.setdefault(words[0], []).append((words, bucket))
            self._by_first[words[0]].sort(key=lambda item: len(item[0]), reverse=True)
        if payload not in bucket:
            bucket.append(payload)
        self._cands.clear()

    def match_at(self, tokens: list[str], i: int, joined: list[bool]) -> Match | None:
        """The longest phrase starting at token ``i`` (tokens of a phrase must be adjacent)."""
        cands = self._cands.get(tokens[i])
        if cands is None:
            cands = self._candidates(tokens[i])
        if not cands:
            return None
        return self._longest(cands, tokens, i, joined, len(tokens))

    def _candidates(self, word: str) -> tuple:
        """Phrases that ``word`` (or a form of it without clitics) may start.

        ``()`` when none; else ``(single, by_second)``: the payloads of the one-word phrase (or
        None) and, keyed by their second word, the longer phrases, longest first — so a token
        is compared with only the phrases its neighbour can continue.
        """
        found = []
        for variant in clitic_variants(word):
            found.extend(self._by_first.get(variant, ()))
        entry: tuple = ()
        if found:
            found.sort(key=lambda item: len(item[0]), reverse=True)
            single = next((tuple(p) for w, p in found if len(w) == 1), None)
            by_second: dict[str, list] = {}
            for w, p in found:
                if len(w) > 1:
                    by_second.setdefault(w[1], []).append((w, tuple(p)))
            entry = (single, by_second)
        if len(self._cands) > 400_000:
            self._cands.clear()
        self._cands[word] = entry
        return entry

    @staticmethod
    def _longest(entry: tuple, tokens: list[str], i: int, joined: list[bool], n_tokens: int) -> Match | None:
        single, by_second = entry
        if i + 1 < n_tokens and joined[i]:
            longer = by_second.get(tokens[i + 1])
            if longer:
                for words, payloads in longer:
                    n = len(words)
                    if i + n <= n_tokens and (n == 2 or all(
                            tokens[i + j] == words[j] and joined[i + j - 1] for j in range(2, n))):
                        return Match(i, i + n, payloads)
        return Match(i, i + 1, single) if single is not None else None

    def find_all(self, tokens: list[str], joined: list[bool]) -> list[Match]:
        """All non-overlapping matches, scanning left to right, longest first at each token."""
        # candidate entries for every token in one C-level pass; Python only visits tokens that
        # may start a phrase (a few per article)
        cands_list = list(map(self._cands.get, tokens))
        n_tokens = len(tokens)
        if None in cands_list:           # fill only the unseen words (found in C)
            for i in compress(range(n_tokens), map(is_, cands_list, repeat(None))):
                cands_list[i] = self._candidates(tokens[i])
        out = []
        next_free = 0
        longest = self._longest
        for i in compress(range(n_tokens), cands_list):
            if i < next_free:
                continue
            m = longest(cands_list[i], tokens, i, joined, n_tokens)
            if m is not None:
                out.append(m)
                next_free = m.end
        return out

    def keys(self) -> Iterable[tuple[str, ...]]:
        """Every registered key (as word tuples)."""
        return self._index.keys()

    def items(self) -> Iterable[tuple[tuple[str, ...], list]]:
        """Every registered key (as word tuples) with its payloads."""
        return self._index.items()


class Gazetteer:
    """All entities with their names, aliases, role titles and nisba adjectives."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self.surface_names: list[str] = []
        self.matcher = PhraseMatcher()
        self.country_by_key: dict[str, int] = {}
        self.roles: dict[str, list[Role]] = {}          # role title key -> holders
        # person -> (first word of a role title without ال, role): الرئيس هادي، الملك سلمان
        self.title_words: dict[int, list[tuple[str, Role]]] = {}
        countries = entries("countries.json", "countries", ("key", "name"))
        for c in countries:
            idx = self._new(Entity(c["name"], "country", c["key"]))
            self.country_by_key[c["key"]] = idx
            for name in [c["name"], *c.get("aliases", [])]:
                self._name(name, ("name", idx))
            for adj in c.get("adjectives", []):
                self.matcher.add(adj, ("adj", idx))
                self.surface_names.append(adj)
                if adj.startswith("ال") and len(adj) > 4:
                    self.matcher.add(adj[2:], ("adj", idx))      # بيان روسي أذري مشترك
        for o in entries("organizations.json", "organizations", ("name",)):
            idx = self._new(Entity(o["name"], "organization"))
            for name in [o["name"], *o.get("aliases", [])]:
                self._name(name, ("name", idx))
        for p in entries("people.json", "people", ("name", "aliases", "roles")):
            idx = self._new(Entity(p["name"], "person", p.get("country")))
            for name in [p["name"], *p["aliases"]]:
                self._name(name, ("name", idx))
            for name in p.get("weak_aliases", []):
                self._name(name, ("weak", idx))
            for title, start, end in p["roles"]:
                role_key = key(title)
                role = Role(idx, int(start), end)
                self.roles.setdefault(role_key, []).append(role)
                head = role_key.split()[0]
                self.title_words.setdefault(idx, []).append((head[2:] if head.startswith("ال") else head, role))
                self.matcher.add(title, ("role", role_key))
                self.surface_names.append(title)
        self._bare_roles(countries)
        self.source_matcher = PhraseMatcher()
        for s in entries("sources.json", "sources", ("name",)):
            for name in [s["name"], *s.get("aliases", [])]:
                self.source_matcher.add(name, s["name"])

    def name_words(self, entity: int) -> frozenset[str]:
        """Every word of the names and aliases of ``entity`` (folded)."""
        return self._name_words.get(entity, frozenset())

    @cached_property
    def _name_words(self) -> dict[int, frozenset[str]]:
        words: dict[int, set[str]] = {}
        for phrase, bucket in self.matcher.items():
            for payload in bucket:
                if payload[0] in ("name", "weak"):
                    words.setdefault(payload[1], set()).update(phrase)
        return {e: frozenset(w) for e, w in words.items()}

    def person_spelled_like(self, parts: list[str]) -> int | None:
        """A gazetteer person whose name or alias differs from ``parts`` (folded words) only by
        one letter in one word of four letters or more (جوش ايرنست / جوش ارنست), or, for a
        foreign name, only in the vowels and swapped letters of a transliteration (ينس شتولتينبيرج /
        ينس ستولتنبرغ)."""
        for words, ent in self._person_keys.get((parts[0], len(parts)), ()):
            diff = [(a, b) for a, b in zip(words, parts) if a != b]
            if len(diff) == 1 and min(map(len, diff[0])) >= 4 and _one_edit(*diff[0]):
                return ent
        return self._person_skeletons.get((parts[0], *map(transliteration_skeleton, parts[1:])))

    @cached_property
    def _person_keys(self) -> dict[tuple[str, int], list]:
        """The gazetteer's person names of two words or more, by first word and length."""
        keys: dict[tuple[str, int], list] = {}
        for words, bucket in self.matcher.items():
            ents = [p[1] for p in bucket if p[0] == "name" and self.entities[p[1]].kind == "person"]
            if ents and len(words) >= 2:
                keys.setdefault((words[0], len(words)), []).append((words, ents[0]))
        return keys

    @cached_property
    def _person_skeletons(self) -> dict[tuple[str, ...], int]:
        """The gazetteer's foreign-looking person names (no ال- word, no بن, a last name of five
        consonants or more) as their first word and the skeletons of the others, each kept only
        when no other person shares it."""
        found: dict[tuple[str, ...], set[int]] = {}
        for words, bucket in self.matcher.items():
            ents = {p[1] for p in bucket if p[0] == "name" and self.entities[p[1]].kind == "person"}
            if not ents or len(words) < 2 or any(w.startswith("ال") or w in ("بن", "بنت", "ابن")
                                                 for w in words):
                continue
            skeleton = (words[0], *map(transliteration_skeleton, words[1:]))
            if len(skeleton[-1]) >= 5:
                found.setdefault(skeleton, set()).update(ents)
        return {k: next(iter(v)) for k, v in found.items() if len(v) == 1}

    def _new(self, entity: Entity) -> int:
        self.entities.append(entity)
        idx = len(self.entities) - 1
        return idx

    def _name(self, name: str, payload: tuple) -> None:
        self.matcher.add(name, payload)
        self.surface_names.append(name)
        # عبد and the word after it are written joined or apart (عبداللهيان / عبد اللهيان)
        for variant in {_ABD_APART.sub("عبد ", name), join_abd(name)} - {name}:
            self.matcher.add(variant, payload)

    def _bare_roles(self, countries: list[dict]) -> None:
        """Titles without their nationality (وزير الخارجية from وزير الخارجية السعودي): holders of
        every country, told apart by the countries the article is about (see ``holder``); so are
        titles written bare in the data but held in several countries (ولي العهد).
        Each country's ``context`` words (المملكة for Saudi Arabia) mark an article as about it."""
        self.ambiguous_roles: set[str] = set()
        adjectives = {}
        for c in countries:
            idx = self.country_by_key[c["key"]]
            for adj in c.get("adjectives", []):
                adjectives[key(adj)] = idx
            for word in c.get("context", []):
                self.matcher.add(word, ("context", idx))
        for role_key in list(self.roles):
            for adj in adjectives:
                if role_key.endswith(" " + adj):
                    bare = role_key[: -len(adj) - 1]
                    holders = self.roles.setdefault(bare, [])
                    holders.extend(r for r in self.roles[role_key] if r not in holders)
                    self.matcher.add(bare, ("role", bare))
                    self.ambiguous_roles.add(bare)     # وزير الداخلية: whose, the article says
        for role_key, holders in self.roles.items():
            if len({self.entities[r.entity].country for r in holders}) > 1:
                self.ambiguous_roles.add(role_key)

    def titled(self, entity: int, word: str, year: int | None) -> bool:
        """Whether ``word`` (a folded title such as الرئيس or رئيس) opens one of the titles
        ``entity`` held in ``year`` (any year when None): الرئيس هادي names the president."""
        return any(year is None or role.start <= year <= role.last
                   for role in self._titles_opened_by(entity, word))

    def title_years(self, entity: int, word: str) -> tuple[int, int] | None:
        """The years (first, last; an open end is ``OPEN_END``) ``entity`` held the titles ``word``
        opens (الملك سلمان: from 2015), or None when ``word`` opens none of them."""
        roles = self._titles_opened_by(entity, word)
        if not roles:
            return None
        return min(r.start for r in roles), max(r.last for r in roles)

    def _titles_opened_by(self, entity: int, word: str) -> list[Role]:
        bare = word[2:] if word.startswith("ال") else word
        return [role for head, role in self.title_words.get(entity, ()) if head == bare]

    def _moved_on(self, role: Role, year: int) -> bool:
        """Whether ``role`` ended in ``year`` while its holder took up another office that year."""
        return role.end == year and any(other.start == year and other != role
                                        for _, other in self.title_words.get(role.entity, ()))

    def _holders_in(self, role_key: str, countries: set[int] | None) -> list[Role]:
        """The holders of ``role_key``; for a title held in several countries, only those of the
        one country among ``countries`` that has it (none when that is not exactly one)."""
        holders = self.roles.get(role_key, [])
        if role_key in self.ambiguous_roles:
            own = {self.country_by_key.get(self.entities[r.entity].country) for r in holders}
            if len(own & (countries or set())) != 1:
                return []
            holders = [r for r in holders
                       if self.country_by_key.get(self.entities[r.entity].country) in (countries or ())]
        return holders

    def tenure(self, role_key: str, entity: int) -> tuple[int, int] | None:
        """The years (first, last) ``entity`` held ``role_key``; an open end is ``OPEN_END``."""
        spans = [(r.start, r.last)
                 for r in self.roles.get(role_key, ()) if r.entity == entity]
        return (min(a for a, _ in spans), max(b for _, b in spans)) if spans else None

    def holder_in(self, role_key: str, era: tuple[int, int], taken: set[int],
                  countries: set[int] | None = None) -> int | None:
        """The one holder of ``role_key`` in ``era`` (years, inclusive), leaving out ``taken``
        (people the article gives another office): the one whose tenure spans the whole era, else
        the one whose tenure meets it at all; None unless exactly one fits."""
        holders = [r for r in self._holders_in(role_key, countries) if r.entity not in taken]
        for lo, hi in ((era[0], era[1]), (era[1], era[0])):     # spanning it, then meeting it
            fits = {r.entity for r in holders if r.start <= lo and r.last >= hi}
            if len(fits) == 1:
                return fits.pop()
            if fits:
                return None
        return None

    def holder(self, role_key: str, year: int | None, present: set[int],
               countries: set[int] | None = None) -> int | None:
        """Who held the office ``role_key`` in ``year``.

        Without a year, only a holder already named in the article qualifies (so a bare title
        never guesses a person). A title held in several countries (ولي العهد، وزير الخارجية)
        resolves only to a holder from one of ``countries`` (the article's), and only when that
        leaves one.
        """
        holders = self._holders_in(role_key, countries)
        if year is not None:
            serving = [r for r in holders if r.start <= year <= r.last]
            # (one who took another office that year has moved on: الملك سلمان is not ولي العهد in 2015)
            named = [r for r in serving if r.entity in present and not self._moved_on(r, year)]
            if named or serving:         # a year of handover: the one named, else the newcomer
                return max(named or serving, key=lambda r: r.start).entity
            return None
        named = [r.entity for r in holders if r.entity in present]
        return named[0] if len(set(named)) == 1 else None


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The loaded gazetteer (built on first use)."""
    return Gazetteer()


def gazetteer_names() -> list[str]:
    """Every surface name, alias, role title and nisba of the gazetteer, sorted, without repeats."""
    return sorted(set(gazetteer().surface_names))
