"""Placement: the incident goes to the most specific place its own line or sentence gives, not to a place the
story names for another reason (where a statement was made, a line before)."""
from lib.extract.incidents import find_incidents


def _mentions(text, places):
    """Mentions of the given (surface, kind, country, lat, lon) places, each at its first occurrence after the last."""
    out, at = [], 0
    for surface, kind, cc, lat, lon in places:
        start = text.index(surface, at)
        at = start + len(surface)
        out.append({"start": start, "end": at, "surface": surface, "name": surface, "kind": kind, "country_code": cc,
                    "lat": lat, "lon": lon, "place_id": f"test:{surface}:{start}", "confidence": 0.9})
    return out


LOG = ("Burkina Faso, Sahel region: attack log, May 2024\n\n"
       "2024/05/03: Gunmen raided a market in Djibo, killing six traders.\n\n"
       "2024/05/09: A bomb exploded under a bus on the road to Gorom-Gorom, about 15 km north of Dori; two "
       "passengers were wounded.\n\n")


def test_a_town_a_log_line_places_its_event_near_is_the_site_over_another_lines_place():
    places = [("Burkina Faso", "country", "BF", 12.2, -1.6), ("Djibo", "town", "BF", 14.1, -1.63),
              ("Gorom-Gorom", "town", "BF", 14.44, -0.23), ("Dori", "town", "BF", 14.03, -0.03)]
    found = find_incidents(LOG, _mentions(LOG, places), None)
    assert [f["place_surface"] for f in found] == ["Djibo", "Dori"]


def test_a_town_named_as_west_of_another_is_placed_at_that_town_when_the_line_has_no_other():
    text = ("Niger attack summaries\n\n"
            "3/2/2023: A roadside bomb killed four soldiers at Tillia.\n\n"
            "3/8/2023: Militants abducted three herders from a camp west of Abala.\n\n")
    places = [("Niger", "country", "NE", 17.6, 8.1), ("Tillia", "town", "NE", 16.13, 4.79),
              ("Abala", "town", "NE", 14.93, 3.43)]
    found = find_incidents(text, _mentions(text, places), None)
    assert [f["place_surface"] for f in found] == ["Tillia", "Abala"]


def test_a_place_the_event_happened_in_beats_a_town_it_is_said_to_be_north_of():
    text = ("Raid\n\nGunmen attacked the village of Kerboule in Oudalan province, north of Dori, killing nine people "
            "on Sunday.")
    places = [("Kerboule", "town", "BF", 14.6, -0.4), ("Oudalan province", "admin1", "BF", 14.5, -0.3),
              ("Dori", "town", "BF", 14.03, -0.03)]
    [inc] = find_incidents(text, _mentions(text, places), "2024-05-06")
    assert inc["place_surface"] == "Kerboule"


def test_a_town_far_from_the_event_by_the_texts_own_distance_is_not_its_site():
    text = ("Blast\n\nNIAMEY, Niger — A bomb killed four soldiers on Monday at an outpost 180 km north of Tahoua, "
            "the army said.")
    places = [("NIAMEY", "city", "NE", 13.51, 2.11), ("Niger", "country", "NE", 17.6, 8.1),
              ("Tahoua", "city", "NE", 14.89, 5.27)]
    [inc] = find_incidents(text, _mentions(text, places), "2024-05-06")
    assert inc["place_surface"] != "Tahoua"


def test_the_city_of_a_later_line_is_the_storys_city_not_where_a_foreign_government_spoke():
    text = ("Blast at consulate\n\nNAIROBI, Kenya, March 4 — A bomb exploded at the gate of a foreign consulate in the "
            "Kenyan capital late on Monday, wounding two guards, police said.\n\n"
            "In Ottawa, the foreign ministry said its staff were safe and that the mission would reopen on Thursday.\n\n"
            "It was the second attack on a diplomatic building in the city this year.")
    places = [("NAIROBI", "city", "KE", -1.29, 36.82), ("Kenya", "country", "KE", 0.5, 38.0),
              ("Ottawa", "city", "CA", 45.42, -75.7)]
    [inc] = find_incidents(text, _mentions(text, places), "2024-03-04")
    assert inc["place_surface"] == "NAIROBI"


def test_the_country_an_embassy_belongs_to_is_not_where_it_was_attacked():
    text = ("Embassy attacked\n\nNAIROBI, Kenya, May 2 — A grenade thrown over the wall of the Netherlands embassy in "
            "Nairobi exploded on Monday night, wounding a guard, police said.")
    places = [("NAIROBI", "city", "KE", -1.29, 36.82), ("Kenya", "country", "KE", 0.5, 38.0),
              ("Netherlands", "country", "NL", 52.25, 5.75), ("Nairobi", "city", "KE", -1.29, 36.82)]
    [inc] = find_incidents(text, _mentions(text, places), "2024-05-02")
    assert inc["country_code"] == "KE" and inc["place_surface"].lower() == "nairobi"


