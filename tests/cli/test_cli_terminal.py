"""searchlib.terminal: match emphasis, colour decisions, visual-order Arabic, column widths."""
from __future__ import annotations

import io
import re

from searchlib.terminal import (Terminal, display_width, highlight_segments, pad, span_segments,
                                truncate, visible_width, wants_color, wants_reshape)

ANSI = re.compile(r"\x1b\[[0-9;]*m")


class FakeTTY(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_highlight_segments_split_matches_and_unescape_text():
    html = 'قال &lt;b&gt; &quot;الرئيس&quot; <b class="match term0">بوتين</b> و<b>علييف</b>'
    assert highlight_segments(html) == [
        ('قال <b> "الرئيس" ', None), ("بوتين", "match"), (" و", None), ("علييف", "match")]


def test_plain_rendering_keeps_the_text_exactly():
    segments = [("بحث ", None), ("بوتين", "match"), (" وعلييف", None)]
    assert Terminal(io.StringIO()).render(segments) == "بحث بوتين وعلييف"


def test_colour_wraps_only_the_styled_segments():
    rendered = Terminal(io.StringIO(), color=True).render([("بحث ", None), ("بوتين", "match")])
    assert rendered.startswith("بحث \x1b[")
    assert re.search(r"\x1b\[[0-9;]+mبوتين\x1b\[0m$", rendered)
    assert ANSI.sub("", rendered) == "بحث بوتين"


def test_auto_colour_only_for_terminals_and_never_with_no_color(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    assert wants_color(FakeTTY()) is True
    assert wants_color(io.StringIO()) is False
    assert wants_color(io.StringIO(), "always") is True
    monkeypatch.setenv("NO_COLOR", "1")
    assert wants_color(FakeTTY()) is False
    assert wants_color(FakeTTY(), "always") is True


def test_reshape_flag_or_environment(monkeypatch):
    monkeypatch.delenv("SEARCHLIB_RESHAPE", raising=False)
    assert wants_reshape(False) is False and wants_reshape(True) is True
    monkeypatch.setenv("SEARCHLIB_RESHAPE", "yes")
    assert wants_reshape(False) is True


def test_visual_mode_reverses_arabic_and_keeps_the_match_style_on_the_match():
    terminal = Terminal(io.StringIO(), color=True, reshape=True)
    rendered = terminal.render([("قال ", None), ("بوتين", "match"), (" اليوم", None)])
    plain = ANSI.sub("", rendered)
    # shaped into presentation forms, and the first logical word is now at the right end
    assert re.search("[\ufe70-\ufeff]", plain)
    first_word = Terminal(io.StringIO(), reshape=True).render("قال")
    assert plain.endswith(first_word)
    emphasized = re.search(r"\x1b\[[0-9;]+m([^\x1b]+)\x1b\[0m", rendered).group(1)
    assert emphasized == Terminal(io.StringIO(), reshape=True).render("بوتين")


def test_visual_mode_handles_each_line_on_its_own():
    terminal = Terminal(io.StringIO(), reshape=True)
    two_lines = terminal.render("سطر أول\nسطر ثان")
    assert two_lines.split("\n") == [terminal.render("سطر أول"), terminal.render("سطر ثان")]


def test_widths_ignore_harakat_and_ansi_codes():
    assert display_width("مُحَمَّدٌ") == display_width("محمد") == 4
    coloured = Terminal(io.StringIO(), color=True).render([("محمد", "match")])
    assert visible_width(coloured) == 4
    assert pad(coloured, 6) == coloured + "  "


def test_span_segments_mark_the_given_ranges():
    text = "بحث بوتين وعلييف اليوم"
    start = text.index("بوتين")
    assert span_segments(text, [(start, start + 5), (text.index("وعلييف"), len(text) - 6)]) == [
        ("بحث ", None), ("بوتين", "match"), (" ", None), ("وعلييف", "match"), (" اليوم", None)]
    assert span_segments(text, []) == [(text, None)]


def test_truncate_cuts_at_a_space_and_never_inside_a_match():
    words = "كلمة " * 10
    segments = [(words, None), ("بوتين", "match"), (" نهاية الجملة", None)]
    assert truncate(segments, 1000) == segments
    assert truncate(segments, 62) == [(words, None), ("بوتين", "match"), (" نهاية", None),
                                      (" …", None)]
    assert truncate(segments, 57) == [(words, None), ("بوتين", "match"), (" …", None)]
    assert truncate(segments, 53) == [(words.rstrip(), None), (" …", None)]
