"""The ``searchlib`` command: index, search, extract, analyze, stats.

Results go to stdout, progress and problems to stderr. Every error is one line naming the file
(and line) at fault, never a traceback. Exit codes (see ``searchlib --help``):

- 0  found / done
- 1  nothing found, or a bad query
- 2  usage or input error (missing file, unreadable input, locked or incompatible index)
- 3  internal error (a bug: run again with ``SEARCHLIB_DEBUG=1`` for the traceback)
"""
from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import os
import re
import sys
import textwrap
import time
from pathlib import Path
from typing import Any, NoReturn, Optional, Sequence

EXIT_OK = 0
EXIT_NOTHING_FOUND = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as a shell reports a command killed by a closed pipe

FACETS = ["actor", "agreement", "year", "source"]
MAX_SKIPPED_SHOWN = 20  # skipped-record lines printed by `index` before the list is cut short
FACET_VALUES_SHOWN = 5  # values per facet row in the human output
ACTORS_SHOWN = 6  # actors per hit in the human output (--json has them all)
AGREEMENTS_SHOWN = 2  # agreements per hit in the human output
SNIPPET_CHARS = 320  # a hit's snippet in the human output: about four terminal lines at most
DEBUG_ENV = "SEARCHLIB_DEBUG"


class CommandError(Exception):
    """A problem to report as one line on stderr, with the exit code to leave with."""

    def __init__(self, message: str, exit_code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.exit_code = exit_code


# --------------------------------------------------------------------------------------------
# argument parsing

DESCRIPTION = """\
Arabic news search: index articles, search them with facets and highlights,
extract an article's metadata, and show how Arabic text is analyzed."""

EPILOG = """\
examples:
  searchlib search علييف
  searchlib search "وقف إطلاق النار" --actor "فلاديمير بوتين" --from 2020-01-01 --sort date
  searchlib index ~/news/ --index ~/news-index
  searchlib extract article.txt --json
  searchlib analyze "والاتفاقيات الدولية"

Without --index, commands use the embedded default index: built from the bundled
seed articles on first use, kept in the per-user data folder ($SEARCHLIB_HOME
relocates it), rebuilt when the seeds, the analyzer or the extractor data change.

Arabic on a terminal that cannot shape or reorder it: add --reshape (or set
SEARCHLIB_RESHAPE=1). Colour: --color auto|always|never; NO_COLOR is honoured.

exit codes:
  0  found / done
  1  nothing found, or a bad query
  2  usage or input error (missing file, unreadable input, locked or incompatible index)
  3  internal error (set SEARCHLIB_DEBUG=1 to see the traceback)"""


class _Parser(argparse.ArgumentParser):
    """argparse with a one-line error (the usage line is one `--help` away)."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _iso_date(value: str) -> str:
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {value!r}") from None


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of 1 or more: {value!r}")
    return number


# name -> (one-line summary, description, examples, closing note); shown by `COMMAND --help`
COMMANDS: dict[str, tuple[str, str, list[str], str]] = {
    "index": (
        "add articles to an index (incremental: unchanged documents are skipped)",
        "Add articles to an index. SOURCE is a folder (searched recursively), a .txt article, "
        "a .jsonl or .json file, or a SaudiNewsNet YYYY-MM-DD.zip. Indexing the same source "
        "again only applies what changed. Skipped files and records are listed on stderr.",
        ["searchlib index ~/أخبار/ --index ~/news-index",
         "searchlib index 2015-07-21.zip 2015-07-22.zip --index saudi --procs 2"],
        "Without --index the articles join the default index; they are dropped when that index "
        "is rebuilt after an upgrade, so keep collections of your own in a folder of their own.",
    ),
    "search": (
        "search an index",
        "Search an index: ranked hits with highlighted snippets and facet counts. Words are "
        "matched after normalization and light stemming, so علييف also finds وعلييف. Several "
        "words match any of them, articles with more of them first; \"quotes\" make a phrase.",
        ["searchlib search علييف",
         "searchlib search بوتين علييف --limit 3",
         "searchlib search \"وقف إطلاق النار\" --agreement ceasefire --sort date",
         "searchlib search قره باغ --from 2020-01-01 --to 2021-12-31 --json"],
        "exit status: 0 hits printed, 1 nothing found (or a bad query), 2 usage error.",
    ),
    "extract": (
        "show the metadata extracted from one article",
        "Extract an article's title, date, source, actors (people, organizations, countries), "
        "agreements and mentioned dates. FILE is decoded like `index` decodes a .txt article "
        "(UTF-8 with or without BOM, UTF-16/32 with BOM, Windows-1256); - reads standard input.",
        ["searchlib extract article.txt",
         "searchlib extract article.txt --json",
         "searchlib extract article.txt --published 2015-08-10",
         "echo \"وقع الرئيس إلهام علييف إعلانا في موسكو\" | searchlib extract -"],
        "",
    ),
    "analyze": (
        "show the index terms of a text",
        "Show the terms the index stores for TEXT (normalized, stop words dropped, light "
        "stemmed), each with the slice of the original text it came from.",
        ["searchlib analyze \"والاتفاقيات الدولية\"",
         "searchlib analyze \"مُحَمَّدٌ في الأمم المتحدة\" --json",
         "searchlib analyze \"لبوتين\" --no-stem"],
        "",
    ),
    "stats": (
        "describe an index",
        "Describe an index: documents, size on disk, analyzer signature, top facets.",
        ["searchlib stats", "searchlib stats --index ~/news-index --json"],
        "",
    ),
}


def _add_command(subparsers, name: str, run, parents: list) -> argparse.ArgumentParser:
    summary, description, examples, note = COMMANDS[name]
    epilog = "examples:\n" + "\n".join(f"  {line}" for line in examples)
    if note:
        epilog += "\n\n" + textwrap.fill(note, width=78)
    parser = subparsers.add_parser(name, parents=parents, help=summary,
                                   description=textwrap.fill(description, width=78),
                                   epilog=epilog,
                                   formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.set_defaults(run=run)
    return parser


def build_parser() -> argparse.ArgumentParser:
    """The ``searchlib`` argument parser with its five subcommands."""
    from searchlib import __version__

    parser = _Parser(prog="searchlib", description=DESCRIPTION, epilog=EPILOG,
                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"searchlib {__version__}")

    display = argparse.ArgumentParser(add_help=False)
    output = display.add_argument_group("display")
    output.add_argument("--reshape", action="store_true",
                        help="shape and reorder Arabic for terminals without bidi support "
                             "(also SEARCHLIB_RESHAPE=1)")
    output.add_argument("--color", choices=["auto", "always", "never"], default="auto",
                        help="colour matches and labels (default: auto, only on a terminal)")
    index_folder = argparse.ArgumentParser(add_help=False)
    index_folder.add_argument("--index", metavar="DIR", type=Path,
                              help="index folder (default: the embedded default index)")

    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    p = _add_command(sub, "index", cmd_index, [index_folder, display])
    p.add_argument("sources", nargs="+", metavar="SOURCE", help="file or folder to index")
    p.add_argument("--procs", type=_positive_int, default=1, metavar="N",
                   help="worker processes (default: 1)")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="progress bar on stderr (default: when stderr is a terminal)")
    p.add_argument("--lock-timeout", type=float, default=10.0, metavar="S",
                   help="seconds to wait for another process writing to the index (default: 10)")
    p.add_argument("--json", action="store_true", help="print the report as JSON")

    p = _add_command(sub, "search", cmd_search, [index_folder, display])
    p.add_argument("query", nargs="+", metavar="QUERY", help="words to look for")
    p.add_argument("--actor", metavar="A", help="only articles naming this actor")
    p.add_argument("--agreement", metavar="G", help="only articles with this agreement")
    p.add_argument("--source", metavar="S", help="only articles from this source")
    p.add_argument("--from", dest="date_from", type=_iso_date, metavar="YYYY-MM-DD",
                   help="only articles dated on or after this day")
    p.add_argument("--to", dest="date_to", type=_iso_date, metavar="YYYY-MM-DD",
                   help="only articles dated on or before this day")
    p.add_argument("--sort", choices=["relevance", "date"], default="relevance",
                   help="order of hits (default: relevance; date: newest first)")
    p.add_argument("--limit", type=_positive_int, default=10, metavar="N",
                   help="hits per page (default: 10)")
    p.add_argument("--page", type=_positive_int, default=1, metavar="P",
                   help="page number, from 1 (default: 1)")
    p.add_argument("--json", action="store_true", help="print the results as JSON")

    p = _add_command(sub, "extract", cmd_extract, [display])
    p.add_argument("file", metavar="FILE", help="a text article, or - for standard input")
    p.add_argument("--json", action="store_true", help="print the metadata as JSON")
    p.add_argument("--published", type=_iso_date, metavar="YYYY-MM-DD",
                   help="the publication date, when known from elsewhere: dates what the text "
                        "leaves undated (role titles such as الرئيس الأمريكي)")

    p = _add_command(sub, "analyze", cmd_analyze, [display])
    p.add_argument("text", nargs="+", metavar="TEXT", help="the text (several words are joined)")
    p.add_argument("--no-stem", dest="stem", action="store_false", help="normalize only")
    p.add_argument("--no-stopwords", dest="stopwords", action="store_false",
                   help="keep stop words")
    p.add_argument("--json", action="store_true",
                   help='print [{"term", "start", "end"}] with offsets into TEXT')

    p = _add_command(sub, "stats", cmd_stats, [index_folder, display])
    p.add_argument("--json", action="store_true", help="print the statistics as JSON")
    return parser


# --------------------------------------------------------------------------------------------
# entry point

def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the ``searchlib`` command line and return its exit code."""
    _utf8_streams()
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except CommandError as error:
        return _fail(str(error), error.exit_code)
    except KeyboardInterrupt:
        sys.stderr.write("searchlib: interrupted\n")
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): stop quietly, without Python's flush warning.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except Exception as error:  # noqa: BLE001 - the promise is "never a traceback"
        known = _known_error(error)
        if known is not None:
            return _fail(*known)
        if os.environ.get(DEBUG_ENV):
            raise
        return _fail(f"internal error: {type(error).__name__}: {_one_line(str(error))} "
                     f"(set {DEBUG_ENV}=1 for the traceback)", EXIT_INTERNAL)


