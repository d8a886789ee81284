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

from searchlib.extract.gazetteer import Gazetteer, gazetteer
from searchlib.extract.text import WORD_RE, clitic_variants, fold, key, light


@dataclass
class Actor:
    """A participant of the story under its canonical name; kind: person | organization | country."""

    name: str
    kind: str

    def to_dict(self) -> dict:
        """The JSON form ``{"name", "kind"}``."""
        return {"name": self.name, "kind": self.kind}


# Head words of offices and state bodies a nisba may qualify (folded keys).
_INSTITUTION_HEADS = frozenset(key(w) for w in """
رئيس الرئيس الرئيسان الرئيسين رئيسة رئيسه وزير الوزير وزيرة وزيره وزراء الوزراء وزارة وزاره وزارتا الجيش
القوات قوات الخارجية الدفاع الداخلية الرئاسة رئاسة الحكومة حكومة السلطات الجانب الجانبين الوفد وفد السفير
سفير السفارة سفارة البرلمان الملك العاهل نظيره نظيرته نظيريه نظيرها نظيرهم نظيره الزعيم زعيم المتحدث
المتحدثة الناطق ولي الأمير أمير مستشار المستشار مستشارة المستشارة قائد القائد الحرس البحرية سلاح المندوب
مندوب البعثة الأمن الاستخبارات المخابرات الشرطة الدولة دولة الحكومه الأمين النظام قوة القوة وحدات الوحدات
الطيران الرئاسي الرئاسية المسؤول المسؤولين المسؤولون مسؤول مسؤولين الدبلوماسية الدبلوماسي الدبلوماسيين
""".split())
_NISBA_WINDOW = 3

# Office and rank words that introduce a person's name.
_PERSON_HEADS = frozenset(key(w) for w in """
الرئيس رئيس رئيسة وزير وزيرة الوزير المتحدث المتحدثة الناطق الناطقة مستشار مستشارة المستشار المستشارة
مساعد مساعدة نائب الملك الأمير الشيخ ولي السفير سفير المبعوث مبعوث الأمين المندوب مندوب قائد القائد
العقيد اللواء العميد الفريق المشير الجنرال السيناتور النائب العاهل السلطان المرشد زعيم الزعيم رئيسه
""".split())
_ROYAL_HEADS = frozenset(key(w) for w in "الملك الأمير الشيخ السلطان العاهل ولي".split())
# Words that may follow an office word before the name (باسم الكرملين، لشؤون ...).
_ROLE_LINK = frozenset(key(w) for w in "باسم العام العهد الوزراء الدولة الحكومة الجمهورية الأعلى الخاص الأممي الدولي الرسمي الرسمية الأول الثاني للشؤون لشؤون لدى في إلى الى عهد ولي".split())
# Words that are never part of a name.
_NOT_NAME = frozenset(key(w) for w in """
في على إلى الى من عن أن إن ان انه أنه إنه قد لقد خلال مع حول بعد قبل عند منذ أمس امس اليوم غدا الذي التي
الذين هذا هذه ذلك تلك كان كانت يكون هو هي هم بين أيضا ايضا كما لكن ثم أو او بل لا لم لن ما ماذا متى أي كل
بعض غير عبر ضد دون لدى حتى إذ إذا اذا حيث عندما بينما قال قالت أكد أكدت أعلن أعلنت يوم صباح مساء الجمعة
السبت الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الحالي السابق الأسبق الجديد الراحل المكلف بالإنابة
بالوكالة المستقيل المنتهية ولايته نفسه الجمهورية
""".split())
_CONNECTORS = frozenset(key(w) for w in "بن بنت ابن آل ال أبو ابو عبد ولد دي دو فون فان".split())
_SPEECH_VERBS = frozenset(key(w) for w in """
قال قالت وقال وقالت أكد وأكد أعلن وأعلن أوضح وأوضح ذكر وذكر صرح وصرح أشار وأشار أضاف وأضاف شدد وشدد
دعا ودعا رأى ورأى اعتبر واعتبر جانبه جانبها أفاد وأفاد كشف وكشف لفت ولفت
""".split())
_JOINABLE_GAP = re.compile(r"^[ \t]*$")
_COMMA_GAP = re.compile(r"^[ \t]*[،,][ \t]*[\"“”«»']?[ \t]*$|^[ \t]*[\"“”«»'][ \t]*$")


