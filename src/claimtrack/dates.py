"""Imprecise dates, as reporting gives them.

News rarely dates things to the day: "this month", "last year", "published on
or after 24 January". A `FuzzyDate` keeps the precision the text gave, written
in an EDTF-style form:

=============================  =========================================
``2025-01-24``                 a day
``2025-01``                    a month
``2025``                       a year
``2025-01-24/2025-01-31``      an interval (each end a day, month or year)
``2025-01-24/..``              on or after 24 January 2025
``../2025-01-31``              on or before 31 January 2025
``2025-01-24 (Friday)``        a day with the weekday the text states
=============================  =========================================

Comparisons distinguish what is *certain* from what is merely *possible*: a
date known only to the month is certainly before the next month, but only
possibly before a day in the same month.
"""

from __future__ import annotations

import calendar
import datetime
import enum
import functools
import re

import attrs

__all__ = ["FuzzyDate", "Weekday"]


def __dir__() -> list[str]:
    return list(__all__)


class Weekday(enum.Enum):
    """A day of the week, as a text may state it beside a date."""

    MONDAY = "Monday"
    TUESDAY = "Tuesday"
    WEDNESDAY = "Wednesday"
    THURSDAY = "Thursday"
    FRIDAY = "Friday"
    SATURDAY = "Saturday"
    SUNDAY = "Sunday"

    @classmethod
    def of(cls, day: datetime.date) -> Weekday:
        """Return the weekday *day* falls on."""
        return _WEEKDAYS[day.weekday()]


_WEEKDAYS = tuple(Weekday)
_WEEKDAY_NAMES = {day.value: day for day in Weekday}

_POINT = r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?"
_POINT_RE = re.compile(_POINT)
_FORM_RE = re.compile(
    r"(?P<edtf>[0-9./-]+)(?: \((?P<weekday>[A-Z][a-z]+)\))?",
)
_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _last_day(year: int, month: int) -> int:
    """Return the number of days in *month* of *year*."""
    if month == 2 and calendar.isleap(year):
        return 29
    return _MONTH_DAYS[month]


@functools.lru_cache(maxsize=4096)
def _parse_point(text: str) -> tuple[datetime.date, datetime.date]:
    """Return the first and last day of a day, month or year written in ISO form.

    Cached: the ends of intervals are mostly days a corpus also names alone.
    """
    match = _POINT_RE.fullmatch(text)
    if match is None:
        msg = f"expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got {text!r}"
        raise ValueError(msg)
    year_s, month_s, day_s = match.groups()
    year = int(year_s)
    if year == 0:
        msg = f"year 0000 does not exist, got {text!r}"
        raise ValueError(msg)
    if month_s is None:
        return datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    month = int(month_s)
    if not 1 <= month <= 12:
        msg = f"month must be 01-12, got {text!r}"
        raise ValueError(msg)
    last = _last_day(year, month)
    if day_s is None:
        return datetime.date(year, month, 1), datetime.date(year, month, last)
    day = int(day_s)
    if not 1 <= day <= last:
        msg = f"day must be 01-{last:02d} in {year:04d}-{month:02d}, got {text!r}"
        raise ValueError(msg)
    point = datetime.date(year, month, day)
    return point, point


def _weekday(value: Weekday | str | None) -> Weekday | None:
    if value is None or isinstance(value, Weekday):
        return value
    try:
        return _WEEKDAY_NAMES[value]
    except (KeyError, TypeError):
        names = ", ".join(day.value for day in Weekday)
        msg = f"weekday must be one of {names}, got {value!r}"
        raise ValueError(msg) from None


