"""Event ids across articles: reports whose dates agree at the coarser precision share one event."""
import pytest

from lib.store import schema, write


def report(number: int, date, type_="bombing", place="geonames:1"):
    text = f"Report {number} of a bombing."
    document = {"id": f"doc{number}", "path": f"{number}.txt", "text": text, "title": text, "published": None}
    incident = {"type": type_, "date": date, "place_id": place, "lat": 30.0, "lon": 70.0, "name": "Quetta",
                "kind": "city", "country_code": "PK"}
    return document, [(0, len(text))], [], [incident]


@pytest.mark.parametrize("first, second, same", [
    ("2024-03-05", "2024-03-05", True),
    ("2024-03", "2024-03-05", True),
    ("2024-03-05", "2024-03", True),
    ("2024", "2024-03-05", True),
    ("2024-03-05", "2024", True),
    ("2024-03-05", "2024-03-06", False),
    ("2024-03", "2024-04-01", False),
    ("2023", "2024", False),
    (None, "2024-03-05", False),
])
def test_reports_share_an_event_when_their_dates_agree(tmp_path, first, second, same):
    db = schema.connect(tmp_path / "atlas.db")
    write.write_document(db, *report(1, first))
    write.write_document(db, *report(2, second))
    events = [r[0] for r in db.execute("SELECT event_id FROM incidents ORDER BY id")]
    assert (events[0] == events[1]) is same


def test_a_report_of_another_type_family_is_another_event_and_one_of_the_same_family_joins(tmp_path):
    db = schema.connect(tmp_path / "atlas.db")
    write.write_document(db, *report(1, "2024-03-05"))
    write.write_document(db, *report(2, "2024-03-05", type_="kidnapping"))
    write.write_document(db, *report(3, "2024-03-05", type_="armed_attack"))
    events = [r[0] for r in db.execute("SELECT event_id FROM incidents ORDER BY id")]
    assert events[0] != events[1] and events[2] == events[0]


@pytest.mark.parametrize("lat, lon, east_km, same", [
    (70.0, 20.0, 45, True), (70.0, 20.0, 60, False),      # far north a degree of longitude is short
    (0.0, 179.9, 40, True),                              # across the antimeridian
    (89.8, 0.0, 30, True),                               # at the pole every longitude is near
])
def test_reports_of_other_places_within_the_merge_distance_share_an_event(tmp_path, lat, lon, east_km, same):
    import math

    db = schema.connect(tmp_path / "atlas.db")
    first = report(1, "2024-03-05", place="geonames:1")
    second = report(2, "2024-03-05", place="geonames:2")
    first[3][0].update(lat=lat, lon=lon)
    shifted = lon + math.degrees(east_km / 6371 / math.cos(math.radians(lat)))
    second[3][0].update(lat=lat, lon=(shifted + 180) % 360 - 180)
    write.write_document(db, *first)
    write.write_document(db, *second)
    events = [r[0] for r in db.execute("SELECT event_id FROM incidents ORDER BY id")]
    assert (events[0] == events[1]) is same
