"""Whether words can be parts of a person's name: the gate for names not in the gazetteer.

A word after an office title is a name only if it can be one. Three sources decide:

* ``data/names.tsv`` — given names (محمد، فهد، عبير …) and family names (القحطاني، الفيصل …) that
  news writes in name positions (built by ``tools/build_names.py`` from corpus counts), and
  hand-written lists of given names too rarely seen in a name position to be learnt:
  ``data/foreign_given.txt`` (transliterations: ريبيكا، كايل), ``data/arabic_given.txt`` (معاذ،
  رزان) and ``data/ambiguous_given.txt`` (names that are also words: علي / على، أمل، نور);
* the analyzer's lexicon (corpus frequency + Hunspell) — a frequent dictionary word that is not a
  known name (قرارا، لمدة، الدولي، كرة) is an ordinary word;
* everything else (rare or unseen words: تشيريتشيس، بوكيتينو) may be a name, most often a
  transliterated foreign one.
"""
from __future__ import annotations

from functools import lru_cache
from itertools import compress

from searchlib.extraction.data import DATA_DIR, DataFileError
from searchlib.extraction.memo import BoundedMemo

# First halves of compound given names written apart (عبد العزيز): tools/build_names.py counts
# words next to بن and titles, where the compound's first half is seldom seen often enough.
COMPOUND_FIRST_HALVES = frozenset(["عبد"])
# A dictionary word seen this often is an ordinary word unless it is a known name; as the first
# word of a name, only when it is also marked as one (a clitic, a pronoun suffix, accusative ا)
# or seen MARKED_COUNT times (ملاك، خطاب، معاذ may be names; قرارا، لدعم، كرة are not).
COMMON_COUNT = 150
UNMARKED_COUNT = 400
# A later word of a name is cut only at an ordinary word this frequent (ويب، خطاب may continue).
CONTINUE_COUNT = 1000
_PRONOUN_ENDINGS = ("ه", "ها", "هم", "هما", "نا", "كم")


def is_abd_compound(word: str) -> bool:
    """A given name written as one word with عبد and a divine name (عبدالرؤوف، عبدالسلام)."""
    return len(word) >= 8 and word.startswith("عبدال")



def _lexicon_count(word: str) -> tuple[int, bool]:
    """Corpus count of ``word`` and whether Hunspell accepts it (the analyzer's lexicon)."""
    from searchlib.analyzers.lexicon import load_lexicon
    from searchlib.analyzers.normalize import normalize_text
    form = normalize_text(word)
    lex = load_lexicon()
    return lex.count(form), lex.in_dictionary(form)

