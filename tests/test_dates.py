from __future__ import annotations

import datetime
import re

import attrs
import pytest
from hypothesis import given

from claimtrack.dates import FuzzyDate, Weekday
from claimtrack.testing import fuzzy_dates


@pytest.mark.parametrize(
    ("text", "earliest", "latest"),
    [
        ("2025-01-24", datetime.date(2025, 1, 24), datetime.date(2025, 1, 24)),
        ("2025-01", datetime.date(2025, 1, 1), datetime.date(2025, 1, 31)),
        ("2024-02", datetime.date(2024, 2, 1), datetime.date(2024, 2, 29)),
        ("2025", datetime.date(2025, 1, 1), datetime.date(2025, 12, 31)),
        (
            "2025-01-24/2025-01-31",
            datetime.date(2025, 1, 24),
            datetime.date(2025, 1, 31),
        ),
        ("2024/2025-02", datetime.date(2024, 1, 1), datetime.date(2025, 2, 28)),
        ("2025-01-24/..", datetime.date(2025, 1, 24), datetime.date.max),
        ("../2025-01-31", datetime.date.min, datetime.date(2025, 1, 31)),
    ],
)
def test_parse_bounds(
    text: str, earliest: datetime.date, latest: datetime.date
) -> None:
    """Each written form covers exactly the days it names, open ends unbounded."""
    date = FuzzyDate.parse(text)
    assert (earliest, latest) == (date.earliest, date.latest)
    assert text == str(date)


def test_parse_weekday() -> None:
    """A stated weekday is kept apart from the date and written back after it."""
    date = FuzzyDate.parse("2025-01-24 (Friday)")
    expected = ("2025-01-24", Weekday.FRIDAY, "2025-01-24 (Friday)")
    assert expected == (date.text, date.weekday, str(date))


def test_friday_24_january_2025_is_right() -> None:
    """The article's "Friday 24 January 2025" has no weekday mismatch."""
    assert FuzzyDate.parse("2025-01-24 (Friday)").weekday_mismatch() is None


def test_thursday_24_january_2025_is_wrong() -> None:
    """A wrong weekday is reported with the weekday the day really falls on."""
    expected = Weekday.FRIDAY
    assert expected == FuzzyDate.parse("2025-01-24 (Thursday)").weekday_mismatch()


def test_weekday_of() -> None:
    """Weekday.of names the day of the week of a calendar date."""
    expected = Weekday.FRIDAY
    assert expected == Weekday.of(datetime.date(2025, 1, 24))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2025-02-30", "day must be 01-28 in 2025-02, got '2025-02-30'"),
        ("2024-02-30", "day must be 01-29 in 2024-02"),
        ("2025-13", "month must be 01-12, got '2025-13'"),
        ("2025-00", "month must be 01-12"),
        ("0000", "year 0000 does not exist"),
        ("2025-01-31/2025-01-01", "must not end before it starts"),
        ("../..", "needs at least one known end"),
        ("2025/2026/2027", "or an interval of two dates like"),
        ("2025-1-1", "expected a date as YYYY, YYYY-MM or YYYY-MM-DD"),
        ("", "expected a date like"),
        ("24 January 2025", "expected a date like"),
        ("2025-01-24 (Funday)", "weekday must be one of Monday, Tuesday"),
        ("2025-01-24 (friday)", "expected a date like"),
        ("2025-01 (Friday)", "a weekday can only accompany a single day"),
        ("2025-01-24/.. (Friday)", "a weekday can only accompany a single day"),
        ("2025-01-24/2025-01-24 (Friday)", "a weekday can only accompany"),
    ],
)
def test_parse_rejects(text: str, message: str) -> None:
    """Malformed or impossible dates are refused with a message that names them."""
    with pytest.raises(ValueError, match=re.escape(message)):
        FuzzyDate.parse(text)


def test_parse_rejects_non_text() -> None:
    """A date that is not text is a type error naming what was given."""
    with pytest.raises(TypeError, match="expected a date string, got int"):
        FuzzyDate.parse(20250124)  # type: ignore[arg-type]


