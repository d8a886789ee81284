"""Guarded light stemming: clitics off, common suffixes off, decided with a lexicon.

Raw light stemmers (Tashaphyne, ISRI) strip by letter shape alone and so damage the words news
readers search for (بوتين -> وت, بحث -> حث, وقف -> قف). Here every strip is a *candidate* that is
accepted only when the lexicon (corpus counts + Hunspell dictionary, see ``lexicon.py``) supports
it:

1. Clitics (``strip_clitics``), one layer at a time from the outside: و ف ب ك ل, the article ال
   and the contraction لل (= ل + ال). A layer comes off when the remainder is an attested word, is
   not a stop word, and the whole is not much more frequent than the clitic's usual attachment
   rate predicts (so وزير, ولي, بحث, ليبيا keep their first letter while وبوتين loses it).
   A word the corpus never saw, with no attested remainder, loses its outer clitic letter and is
   decided again: the rule depends only on the remainder, so لX, وX and X always end equal.
2. Suffixes (``strip_suffixes``): plural, dual, feminine, nisba and pronoun endings, with ة
   restored before a pronoun (اتفاقيتها -> اتفاقيه). Accepted when the remainder keeps at least
   ``MIN_STEM`` letters, is attested, and is not much rarer than the whole (لبنان is not لبن+ان).
   Words the corpus knows but the dictionary does not (foreign names: بوتين, باكو) and protected
   words are not suffix-stripped.
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
PLURAL_TOLERANCE = 200.0   # ... or a plural (مفاوضات is far more frequent than مفاوضة)
_PLURALS = frozenset({"ات", "يات", "ون", "ين", "يون", "يين", "اتها", "اتهم"})
# endings a dictionary entry keeps: زيتون is not زيت+ون, مدينة not مدين+ة
_NOT_FROM_ENTRIES = frozenset({"ون", "ين", "ه"})
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
    ("يه", "ي"), ("ته", "ه"), ("ات", "ه"), ("ات", ""), ("ون", ""), ("ين", ""),
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

    # -- helpers -------------------------------------------------------------------------------
    def _known(self, word: str) -> bool:
        return (word in self.protected or self.lexicon.count(word) >= ATTESTED
                or self.lexicon.in_dictionary(word))

    def _is_name(self, word: str) -> bool:
        return word in self.protected or (self.lexicon.count(word) >= NAME_COUNT
                                          and not self.lexicon.in_dictionary(word))

    # -- clitics -------------------------------------------------------------------------------
    def _clitic_candidates(self, word: str) -> list[tuple[str, str]]:
        """(layer, remainder) pairs for taking one clitic layer off ``word``."""
        found = []
        if word.startswith("لل"):
            found.append(("لل", "ا" + word[1:]))   # ل + الX written للX
            found.append(("لل", "ال" + word[1:]))  # ل + اللX written للX
        if word.startswith("ال"):
            found.append(("ال", word[2:]))
        if word[0] in CLITIC_LETTERS:
            found.append((word[0], word[1:]))
        return [(layer, rest) for layer, rest in found if len(rest) >= MIN_CLITIC_REST]

    def _clitic_ok(self, layer: str, word: str, rest: str) -> bool:
        if rest in self.stopwords:
            return False
        if not self._known(rest) and self.strip_suffixes(rest) == rest:
            return False  # neither the remainder nor its stem is a word
        if layer == "ال" or rest in self.protected or rest.startswith("ال"):
            # a letter before the article is a clitic (بالكامل); few words start with بال/وال
            return True
        whole = self.lexicon.count(word)
        if layer != "لل" and self.lexicon.count("ال" + word) >= max(ATTESTED, DEFINITE_SHARE * whole):
            # the word itself takes the article (الوطن, الوزير): its first letter is its own;
            # a clitic form never does (*الوبوتين)
            return False
        return whole <= CLITIC_TOLERANCE * self.lexicon.rate(layer) * max(self.lexicon.count(rest), 1)

    def strip_clitics(self, word: str) -> str:
        """Take proclitics off ``word`` (normalized) while the lexicon supports it."""
        for _ in range(6):  # at most و + ب + ال and a few unknown letters
            if word in self.protected or not _ARABIC_WORD.match(word):
                return word
            candidates = self._clitic_candidates(word)
            accepted = [rest for layer, rest in candidates if self._clitic_ok(layer, word, rest)]
            if accepted:
                word = max(accepted, key=self.lexicon.count)
                continue
            if self._known(word) or not candidates:
                return word
            # unseen word, no attested remainder: the outer layer comes off (see module doc)
            layer, rest = candidates[-1] if candidates[0][0] != "لل" else (None, word[2:])
            if len(rest) < MIN_STEM or rest in self.stopwords:
                return word
            word = rest
        return word

    # -- suffixes ------------------------------------------------------------------------------
    def strip_suffixes(self, word: str) -> str:
        """Take number, gender, nisba and pronoun endings off ``word`` when the lexicon agrees."""
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

    def stem(self, word: str) -> str:
        """The index term for one normalized, non-stop word."""
        if not word or not _ARABIC_WORD.match(word[0]):
            # digits or Latin, possibly behind an Arabic clitic: و2015 -> 2015
            return word
        if word[0] in CLITIC_LETTERS and len(word) > 1 and not _ARABIC_WORD.match(word[1]):
            return word[1:]
        base = self.strip_clitics(word)
        return self.strip_suffixes(base)
