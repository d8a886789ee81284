"""Character-level normalization used for matching inside extraction.

Two forms are produced:

* ``light(text)`` removes what never carries meaning for matching: diacritics, tatweel,
  zero-width marks; maps Persian/Urdu letter forms and Eastern Arabic digits to their Arabic /
  ASCII equivalents. Surface names shown to users are cut from this form.
* ``fold(light_text)`` additionally folds letters that news spells inconsistently
  (أ إ آ ٱ -> ا, ى -> ي, ة -> ه). It maps one character to one character, so offsets in the
  folded text are offsets in the light text: regexes run on the folded form and the surface is
  cut from the light form.

Hand-written rather than ``searchlib.analyzers.normalize`` because extraction needs the
one-to-one mapping above (and must not depend on the analyzer chain's choices); PyArabic's
``normalize_alef``/``normalize_hamza`` change more than we want (see docs/pitfalls).
"""
from __future__ import annotations

import re

from searchlib.extraction.memo import BoundedMemo

_DELETE = dict.fromkeys(
    [*range(0x064B, 0x0660), 0x0670, 0x0640, 0x06D6, 0x06D7, 0x06D8, 0x06D9, 0x06DA, 0x06DB,
     0x06DC, 0x06DF, 0x06E0, 0x06E1, 0x06E2, 0x06E3, 0x06E4, 0x06E7, 0x06E8, 0x06EA, 0x06EB,
     0x06EC, 0x06ED, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D,
     0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF, 0x00AD])

_LIGHT_MAP = {
    **_DELETE,
    **{0x0660 + i: str(i) for i in range(10)},   # Arabic-Indic digits
    **{0x06F0 + i: str(i) for i in range(10)},   # Extended (Persian/Urdu) digits
    0x06CC: "ي", 0x06D2: "ي", 0x06A9: "ك", 0x06AA: "ك", 0x06C1: "ه", 0x06BE: "ه",
    0x06D5: "ه", 0x06C0: "ه", 0x06D4: ".", 0x00A0: " ", 0x2007: " ", 0x202F: " ", 0x2009: " ",
    0x200A: " ", 0x3000: " ", 0x066B: ".", 0x066C: ",", 0x2013: "-", 0x2014: "-", 0x2212: "-",
    0x0671: "ا",
}
# str.translate with a dict walks every character in Python-level lookups (slow on Arabic);
# a regex finds the few characters to touch and str.replace handles the folds in C.
_DELETE_RE = re.compile("[" + "".join(chr(c) for c in sorted(_DELETE)) + "]+")
_TATWEEL_RE = re.compile("\u0640+")   # a literal start: far faster than a look-behind pattern
_MAP = {chr(k): v for k, v in _LIGHT_MAP.items() if k not in _DELETE}
_MAP_RE = re.compile("[" + re.escape("".join(_MAP)) + "]")
_FOLD_PAIRS = (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ٱ", "ا"), ("ى", "ي"), ("ة", "ه"))

WORD_RE = re.compile(r"\w+")
_SPACES_RE = re.compile(r"[ \t\f\v]+")
_ABD_APART_RE = re.compile(r"(?<!\S)عبد (?=\S)")


def light(text: str) -> str:
    """Drop diacritics, tatweel and invisible marks; map variant letters and digits.

    A tatweel standing alone between spaces is a dash (لاعبون: حسين شيعان ـ متعب شراحيلي) and
    becomes ``-``."""
    if "\u0640" in text:
        text = _TATWEEL_RE.sub(lambda m: _lone_tatweel_as_dash(m, text), text)
    text = _DELETE_RE.sub("", text)
    if _MAP_RE.search(text):
        text = _MAP_RE.sub(lambda m: _MAP[m.group()], text)
    return text


def _lone_tatweel_as_dash(match: re.Match, text: str) -> str:
    start, end = match.span()
    lone = (start == 0 or not text[start - 1].isalpha()) and (end == len(text) or not text[end].isalpha())
    return "-" if lone else match.group()


def fold(text: str) -> str:
    """Fold alef/ya/ta-marbuta spellings (one character to one character)."""
    for a, b in _FOLD_PAIRS:
        if a in text:
            text = text.replace(a, b)
    return text


def key(text: str) -> str:
    """The matching key of a phrase: light + fold, single spaces, no punctuation."""
    return " ".join(WORD_RE.findall(fold(light(text))))


def join_abd(text: str) -> str:
    """``عبد`` and the word after it written as one (عبد الله العنزي → عبدالله العنزي): news and
    labels write these names either way."""
    return _ABD_APART_RE.sub("عبد", text)


def squeeze_spaces(text: str) -> str:
    """Collapse runs of horizontal white space to one space and strip the ends."""
    return _SPACES_RE.sub(" ", text).strip()


# Proclitics in the order they stack: conjunction, preposition, article.
_CONJ = ("و", "ف")
_PREP = ("ب", "ل", "ك")


def clitic_variants(word: str) -> list[str]:
    """Memoized ``_clitic_variants`` (word types repeat across a corpus)."""
    return _VARIANTS[word]


def _clitic_variants(word: str) -> list[str]:
    """The word and the forms left after stripping و ف / ب ل ك / ال / لل from its front.

    ``word`` is a folded word. The original comes first; a remainder shorter than two letters is
    never produced (so و alone or بل are not reduced to nothing).
    """
    out = [word]
    stems = [word]
    if len(word) > 3 and word[0] in _CONJ:
        stems.append(word[1:])
    for stem in list(stems):
        if len(stem) > 3 and stem[0] in _PREP:
            rest = stem[1:]
            stems.append(rest)
            if stem[0] == "ل" and rest.startswith("ل") and len(rest) > 2:
                stems.append("ا" + rest)          # للرئيس -> الرئيس
    for stem in stems:
        if stem not in out:
            out.append(stem)
        if stem.startswith("ال") and len(stem) > 3 and stem[2:] not in out:
            out.append(stem[2:])
    return out


_VARIANTS: BoundedMemo[str, list[str]] = BoundedMemo(_clitic_variants)
