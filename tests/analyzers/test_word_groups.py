"""Word groups that must share a term and pairs that must stay apart (word_groups.tsv).

Run as a script to compare with Whoosh's ISRI analyzer and raw Tashaphyne:
    python tests/analyzers/test_word_groups.py
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from searchlib.analyzers import analyze

TABLE = Path(__file__).with_name("word_groups.tsv")
TARGET = 0.95


def load_table(path: Path = TABLE) -> tuple[list[tuple[str, list[str]]], list[tuple[str, list[str]]]]:
    """(groups, pairs) as (category, words) lists."""
    groups, pairs = [], []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        try:
            kind, category, words = line.split("\t")
        except ValueError:
            raise ValueError(f"{path}:{lineno}: expected kind<TAB>category<TAB>words") from None
        (groups if kind == "same" else pairs).append((category, words.split()))
    return groups, pairs


def shares_term(terms_of: Callable[[str], list[str]], words: list[str]) -> bool:
    """Whether every word of ``words`` yields at least one common term."""
    common = set(terms_of(words[0]))
    for word in words[1:]:
        common &= set(terms_of(word))
    return bool(common)


def score(terms_of: Callable[[str], list[str]]) -> tuple[float, float, list, list]:
    """(share of groups sharing a term, share of pairs kept apart, failed groups, failed pairs)."""
    groups, pairs = load_table()
    bad_groups = [g for g in groups if not shares_term(terms_of, g[1])]
    bad_pairs = [p for p in pairs if set(terms_of(p[1][0])) & set(terms_of(p[1][1]))]
    return (1 - len(bad_groups) / len(groups), 1 - len(bad_pairs) / len(pairs),
            bad_groups, bad_pairs)


def test_table_is_big_enough():
    groups, pairs = load_table()
    assert len(groups) >= 100 and len(pairs) >= 100


def test_groups_share_a_term_and_pairs_stay_apart():
    group_rate, pair_rate, bad_groups, bad_pairs = score(analyze)
    detail = "\n".join(f"{c}: {' '.join(w)} -> {[analyze(x) for x in w]}"
                       for c, w in bad_groups + bad_pairs)
    assert group_rate >= TARGET and pair_rate >= TARGET, (
        f"groups {group_rate:.1%}, pairs {pair_rate:.1%}\n{detail}")


@pytest.mark.parametrize("category,words", [g for g in load_table()[0]
                                            if g[0] in ("orthography", "typing", "digits",
                                                        "ligature", "persian", "zero-width",
                                                        "latin")])
def test_spelling_variants_always_conflate(category, words):
    # these are settled by normalization, not by the lexicon: no failure allowed
    assert shares_term(analyze, words), [analyze(w) for w in words]


def _reference_analyzers() -> dict[str, Callable[[str], list[str]]]:
    from tashaphyne.stemming import ArabicLightStemmer
    from whoosh.analysis import LanguageAnalyzer

    isri = LanguageAnalyzer("ar")
    light = ArabicLightStemmer()
    return {
        "searchlib": analyze,
        "whoosh ISRI (LanguageAnalyzer('ar'))": lambda w: [t.text for t in isri(w)],
        "raw Tashaphyne light_stem": lambda w: [light.light_stem(w)],
    }


if __name__ == "__main__":
    for name, terms_of in _reference_analyzers().items():
        group_rate, pair_rate, _, _ = score(terms_of)
        print(f"{name:40s} groups sharing a term {group_rate:6.1%}   pairs apart {pair_rate:6.1%}")
