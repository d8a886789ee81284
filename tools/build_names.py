"""Build searchlib/extraction/data/names.tsv: given names and family names, read off the corpus.

No maintained list of Arabic personal names covers news usage (Gulf family names, transliterated
foreign first names), so the list is learnt from where news writes names:

  * a *given name* is a word seen at least --min-contexts times right before or after بن / بنت
    (محمد بن نايف), right after a personal title or calling (الأمير، الدكتور، اللواء، المدرب،
    الممثل … — the callings bring in transliterated foreign first names: ماوريسيو، ديفيد) or right
    after a nationality used as a noun (البرتغالي جوزيه، الإيرلندي باتريك), in at
    least --given-ratio of all its occurrences (so كامل، قرار، عام stay out: they are mostly words;
    a word the packaged lexicon's dictionary rejects needs 2.5 times less), and not an accusative
    or pronoun form of a commoner word (قرارا، مكاسبه);
  * a *family name* is an ال- word seen right after a given name at least --min-contexts times and
    in at least --family-ratio of its occurrences (القحطاني، الفيصل, not الدولي، الجديد).

Both need --min-windows distinct (word before, word after) windows, and for given names one window
counts at most WINDOW_CAP times, so a newspaper's repeated footer is one piece of evidence.

Only the words and their counts are shipped, not the corpus. Deterministic output.

Usage: python tools/build_names.py [--corpus DIR] [--out searchlib/extraction/data/names.tsv]
"""
from __future__ import annotations

import argparse
import collections
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.common import iter_raw  # noqa: E402  (the one reader of the corpus zips)
from searchlib.extraction.names import COMPOUND_FIRST_HALVES  # noqa: E402
from searchlib.extraction.text import fold, light  # noqa: E402

TITLES = frozenset(fold(w) for w in """الأمير الأميرة الشيخ الشيخة الدكتور الدكتورة المهندس المهندسة
الأستاذ الأستاذة السيد السيدة اللواء العقيد العميد المقدم الرائد النقيب الملازم المدرب اللاعب النجم
الممثل الممثلة المهاجم المدافع الحارس الفنان الفنانة المطرب المطربة المغني المخرج الكاتب الشاعر
الإعلامي""".split())
UNMARKED_TITLES = frozenset(fold(w) for w in "دكتور مهندس شيخ أمير سيد أستاذ".split())
TOKEN_RE = re.compile(r"\w+|[^\w\s]")
WINDOW_CAP = 3


