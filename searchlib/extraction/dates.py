"""Finding dates in Arabic news text.

``find_dates(folded_text)`` returns every date mention (``DateMention``) with what the text
states: day, month, year (any may be missing), whether a relative word follows (الماضي،
المقبل، الجاري), and the offsets. It understands:

* numeric stamps ``18-8-2024``, ``2024/08/18``, ``18.08.2024`` (Hijri when the year is 13xx/14xx),
* Arabic month names of the three naming systems (يناير / كانون الثاني / جانفي), paired forms
  (``تشرين الثاني/نوفمبر``, ``يوليو (تموز)``), ordinal day words (``التاسع من``), ``الـ10 من``,
* English stamps ``17th, April 2024``, ``April 17, 2024``,
* Hijri dates ``5 شوال 1436 هـ`` (converted with hijridate).

Text must be ``text.fold(text.light(raw))``: digits are ASCII and alef/ya/ta-marbuta folded.
Choosing the publication date among the mentions is ``pick_publication_date``; completing
years from context is ``infer_year`` / ``resolve_relative``.
"""
from __future__ import annotations

import datetime as dt
import re
from itertools import compress
from dataclasses import dataclass
from functools import lru_cache

from searchlib.extraction.data import load_json
from searchlib.extraction.text import WORD_RE, fold

MIN_YEAR, MAX_YEAR = 1900, 2100
MIN_HIJRI, MAX_HIJRI = 1300, 1500


@dataclass
class DateMention:
    """One date written in the text; fields the text leaves open are None."""

    start: int
    end: int
    year: int | None
    month: int
    day: int | None
    relative: str | None = None      # "past" | "next" | "current" | None
    calendar: str = "gregorian"      # "gregorian" | "hijri" (already converted) | "numeric"
    year_stated: bool = False        # the text itself gives the year (not context)

    def to_date(self) -> dt.date | None:
        """The full date, or None when year or day is unknown or the date is impossible."""
        if self.year is None or self.day is None:
            return None
        try:
            return dt.date(self.year, self.month, self.day)
        except ValueError:
            return None


