"""Test data for the index tests (a module with a unique name, importable from the tests)."""
from __future__ import annotations


def article(number: int, word: str = "مفاوضات", **fields) -> dict:
    """A small JSONL-style article with a distinctive Latin marker token."""
    doc = {"id": f"doc-{number}",
           "title": f"خبر رقم {number} zqmark{number}",
           "text": f"قال المتحدث إن {word} السلام مستمرة في العاصمة zqmark{number}.\n"
                   f"وأضاف أن الجولة المقبلة ستعقد قريبا.",
           "date": f"2015-0{1 + number % 9}-1{number % 10}",
           "source": "testwire"}
    doc.update(fields)
    return doc
