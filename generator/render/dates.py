"""Dates as readers see them: at their precision, never as a false exact day."""

from __future__ import annotations

import datetime

from generator.content.models import DateSpan, PartialDate

MONTHS = (
    "", "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
)  # fmt: skip
"""English month names by number: calendar.month_name follows the locale (and is slow)."""


def format_date(value: PartialDate | datetime.date) -> str:
    """'27 February 2019', 'February 2019' or '2019'."""
    if isinstance(value, datetime.date):
        return f"{value.day} {MONTHS[value.month]} {value.year}"
    if value.day is not None and value.month is not None:
        return f"{value.day} {MONTHS[value.month]} {value.year}"
    if value.month is not None:
        return f"{MONTHS[value.month]} {value.year}"
    return str(value.year)


def format_when(value: PartialDate | DateSpan) -> str:
    """How an event's date reads: its day, month or year, or the span's own label."""
    return value.label if isinstance(value, DateSpan) else format_date(value)


def describe_when(value: PartialDate | DateSpan) -> str:
    """A fuller wording for hover text: 'on 27 February 2019', 'around end of 2017'."""
    if isinstance(value, DateSpan):
        return (
            f"around {value.label} (between {format_date(value.start)} "
            f"and {format_date(value.end)})"
        )
    return {"day": "on", "month": "during", "year": "during"}[value.precision] + (
        f" {format_date(value)}"
    )


def machine_date(value: PartialDate | DateSpan) -> str:
    """The value of an HTML ``<time datetime>``: '2019-02-27', '2019-02', '2019'.

    A span gives its start: HTML has no way to say "around".
    """
    return str(value.start if isinstance(value, DateSpan) else value)


def range_parts(start: PartialDate, end: PartialDate) -> tuple[str, str, str]:
    """How a story's dates read, as (start, separator, end); end is '' for one date.

    What the two ends share is said once: '27–28 February 2019', '27 February – 3 March
    2019', '2002–2018', 'July 2015 – May 2018'.
    """
    if start == end:
        return format_date(start), "", ""
    both_days = start.precision == end.precision == "day"
    if both_days and (start.year, start.month) == (end.year, end.month):
        return str(start.day), "–", format_date(end)
    if both_days and start.year == end.year:
        return f"{start.day} {MONTHS[start.month or 0]}", " – ", format_date(end)
    if start.precision == end.precision == "year":
        return format_date(start), "–", format_date(end)
    return format_date(start), " – ", format_date(end)


def duration_phrase(start: PartialDate, end: PartialDate) -> str:
    """'about 3 years', 'over a year', or '' for a story shorter than a year.

    Counted in whole months from the first day the start can mean to the last day the end
    can mean, and rounded to the nearest year from a year and a half on: July 2015 to
    May 2018 is 'about 3 years', 2002 to 2018 'about 17 years'.
    """
    first, last = start.first_day, end.last_day
    months = (last.year - first.year) * 12 + last.month - first.month + (last.day >= 28)
    if months >= 18:
        return f"about {round(months / 12)} years"
    return "over a year" if months >= 12 else ""
