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
SECURITY_OPERATION = "security_operation"  # the store's type of an operation by security forces
_FAMILY = {
    "bombing": "attack", "suicide_bombing": "attack", "armed_attack": "attack", "assassination": "attack",
    "kidnapping": "kidnapping", "hijacking": "hijacking", "other": "other", SECURITY_OPERATION: "operation",
}


def stored_type(incident: dict) -> str:
    """The type the store and dashboard give a report: extraction's, except that an operation by security forces
    (extraction's "other" with its "operation" flag) is a type of its own, so it is never counted as an attack."""
    if incident.get("operation") and incident.get("type") in (None, "other"):
        return SECURITY_OPERATION
    return incident.get("type") or "other"


def stored_figures(incident: dict) -> tuple:
    """(killed, attackers_killed) as stored: for a security operation the dead extraction counts are those the
    operation killed (militants, by the benchmarks' convention), kept apart from victims as attackers killed."""
    killed, attackers = incident.get("killed"), incident.get("attackers_killed")
    if stored_type(incident) == SECURITY_OPERATION and killed is not None:
        return None, killed if attackers is None else max(killed, attackers)
    return killed, attackers


def same_event(a: dict, b: dict) -> bool:
    """True when two incident reports (type, date, place_id, lat, lon) describe one event."""
    if _FAMILY.get(stored_type(a)) != _FAMILY.get(stored_type(b)):
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