def _fail(message: str, code: int) -> int:
    sys.stderr.write(f"searchlib: error: {_one_line(message)}\n")
    return code


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _known_error(error: Exception) -> Optional[tuple[str, int]]:
    """Library errors with their exit codes; ``None`` for anything unexpected."""
    if isinstance(error, _library_errors("searchlib.search", "QueryError")):
        return f"bad query: {error}", EXIT_NOTHING_FOUND
    if isinstance(error, _library_errors("searchlib.ingest", "InputError")
                  + _library_errors("searchlib.index", "SearchIndexError", "IndexMismatchError",
                                    "IndexLockedError", "IndexNotFoundError")):
        return str(error), EXIT_USAGE
    if isinstance(error, OSError) and error.filename is not None:
        return f"{error.filename}: {error.strerror or error}", EXIT_USAGE
    return None


def _library_errors(module_name: str, *names: str) -> tuple[type, ...]:
    """The named exception classes of a searchlib module (those it defines; none if it fails to
    import), so that error reporting itself can never raise."""
    try:
        module = importlib.import_module(module_name)
    except Exception:  # noqa: BLE001
        return ()
    found = (getattr(module, name, None) for name in names)
    return tuple(kind for kind in found if isinstance(kind, type) and issubclass(kind, Exception))


def _utf8_streams() -> None:
    """Arabic must never crash the output: UTF-8 into pipes, replacement marks on odd consoles."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:
            continue
        encoding = (getattr(stream, "encoding", "") or "").lower().replace("-", "")
        if encoding == "utf8":
            continue
        if stream.isatty():
            reconfigure(errors="replace")
        else:
            reconfigure(encoding="utf-8")


def _terminal(args: argparse.Namespace, stream=None):
    from searchlib.terminal import Terminal
    return Terminal.for_stream(stream or sys.stdout, color=getattr(args, "color", "auto"),
                               reshape=getattr(args, "reshape", False))


def _print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, default=_json_default) + "\n")


def _json_default(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (set, tuple)):
        return list(value)
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if hasattr(value, "__dataclass_fields__"):
        import dataclasses
        return dataclasses.asdict(value)
    return str(value)


# --------------------------------------------------------------------------------------------
# opening indexes

def _open_for_reading(index_dir: Optional[Path]):
    """The index at ``index_dir`` (IndexNotFoundError when there is none), or the default index."""
    if index_dir is None:
        from searchlib.embedded import default_index
        return default_index()
    from searchlib.index import open_index
    return open_index(index_dir)


def _open_for_writing(index_dir: Optional[Path]):
    """The index at ``index_dir``, created when the folder is new or empty; or the default one."""
    if index_dir is None:
        from searchlib.embedded import default_index
        return default_index()
    from searchlib.index import IndexNotFoundError, create_index, open_index
    try:
        return open_index(index_dir)
    except IndexNotFoundError:
        if index_dir.is_dir() and any(index_dir.iterdir()):
            raise CommandError(f"{index_dir}: folder is not empty and holds no searchlib index; "
                               "choose a new or empty folder") from None
        return create_index(index_dir)


# --------------------------------------------------------------------------------------------
# index

def cmd_index(args: argparse.Namespace) -> int:
    """``searchlib index SOURCE...``: add files and folders to an index, report what happened."""
    missing = [source for source in args.sources if not Path(source).exists()]
    if missing:
        more = f" (and {len(missing) - 1} more missing)" if len(missing) > 1 else ""
        raise CommandError(f"{missing[0]}: no such file or folder{more}")
    progress = sys.stderr.isatty() if args.progress is None else args.progress
    index = _open_for_writing(args.index)
    index.lock_timeout = args.lock_timeout
    started = time.monotonic()
    report = index.index_paths([Path(source) for source in args.sources],
                               procs=args.procs, progress=progress)
    elapsed = time.monotonic() - started
    skipped = list(report.skipped)
    if args.json:
        _print_json(report.to_dict())
    else:
        warnings = list(getattr(report, "warnings", ()))
        _list_on_stderr("warning", warnings)
        _list_on_stderr("skipped", [f"{item.origin}: {item.reason}" for item in skipped])
        where = args.index if args.index is not None else "the default index"
        counts = [("indexed", report.indexed), ("updated", report.updated),
                  ("unchanged", report.unchanged), ("skipped", len(skipped))]
        if warnings:
            counts.append(("warnings", len(warnings)))
        summary: list = []
        for position, (label, count) in enumerate(counts):
            summary += [(", " * bool(position) + label + " ", "muted"), (str(count), "number")]
        rate = report.total / max(elapsed, 1e-3)
        summary.append((f"  ({where}, {elapsed:.1f} s, {rate:.0f} articles/s)", "muted"))
        _terminal(args).print(summary)
    if skipped and not (report.indexed or report.updated or report.unchanged):
        return EXIT_USAGE  # nothing could be read at all
    return EXIT_OK


def _list_on_stderr(label: str, lines: list[str]) -> None:
    """One stderr line per item (``label origin: reason``), cut short after a few with a count."""
    for line in lines[:MAX_SKIPPED_SHOWN]:
        sys.stderr.write(f"{label} {_one_line(line)}\n")
    if len(lines) > MAX_SKIPPED_SHOWN:
        sys.stderr.write(f"... and {len(lines) - MAX_SKIPPED_SHOWN} more {label}\n")


# --------------------------------------------------------------------------------------------
# search

def cmd_search(args: argparse.Namespace) -> int:
    """``searchlib search QUERY``: ranked hits with snippets and facets; exit 1 when none."""
    query = " ".join(args.query).strip()
    if not query:
        raise CommandError("empty query", EXIT_NOTHING_FOUND)
    filters = {name: value for name, value in (
        ("actor", args.actor), ("agreement", args.agreement), ("source", args.source),
        ("date_from", args.date_from), ("date_to", args.date_to)) if value}
    if args.date_from and args.date_to and args.date_from > args.date_to:
        raise CommandError(f"--from {args.date_from} is after --to {args.date_to}")
    index = _open_for_reading(args.index)
    results = index.search(query, limit=args.limit, page=args.page, filters=filters or None,
                           facets=FACETS, sort=args.sort)
    if args.json:
        _print_json(results.to_dict())
    else:
        _print_results(_terminal(args), query, results, args)
    return EXIT_OK if results.hits else EXIT_NOTHING_FOUND


def _print_results(term, query: str, results, args: argparse.Namespace) -> None:
    pages = max(1, -(-results.total // results.limit)) if results.limit else 1
    if results.total == 0:
        term.print([("no results for ", "muted"), (f"«{query}»", "title")])
    else:
        term.print([(str(results.total), "number"),
                    (" result" + ("" if results.total == 1 else "s") + " for ", "muted"),
                    (f"«{query}»", "title"),
                    (f" — page {results.page} of {pages}, by {args.sort}", "muted")])
    if results.suggestion:
        term.print([("هل تقصد: ", "muted"), (results.suggestion, "match"),
                    ("؟  (did you mean)", "muted")])
    if results.total and not results.hits:
        term.print([(f"page {results.page} is past the last page ({pages})", "muted")])
    first_number = (results.page - 1) * results.limit + 1
    width = len(str(first_number + len(results.hits) - 1))
    for number, hit in enumerate(results.hits, start=first_number):
        indent = " " * (width + 2)
        term.print("")
        term.print([(f"{number:>{width}}. ", "number"), (hit.title or hit.id, "title")])
        details = [str(value) for value in (hit.date, hit.source) if value]
        if hit.score is not None:
            details.append(f"score {hit.score:.2f}")
        term.print([(indent + " · ".join(details), "muted")])
        if hit.actors:
            term.print([(indent + "actors: ", "muted")]
                       + _capped(list(hit.actors), ACTORS_SHOWN, "، "))
        if hit.agreements:
            term.print([(indent + "agreements: ", "muted")]
                       + _capped([_agreement_text(item) for item in hit.agreements],
                                 AGREEMENTS_SHOWN, "؛ "))
        snippet = _snippet(hit)
        if snippet:
            term.print([(indent, None)] + snippet)
    _print_facets(term, results.facets or {})


def _print_facets(term, facets: dict) -> None:
    """Facet counts as a compact table: one row a facet, its top values with their counts."""
    facets = {name: list(values) for name, values in facets.items() if values}
    if not facets:
        return
    term.print("")
    label_width = max(len(name) for name in facets)
    for name, values in facets.items():
        cells: list = [(f"{name:<{label_width}}  ", "muted")]
        for position, item in enumerate(values[:FACET_VALUES_SHOWN]):
            value, count = _facet_pair(item)
            if position:
                cells.append((" · ", "muted"))
            cells += [(str(value), None), (f" {count}", "number")]
        if len(values) > FACET_VALUES_SHOWN:
            cells.append((f" · +{len(values) - FACET_VALUES_SHOWN} more", "muted"))
        term.print(cells, base_dir="L")


def _capped(values: list[str], shown: int, separator: str) -> list:
    """The first ``shown`` values joined, and how many more there are."""
    segments = [(separator.join(values[:shown]), None)]
    if len(values) > shown:
        segments.append((f" +{len(values) - shown} more", "muted"))
    return segments


def _snippet(hit: Any) -> list:
    """The hit's highlighted fragments as terminal segments, on one line."""
    from searchlib.terminal import highlight_segments, span_segments, truncate

    spans = getattr(hit, "highlight_spans", None)
    if hit.highlights_text and spans is not None:
        segments = span_segments(hit.highlights_text, spans)
    else:
        segments = highlight_segments(hit.highlights or "")
    return truncate([(re.sub(r"\s+", " ", text), style) for text, style in segments],
                    SNIPPET_CHARS)


