"""The tokenizer: finds words in the ORIGINAL text, keeping offsets and positions.

Whoosh's default pattern (``\\w+``) splits a word at every diacritic and at tatweel, because
combining marks are not ``\\w``. This pattern keeps Arabic letters together with their marks,
tatweel and inner ZWNJ/ZWJ, presentation forms and ligatures, digits of every script (with a
decimal point between digits), and Latin words. Everything else separates, Arabic punctuation
(، ؛ ؟ « » ٪ ۔) included. All cleanup happens later in filters that change only ``token.text``,
so ``startchar``/``endchar`` always point into what the user stored.
"""
from __future__ import annotations

import re

from whoosh.analysis import RegexTokenizer

from searchlib.analyzers.normalize import ARABIC_MARKS

__all__ = ["ArabicTokenizer", "TOKEN_PATTERN"]

# A word character: any Unicode letter or digit (``[^\W_]``) or an Arabic combining mark.
_WORD_CHAR = rf"(?:[^\W_]|[{ARABIC_MARKS}])"
TOKEN_PATTERN = (
    rf"{_WORD_CHAR}"
    rf"(?:{_WORD_CHAR}"
    r"|\u0640"                          # tatweel inside or at the end of a word
    rf"|[\u200c\u200d](?={_WORD_CHAR})"  # ZWNJ / ZWJ only between word characters
    r"|(?<=\d)[.\u066b](?=\d)"          # decimal point between digits: 3.5, ٣٫٥
    r")*"
)
_TOKEN_RE = re.compile(TOKEN_PATTERN)


class ArabicTokenizer(RegexTokenizer):
    """Whoosh tokenizer for Arabic news text (see the module docstring for what a token is).

    >>> [t.text for t in ArabicTokenizer()("قال بُوتِين، «نعم»")]
    ['قال', 'بُوتِين', 'نعم']
    """

    def __init__(self) -> None:
        super().__init__(expression=_TOKEN_RE, gaps=False)

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self)

    def __hash__(self) -> int:
        return hash(type(self))
