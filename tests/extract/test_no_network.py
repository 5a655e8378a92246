"""With the online geocoder off (the default), loading and extracting open no network connection at all."""
import socket

import pytest

from tests.conftest import SEEDS, SEED_TEXT


class NetworkUsed(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch):
    """Make every way of reaching the network record the attempt and fail; yields the record."""
    calls = []

    def refuse(name):
        def guard(*args, **kwargs):
            calls.append((name, args[1:] if name.startswith("socket.connect") else args))
            raise NetworkUsed(f"{name} called with {args!r}")
        return guard

    monkeypatch.setattr(socket.socket, "connect", refuse("socket.connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("socket.connect_ex"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    return calls


def test_the_guard_itself_catches_a_connection_attempt(no_network):
    with pytest.raises(NetworkUsed):
        socket.create_connection(("127.0.0.1", 9))
    with socket.socket() as s, pytest.raises(NetworkUsed):
        s.connect(("127.0.0.1", 9))
    assert [name for name, _ in no_network] == ["create_connection", "socket.connect"]


def test_offline_geocoding_opens_no_socket(no_network):
    pytest.importorskip("lib.extract.gazetteer", reason="lib/extract/gazetteer is not importable yet")
    from lib.extract.geocoders import OfflineGeocoder

    geocoder = OfflineGeocoder()
    assert geocoder.geocode("Karachi").raw["country_code"] == "PK"
    assert geocoder.geocode("Hyderabad, Sindh", exactly_one=False)
    assert no_network == []


def test_extracting_the_seed_text_opens_no_socket(no_network):
    pytest.importorskip("lib.extract.places", reason="lib/extract/places is not importable yet")
    pytest.importorskip("lib.extract.incidents", reason="lib/extract/incidents is not importable yet")
    from lib.extract import extract

    result = extract(SEED_TEXT, "2025-03-26")
    assert result["mentions"], "the seed article names places"
    assert no_network == []


def test_a_full_load_of_the_seeds_opens_no_socket(no_network, tmp_path):
    pytest.importorskip("lib.extract.places", reason="lib/extract/places is not importable yet")
    pytest.importorskip("lib.extract.incidents", reason="lib/extract/incidents is not importable yet")
    from lib.load import load_paths

    report = load_paths([SEEDS], tmp_path / "atlas.db")
    assert report.failed == 0, report.problems
    assert report.loaded == 1 and report.mentions > 0
    assert report.fallbacks == []
    assert no_network == []