class NameLexicon:
    """Given and family names, and tests for ordinary words (all on folded extraction keys)."""

    def __init__(self, given: frozenset[str], family: frozenset[str],
                 foreign_given: frozenset[str] = frozenset(),
                 ambiguous_given: frozenset[str] = frozenset(),
                 arabic_given: frozenset[str] = frozenset()) -> None:
        self.given = given | foreign_given | ambiguous_given | arabic_given | COMPOUND_FIRST_HALVES
        self.foreign_given = foreign_given
        self.listed_given = foreign_given | arabic_given
        self._given_flags = BoundedMemo(self._is_given_or_after_and)
        self.ambiguous_given = ambiguous_given
        self.family = family
        self._counts: BoundedMemo[str, tuple[int, bool]] = BoundedMemo(_lexicon_count, 100_000)

    def given_positions(self, words: list[str]) -> list[int]:
        """Indices of the words that are given names, bare or after the conjunction و (memoized:
        the scans of every line ask this of each word, so it is looked up in C, not tested)."""
        return list(compress(range(len(words)), map(self._given_flags.__getitem__, words)))

    def _is_given_or_after_and(self, word: str) -> bool:
        return self.is_given(word) or word[:1] == "و" and self.is_given(word[1:])

    def is_ambiguous_given(self, word: str) -> bool:
        """A given name that is also an everyday word (صادق، أمين، علي): a name after a title
        (الأستاذ حسن …), never on its own (حسن الجوار، خميس مشيط، جمعة ورا جمعة)."""
        return word in self.ambiguous_given

    def is_plain_given(self, word: str) -> bool:
        """A known given name that is no everyday word (خالد، نايف; not علي، حسن)."""
        return self.is_given(word) and word not in self.ambiguous_given

    def vouches_for_everyday_given(self, word: str) -> bool:
        """Whether ``word`` after an everyday given name (صادق، علي) makes the two a name: a known
        family name, or a rare word that is no given name itself and no و-word (صادق الحدب; not
        جمعة ورا جمعة)."""
        return self.is_family(word) or (self.surely_name(word) and not self.is_given(word) and word[:1] != "و")

    def is_given(self, word: str) -> bool:
        """A known given name (folded form), or a compound written as one word with عبد
        (عبدالرؤوف، عبدالسلام: rarer ones than the lists learn, but عبدال- is always a name)."""
        return word in self.given or is_abd_compound(word)

    def is_foreign_given(self, word: str) -> bool:
        """A transliterated foreign first name from ``data/foreign_given.txt`` (كايل، جون)."""
        return word in self.foreign_given

    def is_listed_given(self, word: str) -> bool:
        """A given name from a hand-written list (``foreign_given.txt``, ``arabic_given.txt``): a name
        even where the word is also a stop word (معاذ as in معاذ الله، جون)."""
        return word in self.listed_given

    def is_family(self, word: str) -> bool:
        """A known family name (folded form, with its ال)."""
        return word in self.family

    def _count(self, word: str) -> tuple[int, bool]:
        """Corpus count of ``word`` and whether Hunspell accepts it (memoized)."""
        return self._counts[word]

    def _clitic_on_word(self, word: str) -> bool:
        """لبدء، بتحميل، باحتساب: a preposition on an ordinary word."""
        if len(word) <= 3 or word[0] not in "لبك" or word[1:] in self.given:
            return False
        count, known = self._count(word[1:])
        return known and count >= COMMON_COUNT

    def is_common(self, word: str) -> bool:
        """An ordinary word: a frequent dictionary word that is not a known name."""
        if word in self.given or word in self.family:
            return False
        count, known = self._count(word)
        return known and count >= COMMON_COUNT

    def corpus_count(self, word: str) -> int:
        """How often the analyzer's corpus counts have ``word``."""
        return self._count(word)[0]

    def known_word(self, word: str) -> bool:
        """Whether the dictionary accepts ``word``."""
        return self._count(word)[1]

    def preposition_on_word(self, word: str) -> bool:
        """A word that is ب/ل/ك on an ordinary word (بتطبيقات، لجرعات، كضيف), not a name
        (بلال، لبيد، كمال)."""
        if len(word) < 4 or word[0] not in "بلك" or word in self.given or word in self.family:
            return False
        # the bare word must be common and far commoner than the form with the preposition: a
        # surname that merely looks like one (لباد، بويل، بهوي) is about as common as its rest
        rest_count, rest_known = self._count(word[1:])
        return (rest_known and rest_count >= 40 and rest_count >= 3 * self._count(word)[0]
                and not (word[1] == "ي" and self.looks_inflected(word[1:])))   # بيرون: not on a verb

    def own_name_not_clitic(self, word: str) -> bool:
        """A word starting with و/ف that is a name, not the conjunction on a word (فروخ, not
        فالمسؤول): a known name, or rare while its rest is no ordinary word."""
        if word in self.given or word in self.family:
            return True
        if word[1:] in self.given:
            return False                 # وتوم: and Tom
        count, rest = self._count(word)[0], self._count(word[1:])[0]
        if count >= 20 and count >= 3 * rest:
            return True                  # فهمي، فيريرا: far more frequent than همي، يريرا
        return count < 20 and not self.is_common(word[1:]) and not self.known_word(word[1:])

    def surely_name(self, word: str) -> bool:
        """A known name, or a word neither the dictionary nor the corpus knows well."""
        if word in self.given or word in self.family:
            return True
        count, known = self._count(word)
        return not known or count < 20 and not self.looks_inflected(word)

    def looks_inflected(self, word: str) -> bool:
        """A verb or a noun with a pronoun, by its shape (يرفض، تنتهي، قناعته، حملتها)."""
        if word in self.given:
            return False
        if len(word) >= 4 and word[0] in "يت":
            count, known = self._count(word)
            if known and count >= 20:
                return True              # يرفض، تنتهي (a rare توبي may be a name)
        if len(word) >= 5 and word[:2] in ("ست", "سي", "سن"):
            rest_count, rest_known = self._count(word[1:])
            if rest_known and rest_count >= (20 if self._count(word)[1] else 5):
                return True              # ستتوجه، سيوقعان: a future verb (not سيلفا: no يلفا)
        if len(word) == 4 and word[:2] in ("ست", "سي") and \
                self._count(word[1:])[0] >= max(500, 3 * self._count(word)[0]):
            return True                  # سيصل، ستعد: a short future verb (not ستيف، سيلا، سيدي)
        if len(word) >= 5 and word[0] == "ا" and not word.startswith("ال") and word[-1] != "ت":
            count, known = self._count(word)
            if known and count >= 100:
                return True              # اعتمد، افتتح، استقبل: a past verb of a derived form
        if len(word) >= 5 and word[0] == "ا" and word[-1] == "ت":
            count, known = self._count(word)
            if known and (count >= 20 or len(word) >= 6):
                return True              # اتخذت، استقدمت: a past verb
        if len(word) >= 6 and word[0] in "بل" and word[-1] == "ه" and self._count(word[1:-1])[0] >= 100:
            return True                  # بانتقاله، لمنزله: a preposition, a noun and a pronoun
        if len(word) >= 6 and word[0] in "بل" and word.endswith("نا") and self._count(word[1:-2])[0] >= 100:
            return True                  # بدعمنا، لفريقنا: a preposition, a noun and the pronoun نا
        if len(word) >= 6 and word[0] in "بلك" and word.endswith("ات") and word not in self.family:
            return True                  # بمواصفات، لمنشآت: a preposition on a feminine plural
        if len(word) >= 7 and word[0] in "بلك" and word.endswith("ين") and word not in self.family:
            stem = word[1:-2]            # بتشكيلين: تشكيل; بأغنيتين: أغنية
            singular = stem[:-1] + "ه" if stem.endswith("ت") else stem
            if len(stem) >= 4 and max(self._count(stem)[0], self._count(singular)[0]) >= 100:
                return True              # a preposition on a dual or a plural
        if len(word) >= 4 and word.startswith("اؤ"):
            return True                  # أؤكد، أؤمن: a verb in the first person
        if len(word) >= 5 and word[0] == "ل" and word[1] in "يت" and self.looks_inflected(word[1:]):
            return True                  # ليكتمل، لتصبح: ل + a present verb (so that …)
        if len(word) >= 5 and word.endswith("وا"):
            stem_count, stem_known = self._count(word[:-2])
            if stem_known and stem_count >= 5:
                return True              # داهموا، قالوا: a plural verb (not ميازاوا: no ميازا)
        if len(word) >= 5 and word.endswith(("ته", "تها")):
            # قناعته، حملتها: a feminine noun (قناعة) with a pronoun — unless the word is far more
            # frequent than that noun (فلاتة, a family name: فلاه is next to unknown)
            return not self.outnumbers_stem(word, word[:word.rindex("ت")] + "ه")
        return len(word) >= 5 and word.endswith(("ها", "هم", "هما", "كم")) and not self.definite_hum(word)

    @staticmethod
    def definite_hum(word: str) -> bool:
        """Whether ``word`` is an ال- word whose هم/هن is its own (الدريهم، الصليهم): a definite noun
        takes no pronoun. Not الت- words (التزامهم is التزام + هم), nor short ones where ال may
        be a folded أ of a verb (ألزمهم)."""
        return (len(word) >= 7 and word.startswith("ال") and not word.startswith("الت")
                and word.endswith(("هم", "هن")))

    def everyday_word(self, word: str) -> bool:
        """A frequent dictionary word that no name list knows (خيار، رائع، لقب): two of them
        together are a phrase, not a first and a last name."""
        count, known = self._count(word)
        return (known and count >= COMMON_COUNT and word not in self.given and word not in self.family
                and word not in self.foreign_given)

    def outnumbers_stem(self, word: str, stem: str) -> bool:
        """Whether ``word`` is frequent in its own right, far more than ``stem`` with a pronoun
        would make it (فلاتة, a family name, against فلات): so it is no ``stem`` + pronoun."""
        count = self._count(word)[0]
        return count >= 20 and 5 * self._count(stem)[0] < count

    def accusative_pair(self, first: str, second: str) -> bool:
        """Two dictionary words in the accusative (تمرينا صباحيا، قانونا جديدا): a noun and its
        adjective, not a first and a last name (ماريا كوستا: كوستا is no dictionary word)."""
        return (len(first) >= 4 and len(second) >= 4 and first[-1] == "ا" == second[-1]
                and not self.is_given(first) and self._count(first)[1] and self._count(second)[1])

    def may_start(self, word: str) -> bool:
        """Whether a name may begin with ``word``."""
        if word in self.given or word in self.family:
            return True
        if self.looks_inflected(word):
            return False
        if len(word) > 3 and word[0] in "لبف":
            # stricter than _clitic_on_word, for the first word only: the clitic form is rarer
            # than the bare word (لحفل، بهدم، بأم); a later word keeps names such as بلهادي
            rest = self._count(word[1:])[0]
            if rest >= 50 and rest >= 3 * self._count(word)[0]:
                return False
        count, known = self._count(word)
        if not known or count < COMMON_COUNT:
            return True
        marked = len(word) >= 4 and (word[-1] == "ا" or word.endswith(_PRONOUN_ENDINGS)
                                     or self._clitic_on_word(word))
        return not marked and count < UNMARKED_COUNT

    def may_continue(self, word: str) -> bool:
        """Whether ``word`` may be a later part of a name (father's name, family name)."""
        if word in self.given or word in self.family:
            return True
        count, known = self._count(word)
        if known and count >= CONTINUE_COUNT or self.looks_inflected(word):
            return False
        if known and count >= COMMON_COUNT and len(word) >= 5 and word.endswith("نا"):
            return False                 # a noun with the pronoun نا (other endings: looks_inflected)
        if known and count >= 50 and len(word) >= 5 and word.endswith("يه"):
            return False                 # مرجعية، رسمية: a feminine noun or adjective (سمية is a known name)
        if len(word) >= 5 and word[-1] == "ه":
            stem_count, stem_known = self._count(word[:-1])
            if stem_known and stem_count >= 100 and 2 * stem_count >= 3 * count:
                return False             # انضمامه: انضمام + ه (a name such as حسونة has no such stem)
        if (len(word) >= 4 and word[-1] == "ا" and known and count >= 50 and not word.startswith("ال")
                and word[:-1] not in self.given):
            stem_count, stem_known = self._count(word[:-1])
            if stem_known and stem_count >= COMMON_COUNT:
                return False             # أرباحا، هدفا: an accusative noun (not كوستا, ماتا: no such words)
        if len(word) >= 5 and word[0] == "ل":
            rest = self._count(word[1:])[0]
            if rest >= 50 and rest >= 5 * count:
                return False             # لفالنسيا: for Valencia (لباد keeps its ل; ب begins بلهادي)
        return not (count >= 20 and self._clitic_on_word(word))


