"""Publication dates from the forms CMS exports write them in."""

from __future__ import annotations

import datetime as dt
import re

# 2024-03-01, 2024/3/1, 2024.03.01, 2024年3月1日, and ISO timestamps (the date part).
_DATE = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})(?!\d)")

# Unix timestamps above this are milliseconds.
_MILLISECONDS = 10**11


def parse_date(value: object) -> dt.date | None:
    """The calendar date in ``value`` (text, Unix seconds or milliseconds), or None when there is none."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        seconds = value / 1000 if value > _MILLISECONDS else value
        try:
            return dt.datetime.fromtimestamp(seconds, dt.timezone(dt.timedelta(hours=8))).date()
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str):
        return None
    stripped = value.strip()
    if stripped.isdigit() and len(stripped) in (10, 13):
        return parse_date(int(stripped))
    return find_date(stripped)


def find_date(text: str) -> dt.date | None:
    """The first valid calendar date written in ``text``."""
    for match in _DATE.finditer(text):
        try:
            return dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
        except ValueError:
            continue
    return None
