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
    العنزي is عبدالله العنزي), as the text and the labels write them either way."""
    from searchlib.extraction.text import join_abd, key
    return join_abd(key(name))


def score(items: list[dict], verbose: bool = False, record_dates: bool = False) -> dict:
    """Date accuracy and people / agreement precision, recall and F1 over ``items``."""
    import datetime as dt

    from searchlib.extraction import extract
    dates_right = 0
    tp = {"people": 0, "agreements": 0}
    fp = {"people": 0, "agreements": 0}
    fn = {"people": 0, "agreements": 0}
    for item in items:
        meta = extract(item["text"])
        got_date = meta.date.isoformat() if meta.date else None
        if record_dates and item.get("record_date"):
            meta = extract(item["text"], published=dt.date.fromisoformat(item["record_date"]))
        dates_right += got_date == item["date"]
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
            tp[field] += hits
            fp[field] += len(g) - hits
            fn[field] += len(w)
            if verbose and (len(g) != hits or w):
                print(f"  {item['id']} {field}: extra {sorted(set(g) - set(map(tuple, want[field])) if field == 'agreements' else set(g) - want[field])} missed {w}")
        if verbose and got_date != item["date"]:
            print(f"  {item['id']} date: got {got_date} want {item['date']}")
    res = {"items": len(items), "date_accuracy": dates_right / len(items) if items else 0.0}
    for field in ("people", "agreements"):
        p = tp[field] / (tp[field] + fp[field]) if tp[field] + fp[field] else 1.0
        r = tp[field] / (tp[field] + fn[field]) if tp[field] + fn[field] else 1.0
        res[field] = {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}
    return res


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
    for label, subset in sets:
        if args.verbose:
            print(f"[{label}]")
        r = score(subset, args.verbose, args.record_dates)
        print(f"{label:9s} items={r['items']:2d}  date acc={r['date_accuracy']:.2f}  "
              f"people P/R/F1={r['people']['precision']:.2f}/{r['people']['recall']:.2f}/{r['people']['f1']:.2f}  "
              f"agreements P/R/F1={r['agreements']['precision']:.2f}/{r['agreements']['recall']:.2f}/{r['agreements']['f1']:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
