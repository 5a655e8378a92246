"""A village below the gazetteer, or a namesake resolved elsewhere, with its district or province named: the incident
falls to that unit (its kind gives the honest precision), never to a namesake in another province or country."""
import re

import pytest

from lib.extract.incidents import find_incidents

# name -> (kind, country, admin1, lat, lon)
PLACES = {
    "Rosales": ("town", "CO", "35", 10.44, -75.37),  # a namesake in another department
    "Cauca": ("admin1", "CO", "09", 2.19, -76.93),
    "Lagos": ("city", "NG", "05", 6.45, 3.39),  # a namesake abroad
    "Boké prefecture": ("admin2", "GN", "01", 10.93, -14.29),
    "Tamba": ("town", "GN", "01", 10.95, -14.25),  # inside the prefecture named
    "Kech district": ("admin2", "PK", "02", 26.0, 63.0),
    "Guinea": ("country", "GN", None, 10.0, -11.0),
    "Kumba": ("city", "CM", "09", 4.64, 9.45),
    "Southwest region": ("admin2", "VI", "010", 17.73, -64.79),  # a unit resolved abroad
    "Cameroon": ("country", "CM", None, 6.0, 12.0),
}


def mentions(text):
    out = []
    for name, (kind, cc, admin1, lat, lon) in PLACES.items():
        for m in re.finditer(re.escape(name) + r"(?![\w])", text):
            if any(o["start"] <= m.start() < o["end"] for o in out):
                continue
            out.append({"start": m.start(), "end": m.end(), "surface": name, "name": name, "kind": kind,
                        "country_code": cc, "admin1": admin1, "lat": lat, "lon": lon, "place_id": "test:" + name})
    return sorted(out, key=lambda m: m["start"])


def site(text):
    [inc] = find_incidents(text, mentions(text), "2025-05-05")
    return inc["name"], inc["place_kind"]


@pytest.mark.parametrize("text, expected", [
    ("Log\n\nA bomb killed two police officers in Rosales, a village in the department of Cauca, on Sunday.",
     ("Cauca", "admin1")),
    ("Log\n\nGunmen killed four farmers in Lagos, a village in Boké prefecture, Guinea, on Sunday.",
     ("Boké prefecture", "admin2")),
    # the unit is the namesake abroad (the article's other places are the site's country): the site stays
    ("Log\n\nIn Cameroon, gunmen killed seven pupils at a school in Kumba, in the Southwest region, on Sunday.",
     ("Kumba", "city")),
    # a village the gazetteer lacks: the district it is said to be in
    ("Log\n\nGunmen killed four soldiers near the village of Gandoi in Kech district on Sunday.",
     ("Kech district", "admin2")),
    # the place resolved inside the unit named keeps its own, finer site
    ("Log\n\nGunmen killed four farmers in Tamba, a village in Boké prefecture, on Sunday.", ("Tamba", "town")),
])
def test_an_incident_falls_to_the_unit_its_place_is_said_to_lie_in(text, expected):
    assert site(text) == expected
