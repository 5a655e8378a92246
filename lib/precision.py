"""ACLED-style precision codes of the exports, from the project's own precision labels (the one mapping).

geo_precision, from the kind of the place an incident is located at (lib.geo.KINDS):
    1  the site itself, or the town or city it is in ("exact site", "city or town")
    2  a part of a region near it: a district ("district")
    3  only a province or a larger region, or the country (ACLED has no coarser code)
time_precision, from the date's precision (lib.extract.dates.PRECISION_RANK):
    1  the day is known
    2  the week, or a span of a few days (our dates have no such precision yet)
    3  only the month, or only the year (ACLED has no coarser code)
A place of no known kind, or no date, has no code (blank).
"""
from __future__ import annotations

from lib import geo

GEO_PRECISION = {"poi": 1, "town": 1, "city": 1, "admin2": 2, "admin1": 3, "other": 3, "country": 3}
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}

assert set(GEO_PRECISION) == {k.name for k in geo.KINDS}, "every place kind needs a geo_precision code"


def geo_code(kind) -> int | None:
    """The geo_precision code of a place kind, or None."""
    return GEO_PRECISION.get(str(kind).lower()) if isinstance(kind, str) else None


def time_code(date_precision) -> int | None:
    """The time_precision code of a date precision ('day', 'month', 'year'), or None."""
    return TIME_PRECISION.get(str(date_precision).lower()) if isinstance(date_precision, str) else None
