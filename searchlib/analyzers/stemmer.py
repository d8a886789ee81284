"""Guarded light stemming: clitics off, common suffixes off, decided with a lexicon.

Raw light stemmers (Tashaphyne, ISRI) strip by letter shape alone and so damage the words news
readers search for (بوتين -> وت, بحث -> حث, وقف -> قف). Here every strip is a *candidate* that is
accepted only when the lexicon (corpus counts + Hunspell dictionary, see ``lexicon.py``) supports
it. The rules are hand-written because no packaged Arabic stemmer takes a lexicon; Tashaphyne's
affix lists inspired the suffix table.

1. Clitics (``strip_clitics``), one layer at a time from the outside: و ف ب ك ل, the article ال
   and the contraction لل (= ل + ال). A layer comes off when the remainder is a word (attested,
   or attested once its article/suffix is off) and not a short function word, and when:
   * the whole word is not itself seen with the article (الوزير, الوطن, الوسط: then its first
     letter is its own, since nothing comes before ال);
   * for و (which precedes verbs as readily as nouns), the remainder is in common use;
   * for ف/ب/ك/ل, the whole is not much more frequent than that clitic's usual attachment rate
     predicts (from the corpus), unless the remainder starts with the article (بالكامل).
   The article comes off at most once, never when the text wrote it with a hamza (إلهام, ألمانيا)
   or when the corpus mostly does, and never when ال + the word is itself attested (التزام).
   A word the corpus never saw, with no attested remainder, loses its outer clitic letter and is
   decided again: the rule depends only on the remainder, so لX, وX and X always end equal.
2. Suffixes (``strip_suffixes``): plural, dual, feminine, nisba and pronoun endings, with ة
   restored before a pronoun (اتفاقيتها -> اتفاقيه). Accepted when the remainder keeps at least
   ``MIN_STEM`` letters, is attested, and is not much rarer than the whole (لبنان is not لبن+ان);
   dictionary entries keep ون/ين/ة (زيتون, مدينة). Words the corpus knows but the dictionary does
   not (foreign names: بوتين, باكو) and protected words only lose nisba endings (الأذربيجانية).
"""
from __future__ import annotations

import re
from collections.abc import Collection

from searchlib.analyzers.lexicon import Lexicon

__all__ = ["GuardedStemmer", "MIN_STEM", "CLITIC_LETTERS"]

MIN_STEM = 3              # letters a suffix-stripped stem keeps at least
MIN_CLITIC_REST = 2       # letters left after taking off a clitic
ATTESTED = 3              # corpus count from which a word counts as known
CLITIC_TOLERANCE = 8.0    # how far above the usual attachment rate a clitic form may be
SUFFIX_TOLERANCE = 12.0   # how much more frequent than its stem a suffixed form may be ...
PLURAL_TOLERANCE = 200.0  # ... or a plural (مفاوضات is far more frequent than مفاوضة)
_PLURALS = frozenset({"ات", "يات", "ون", "ين", "يون", "يين", "اتها", "اتهم"})
# endings a dictionary entry keeps: زيتون is not زيت+ون, مدينة not مدين+ة, لبنان not لبن+ان
_NOT_FROM_ENTRIES = frozenset({"ون", "ين", "ان", "ه"})
DEFINITE_SHARE = 0.02     # share of ال+word among word's count that marks word as a noun
NAME_COUNT = 20           # corpus count from which a non-dictionary word is taken for a name

CLITIC_LETTERS = "وفبكل"
_ARABIC_WORD = re.compile(r"^[\u0621-\u064a]+$")

# (suffix, replacement): longest first. ة (normalized ه) reappears before pronouns.
_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("يتين", "ي"), ("يتان", "ي"),
    ("تهما", "ه"), ("اتها", ""), ("اتهم", ""), ("يات", "ي"), ("يين", "ي"), ("يون", "ي"),
    ("تها", "ه"), ("تهم", "ه"), ("تنا", "ه"), ("تكم", "ه"), ("تين", "ه"), ("تان", "ه"),
    ("هما", ""),
    ("يه", "ي"), ("ته", "ه"), ("ات", "ه"), ("ات", ""), ("ون", ""), ("ين", ""), ("ان", ""),
    ("ها", ""), ("هم", ""), ("هن", ""), ("كم", ""), ("نا", ""),
    ("ه", ""),
)
_NISBA = tuple((suffix, r) for suffix, r in _SUFFIXES if r == "ي")