def _alt(words) -> str:
    """A regex alternation of ``words`` (folded), longest first, spaces as \\s+."""
    uniq = sorted({fold(w) for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in uniq)


class _Calendar:
    """Compiled patterns and lookup tables built from data/calendar.json."""

    def __init__(self) -> None:
        cal = load_json("calendar.json")
        self.month_of: dict[str, int] = {}
        for num, names in cal["gregorian"].items():
            for name in names:
                self.month_of[_space_key(fold(name))] = int(num)
        self.en_month_of = {name: int(num) for num, names in cal["english"].items()
                            for name in names}
        self.hijri_of = {_space_key(fold(n)): int(num) for num, names in cal["hijri"].items()
                         for n in names}
        self.ordinal_of = {_space_key(fold(n)): int(num) for num, names in cal["ordinals"].items()
                           for n in names}
        self.weekday_of = {fold(n): int(num) for num, names in cal["weekdays"].items()
                           for n in names}
        month = _alt(self.month_of)
        hijri = _alt(self.hijri_of)
        ordinal = _alt(self.ordinal_of)
        en = "|".join(sorted(self.en_month_of, key=len, reverse=True))
        # A month, optionally paired with its name in another system: تشرين الثاني/نوفمبر,
        # سبتمبر (أيلول), نوفمبر - تشرين الثاني.
        month_group = (rf"(?P<m1>{month})(?:(?:\s*(?:/|\(|-|–)\s*|\s+)(?P<m2>{month})(?!\w)\s*\)?)?")
        year_part = r"(?:\s*[,،]?\s*(?:من\s+)?(?:(?:ال)?عام|سنه|لعام|العام)?\s*(?P<y>\d{4})(?!\d)(?:\s*م(?!\w))?)?"
        self.arabic = re.compile(
            rf"(?<![\w\d])(?:(?:[وفب]|[وفب]?ال\s?)?(?P<d>\d{{1,2}})|(?P<ord>(?<!\w)[وف]?(?:{ordinal})))"
            rf"(?!\d)\s*(?:من\s+)?(?:شهر\s+)?{month_group}(?!\w){year_part}")
        # Month and year without a day (يوليو 2015, سبتمبر/أيلول 2023, تشرين الثاني الماضي).
        self.month_year = re.compile(
            rf"(?<!\w)(?:[وفبل]|في\s+|شهر\s+|خلال\s+)?{month_group}(?!\w)"
            rf"(?:\s*[,،]?\s*(?:من\s+)?(?:(?:ال)?عام|سنه)?\s*(?P<y>\d{{4}})(?!\d))?")
        self.hijri = re.compile(
            rf"(?<![\w\d])(?:(?:[وفب]?ال\s?)?(?P<d>\d{{1,2}})|(?P<ord>[وف]?(?:{ordinal})))\s*(?:من\s+)?"
            rf"(?:شهر\s+)?(?P<m>{hijri})(?!\w)\s*(?:من\s+)?(?:عام|سنه|لعام)?\s*(?P<y>1[34]\d\d)(?!\d)\s*(?:ه|هـ)?")
        self.english_dmy = re.compile(
            rf"(?<![\w\d])(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s*(?:of\s+)?(?P<m>{en})\.?\s*,?\s*(?P<y>\d{{4}})(?!\d)",
            re.IGNORECASE)
        self.english_mdy = re.compile(
            rf"(?<![\w\d])(?P<m>{en})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s*(?P<y>\d{{4}})(?!\d)",
            re.IGNORECASE)
        self.relative_after = re.compile(
            r"\s*(?:من\s+)?(?P<rel>الماضي(?:ين)?|المنصرم|الفائت|المقبل|القادم|الجاري|الحالي|"
            r"العام\s+(?:الجاري|الحالي|الماضي|المقبل|القادم)|هذا\s+العام|السنه\s+(?:الجاريه|الحاليه|الماضيه|المقبله))")
        self.month_first = {k.split()[0] for k in self.month_of}
        self.hijri_first = {k.split()[0] for k in self.hijri_of}
        # first words of month names with the clitics they can carry (والـ10 من / لشهر / بيوليو)
        self.month_starts = {p + w for w in self.month_first for p in ("", "و", "ف", "ب", "ل", "شهر", "وب", "ول")}
        self.hijri_starts = {p + w for w in self.hijri_first for p in ("", "و", "ف", "ب", "ل", "شهر", "وب", "ول")}
        self.weekday = re.compile(rf"(?<!\w)(?:[وب]?(?:يوم\s+)?)(?P<w>{_alt(self.weekday_of)})(?!\w)")
        self.current_year = re.compile(
            r"(?:(?:العام|السنه|عام)\s+(?:الجاري|الحالي)|هذا\s+العام)\s*\(?\s*(?P<y>\d{4})(?!\d)"
            r"|(?:عام|العام)\s+(?P<y2>\d{4})\s+(?:الجاري|الحالي)")


_NUMERIC_HINT = re.compile(r"\d\s?[-/.]\s?\d")
NUMERIC_DMY = re.compile(r"(?<![\w\d./-])(?P<d>\d{1,2})\s?(?P<sep>[-/.])\s?(?P<m>\d{1,2})\s?(?P=sep)\s?(?P<y>\d{4})(?![\d])(?P<h>\s*(?:ه|هـ)(?!\w))?")
NUMERIC_YMD = re.compile(r"(?<![\w\d./-])(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![\d])(?P<h>\s*(?:ه|هـ)(?!\w))?")


def _space_key(name: str) -> str:
    return " ".join(name.split())


@lru_cache(maxsize=1)
def calendar() -> _Calendar:
    """The compiled calendar patterns (built once, on first use)."""
    return _Calendar()


def _hijri_to_gregorian(year: int, month: int, day: int) -> dt.date | None:
    try:
        from hijridate import Hijri
        return Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError, ImportError):
        return None


def _plausible(year: int | None) -> bool:
    return year is None or MIN_YEAR <= year <= MAX_YEAR


