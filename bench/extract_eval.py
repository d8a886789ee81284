"""Extraction quality over the hand-labelled set in tests/extraction/labelled/gold.json.

    python bench/extract_eval.py [--verbose] [--record-dates]

Prints, separately for items the rules were tuned on and for each held-out round (see the
``_doc`` of gold.json for how each round was drawn and used), then over everything: date accuracy
(right date where the text states one, null where it does not), and precision / recall / F1 of
people and of agreements (matched on type and date). Corpus items are read in place from
../shared/corpora/saudinewsnet and skipped when it is absent.

``--record-dates`` passes each corpus article's own ``date_extracted`` to ``extract`` as
``published``, as ``searchlib index`` does with a record's date: role titles in texts that state
no date (ولي العهد) then resolve to that year's holder. Date accuracy is still measured on the
text alone.
"""
from __future__ import annotations

import argparse
import json
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "extraction" / "labelled" / "gold.json"
CORPUS = ROOT / ".." / "shared" / "corpora" / "saudinewsnet"


def load_items(corpus: Path = CORPUS) -> list[dict]:
    """Gold items with their text attached (corpus items dropped when the corpus is absent)."""
    items = json.loads(GOLD.read_text(encoding="utf-8"))["items"]
    zips: dict[str, dict[str, str]] = {}
    out = []
    for item in items:
        if "seed" in item:
            path = next((ROOT / "searchlib" / "seeds").glob(item["seed"] + "_*.txt"))
            item["text"] = path.read_text(encoding="utf-8")
        else:
            zpath = corpus / item["zip"]
            if not zpath.exists():
                continue
            if item["zip"] not in zips:
                with zipfile.ZipFile(zpath) as zf:
                    arts = json.loads(zf.read(zf.namelist()[0]))
                zips[item["zip"]] = {a["url"]: (a.get("content") or "", a.get("date_extracted") or "")
                                     for a in arts}
            item["text"], stamp = zips[item["zip"]][item["url"]]
            item["record_date"] = stamp[:10] or None
        out.append(item)
    return out


def _key(name: str) -> str:
    """A name's matching key; عبد and the word after it count the same joined or apart (عبد الله
    العنزي is عبدالله العنزي), as the text and the labels write them either way. A name that is
    a gazetteer person's name or alias counts as that person's canonical name, so a label written
    before the person entered the gazetteer (بندر بن محمد حجار) still matches (بندر حجار)."""
    from searchlib.extraction.gazetteer import gazetteer
    from searchlib.extraction.text import join_abd, key
    words = key(name).split()
    gz = gazetteer()
    hit = gz.matcher.match_at(words, 0, [True] * len(words)) if words else None
    if hit is not None and hit.end == len(words):
        person = next((p[1] for p in hit.payloads if p[0] == "name" and gz.entities[p[1]].kind == "person"), None)
        if person is not None:
            words = key(gz.entities[person].name).split()
    return join_abd(" ".join(words))


def tally(item: dict, verbose: bool = False, record_dates: bool = False) -> dict:
    """Extract one labelled item and count its hits: whether the date is right, and true
    positives, false positives and misses for people and agreements."""
    import datetime as dt

    from searchlib.extraction import extract
    meta = extract(item["text"])
    got_date = meta.date.isoformat() if meta.date else None
    if record_dates and item.get("record_date"):
        meta = extract(item["text"], published=dt.date.fromisoformat(item["record_date"]))
    counts: dict = {"date": got_date == item["date"]}
    got = {
        "people": {_key(a.name) for a in meta.actors if a.kind == "person"},
        "agreements": [(g.type, g.date.isoformat() if g.date else None) for g in meta.agreements],
    }
    want = {
        "people": {_key(p) for p in item["people"]},
        "agreements": [tuple(a) for a in item["agreements"]],
    }
    for field in ("people", "agreements"):
        g, w = list(got[field]), list(want[field])
        hits = 0
        for x in g:
            if x in w:
                w.remove(x)
                hits += 1
        counts[field] = (hits, len(g) - hits, len(w))
        if verbose and (len(g) != hits or w):
            extra = set(g) - (set(map(tuple, want[field])) if field == "agreements" else want[field])
            print(f"  {item['id']} {field}: extra {sorted(extra)} missed {w}")
    if verbose and got_date != item["date"]:
        print(f"  {item['id']} date: got {got_date} want {item['date']}")
    return counts


def summarize(tallies: list[dict]) -> dict:
    """Date accuracy and people / agreement precision, recall and F1 over items' tallies."""
    res: dict = {"items": len(tallies),
                 "date_accuracy": sum(t["date"] for t in tallies) / len(tallies) if tallies else 0.0}
    for field in ("people", "agreements"):
        tp, fp, fn = (sum(t[field][n] for t in tallies) for n in range(3))
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        res[field] = {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}
    return res


def score(items: list[dict], verbose: bool = False, record_dates: bool = False) -> dict:
    """Date accuracy and people / agreement precision, recall and F1 over ``items``."""
    return summarize([tally(item, verbose, record_dates) for item in items])


def main(argv: list[str] | None = None) -> int:
    """Print the scores for tuned and held-out items."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", action="store_true", help="list every miss and extra")
    ap.add_argument("--record-dates", action="store_true",
                    help="give extract each corpus article's own date, as searchlib index does")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    items = load_items()
    rounds = sorted({i["heldout_round"] for i in items if "heldout_round" in i})
    sets = [("tuned", [i for i in items if i["tuned"]])]
    sets += [(f"held-out{r}", [i for i in items if i.get("heldout_round") == r]) for r in rounds]
    sets.append(("all", items))
    tallies = {item["id"]: tally(item, args.verbose, args.record_dates) for item in items}   # each once
    for label, subset in sets:
        r = summarize([tallies[item["id"]] for item in subset])
        print(f"{label:9s} items={r['items']:2d}  date acc={r['date_accuracy']:.2f}  "
              f"people P/R/F1={r['people']['precision']:.2f}/{r['people']['recall']:.2f}/{r['people']['f1']:.2f}  "
              f"agreements P/R/F1={r['agreements']['precision']:.2f}/{r['agreements']['recall']:.2f}/{r['agreements']['f1']:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
