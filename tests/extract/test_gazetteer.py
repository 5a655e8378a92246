"""The offline gazetteer: lookups, curated places, and the compiled cache."""
import marshal

import pytest

from lib.extract import gazetteer


@pytest.fixture(scope="session")
def gaz():
    return gazetteer.load()


def test_hainan_lookup_puts_the_province_first(gaz):
    cands = gaz.candidates("Hainan")
    assert cands[0]["kind"] == "admin1"
    assert cands[0]["country_code"] == "CN"
    assert abs(cands[0]["lat"] - 19.2) < 1.5 and abs(cands[0]["lon"] - 109.6) < 1.5


def test_lookup_is_case_and_accent_insensitive(gaz):
    assert gaz.candidates("KARACHI")[0]["id"] == gaz.candidates("karachi")[0]["id"]
    assert gaz.candidates("Sao Paulo") and gaz.candidates("São Paulo")


def test_candidate_dicts_have_the_documented_fields(gaz):
    c = gaz.candidates("Quetta")[0]
    for field in ("id", "name", "kind", "country_code", "admin1", "lat", "lon", "population", "source"):
        assert field in c
    assert c["country_code"] == "PK" and c["id"].startswith("geonames:")
    assert gaz.place(c["id"])["name"] == c["name"]
    assert gaz.place("geonames:does-not-exist") is None


def test_capital_outranks_namesakes(gaz):
    assert gaz.candidates("Islamabad")[0]["kind"] == "city"
    w = gaz.candidates("Washington")[0]
    assert w["country_code"] == "US" and abs(w["lat"] - 38.9) < 0.2


def test_country_centres_match_the_usual_points(gaz):
    for name, lat, lon in [("Pakistan", 30, 70), ("China", 35, 105), ("United States", 39.76, -98.5)]:
        c = gaz.candidates(name)[0]
        assert c["kind"] == "country"
        assert abs(c["lat"] - lat) < 3 and abs(c["lon"] - lon) < 3


def test_curated_places_win_over_package_places(gaz):
    us = gaz.candidates("US")
    assert [c["id"] for c in us] == ["geonames:6252001"]
    assert gaz.candidates("U.S.")[0]["id"] == "geonames:6252001"
    airport = gaz.candidates("Karachi airport")[0]
    assert airport["name"] == "Jinnah International Airport" and airport["source"] == "curated"
    assert abs(airport["lat"] - 24.9065) < 0.01 and abs(airport["lon"] - 67.1608) < 0.01
    assert gaz.candidates("Besham")[0]["country_code"] == "PK"
    assert gaz.candidates("Central Asia")[0]["kind"] == "other"


def test_iata_codes_are_not_names(gaz):
    assert not any(c["name"] == "Karachi" for c in gaz.candidates("KHI"))


def test_cache_fingerprint_follows_places_csv(tmp_path, monkeypatch, gaz):
    assert not gazetteer.is_stale()
    edited = tmp_path / "places.csv"
    edited.write_text(gazetteer.PLACES_CSV.read_text(encoding="utf-8") +
                      "user:test-town,Testtown,,town,PK,,30.0,70.0,10,test\n", encoding="utf-8")
    monkeypatch.setattr(gazetteer, "PLACES_CSV", edited)
    assert gazetteer.is_stale()


def test_stale_cache_is_rebuilt_on_load(tmp_path, monkeypatch):
    calls = []
    tiny = {"records": [("user:x", "Xtown", "town", "PK", None, 30.0, 70.0, 5, "curated", False)],
            "index": {"xtown": (1,)}, "prefixes": set(), "acronyms": set(), "admin1_names": {},
            "demonyms": [], "curated": [0], "common_words": []}

    def fake_build():
        calls.append(1)
        return dict(tiny)

    monkeypatch.setattr(gazetteer, "_build", fake_build)
    # an old cache with another fingerprint
    (tmp_path / gazetteer.CACHE_FILE).write_bytes(marshal.dumps({**tiny, "fingerprint": "old"}))
    (tmp_path / "gazetteer.fingerprint").write_text("old")
    g = gazetteer.load(tmp_path)
    assert calls == [1]
    assert (tmp_path / "gazetteer.fingerprint").read_text() == gazetteer.fingerprint()
    assert g.candidates("Xtown")[0]["id"] == "user:x"
    # a fresh cache is loaded, not rebuilt
    gazetteer._LOADED.clear()
    gazetteer.load(tmp_path)
    assert calls == [1]
    gazetteer._LOADED.clear()