@lru_cache(maxsize=1)
def name_lexicon() -> NameLexicon:
    """The packaged name lists, loaded once."""
    path = DATA_DIR / "names.tsv"
    given: set[str] = set()
    family: set[str] = set()
    with open(path, encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, 1):
            if line.startswith("#") or not line.strip():
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 4 or parts[1] not in ("given", "family"):
                raise DataFileError(f"{path}:{lineno}: expected word<TAB>given|family<TAB>n<TAB>n")
            (given if parts[1] == "given" else family).add(parts[0])
    return NameLexicon(frozenset(given), frozenset(family), foreign_given_names(),
                       frozenset(_word_list("ambiguous_given.txt")), frozenset(_word_list("arabic_given.txt")))


@lru_cache(maxsize=1)
def foreign_given_names() -> frozenset[str]:
    """The transliterated foreign first names of ``data/foreign_given.txt`` (folded keys)."""
    return frozenset(_word_list("foreign_given.txt"))


def _word_list(name: str) -> set[str]:
    """A hand-written list in ``data/``: one word per line, ``#`` comments; folded to keys."""
    from searchlib.extraction.text import key
    with open(DATA_DIR / name, encoding="utf-8") as handle:
        return {key(line.strip()) for line in handle if line.strip() and not line.startswith("#")}
