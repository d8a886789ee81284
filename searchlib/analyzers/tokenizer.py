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

from whoosh.analysis import RegexTokenizer, Token

from searchlib.analyzers.normalize import ARABIC_MARKS

__all__ = ["ArabicTokenizer", "TOKEN_PATTERN"]

# A word starts with a letter, digit or Arabic combining mark (``\w`` plus the marks, one
# character class, which keeps the regex fast) and goes on through tatweel; ZWNJ/ZWJ and a decimal
# point between digits (3.5, ٣٫٥) join two runs of word characters.
_START = rf"[\w{ARABIC_MARKS}]"
_WORD = rf"[\w{ARABIC_MARKS}\u0640]"
TOKEN_PATTERN = (
    rf"{_START}{_WORD}*"
    rf"(?:(?:[\u200c\u200d]+|(?<=\d)[.\u066b](?=\d)){_WORD}+)*"
)
_TOKEN_RE = re.compile(TOKEN_PATTERN)


class ArabicTokenizer(RegexTokenizer):
    """Whoosh tokenizer for Arabic news text (see the module docstring for what a token is).

    >>> [t.text for t in ArabicTokenizer()("قال بُوتِين، «نعم»")]
    ['قال', 'بُوتِين', 'نعم']
    """

    def __init__(self) -> None:
        super().__init__(expression=_TOKEN_RE, gaps=False)

    def __call__(self, value: str, positions: bool = False, chars: bool = False,
                 keeporiginal: bool = False, removestops: bool = True, start_pos: int = 0,
                 start_char: int = 0, tokenize: bool = True, mode: str = "", **kwargs):
        """Yield one (reused) Token per word, as RegexTokenizer does, with less work per token."""
        if not tokenize:
            yield from super().__call__(value, positions=positions, chars=chars,
                                        keeporiginal=keeporiginal, removestops=removestops,
                                        start_pos=start_pos, start_char=start_char,
                                        tokenize=False, mode=mode, **kwargs)
            return
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        # Token() starts with boost 1.0 and stopped False; only a filter that flags stop words
        # (when Whoosh passes removestops=False) changes them, so reset them only then
        matches = enumerate(self.expression.finditer(value), start_pos)
        if chars and not keeporiginal and removestops and not start_char:
            # the common case (Whoosh indexing and highlighting), without per-token branches
            for t.pos, match in matches:
                t.text = match.group()
                t.startchar, t.endchar = match.span()
                yield t
            return
        for t.pos, match in matches:
            t.text = text = match.group()
            if not removestops:
                t.boost = 1.0
                t.stopped = False
            if keeporiginal:
                t.original = text
            if chars:
                t.startchar = start_char + match.start()
                t.endchar = start_char + match.end()
            yield t