class _Tokens:
    """Tokens of one line: folded words, surfaces (light form) and the gaps between them."""

    def __init__(self, line: str) -> None:
        lt = light(line)
        ft = fold(lt)
        spans = [(m.start(), m.end()) for m in WORD_RE.finditer(ft)]
        self.words = [ft[s:e] for s, e in spans]
        self.surface = [lt[s:e] for s, e in spans]
        gaps = [ft[spans[i][1]:spans[i + 1][0]] for i in range(len(spans) - 1)]
        self.joined = [bool(_JOINABLE_GAP.match(g)) for g in gaps] + [False]
        self.comma = [bool(_COMMA_GAP.match(g)) for g in gaps] + [False]


def _strip_clitics_surface(surface: str, folded: str, gz_first: set[str]) -> str:
    """Drop a leading و/ف/ب/ل from a captured name's first word when it is a clitic."""
    if len(folded) > 4 and folded[0] in "وفبل" and folded[1:2] != folded[0]:
        return surface[1:]
    return surface


class ActorFinder:
    """Collects actors over the lines of one article."""

    def __init__(self, year: int | None) -> None:
        self.gz: Gazetteer = gazetteer()
        self.year = year
        self.order: dict[tuple[str, str], int] = {}      # (name, kind) -> first position
        self.strong: set[int] = set()
        self.weak: dict[int, int] = {}
        self.roles: list[tuple[str, int]] = []
        self.unknown: dict[str, tuple[str, int]] = {}    # key -> (surface, position)
        self.pos = 0

    def _see(self, entity: int, pos: int) -> None:
        self.strong.add(entity)
        self.order.setdefault((self.gz.entities[entity].name, self.gz.entities[entity].kind), pos)

    def add_line(self, line: str) -> None:
        """Scan one line of the title or body."""
        tk = _Tokens(line)
        words = tk.words
        if not words:
            return
        matches = self.gz.matcher.find_all(words, tk.joined)
        match_at = {m.start: m for m in matches}
        for m in matches:
            pos = self.pos + m.start
            kinds = {p[0] for p in m.payloads}
            if "name" in kinds:
                for p in m.payloads:
                    if p[0] == "name":
                        self._see(p[1], pos)
                        break
            elif "weak" in kinds:
                ent = next(p[1] for p in m.payloads if p[0] == "weak")
                self.weak.setdefault(ent, pos)
            elif "role" in kinds:
                nxt = match_at.get(m.end)
                named_next = (nxt is not None and (tk.joined[m.end - 1] or tk.comma[m.end - 1])
                              and any(p[0] in ("name", "weak") and self.gz.entities[p[1]].kind == "person"
                                      for p in nxt.payloads))
                tail = self._skip_role_tail(tk, m.end, m.start, match_at)
                if not named_next and tail > m.end and tail in match_at:
                    named_next = any(p[0] in ("name", "weak") and self.gz.entities[p[1]].kind == "person"
                                     for p in match_at[tail].payloads)
                captured = None
                if not named_next and tail < len(words) and (tk.joined[tail - 1] or tk.comma[tail - 1]):
                    captured = self._name_after(tk, tail, royal=False, matches=match_at)
                if captured:
                    self._unknown(captured, pos)
                elif not named_next:
                    role_key = next(p[1] for p in m.payloads if p[0] == "role")
                    self.roles.append((role_key, pos))
                self._nisba_in(m, tk, pos, role_phrase=True)
            elif "adj" in kinds:
                self._nisba(m, tk, words, pos)
        self._heads(tk, match_at)
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

    def _skip_role_tail(self, tk: _Tokens, j: int, i: int, match_at: dict) -> int:
        """Index after the rest of an office phrase (ال- words, links, nisbas, bodies' names)."""
        words = tk.words
        while j < len(words) and j - i <= 8 and tk.joined[j - 1]:
            if j in match_at and any(p[0] in ("name", "weak") and self.gz.entities[p[1]].kind == "person"
                                     for p in match_at[j].payloads):
                break
            if j in match_at:
                j = match_at[j].end
                continue
            wj = words[j]
            if wj.startswith(("ال", "وال", "لل", "بال")) or wj in _ROLE_LINK:
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
        for m in match_at.values():
            covered.update(range(m.start, m.end))
        for i, w in enumerate(words):
            variants = clitic_variants(w)
            head = next((v for v in variants if v in _PERSON_HEADS), None)
            if head is None or i in covered:
                continue
            j = self._skip_role_tail(tk, i + 1, i, match_at)
            if j - 1 >= len(words) or j >= len(words):
                continue
            if not (tk.joined[j - 1] or tk.comma[j - 1]):
                continue
            if j in match_at:
                continue          # a gazetteer entry follows: already counted
            royal = head in _ROYAL_HEADS
            if head in ("رئيس", "وزير", "مساعد", "نائب", "مستشار", "سفير", "مندوب", "مبعوث",
                        "رئيسه", "وزيره") and j == i + 1:
                continue          # رئيس + name is not a title-name pair (رئيس أذربيجان)
            captured = self._name_after(tk, j, royal=royal, matches=match_at)
            if captured:
                self._unknown(captured, self.pos + j)
        # reverse order: قال حكمت حاجييف، مستشار ...
        for i, w in enumerate(words):
            if w not in _SPEECH_VERBS:
                continue
            j = i + 1
            name_end = j
            while name_end < len(words) and name_end - j < 4 and tk.joined[name_end - 1] and \
                    self._name_like(words[name_end], first=name_end == j):
                name_end += 1
                if tk.comma[name_end - 1]:
                    break
            if name_end - j < 2 or name_end >= len(words) or not tk.comma[name_end - 1]:
                continue
            if any(k in covered for k in range(j, name_end)):
                continue
            if any(v in _PERSON_HEADS for v in clitic_variants(words[name_end])):
                self._unknown(tk.surface[j:name_end], self.pos + j)

    @staticmethod
    def _name_like(word: str, first: bool) -> bool:
        if word in _NOT_NAME or len(word) < 2 or word.isdigit():
            return False
        if first and word.startswith("ال") and word not in _CONNECTORS:
            return False
        return True

    def _name_after(self, tk: _Tokens, j: int, royal: bool, matches: dict) -> list[str] | None:
        """Up to four name words starting at ``j`` (one ال- surname allowed at the end)."""
        words = tk.words
        if j >= len(words) or j in matches:
            return None
        out: list[int] = []
        k = j
        while k < len(words) and len(out) < 5:
            w = words[k]
            if out and not tk.joined[k - 1]:
                break
            if k in matches and out:
                break
            first = not out
            if not self._name_like(w, first) or w.startswith(("لل", "بال", "وال", "فال", "كال")):
                break
            if not first and w[0] in "وف" and len(w) > 3 and words[k - 1] not in _CONNECTORS and w not in ("وليد",):
                break
            if not first and w.startswith("ال") and words[k - 1] not in _CONNECTORS:
                if self._is_nisba(w):
                    break
                out.append(k)
                k += 1
                break
            out.append(k)
            k += 1
        while out and words[out[-1]] in _CONNECTORS:
            out.pop()
        if not out:
            return None
        if len(out) < 2 and not royal:
            return None
        if any(self._is_nisba(words[x]) for x in out):
            return None
        return [tk.surface[x] for x in out]

    def _is_nisba(self, word: str) -> bool:
        hit = self.gz.matcher.match_at([word], 0, [False])
        return bool(hit and any(p[0] in ("adj", "name") for p in hit.payloads))

    def _unknown(self, surfaces: list[str], pos: int) -> None:
        first = surfaces[0]
        ff = fold(first)
        if len(ff) > 4 and ff[0] in "وفبل" and ff[1] != ff[0]:
            first = first[1:]
        name = " ".join([first, *surfaces[1:]])
        k = key(name)
        # a gazetteer person under a fuller name (فلاديمير فلاديميروفيتش بوتين)
        hit = self.gz.matcher.find_all(k.split(), [True] * len(k.split()))
        for m in hit:
            for p in m.payloads:
                if p[0] in ("name", "weak") and self.gz.entities[p[1]].kind == "person":
                    self._see(p[1], pos)
                    return
        if k not in self.unknown:
            self.unknown[k] = (name, pos)

    def actors(self) -> list[Actor]:
        """Every actor found, once, in order of first mention."""
        for ent, pos in self.weak.items():
            if ent in self.strong or any(self.gz.holder(r, self.year, set()) == ent for r, _ in self.roles):
                self.order.setdefault((self.gz.entities[ent].name, self.gz.entities[ent].kind), pos)
        for role_key, pos in self.roles:
            holder = self.gz.holder(role_key, self.year, self.strong | set(self.weak))
            if holder is not None:
                self._see(holder, pos)
        # unknown names: drop one that is the tail of a longer one (أكار / خلوصي أكار)
        keys = sorted(self.unknown, key=len, reverse=True)
        kept: list[str] = []
        for k in keys:
            if not any(other.endswith(" " + k) or other == k for other in kept):
                kept.append(k)
        for k in kept:
            name, pos = self.unknown[k]
            self.order.setdefault((name, "person"), pos)
        return [Actor(name, kind) for (name, kind), _ in sorted(self.order.items(), key=lambda kv: kv[1])]


def find_actors(lines: list[str], year: int | None) -> list[Actor]:
    """The actors of an article given its title and body lines and the year it is from."""
    finder = ActorFinder(year)
    for line in lines:
        finder.add_line(line)
    return finder.actors()