def test_the_city_of_a_story_filed_from_abroad_is_the_city_the_story_is_about():
    text = ("Shelling\n\nADDIS ABABA, May 9 — Shelling hit the main market in Kadugli on Saturday, killing at least 12 "
            "people, medics said.\n\nEarly on Sunday, a drone struck a clinic in the city, killing two nurses.")
    places = [("ADDIS ABABA", "city", "ET", 9.02, 38.75), ("Kadugli", "city", "SD", 11.01, 29.72)]
    found = find_incidents(text, _mentions(text, places), "2024-05-09")
    assert [f["place_surface"] for f in found] == ["Kadugli", "Kadugli"]


def test_a_town_the_event_happened_near_is_its_site_even_after_the_road_it_led_to():
    text = ("Arson log\n\n"
            "2020-03-02: Hooded attackers set fire to two tractors at a farm outside Temuco.\n\n"
            "2020-03-06: A lorry was set alight on the road to Angol near Purén, and its driver was hurt.\n\n")
    places = [("Temuco", "city", "CL", -38.74, -72.6), ("Angol", "town", "CL", -37.8, -72.72),
              ("Purén", "town", "CL", -38.03, -73.07)]
    found = find_incidents(text, _mentions(text, places), None)
    assert [f["place_surface"] for f in found] == ["Temuco", "Purén"]


def test_where_a_kidnapped_woman_was_found_safe_is_not_where_she_was_taken():
    text = ("Carjacking\n\nA woman who was forced into her own car at knifepoint in Geelong on Monday night has been "
            "found unharmed near Ballarat, police say.")
    places = [("Geelong", "city", "AU", -38.15, 144.36), ("Ballarat", "town", "AU", -37.56, 143.85)]
    [inc] = find_incidents(text, _mentions(text, places), "2024-06-04")
    assert inc["place_surface"] == "Geelong"


def _with_admin1(places, admin1):
    return [{**m, "admin1": admin1} for m in places]


def test_a_town_of_the_gazetteer_beats_the_department_named_beside_it_whose_point_lies_far_off():
    text = ("Raid\n\nYAOUNDE, Cameroon — Suspected militants raided Koza, in Mayo-Tsanaga department, on Monday, "
            "killing four civilians.")
    places = [("YAOUNDE", "city", "CM", 3.87, 11.52), ("Cameroon", "country", "CM", 6.0, 12.0),
              ("Koza", "town", "CM", 10.87, 13.88), ("Mayo-Tsanaga department", "admin2", "CM", 11.5, 14.6)]
    [inc] = find_incidents(text, _with_admin1(_mentions(text, places), "12"), "2024-05-06")
    assert inc["place_surface"] == "Koza"


def test_a_town_an_attack_verb_takes_as_its_object_is_the_site_over_the_unit_after_it():
    text = "Raid\n\nGunmen stormed Kerboule, Oudalan province, on Sunday, killing nine people."
    places = [("Kerboule", "town", "BF", 14.6, -0.4), ("Oudalan province", "admin1", "BF", 14.5, -0.3)]
    [inc] = find_incidents(text, _with_admin1(_mentions(text, places), "60"), "2024-05-06")
    assert inc["place_surface"] == "Kerboule"


BENIN = ("Attack\n\nCOTONOU, Benin, May 6 — Gunmen attacked a police post in northern Benin before dawn on Sunday, "
         "killing four officers, the army said.\n\n{second}")
BENIN_PLACES = [("COTONOU", "city", "BJ", 6.37, 2.42), ("Benin", "country", "BJ", 9.5, 2.25),
                ("Benin", "country", "BJ", 9.5, 2.25)]


def test_the_next_sentence_naming_where_the_post_was_narrows_a_country_down_to_the_town():
    text = BENIN.format(second="The post, at Malanville, near the border with Niger, was overrun by dozens of fighters.")
    places = BENIN_PLACES + [("Malanville", "town", "BJ", 11.87, 3.39), ("Niger", "country", "NE", 16.0, 8.0)]
    [inc] = find_incidents(text, _mentions(text, places), "2024-05-06")
    assert inc["place_surface"] == "Malanville"


def test_a_town_a_later_sentence_names_for_something_else_does_not_narrow_the_site():
    text = BENIN.format(second="Troops sent from Kandi arrived later, and the wounded were flown to Parakou.")
    places = BENIN_PLACES + [("Kandi", "town", "BJ", 11.13, 2.94), ("Parakou", "city", "BJ", 9.34, 2.63)]
    [inc] = find_incidents(text, _mentions(text, places), "2024-05-06")
    assert inc["place_surface"] == "Benin"
