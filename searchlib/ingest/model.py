"""What ingestion hands to the index: :class:`Record`, :class:`Skipped`, :class:`InputError`.

Also the documented size limits every reader applies the same way.
"""
from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Record", "Skipped", "InputError", "MAX_TEXT_CHARS", "MAX_TITLE_CHARS", "MAX_ID_CHARS",
           "MAX_MEMBER_BYTES"]

#: An article longer than this (in characters, about 10 MB of Arabic in UTF-8) is skipped: no
#: real news article comes near it, and a single giant document slows every search that hits it.
MAX_TEXT_CHARS = 5_000_000
#: A longer title is kept but cut to this many characters (and a warning is recorded).
MAX_TITLE_CHARS = 1_000
#: A longer id is refused: ids are stored, shown and typed by users.
MAX_ID_CHARS = 1_000
#: A zip member bigger than this once uncompressed is skipped (protects against zip bombs).
MAX_MEMBER_BYTES = 1 << 30


@dataclass
class Record:
    """One document to index, with the fields of the JSONL format.

    A field that is ``None`` was not given by the input; the index fills it from the text
    (title, date, actors, agreements, source) or derives it (``id``, from the content).
    """

    id: str | None = None
    title: str | None = None
    text: str = ""
    date: str | None = None               # "YYYY-MM-DD"
    source: str | None = None
    url: str | None = None
    author: str | None = None
    actors: list[str] | None = None
    agreements: list | None = None        # strings or objects, as given
    origin: str = ""                      # "path", "path:line" or "archive.zip!member#index"
    extra: dict = field(default_factory=dict)      # every other field of the input, untouched
    warnings: list[str] = field(default_factory=list)  # what was fixed or dropped while reading

    def to_dict(self) -> dict:
        """The record as a JSONL-style dict (``None`` fields left out, ``extra`` merged in)."""
        out = dict(self.extra)
        for name in ("id", "title", "text", "date", "source", "url", "author", "actors",
                     "agreements"):
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        return out


@dataclass
class Skipped:
    """A record or a whole file that was not read, and why (one short line)."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


class InputError(Exception):
    """A source given by the user cannot be read at all (e.g. the path does not exist).

    Raised before anything is read; the message is one line and names the path.
    """