def _agreement_text(agreement: Any) -> str:
    if isinstance(agreement, str):
        return agreement
    if isinstance(agreement, dict):
        get = agreement.get
    else:
        def get(key: str) -> Any:
            return getattr(agreement, key, None)
    extra = ", ".join(str(value) for value in (get("type"), get("date")) if value)
    return f"{get('name')} ({extra})" if extra else str(get("name"))


def _facet_pair(item: Any) -> tuple[Any, Any]:
    if isinstance(item, dict):
        return item.get("value"), item.get("count")
    return item[0], item[1]


# --------------------------------------------------------------------------------------------
# extract

def cmd_extract(args: argparse.Namespace) -> int:
    """``searchlib extract FILE``: an article's metadata, human or JSON."""
    from searchlib.extraction import extract

    text = _read_article(args.file)
    published = dt.date.fromisoformat(args.published) if args.published else None
    metadata = extract(text, published=published).to_dict()
    if args.json:
        _print_json(metadata)
        return EXIT_OK
    term = _terminal(args)
    rows: list[tuple[str, list[str]]] = [
        ("title", [metadata.get("title") or "—"]),
        ("date", [metadata.get("date") or "—"]),
        ("source", [metadata.get("source") or "—"]),
        ("actors", [f"{actor['name']} ({actor['kind']})" for actor in metadata.get("actors", [])]
         or ["—"]),
        ("agreements", [_agreement_text(item) for item in metadata.get("agreements", [])] or ["—"]),
        ("mentioned dates", [", ".join(metadata.get("mentioned_dates", [])) or "—"]),
    ]
    width = max(len(label) for label, _ in rows)
    for label, values in rows:
        for position, value in enumerate(values):
            term.print([((label if position == 0 else "").ljust(width) + "  ", "muted"),
                        (value, "title" if label == "title" else None)])
    body = metadata.get("body") or ""
    term.print([("body".ljust(width) + "  ", "muted"),
                (f"{len(body.split())} words (--json prints it)", None)])
    return EXIT_OK