def test_an_unwritable_cache_folder_builds_the_gazetteer_in_memory(tmp_path, capsys):
    from lib.extract import gazetteer

    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder should be")
    gaz = gazetteer.load(blocked / "cache")
    assert gaz.candidates("Karachi")[0]["country_code"] == "PK"
    assert "cannot write the gazetteer cache" in capsys.readouterr().err


def test_arabic_place_names_are_found_without_their_article():
    from lib.extract.gazetteer import without_article
    assert without_article("Ar Raqqah") == ["Raqqah", "Raqqa"]
    assert without_article("As Salt") == [] and without_article("Kirkuk") == []
    from lib.extract.places import find_places
    found = {m["surface"]: m for m in find_places("Drones struck a car near Qamishli, and shells hit Hawija "
                                                  "in northern Iraq.")}
    assert found["Qamishli"]["country_code"] == "SY" and found["Hawija"]["country_code"] == "IQ"


def test_arabic_names_take_both_spellings_of_a_final_a():
    from lib.extract.gazetteer import final_h_variants
    assert final_h_variants("Hodeida") == ["Hodeidah"] and final_h_variants("Jeddah") == ["Jedda"]
    assert final_h_variants("Gaza") == [] and final_h_variants("Kirkuk") == []
    from lib.extract.places import find_places
    found = {m["surface"]: m for m in find_places("Pilgrims crowded the shrines of Kerbelah on Friday, "
                                                  "officials in Baghdad said.")}
    assert found["Kerbelah"]["country_code"] == "IQ" and found["Kerbelah"]["name"] == "Karbala"


def test_a_districts_bare_name_is_an_alternate_name_of_the_district():
    from lib.extract.places import find_places
    found = {m["surface"]: m for m in find_places("Floods displaced 3,000 families in Gucha, western Kenya, "
                                                  "officials in Kenya said.")}
    assert found["Gucha"]["kind"] == "admin2" and found["Gucha"]["country_code"] == "KE"


@pytest.mark.parametrize("rank, expected", [
    ("listing", ["country", "capital", "other", "admin1", "city", "admin2", "town", "poi", "unknown"]),
    ("query", ["country", "admin1", "other", "capital", "city", "admin2", "town", "poi", "unknown"]),
])
def test_place_kinds_sort_in_the_documented_orders(rank, expected):
    from lib import geo

    order = geo.listing_rank if rank == "listing" else geo.query_rank
    kinds = [("city", True) if k == "capital" else (k, False) for k in expected]
    assert sorted(kinds, key=lambda k: order(*k)) == kinds


def _indexed(cache=None):
    from lib.extract import gazetteer_index

    return gazetteer_index.open_index(cache or gazetteer.DEFAULT_CACHE_DIR, gazetteer.fingerprint(),
                                      gazetteer.Gazetteer, gazetteer.PlaceRecord)


def test_the_indexed_gazetteer_answers_as_the_full_one(gaz):
    import random

    from tests.conftest import SEED_TEXT
    from lib.extract.places import find_places

    full = gazetteer.Gazetteer(marshal.loads((gazetteer.DEFAULT_CACHE_DIR / gazetteer.CACHE_FILE).read_bytes()))
    indexed = _indexed()
    assert indexed.indexed and not full.indexed
    rng = random.Random(11)
    for key in rng.sample(sorted(full.index), 500) + ["no such place anywhere"]:
        assert indexed.index.get(key, ()) == full.index.get(key, ())
        assert (key in indexed.prefixes) == (key in full.prefixes)
        assert [indexed.records[c >> 1] for c in full.index.get(key, ())] == \
            [full.records[c >> 1] for c in full.index.get(key, ())]
    for record in rng.sample(full.records, 200):
        assert indexed.place(record.id) == full.place(record.id)
    assert indexed.place("geonames:no-such-id") is None and len(indexed.records) == len(full.records)
    for name in ("acronyms", "admin1_names", "demonyms", "curated", "common_words", "max_tokens"):
        assert getattr(indexed, name) == getattr(full, name), name
    assert find_places(SEED_TEXT, indexed) == find_places(SEED_TEXT, full)
    assert indexed.candidates("Karachi") == full.candidates("Karachi")