@attrs.frozen(kw_only=True)
class FuzzyDate:
    """A date known to a day, a month, a year, or only within an interval.

    Build one with `FuzzyDate.parse` or the named constructors; the text form is
    what files hold and what ``str()`` returns.

    Attributes:
        text: The canonical EDTF-style text, without the weekday.
        weekday: The weekday the source text states, if it states one; only a
            single day may carry one.
        earliest: The first day the date may be (`datetime.date.min` if open).
        latest: The last day the date may be (`datetime.date.max` if open).
    """

    text: str
    weekday: Weekday | None = attrs.field(default=None, converter=_weekday)
    earliest: datetime.date = attrs.field(init=False, eq=False, repr=False)
    latest: datetime.date = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        earliest, latest = _checked_bounds(self.text, self.weekday)
        object.__setattr__(self, "earliest", earliest)
        object.__setattr__(self, "latest", latest)

    @classmethod
    def parse(cls, text: str) -> FuzzyDate:
        """Read a date from its text form, e.g. ``"2025-01-24 (Friday)"``.

        Raises:
            ValueError: If *text* is not one of the forms in the module docs.
        """
        if not isinstance(text, str):
            msg = f"expected a date string, got {type(text).__name__}"
            raise TypeError(msg)
        if cls is FuzzyDate and type(text) is str:
            return _parse_shared(text)
        return _parse(cls, text)

    @classmethod
    def day(cls, day: datetime.date, *, weekday: Weekday | None = None) -> FuzzyDate:
        """Return the date of one known day."""
        return cls(text=day.isoformat(), weekday=weekday)

    @classmethod
    def between(cls, first: str | None, last: str | None) -> FuzzyDate:
        """Return an interval; ``None`` leaves that end open."""
        return cls(text=f"{first or '..'}/{last or '..'}")

    @property
    def is_interval(self) -> bool:
        """Whether the date is written as an interval."""
        return "/" in self.text

    @property
    def is_exact(self) -> bool:
        """Whether the date is known to the day."""
        return self.earliest == self.latest

    def certainly_before(self, other: FuzzyDate) -> bool:
        """Whether every day this may be falls before every day *other* may be."""
        return self.latest < other.earliest

    def possibly_before(self, other: FuzzyDate) -> bool:
        """Whether some day this may be falls before some day *other* may be."""
        return self.earliest < other.latest

    def weekday_mismatch(self) -> Weekday | None:
        """Return the true weekday if the stated one is certainly wrong, else None.

        Only a date known to the day can contradict its stated weekday.
        """
        if self.weekday is None or not self.is_exact:
            return None
        actual = Weekday.of(self.earliest)
        return None if actual is self.weekday else actual

    def __str__(self) -> str:
        if self.weekday is None:
            return self.text
        return f"{self.text} ({self.weekday.value})"


def _parse(cls: type[FuzzyDate], text: str) -> FuzzyDate:
    match = _FORM_RE.fullmatch(text)
    if match is None:
        msg = (
            "expected a date like '2025-01-24', '2025-01', '2025', "
            f"'2025-01-24/2025-01-31', '2025-01-24/..' or "
            f"'2025-01-24 (Friday)', got {text!r}"
        )
        raise ValueError(msg)
    weekday_s = match["weekday"]
    weekday = None
    if weekday_s is not None:
        try:
            weekday = _WEEKDAY_NAMES[weekday_s]
        except KeyError:
            names = ", ".join(day.value for day in Weekday)
            msg = f"weekday must be one of {names}, got {weekday_s!r} in {text!r}"
            raise ValueError(msg) from None
    if cls is not FuzzyDate:
        return cls(text=match["edtf"], weekday=weekday)
    return _made(match["edtf"], weekday)


def _made(text: str, weekday: Weekday | None) -> FuzzyDate:
    """Return ``FuzzyDate(text=text, weekday=weekday)`` for a parsed text.

    The same checks and the same fields as the constructor, without its
    generated ``__init__`` and weekday converter, which would cost more than
    the parsing itself: a file is read with thousands of distinct dates.
    """
    earliest, latest = _checked_bounds(text, weekday)
    date: FuzzyDate = _new(FuzzyDate)
    _set(date, "text", text)
    _set(date, "weekday", weekday)
    _set(date, "earliest", earliest)
    _set(date, "latest", latest)
    return date


_new = object.__new__
_set = object.__setattr__  # FuzzyDate is frozen: its own __setattr__ refuses


def _checked_bounds(
    text: str, weekday: Weekday | None
) -> tuple[datetime.date, datetime.date]:
    """Return the first and last day of *text*, refusing a misplaced weekday."""
    earliest, latest = _bounds(text)
    if weekday is not None and (earliest != latest or "/" in text):
        # A weekday pins one day; beside a month or an interval it would say
        # nothing a check could verify, so it is most likely a typing slip.
        msg = (
            f"a weekday can only accompany a single day (YYYY-MM-DD), "
            f"got {text!r} with {weekday.value}"
        )
        raise ValueError(msg)
    return earliest, latest


@functools.lru_cache(maxsize=8192)
def _parse_shared(text: str) -> FuzzyDate:
    """Parse *text*, sharing one instance per text: dates are immutable.

    A corpus repeats the same few thousand dates across many records, so this
    saves both the parsing and the memory of the copies.
    """
    return _parse(FuzzyDate, text)


def _bounds(text: str) -> tuple[datetime.date, datetime.date]:
    if not isinstance(text, str):
        msg = f"expected a date string, got {type(text).__name__}"
        raise TypeError(msg)
    if "/" not in text:
        return _parse_point(text)
    first, _, last = text.partition("/")
    if "/" in last:
        msg = (
            "expected a date like '2025-01-24' or an interval of two dates like "
            f"'2025-01-24/2025-01-31', got {text!r}"
        )
        raise ValueError(msg)
    if first == ".." and last == "..":
        msg = f"an interval needs at least one known end, got {text!r}"
        raise ValueError(msg)
    earliest = datetime.date.min if first == ".." else _parse_point(first)[0]
    latest = datetime.date.max if last == ".." else _parse_point(last)[1]
    if earliest > latest:
        msg = f"an interval must not end before it starts, got {text!r}"
        raise ValueError(msg)
    return earliest, latest
