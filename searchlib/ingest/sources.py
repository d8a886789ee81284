"""From the paths a user gives to the files to read, and from each file to its records.

* Every top-level path is checked before anything is read: a missing one raises
  :class:`InputError` naming it.
* A file given explicitly is read if its type is supported, otherwise reported (Skipped).
* Folders are walked recursively in sorted order (a folder's files, then its subfolders),
  following symbolic links; a link that leads back into a folder being walked, or to a folder or
  file already read, is reported once and not read again. Hidden entries (names starting with
  ``.``) are ignored quietly; other files of an unsupported type are reported.
"""
from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from searchlib.ingest.formats import SUFFIXES, read_source, read_zip, suffix_of, unsupported
from searchlib.ingest.model import InputError, Record, Skipped

__all__ = ["iter_records", "estimate_total", "SourceFile", "iter_source_files"]


@dataclass(frozen=True)
class SourceFile:
    """A supported file found on disk: where it is, how to name it, its id if it is a .txt."""

    path: str          # path to open
    origin: str        # path as shown in messages (built from what the user typed)
    txt_id: str        # id for a .txt article: relative path without suffix, "/" separators
    size: int


def _as_path_list(paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str]) -> list[str]:
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]  # a single path, not an iterable of characters
    return [os.fspath(path) for path in paths]


def _validate(paths: list[str]) -> None:
    for path in paths:
        if not path:
            raise InputError("empty path given")
        if not os.path.exists(path):
            reason = "broken symbolic link" if os.path.islink(path) else "no such file or directory"
            raise InputError(f"{reason}: {path}")
        if not os.access(path, os.R_OK | (os.X_OK if os.path.isdir(path) else 0)):
            raise InputError(f"permission denied: {path}")


def _txt_id(relative_parts: tuple[str, ...]) -> str:
    *folders, name = relative_parts
    stem = name[: -len(".txt")] if name.lower().endswith(".txt") else name
    return "/".join([*folders, stem])


def iter_source_files(paths: list[str]) -> Iterator[SourceFile | Skipped]:
    """The files to read under ``paths`` (already validated), in order, or why one is not read."""
    seen_files: dict[str, str] = {}   # realpath -> origin of the first reading
    seen_dirs: dict[str, str] = {}

    def classify(path: str, origin: str, relative: tuple[str, ...]) -> SourceFile | Skipped:
        try:
            info = os.stat(path)
        except OSError as error:
            return Skipped(origin, f"cannot read: {error.strerror or error}")
        if not stat.S_ISREG(info.st_mode):
            return Skipped(origin, "not a regular file")
        if suffix_of(path) not in SUFFIXES:
            return Skipped(origin, unsupported(path))
        real = os.path.realpath(path)
        if real in seen_files:
            return Skipped(origin, f"already read as {seen_files[real]}")
        seen_files[real] = origin
        return SourceFile(path, origin, _txt_id(relative), info.st_size)

    for top in paths:
        if not os.path.isdir(top):
            yield classify(top, top, (os.path.basename(top),))
            continue
        real_top = os.path.realpath(top)
        if real_top in seen_dirs:
            yield Skipped(top, f"already read as {seen_dirs[real_top]}")
            continue
        seen_dirs[real_top] = top
        # Depth-first with an explicit stack: (path, origin, parts relative to top, ancestors).
        stack = [(top, top, (), {real_top: top})]
        while stack:
            folder, origin, relative, ancestors = stack.pop()
            try:
                entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
            except OSError as error:
                yield Skipped(origin, f"cannot read folder: {error.strerror or error}")
                continue
            subfolders = []
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                child_origin = os.path.join(origin, entry.name)
                child_relative = (*relative, entry.name)
                try:
                    is_dir = entry.is_dir()  # follows symbolic links
                except OSError:
                    is_dir = False
                if not is_dir:
                    if entry.is_symlink() and not os.path.exists(entry.path):
                        yield Skipped(child_origin, "broken symbolic link")
                        continue
                    yield classify(entry.path, child_origin, child_relative)
                    continue
                real = os.path.realpath(entry.path)
                if real in ancestors:
                    yield Skipped(child_origin, f"symbolic link loop (leads back to {ancestors[real]})")
                elif real in seen_dirs:
                    yield Skipped(child_origin, f"already read as {seen_dirs[real]}")
                else:
                    seen_dirs[real] = child_origin
                    subfolders.append((entry.path, child_origin, child_relative,
                                       {**ancestors, real: child_origin}))
            stack.extend(reversed(subfolders))


def iter_records(paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
                 ) -> Iterator[Record | Skipped]:
    """Every record in ``paths`` (files and folders, all supported formats), as it is read.

    Yields a :class:`Record` for each article read and a :class:`Skipped` for each record or file
    that could not be, so that every input is either indexed or reported. Raises
    :class:`InputError` at once, before reading anything, if a path does not exist.
    """
    path_list = _as_path_list(paths)
    _validate(path_list)
    return _iter_records(path_list)


def _iter_records(paths: list[str]) -> Iterator[Record | Skipped]:
    for found in iter_source_files(paths):
        if isinstance(found, Skipped):
            yield found
        elif suffix_of(found.path) == ".zip":
            yield from read_zip(found.path, found.origin)
        else:
            yield from read_source(lambda path=found.path: open(path, "rb"), found.size,
                                   found.origin, suffix_of(found.path), found.txt_id)


def estimate_total(paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
                   ) -> int | None:
    """The number of records ``iter_records(paths)`` will yield, when cheap to know, else None.

    Counts .txt files and non-blank JSON Lines lines; .json files and zip archives would have to
    be parsed, so their presence gives ``None``. Raises :class:`InputError` like iter_records.
    """
    path_list = _as_path_list(paths)
    _validate(path_list)
    total = 0
    for found in iter_source_files(path_list):
        if isinstance(found, Skipped):
            total += 1
            continue
        suffix = suffix_of(found.path)
        if suffix in (".json", ".zip"):
            return None
        if suffix == ".txt":
            total += 1
        else:
            total += max(1, _count_nonblank_lines(found.path))
    return total


def _count_nonblank_lines(path: str) -> int:
    count = 0
    try:
        with open(path, "rb") as stream:
            for line in stream:
                if line.strip():
                    count += 1
    except OSError:
        return 1
    return count

