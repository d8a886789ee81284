"""Bytes to text: UTF-8 (with or without BOM), UTF-16/32 with BOM, or legacy Arabic code pages.

Hand-written on purpose: general detectors (chardet, charset-normalizer) are heavy, guess among
dozens of encodings and still confuse cp1256 with other single-byte code pages on short texts.
Here the question is narrow: UTF-8 decodes strictly or it does not; if not, the only legacy
encodings accepted are Windows-1256 (and ISO-8859-6), and only when the decoded result looks
like Arabic writing.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

__all__ = ["UndecodableError", "Decoded", "decode_text", "detect", "looks_binary", "arabic_score",
           "BOMS", "LEGACY_ENCODINGS"]

# Longest first: the UTF-32-LE BOM starts with the UTF-16-LE one.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: Legacy Arabic code pages tried when UTF-8 fails, the likelier first (wins ties).
LEGACY_ENCODINGS = ("cp1256", "iso8859_6")

# Arabic letters (incl. Persian/Urdu additions), harakat, tatweel and Arabic punctuation.
_ARABIC_CHAR = re.compile(r"[\u0600-\u06ff\u200c\u200d\u200e\u200f]")
_ARABIC_RUN = re.compile(r"[\u0621-\u064a\u0671-\u06d3]+")
# A share this high of the non-ASCII characters must be Arabic for cp1256 to be believed.
_MIN_ARABIC_SHARE = 0.85
# Arabic words are short; Japanese or random bytes read as cp1256 give long unbroken letter runs.
_MAX_MEAN_RUN = 12.0
# A UTF-8 file with at most this many broken sequences (or one per 1000 bytes) is read anyway.
_MAX_BROKEN_UTF8 = 3


class UndecodableError(ValueError):
    """The bytes are not text in an encoding we accept; the message is the short reason."""


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes, the encoding it was read as, and a note if bytes were lost."""

    text: str
    encoding: str
    warning: str | None = None


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text at all: a NUL byte (images, archives, executables and
    office files all have them) that no UTF-16/32 byte order mark explains."""
    return b"\x00" in data and not any(data.startswith(bom) for bom, enc in BOMS
                                        if enc != "utf-8-sig")


def decode_text(data: bytes) -> str:
    """Decode ``data`` as UTF-8, UTF-16/32 with BOM, or Windows-1256 Arabic; see :func:`detect`.

    Raises :class:`UndecodableError` with "not a text file" or "unknown text encoding".
    """
    return detect(data).text


def detect(data: bytes) -> Decoded:
    """Decode ``data``, telling which encoding was used.

    In order: a byte order mark decides; NUL bytes mean binary; strict UTF-8; Windows-1256 or
    ISO-8859-6 (the other legacy Arabic code page), whichever reads as more plausible Arabic;
    finally UTF-8 with a handful of broken bytes (a damaged copy of a UTF-8 file), which are
    replaced by U+FFFD and noted in ``warning``. Raises :class:`UndecodableError` otherwise.
    """
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(encoding), encoding.replace("-sig", ""))
            except UnicodeDecodeError:
                raise UndecodableError(f"invalid {encoding.split('-sig')[0].upper()} text") from None
    if looks_binary(data):
        raise UndecodableError("not a text file")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    best: tuple[float, Decoded] | None = None
    for encoding in LEGACY_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = arabic_score(text)
        if score is not None and (best is None or score > best[0]):
            best = (score, Decoded(text, encoding))
    if best is not None:
        return best[1]
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd") - data.count("\ufffd".encode())
    if broken <= max(_MAX_BROKEN_UTF8, len(data) // 1000):
        return Decoded(text, "utf-8", f"{broken} invalid UTF-8 byte sequence(s) replaced by U+FFFD")
    raise UndecodableError("unknown text encoding (not UTF-8 or Windows-1256 Arabic)")


def arabic_score(text: str) -> float | None:
    """How much a legacy-encoding reading of bytes looks like real Arabic writing.

    ``None`` when it does not look like Arabic at all, else the share of Arabic words holding the
    article ``ال`` (about 0.3 in news, rarely under 0.1 in an article; near 0 when the bytes were
    read with the wrong Arabic code page, which is how cp1256 and ISO-8859-6 are told apart).
    Judged on the non-ASCII characters only: ASCII reads the same in every candidate encoding, and
    JSON keys or Latin words must count neither for nor against.
    """
    non_ascii = [ch for ch in text if ord(ch) > 0x7F and not ch.isspace()]
    if not non_ascii:
        return None
    arabic = sum(1 for ch in non_ascii if _ARABIC_CHAR.match(ch))
    if arabic / len(non_ascii) < _MIN_ARABIC_SHARE:
        return None
    words = _ARABIC_RUN.findall(text)
    letters = sum(len(word) for word in words)
    if not words or letters / len(words) > _MAX_MEAN_RUN:
        return None
    # alef is the commonest Arabic letter (~13%); Cyrillic or Greek misread as cp1256 lacks it
    if letters >= 20 and sum(word.count("\u0627") for word in words) / letters < 0.04:
        return None
    long_words = [word for word in words if len(word) >= 2]
    share = sum("\u0627\u0644" in word for word in long_words) / max(1, len(long_words))
    if len(long_words) >= 8 and share < 0.05:
        return None
    return share
