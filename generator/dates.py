"""Dates as readers see them: at their precision, never as a false exact day."""

from __future__ import annotations

import datetime

from .models import DateSpan, PartialDate

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
