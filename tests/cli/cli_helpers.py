"""Assertions shared by the CLI tests."""
from __future__ import annotations


def one_line_error(done, *must_contain: str) -> str:
    """The single stderr line of a finished CLI run (no traceback), checked to contain each text."""
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, done.stderr
    assert "Traceback" not in done.stderr
    for text in must_contain:
        assert text in lines[0], lines[0]
    return lines[0]