class GuardedStemmer:
    """Lexicon-guarded clitic and suffix stripping for one normalized Arabic word."""

    def __init__(self, lexicon: Lexicon, stopwords: Collection[str],
                 protected: Collection[str] = ()) -> None:
        self.lexicon = lexicon
        self.stopwords = stopwords
        self.protected = frozenset(protected)
        self._suffix_memo: dict[str, str] = {}

    # -- helpers -------------------------------------------------------------------------------
    def _known(self, word: str) -> bool:
        return (word in self.protected or self.lexicon.count(word) >= ATTESTED
                or self.lexicon.in_dictionary(word))

    def _derivable(self, word: str) -> bool:
        """Known, or known once the article and/or a suffix come off (واللوجستيات)."""
        if self._known(word) or self.strip_suffixes(word) != word:
            return True
        if word.startswith("ال") and not self.lexicon.al_is_part_of_word(word):
            rest = word[2:]
            return self._known(rest) or self.strip_suffixes(rest) != rest
        return False

    def _is_name(self, word: str) -> bool:
        return word in self.protected or (self.lexicon.count(word) >= NAME_COUNT
                                          and not self.lexicon.in_dictionary(word))

    # -- clitics -------------------------------------------------------------------------------
    def _takes_article(self, word: str) -> bool:
        """Whether ``word`` is attested with the article before it (الوطن for وطن, الالتزام for
        التزام): then its first letters are its own, since no clitic comes before ال."""
        return self.lexicon.count("ال" + word) >= max(ATTESTED,
                                                      DEFINITE_SHARE * self.lexicon.count(word))

    def _clitic_candidates(self, word: str, keep_al: bool = False) -> list[tuple[str, str]]:
        """(layer, remainder) pairs for taking one clitic layer off ``word``."""
        found = []
        if word.startswith("لل"):
            found.append(("لل", "ا" + word[1:]))   # ل + الX written للX
            found.append(("لل", "ال" + word[1:]))  # ل + اللX written للX
        if (word.startswith("ال") and not keep_al and not self.lexicon.al_is_part_of_word(word)
                and not self._takes_article(word)):
            found.append(("ال", word[2:]))
        if word[0] in CLITIC_LETTERS:
            found.append((word[0], word[1:]))
        return [(layer, rest) for layer, rest in found if len(rest) >= MIN_CLITIC_REST]

    def _clitic_ok(self, layer: str, word: str, rest: str) -> bool:
        if rest in self.stopwords:
            return False
        if not self._derivable(rest):
            return False  # neither the remainder nor its stem is a word
        if layer == "ال" or rest in self.protected:
            return True
        if layer in "بك" and rest.startswith("ال"):
            # a preposition before the article is a clitic even in set phrases (بالكامل);
            # not so for و, which starts words of its own (والده, والي)
            return True
        if len(rest) < MIN_STEM:
            return False  # a letter off a three-letter word: لمى is not ل + مى
        whole = self.lexicon.count(word)
        if layer != "لل" and self._takes_article(word):
            # the word itself takes the article (الوطن, الوزير): its first letter is its own;
            # a clitic form never does (*الوبوتين)
            return False
        rest_count = self.lexicon.count(rest)
        if layer == "و" and len(rest) >= MIN_STEM and rest_count >= max(ATTESTED, whole / 50):
            # و goes before verbs as often as not (وقال, وأضاف outnumber قال, أضاف):
            # the article test above is what keeps وزير, وسط, وقف whole; the remainder must
            # still be a word the corpus uses (وائل is not و + آئل)
            return True
        return whole <= CLITIC_TOLERANCE * self.lexicon.rate(layer) * max(rest_count, 1)

    def strip_clitics(self, word: str, keep_al: bool = False) -> str:
        """Take proclitics off ``word`` (normalized) while the lexicon supports it.

        ``keep_al``: the text wrote this word's ال with a hamza (إلهام), so it is no article.
        """
        for _ in range(6):  # at most و + ب + ال and a few unknown letters
            if word in self.protected or not _ARABIC_WORD.match(word):
                return word
            candidates = self._clitic_candidates(word, keep_al)
            accepted = [(self.lexicon.count(rest), layer, rest) for layer, rest in candidates
                        if self._clitic_ok(layer, word, rest)]
            if accepted:
                _, layer, word = max(accepted)
                if layer == "ال":
                    return word  # nothing precedes the article: الالتزام -> التزام, not تزام
                continue
            if self._known(word) or not candidates:
                return word
            # unseen word, no attested remainder: the outer layer comes off (see module doc)
            # (للX loses one ل at a time, so that للX, لX and X meet)
            rest = word[1:] if word.startswith("لل") else candidates[-1][1]
            if len(rest) < MIN_STEM or rest in self.stopwords:
                return word
            word = rest
        return word

    # -- suffixes ------------------------------------------------------------------------------
    def strip_suffixes(self, word: str) -> str:
        """Take number, gender, nisba and pronoun endings off ``word`` when the lexicon agrees."""
        # asked several times per word by the clitic checks: keep a small memo
        memo = self._suffix_memo
        stem = memo.get(word)
        if stem is None:
            if len(memo) > 50_000:
                memo.clear()
            stem = memo[word] = self._strip_suffixes(word)
        return stem

    def _strip_suffixes(self, word: str) -> str:
        for _ in range(2):
            if word in self.protected or not _ARABIC_WORD.match(word):
                return word
            # names (known to the corpus, not to the dictionary) only lose nisba endings:
            # الأذربيجانية -> اذربيجاني, but بوتين is not بوت + ين
            suffixes = _NISBA if self._is_name(word) else _SUFFIXES
            whole = self.lexicon.count(word)
            is_entry = self.lexicon.is_entry(word)
            best, best_count = None, -1
            for suffix, replacement in suffixes:
                if not word.endswith(suffix) or (is_entry and suffix in _NOT_FROM_ENTRIES):
                    continue
                stem = word[: -len(suffix)] + replacement
                if len(stem) < MIN_STEM or stem in self.stopwords:
                    continue
                if not self._known(stem) and not (replacement == "ي" and self._known(stem[:-1])):
                    continue  # a nisba stem is also good when its base is known: اذربيجان+ي
                count = self.lexicon.count(stem)
                tolerance = PLURAL_TOLERANCE if suffix in _PLURALS else SUFFIX_TOLERANCE
                if whole > tolerance * max(count, 1):
                    continue
                if count > best_count:
                    best, best_count = stem, count
            if best is None:
                return word
            word = best
        return word

    def stem(self, word: str, keep_al: bool = False) -> str:
        """The index term for one normalized, non-stop word (``keep_al``: see strip_clitics)."""
        if not word or not _ARABIC_WORD.match(word[0]):
            # digits or Latin, possibly behind an Arabic clitic: و2015 -> 2015
            return word
        if word[0] in CLITIC_LETTERS and len(word) > 1 and not _ARABIC_WORD.match(word[1]):
            return word[1:]
        base = self.strip_clitics(word, keep_al)
        return self.strip_suffixes(base)