def test_weekday_given_as_text() -> None:
    """The constructor accepts a weekday by its name, as files write it."""
    expected = Weekday.FRIDAY
    assert expected == FuzzyDate(text="2025-01-24", weekday="Friday").weekday


def test_weekday_unknown_name() -> None:
    """An unknown weekday name is refused, listing the seven names."""
    with pytest.raises(ValueError, match="weekday must be one of Monday"):
        FuzzyDate(text="2025-01-24", weekday="Fri")


def test_between_open_end() -> None:
    """FuzzyDate.between leaves a None end open."""
    expected = ("2025-01-24/..", "../2025-01")
    actual = (
        str(FuzzyDate.between("2025-01-24", None)),
        str(FuzzyDate.between(None, "2025-01")),
    )
    assert expected == actual


def test_day_constructor() -> None:
    """FuzzyDate.day makes an exact date, with the weekday if given."""
    date = FuzzyDate.day(datetime.date(2025, 1, 24), weekday=Weekday.FRIDAY)
    expected = "2025-01-24 (Friday)"
    assert expected == str(date)
    assert date.is_exact
    assert not date.is_interval


@pytest.mark.parametrize(
    ("first", "second", "certainly", "possibly"),
    [
        ("2025-01", "2025-02-01", True, True),
        ("2025-01", "2025-01-15", False, True),
        ("2025-01-15", "2025-01", False, True),
        ("2025-01-31", "2025-01", False, False),
        ("2025-01-24", "2025-01-24", False, False),
        ("2025-01-24/..", "2030", False, True),
        ("../2025-01-23", "2025-01-24", True, True),
        ("2025-02", "2025-01", False, False),
        ("2024", "2025-01-24/..", True, True),
    ],
)
def test_before(first: str, second: str, certainly: bool, possibly: bool) -> None:
    """Certainly-before needs every day to precede; possibly-before only one."""
    a, b = FuzzyDate.parse(first), FuzzyDate.parse(second)
    assert (certainly, possibly) == (a.certainly_before(b), a.possibly_before(b))


@given(fuzzy_dates())
def test_text_round_trip(date: FuzzyDate) -> None:
    """Parsing the printed form of any date gives the same date back."""
    assert date == FuzzyDate.parse(str(date))


@given(fuzzy_dates())
def test_parse_builds_what_the_constructor_builds(date: FuzzyDate) -> None:
    """Parsing builds a date without its constructor: every field still agrees.

    Equality leaves the bounds out, so they are compared here one by one.
    """
    parsed = FuzzyDate.parse(str(date))
    built = FuzzyDate(text=date.text, weekday=date.weekday)
    assert type(parsed) is FuzzyDate
    assert attrs.astuple(parsed) == attrs.astuple(built)


def test_parse_keeps_a_subclass() -> None:
    """A subclass parses into itself, through its own constructor and checks."""

    @attrs.frozen(kw_only=True)
    class Recent(FuzzyDate):
        def __attrs_post_init__(self) -> None:
            super().__attrs_post_init__()
            if self.earliest.year < 2000:
                msg = f"too old: {self.text}"
                raise ValueError(msg)

    parsed = Recent.parse("2025-01-24 (Friday)")
    assert type(parsed) is Recent
    assert (parsed.earliest, parsed.weekday) == (
        datetime.date(2025, 1, 24),
        Weekday.FRIDAY,
    )
    with pytest.raises(ValueError, match="too old: 1999"):
        Recent.parse("1999")


@given(fuzzy_dates(), fuzzy_dates())
def test_certainly_implies_possibly(a: FuzzyDate, b: FuzzyDate) -> None:
    """Whatever is certainly before is possibly before, and never both ways."""
    if a.certainly_before(b):
        assert a.possibly_before(b)
        assert not b.possibly_before(a)


@given(fuzzy_dates())
def test_bounds_ordered(date: FuzzyDate) -> None:
    """Every date's earliest day is on or before its latest day."""
    assert date.earliest <= date.latest
    assert not date.certainly_before(date)