def find_dates(text: str, words=None, spans=None) -> list[DateMention]:
    """Every date mention in folded ``text``, in text order, without overlaps.

    ``words``: the words of ``text`` (``\\w+`` runs) when the caller has them already, and
    ``spans`` their offsets.
    """
    cal = calendar()
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    def add(m: DateMention) -> None:
        if free(m.start, m.end):
            taken.append((m.start, m.end))
            found.append(m)

    numeric = bool(_NUMERIC_HINT.search(text))
    for match in (NUMERIC_YMD.finditer(text) if numeric else ()):
        y, mo, d = int(match["y"]), int(match["m"]), int(match["d"])
        _add_numeric(add, match, y, mo, d)
    for match in (NUMERIC_DMY.finditer(text) if numeric else ()):
        y, mo, d = int(match["y"]), int(match["m"]), int(match["d"])
        if mo > 12 and d <= 12:          # 08/18/2024: month first
            mo, d = d, mo
        _add_numeric(add, match, y, mo, d)
    windows, hijri_windows = _month_windows(text, cal, words, spans)
    for match in _in_windows(cal.hijri, text, hijri_windows):
        day = _day(match, cal)
        month = cal.hijri_of[_space_key(match["m"])]
        greg = _hijri_to_gregorian(int(match["y"]), month, day) if day else None
        if greg:
            add(DateMention(match.start(), match.end(), greg.year, greg.month, greg.day,
                            calendar="hijri"))
    for pattern in ((cal.english_dmy, cal.english_mdy) if _ASCII_LETTER.search(text) else ()):
        for match in pattern.finditer(text):
            y = int(match["y"])
            if _plausible(y):
                add(DateMention(match.start(), match.end(), y,
                                cal.en_month_of[match["m"].lower()], int(match["d"])))
    for match in _in_windows(cal.arabic, text, windows):
        day = _day(match, cal)
        if not day or day > 31:
            continue
        year = int(match["y"]) if match["y"] else None
        if not _plausible(year):
            continue
        month = cal.month_of[_space_key(match["m1"])]
        mention = DateMention(match.start(), match.end(), year, month, day)
        _relative(mention, text, cal)
        add(mention)
    for match in _in_windows(cal.month_year, text, windows):
        year = int(match["y"]) if match["y"] else None
        if not _plausible(year):
            continue
        month = cal.month_of[_space_key(match["m1"])]
        if year is None and len(match["m1"]) <= 3 and not match["m2"]:
            continue   # "اب"/"ماي" alone are ordinary words (father, ...); need a year or a pair
        mention = DateMention(match.start(), match.end(), year, month, None)
        _relative(mention, text, cal)
        if year is None and mention.relative is None and not match["m2"]:
            continue   # a bare month name says nothing we can place
        add(mention)
    found.sort(key=lambda m: m.start)
    _share_years(found, text)
    for m in found:
        m.year_stated = m.year is not None
    return found


_ASCII_LETTER = re.compile(r"[A-Za-z]{3}")
_WINDOW_BEFORE, _WINDOW_AFTER = 40, 80