def _read_article(name: str) -> str:
    """An article's text, decoded the way ingest decodes a ``.txt`` file."""
    if name == "-":
        data = sys.stdin.buffer.read()
        origin = "<stdin>"
    else:
        path = Path(name)
        if not path.exists():
            raise CommandError(f"{name}: no such file")
        if path.is_dir():
            raise CommandError(f"{name}: is a folder, not an article (index it instead)")
        data = path.read_bytes()
        origin = name
    return _decode(data, origin)


def _decode(data: bytes, origin: str) -> str:
    from searchlib.ingest import detect  # the decoder ingest uses for .txt files

    try:
        decoded = detect(data)
    except ValueError as error:  # UndecodableError: a short reason without the file name
        raise CommandError(f"{origin}: {error}") from None
    if decoded.warning:
        sys.stderr.write(f"searchlib: warning: {origin}: {decoded.warning}\n")
    return decoded.text


# --------------------------------------------------------------------------------------------
# analyze

def cmd_analyze(args: argparse.Namespace) -> int:
    """``searchlib analyze TEXT``: the index terms with their offsets into TEXT."""
    from searchlib.analyzers import analyze_tokens

    text = " ".join(args.text)
    tokens = analyze_tokens(text, stem=args.stem, stopwords=args.stopwords)
    if args.json:
        _print_json([{"term": t["term"], "start": t["start"], "end": t["end"]} for t in tokens])
        return EXIT_OK
    _print_terms(_terminal(args), text, tokens)
    return EXIT_OK