def main(argv: list[str] | None = None) -> int:
    """Count name contexts over the corpus and write the names file."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpora" / "saudinewsnet")
    ap.add_argument("--out", type=Path, default=REPO / "searchlib" / "extraction" / "data" / "names.tsv")
    ap.add_argument("--min-contexts", type=int, default=3)
    ap.add_argument("--min-windows", type=int, default=2,
                    help="distinct (word before, word after) pairs a name needs")
    ap.add_argument("--given-ratio", type=float, default=0.05)
    ap.add_argument("--family-ratio", type=float, default=0.1)
    args = ap.parse_args(argv)
    import json
    countries = json.loads((REPO / "searchlib" / "extraction" / "data" / "countries.json")
                           .read_text("utf-8"))["countries"]
    # a masculine nationality used as a noun is a name position (البرتغالي جوزيه مورينيو)
    nationalities = {fold(light(a)) for c in countries for a in c.get("adjectives", [])
                     if fold(light(a)).endswith("ي")}
    from arabicstopwords.arabicstopwords import stopwords_list
    stop = {fold(light(w)) for w in stopwords_list()}

    def plain_name_pair(toks: list[str], i: int) -> bool:
        # after a nationality, two plain words (البرتغالي جوزيه مورينيو), not a complement
        # (السعودي للتنس، المصري هدفه الأول)
        return i + 1 < len(toks) and all(
            w.isalpha() and not w.startswith(("ال", "لل")) and w not in stop for w in toks[i:i + 2])

    docs: list[list[str]] = []
    count: collections.Counter = collections.Counter()
    in_chains: collections.Counter = collections.Counter()     # next to بن / بنت only
    # (word, (word before, word after)) -> times seen in a name position. A newspaper's repeated
    # footer (للتواصل مع الكاتب أرسل رسالة) is one window: each window counts at most
    # WINDOW_CAP times, and a name needs --min-windows different ones.
    seen: collections.Counter = collections.Counter()
    for _origin, article in iter_raw(args.corpus):
        toks = TOKEN_RE.findall(fold(light(article.get("content") or "")))
        docs.append(toks)
        count.update(toks)
        for i, tok in enumerate(toks[:-1]):
            after = toks[i + 2] if i + 2 < len(toks) else ""
            if tok in ("بن", "بنت") and i:
                seen[toks[i - 1], (toks[i - 2] if i > 1 else "", tok)] += 1
                seen[toks[i + 1], (tok, after)] += 1
                in_chains[toks[i - 1]] += 1
                in_chains[toks[i + 1]] += 1
            elif tok in TITLES or (tok in nationalities and plain_name_pair(toks, i + 1)):
                seen[toks[i + 1], (tok, after)] += 1
    contexts: collections.Counter = collections.Counter()
    windows: collections.Counter = collections.Counter()
    # occurrences a repeated window hides: it counts as WINDOW_CAP occurrences in the ratio too,
    # so a name mostly written in one phrase (الأمريكي جون كيري) keeps its share
    repeats: collections.Counter = collections.Counter()
    for (word, _window), n in seen.items():
        contexts[word] += min(n, WINDOW_CAP)
        repeats[word] += max(0, n - WINDOW_CAP)
        windows[word] += 1

    def wordlike(w: str) -> bool:
        return len(w) >= 2 and w.isalpha() and w not in stop

    from searchlib.analyzers.lexicon import load_lexicon
    from searchlib.analyzers.normalize import normalize_text
    lexicon = load_lexicon()

    def ratio_needed(w: str) -> float:
        # a word the dictionary does not know (ديفيد، سيرجيو) needs less evidence
        return args.given_ratio if lexicon.in_dictionary(normalize_text(w)) else args.given_ratio / 2.5

    given = {w for w, n in contexts.items()
             if n >= args.min_contexts and windows[w] >= args.min_windows
             and n / max(count[w] - repeats[w], n) >= ratio_needed(w)
             and wordlike(w) and not w.startswith("ال")} | COMPOUND_FIRST_HALVES

    def suffixed(w: str) -> bool:
        # a commoner word plus an accusative ا or a pronoun ه (قرارا، مكاسبه) is not a name; a
        # feminine name on a given one is (منيره، فوزيه), and so is one next to بنت (نوره) or
        # with no such stem (أسامه)
        stem = w[:-1]
        return (w[-1] in "اه" and stem not in given and in_chains[w] < args.min_contexts and count[stem] >= count[w]
                and lexicon.in_dictionary(normalize_text(stem)))

    given = {w for w in given if not suffixed(w)}
    # a known person's family name written after a title (المدرب دونيس، الرئيس بوتين) is no given name
    from searchlib.extraction.gazetteer import gazetteer
    people = [e.name for e in gazetteer().entities if e.kind == "person"]
    surnames = {fold(light(n)).split()[-1] for n in people if len(n.split()) > 1} - \
        {fold(light(n)).split()[0] for n in people}
    given -= {w for w in surnames if in_chains[w] < args.min_contexts}   # بن مساعد keeps مساعد
    # و/ل/ب + a given name is the name with a clitic, not a name of its own; a preposition on a
    # commoner or a dictionary word is a phrase (بسيارته، للاعبي، بهدفين); a bare title is not a
    # name (العقيد دكتور …)
    def clitic_on_word(w: str) -> bool:
        # و/ل/ب + a dictionary word the lexicon knows well (بهدفين، ومركزات، للمقاومه): no name
        rest = w[2:] if w.startswith("لل") else w[1:]
        return (w[0] in "ولب" and len(w) >= 4 and rest not in given
                and lexicon.in_dictionary(normalize_text(rest)) and lexicon.count(normalize_text(rest)) >= 50)

    given = {w for w in given if not (w[0] in "ولبفك" and (w[1:] in given or count[w[1:]] > count[w]))
             and not clitic_on_word(w) and w not in UNMARKED_TITLES}
    after_given: collections.Counter = collections.Counter()
    family_windows: dict[str, set] = collections.defaultdict(set)
    for toks in docs:
        for i, (prev, tok) in enumerate(zip(toks, toks[1:])):
            if prev in given and tok.startswith("ال") and len(tok) > 3:
                after_given[tok] += 1
                family_windows[tok].add((prev, toks[i + 2] if i + 2 < len(toks) else ""))
    family = {w for w, n in after_given.items()
              if n >= args.min_contexts and len(family_windows[w]) >= args.min_windows
              and n / count[w] >= args.family_ratio and wordlike(w)}

    rows = [(w, "given", contexts[w], count[w]) for w in given]
    rows += [(w, "family", after_given[w], count[w]) for w in family]
    rows.sort(key=lambda r: (r[1], r[0]))
    args.out.write_text(
        "# word\tkind\tcontexts\tcount (built by tools/build_names.py from SaudiNewsNet; folded forms)\n"
        + "".join(f"{w}\t{k}\t{n}\t{c}\n" for w, k, n, c in rows), encoding="utf-8")
    print(f"{len(given)} given names, {len(family)} family names -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