def _month_windows(text: str, cal: _Calendar, words=None,
                   spans=None) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Stretches of text around words that can start a month name.

    Running the date patterns (long alternations) over the whole text costs milliseconds per
    article; a set lookup per word finds the few places worth trying.
    """
    word_list = WORD_RE.findall(text) if words is None else words
    types = set(word_list)
    out = []
    for firsts in (cal.month_starts, cal.hijri_starts):
        if spans is not None and len(spans) == len(word_list):
            spots = [spans[i][0] for i in compress(range(len(word_list)), map(firsts.__contains__, word_list))] \
                if not types.isdisjoint(firsts) else []
        else:
            spots = sorted(m.start() for w in types & firsts
                           for m in re.finditer(rf"(?<!\w){w}(?!\w)", text))
        windows: list[tuple[int, int]] = []
        for pos in spots:
            lo, hi = max(0, pos - _WINDOW_BEFORE), pos + _WINDOW_AFTER
            if windows and lo <= windows[-1][1]:
                windows[-1] = (windows[-1][0], hi)
            else:
                windows.append((lo, hi))
        out.append(windows)
    return out[0], out[1]


def _in_windows(pattern: re.Pattern, text: str, windows: list[tuple[int, int]]):
    seen = set()
    for lo, hi in windows:
        for match in pattern.finditer(text, lo, min(hi, len(text))):
            if match.span() not in seen:
                seen.add(match.span())
                yield match


def _add_numeric(add, match, y: int, mo: int, d: int) -> None:
    if not 1 <= mo <= 12 or not 1 <= d <= 31:
        return
    if MIN_HIJRI <= y <= MAX_HIJRI or match["h"]:
        greg = _hijri_to_gregorian(y, mo, d)
        if greg:
            add(DateMention(match.start(), match.end(), greg.year, greg.month, greg.day,
                            calendar="hijri"))
        return
    if _plausible(y):
        add(DateMention(match.start(), match.end(), y, mo, d, calendar="numeric"))


def day_month_swapped(text: str, mention: DateMention) -> DateMention | None:
    """The numeric date of ``mention`` read with day and month exchanged (``10/4/1436`` written
    for 4 Shawwal), when that is a valid date; None for other forms."""
    match = NUMERIC_DMY.match(text, mention.start)
    if not match or match.end() != mention.end or match["d"] == match["m"]:
        return None
    found: list[DateMention] = []
    _add_numeric(found.append, match, int(match["y"]), int(match["d"]), int(match["m"]))
    return found[0] if found else None


def _day(match: re.Match, cal: _Calendar) -> int | None:
    if match["d"]:
        return int(match["d"])
    word = _space_key(match["ord"])
    if word[:1] in "وف" and word not in cal.ordinal_of:
        word = word[1:]
    return cal.ordinal_of.get(word)


_REL = {"الماضي": "past", "الماضيين": "past", "المنصرم": "past", "الفائت": "past",
        "المقبل": "next", "القادم": "next", "الجاري": "current", "الحالي": "current"}


def _relative(mention: DateMention, text: str, cal: _Calendar) -> None:
    if mention.year is not None:
        return
    m = cal.relative_after.match(text, mention.end)
    if not m:
        return
    rel = " ".join(m["rel"].split())
    if rel in _REL:
        mention.relative = _REL[rel]
    elif rel.endswith(("الجاري", "الحالي", "الجاريه", "الحاليه")) or rel == "هذا العام":
        mention.relative = "current_year"
    elif rel.endswith(("الماضي", "الماضيه")):
        mention.relative = "last_year"
    else:
        mention.relative = "next_year"
    mention.end = m.end()


_LIST_GAP = re.compile(r"^\s*(?:[,،]\s*)?(?:و\s*|ثم\s+|حتى\s+|الى\s+|-\s*)?$")


def _share_years(mentions: list[DateMention], text: str) -> None:
    """``11 يناير و26 نوفمبر 2021``: a yearless date joined to a dated one takes its year."""
    for i in range(len(mentions) - 2, -1, -1):
        cur, nxt = mentions[i], mentions[i + 1]
        if (cur.year is None and cur.relative is None and nxt.year is not None
                and nxt.start - cur.end <= 6 and _LIST_GAP.match(text[cur.end:nxt.start])):
            if cur.month <= nxt.month or nxt.day is None:
                cur.year = nxt.year
        elif (cur.year is None and cur.relative is None and nxt.relative is not None
                and nxt.start - cur.end <= 8 and _LIST_GAP.match(text[cur.end:nxt.start])):
            cur.relative = nxt.relative      # التاسع من تشرين الثاني والـ11 من كانون الثاني الماضيين


def weekday_near(text: str, start: int, end: int) -> int | None:
    """The weekday named in ``text[start:end]`` (Monday=0), if any."""
    m = calendar().weekday.search(text, start, end)
    return calendar().weekday_of[m["w"]] if m else None


def stated_current_year(text: str) -> int | None:
    """The year the text calls the current one (العام الجاري 2019 / عام 2019 الحالي)."""
    m = calendar().current_year.search(text)
    if not m:
        return None
    year = int(m["y"] or m["y2"])
    return year if _plausible(year) else None


def infer_year(mention: DateMention, text: str, mentions: list[DateMention],
               weekday: int | None) -> int | None:
    """The year of a yearless publication date where a careful reader could fix it.

    In order: the year the text calls current (``العام الجاري 2021``); the named weekday,
    taking the first year not before the latest fully dated event of the text that puts the
    day on that weekday (news reports past events, so the article is not older than them);
    otherwise None.
    """
    current = stated_current_year(text)
    if current:
        return current
    if weekday is None or mention.day is None:
        return None
    dated_years = [m.year for m in mentions if m is not mention and m.year and m.day]
    if not dated_years:
        return None
    floor = max(dated_years)
    for year in range(floor, floor + 8):
        try:
            if dt.date(year, mention.month, mention.day).weekday() == weekday:
                return year
        except ValueError:
            continue
    return None


def resolve_relative(mention: DateMention, article: dt.date | None) -> None:
    """Fill the year of a yearless mention marked الماضي / المقبل / الجاري from the article date."""
    if mention.year is not None or article is None or mention.relative is None:
        return
    day = mention.day or 1
    same_or_before = (mention.month, day) <= (article.month, article.day)
    if mention.relative == "past":
        mention.year = article.year if same_or_before and (mention.month, day) != (article.month, article.day) else article.year - 1
        if mention.day is None and mention.month == article.month:
            mention.year = article.year - 1
    elif mention.relative == "next":
        mention.year = article.year if not same_or_before else article.year + 1
    elif mention.relative in ("current", "current_year"):
        mention.year = article.year
    elif mention.relative == "last_year":
        mention.year = article.year - 1
    elif mention.relative == "next_year":
        mention.year = article.year + 1
