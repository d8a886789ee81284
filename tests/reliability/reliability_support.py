"""Helpers for the reliability tests: synthetic corpora, subprocess runs, reading index ids.

Everything here is built by the tests themselves (from the bundled seed articles' vocabulary), so
the fault and bad-input tests run without the SaudiNewsNet corpus.
"""
from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SEEDS_DIR = REPO / "searchlib" / "seeds"
CORPUS_DIR = REPO / ".." / "shared" / "corpora" / "saudinewsnet"
PYTHON = sys.executable

_ARABIC_WORD = re.compile(r"[\u0621-\u064A]{2,}")


def seed_vocabulary() -> list[str]:
    """The Arabic words of the bundled seed articles, in order of first appearance."""
    seen: dict[str, None] = {}
    for path in sorted(SEEDS_DIR.glob("*.txt")):
        for word in _ARABIC_WORD.findall(path.read_text(encoding="utf-8")):
            seen.setdefault(word, None)
    return list(seen)


def marker(number: int) -> str:
    """A token unique to document `number`, Latin so that no Arabic stemmer can merge two of them."""
    return f"zqmark{number:06d}"


def make_articles(count: int, *, words: int = 150, seed: int = 0, start: int = 0) -> list[dict]:
    """`count` JSONL-style articles with distinct ids, each carrying its own marker token."""
    vocab = seed_vocabulary()
    rng = random.Random(seed)
    docs = []
    for number in range(start, start + count):
        body = " ".join(rng.choice(vocab) for _ in range(words))
        title = " ".join(rng.choice(vocab) for _ in range(6))
        docs.append({
            "id": f"doc-{number:06d}",
            "title": f"{title} {marker(number)}",
            "text": f"{body} {marker(number)}.",
            "date": f"2015-{1 + number % 12:02d}-{1 + number % 28:02d}",
            "source": "synthetic",
        })
    return docs


def write_jsonl(path: Path, docs: list[dict]) -> Path:
    """Write `docs` one JSON object a line (UTF-8) and return `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for doc in docs:
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")
    return path


def subprocess_env(home: Path) -> dict:
    """An environment for child processes: this interpreter's packages, a private data folder."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    env["XDG_DATA_HOME"] = str(home / "xdg-data")
    env["XDG_CACHE_HOME"] = str(home / "xdg-cache")
    env["HOME"] = str(home)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def run_cli(args: list[str], home: Path, *, timeout: float = 120, **kwargs) -> subprocess.CompletedProcess:
    """Run ``python -m searchlib ARGS`` to completion, capturing text output."""
    return subprocess.run([PYTHON, "-m", "searchlib", *args], env=subprocess_env(home),
                          cwd=home, capture_output=True, text=True, timeout=timeout, **kwargs)


def index_ids(index_dir: Path) -> list[str]:
    """Every stored document id of the index at `index_dir`, read with plain Whoosh (duplicates kept)."""
    from whoosh import index as whoosh_index

    ids = []
    ix = whoosh_index.open_dir(str(index_dir), indexname=_whoosh_index_name(index_dir))
    with ix.searcher() as searcher:
        for fields in searcher.all_stored_fields():
            ids.append(fields["id"])
    return ids


def _whoosh_index_name(index_dir: Path) -> str:
    tocs = sorted(index_dir.glob("_*_[0-9]*.toc"))
    if not tocs:
        raise AssertionError(f"no Whoosh TOC file in {index_dir}: {sorted(os.listdir(index_dir))}")
    return re.match(r"_(.+)_[0-9]+\.toc$", tocs[-1].name).group(1)


def lock_is_held(index_dir: Path) -> bool:
    """Whether some process holds the index's write lock (probed without waiting)."""
    from whoosh.util.filelock import FileLock

    lock = FileLock(str(index_dir / "MAIN_WRITELOCK"))
    if lock.acquire(blocking=False):
        lock.release()
        return False
    return True