def _print_terms(term, text: str, tokens: list[dict]) -> None:
    from searchlib.terminal import pad, visible_width

    if not tokens:
        term.print([("no index terms (only stop words or punctuation?)", "muted")])
        return
    # Cells are rendered one by one so that visual (--reshape) mode never swaps the columns.
    rows = [(term.render([(t["term"], "match")]), term.render(text[t["start"]:t["end"]]),
             f"{t['start']}-{t['end']}") for t in tokens]
    header = (term.render([("term", "muted")]), term.render([("original", "muted")]),
              term.render([("offsets", "muted")]))
    widths = [max(visible_width(row[column]) for row in rows + [header]) for column in (0, 1)]
    for shown, original, offsets in [header] + rows:
        term.stream.write(f"{pad(shown, widths[0])}  {pad(original, widths[1])}  {offsets}\n")


# --------------------------------------------------------------------------------------------
# stats

def cmd_stats(args: argparse.Namespace) -> int:
    """``searchlib stats``: documents, size, analyzer signature and top facets of an index."""
    index = _open_for_reading(args.index)
    stats = index.stats()
    if args.json:
        _print_json(stats)
        return EXIT_OK
    term = _terminal(args)
    analyzer = stats.get("analyzer") or {}
    rows = [
        ("index", stats.get("path", args.index)),
        ("documents", f"{stats.get('documents')}  (deleted {stats.get('deleted', 0)}, "
                      f"segments {stats.get('segments', '?')})"),
        ("size", _human_size(stats["size_bytes"]) if "size_bytes" in stats else None),
        ("analyzer", analyzer.get("signature") if isinstance(analyzer, dict) else analyzer),
        ("terms", _plain(stats.get("terms")) if stats.get("terms") else None),
        ("last commit", stats.get("last_commit")),
    ]
    rows = [(label, value) for label, value in rows if value is not None]
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        term.print([(label.ljust(width) + "  ", "muted"), (str(value), None)], base_dir="L")
    _print_facets(term, stats.get("facets") or {})
    return EXIT_OK


def _plain(value: Any) -> str:
    if isinstance(value, dict):
        return " · ".join(f"{key} {item}" for key, item in value.items())
    return str(value)


def _human_size(size: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} GB"


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