def test_an_index_of_another_fingerprint_is_not_read(tmp_path, monkeypatch):
    from lib.extract import gazetteer_index

    tiny = {"records": [("user:x", "Xtown", "town", "PK", None, 30.0, 70.0, 5, "curated", False)],
            "index": {"xtown": (1,)}, "prefixes": {"x"}, "acronyms": set(), "admin1_names": {},
            "demonyms": [], "curated": [0], "common_words": [], "fingerprint": "old"}
    gazetteer_index.write_index(tmp_path, tiny)
    assert gazetteer_index.open_index(tmp_path, "new", gazetteer.Gazetteer, gazetteer.PlaceRecord) is None
    opened = gazetteer_index.open_index(tmp_path, "old", gazetteer.Gazetteer, gazetteer.PlaceRecord)
    assert opened.candidates("Xtown")[0]["capital"] is False and "x" in opened.prefixes


def test_an_indexed_load_is_kept_until_the_full_gazetteer_is_asked_for(tmp_path, monkeypatch):
    tiny = {"records": [("user:x", "Xtown", "town", "PK", None, 30.0, 70.0, 5, "curated", False)],
            "index": {"xtown": (1,)}, "prefixes": set(), "acronyms": set(), "admin1_names": {},
            "demonyms": [], "curated": [0], "common_words": []}
    monkeypatch.setattr(gazetteer, "_build", lambda: dict(tiny))
    gazetteer.build(tmp_path)
    try:
        first = gazetteer.load(tmp_path, indexed=True)
        assert first.indexed and gazetteer.load(tmp_path) is first
        whole = gazetteer.load(tmp_path, full=True)
        assert not whole.indexed and gazetteer.load(tmp_path, indexed=True) is whole
        assert whole.candidates("Xtown") == first.candidates("Xtown")
    finally:
        gazetteer._LOADED.pop(str(tmp_path.resolve()), None)


def test_a_miscoded_town_far_from_the_rest_of_its_region_does_not_move_the_regions_centre():
    from lib.extract.gazetteer import _without_strays
    lats = [15.5, 16.9, 15.2, 16.3, 15.7, 10.4]
    lons = [-0.5, -0.3, -0.3, 0.0, 0.5, -7.2]
    kept = _without_strays(lats, lons)
    assert kept == ([15.5, 16.9, 15.2, 16.3, 15.7], [-0.5, -0.3, -0.3, 0.0, 0.5])


def test_a_region_spread_evenly_keeps_every_town():
    from lib.extract.gazetteer import _without_strays
    lats = [30.0, 31.0, 32.0, 33.0, 34.0, 35.0]
    lons = [-100.0, -98.0, -96.0, -94.0, -92.0, -90.0]
    assert _without_strays(lats, lons) == (lats, lons)


def test_the_gao_region_lies_around_its_own_towns():
    from lib.extract import gazetteer
    from lib.geo import km
    region = next(c for c in gazetteer.load().candidates("Gao") if c["kind"] == "admin1")
    assert km(region["lat"], region["lon"], 16.27, -0.04) < 200  # Gao town, the region's seat


def test_a_curated_place_does_not_hide_a_major_city_of_its_name():
    from lib.extract.gazetteer import load
    found = {(c["country_code"], c["kind"]) for c in load().candidates("Surrey")}
    assert ("GB", "admin2") in found and ("CA", "city") in found


def test_a_major_city_beside_its_provinces_abbreviation_is_that_city():
    from lib.extract.places import find_places
    found = find_places("SURREY, B.C. — A man was shot outside his home on Friday night.")
    assert (found[0]["name"], found[0]["country_code"]) == ("Surrey", "CA")
    england = find_places("A man was stabbed in Woking, Surrey, on Friday.")
    assert [(m["name"], m["country_code"]) for m in england][-1] == ("Surrey", "GB")
