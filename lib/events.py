"""Which incident reports, from different articles, describe the same real event.

Three articles about one bombing must count as one incident with three sources, not three incidents:
otherwise every headline number grows with the news coverage. Two reports are one event when their types
belong to the same family, their dates agree at the coarser of the two precisions, and their places are
the same or close. A report without a date or a located place is never merged: it cannot be told apart
(so dates are compared with ``unknown=False``: across articles, a missing date is no sign of the same day).
"""
from lib.extract.dates import agree
from lib.geo import km

MERGE_KM = 50.0
_FAMILY = {
    "bombing": "attack", "suicide_bombing": "attack", "armed_attack": "attack", "assassination": "attack",
    "kidnapping": "kidnapping", "hijacking": "hijacking", "other": "other",
}


def same_event(a: dict, b: dict) -> bool:
    """True when two incident reports (type, date, place_id, lat, lon) describe one event."""
    if _FAMILY.get(a.get("type")) != _FAMILY.get(b.get("type")):
        return False
    if not agree(a.get("date"), b.get("date"), unknown=False):
        return False
    if a.get("place_id") and a.get("place_id") == b.get("place_id"):
        return True
    if None in (a.get("lat"), a.get("lon"), b.get("lat"), b.get("lon")):
        return False
    return km(a["lat"], a["lon"], b["lat"], b["lon"]) <= MERGE_KM


def family_types(type_: str | None) -> tuple[tuple, bool]:
    """The types whose reports can be this type's event, and whether that list is exclusive.

    (types, True): exactly these types; (types, False): any type except these (a type of no known family
    joins only other types of no known family), so that a store can narrow its candidates in SQL.
    """
    family = _FAMILY.get(type_)
    if family is None:
        return tuple(_FAMILY), False
    return tuple(t for t, f in _FAMILY.items() if f == family), True
