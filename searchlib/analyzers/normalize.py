"""Orthographic normalization of Arabic (and mixed Latin) text.

One job: map every spelling a reader considers "the same letters" to one form. No stemming, no
stop words. Used per token by the analyzer chain and on whole strings by :func:`normalize`.

The choices, each covered by tests in ``tests/analyzers/test_normalize.py``:

* presentation forms and ligatures (U+FB50–U+FDFF, U+FE70–U+FEFF, e.g. ﻻ, ﷲ) -> base letters,
  through Unicode NFKC (the standard compatibility mapping, not a hand table);
* diacritics (harakat, tanwin, shadda, sukun, superscript alef, Quranic marks) and tatweel removed;
* alef forms أ إ آ ٱ ٲ ٳ -> ا ; ى -> ي ; ة -> ه ;
* hamza carriers ؤ and ئ -> ء: people type مسئول and مسؤول, شئون and شؤون, and شيئ for شيء; mapping
  both carriers to the bare hamza makes these one spelling (while keeping أ/ا folded separately);
* Persian/Urdu letters ی ې ک ہ ۀ ە ھ -> ي ك ه ;
* Eastern Arabic (٠-٩) and Persian (۰-۹) digits -> ASCII, Arabic decimal separator ٫ -> "." ;
* zero-width characters and direction marks removed; Latin case-folded.
"""
from __future__ import annotations

import re
import unicodedata

__all__ = ["normalize_text", "fold_for_stopwords", "DIACRITICS_RE", "ARABIC_MARKS"]

# Combining marks used in Arabic script: Quranic honorifics, harakat/tanwin/shadda/sukun and the
# rest of U+064B–U+065F, superscript alef, Quranic annotation marks, extended Arabic marks.
ARABIC_MARKS = ("\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8"
                "\u06ea-\u06ed\u08ca-\u08e1\u08e3-\u08ff")
TATWEEL = "\u0640"
# Zero-width and bidirectional formatting characters (they change nothing a reader sees).
INVISIBLES = "\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"

DIACRITICS_RE = re.compile(f"[{ARABIC_MARKS}{TATWEEL}{INVISIBLES}]")
_PRESENTATION_RE = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]")
_SPACES_RE = re.compile(r"\s+")

_LETTER_MAP = {
    # alef forms
    "\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627",
    "\u0672": "\u0627", "\u0673": "\u0627", "\u0675": "\u0627",
    # alef maqsura, Farsi yeh, Pashto/Uyghur yeh -> yeh
    "\u0649": "\u064a", "\u06cc": "\u064a", "\u06d0": "\u064a", "\u06d2": "\u064a",
    # teh marbuta and heh variants -> heh
    "\u0629": "\u0647", "\u06c1": "\u0647", "\u06c0": "\u0647", "\u06d5": "\u0647",
    "\u06be": "\u0647", "\u06c3": "\u0647",
    # keheh / swash kaf -> kaf
    "\u06a9": "\u0643", "\u06aa": "\u0643",
    # hamza carriers -> hamza (typing variants مسئول / مسؤول)
    "\u0624": "\u0621", "\u0626": "\u0621", "\u0674": "\u0621",
    # Arabic decimal separator; thousands separator dropped
    "\u066b": ".", "\u066c": "",
}
for _i in range(10):
    _LETTER_MAP[chr(0x0660 + _i)] = str(_i)  # Eastern Arabic digits
    _LETTER_MAP[chr(0x06F0 + _i)] = str(_i)  # Persian digits
_TRANSLATE = str.maketrans(_LETTER_MAP)
# For stop-word matching ة/ه, ى/ي and the hamza carriers stay apart: they tell آلية from إليه,
# وفاة from وفاه, علي (Ali) from على.
_STOP_TRANSLATE = str.maketrans({k: v for k, v in _LETTER_MAP.items()
                                 if k not in "\u0629\u0649\u0624\u0626"})


def base_letters(text: str) -> str:
    """``text`` with Arabic presentation forms and ligatures (ﻋﺒﺪ، ﻻ، ﷲ) as base letters."""
    if _PRESENTATION_RE.search(text):
        # NFKC only where presentation forms occur: it maps them (and ligatures such as ﷲ) to
        # base letters; applying it everywhere would also rewrite unrelated compatibility chars.
        text = _PRESENTATION_RE.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    return text


def _fold(text: str, table: dict) -> str:
    text = base_letters(text)
    text = DIACRITICS_RE.sub("", text)
    text = text.translate(table)
    if not text.isascii() or not text.islower():
        text = text.casefold()
    return text


def fold_for_stopwords(text: str) -> str:
    """A lighter normalization for stop-word lookup: like :func:`normalize_text` but keeping
    ة, ى, ؤ and ئ (so that آلية "mechanism" is not إليه "to him")."""
    return _fold(text, _STOP_TRANSLATE)


def normalize_text(text: str) -> str:
    """Return ``text`` with every orthographic variant folded to one spelling.

    Works on a single token or on running text (whitespace runs become one space there only if a
    ligature expanded into several words; other whitespace is kept). Idempotent.
    """
    return _fold(text, _TRANSLATE)
