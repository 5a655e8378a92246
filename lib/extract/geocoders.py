"""Geocoders behind geopy's interface: the offline gazetteer, and an opt-in, cached online refiner.

- ``OfflineGeocoder`` answers ``geocode(query)`` with the extractor's resolver of bare names
  (``lib.extract.resolve.places_named`` over the gazetteer) as ``geopy.Location`` objects (``Location.raw``
  is the gazetteer's place dict). It has no network adapter at all: it cannot open a socket.
- ``OnlineRefiner(db, geocoder=None)`` (used by ``python -m lib.load --online``) asks a geopy geocoder
  (by default geopy's ``Nominatim``, through its ``RateLimiter``) about the mentions the gazetteer could
  not place or placed with low confidence. Every answer, "no result" included, is kept in the ``geocode_cache`` table and reused before
  any request. Failures (network down, time-out, HTTP 429, server errors) keep the offline answer, are not
  cached, are reported as notes, and switch the online geocoder off for the rest of the run.

Settings (environment):
    ATLAS_USER_AGENT        User-Agent sent to the online geocoder (default names this project)
    ATLAS_GEOCODER_DOMAIN   host[:port] of a Nominatim server (default: geopy's Nominatim default)
    ATLAS_GEOCODER_SCHEME   http or https (default https)
    ATLAS_GEOCODER_TIMEOUT  seconds per request (default 10)
    ATLAS_GEOCODER_MIN_CONFIDENCE  mentions placed offline below this confidence are asked (default 0.5)
"""
from __future__ import annotations

import functools
import os

from geopy.adapters import AdapterHTTPError, BaseSyncAdapter
from geopy.exc import (
    GeocoderQueryError,
    GeocoderRateLimited,
    GeocoderTimedOut,
    GeocoderUnavailable,
    GeopyError,
)
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location
from geopy.point import Point

from lib.extract import resolve

DEFAULT_USER_AGENT = "incident-atlas/0.1 (news incidents on a map; set ATLAS_USER_AGENT to add a contact)"
DEFAULT_TIMEOUT = 10.0
MIN_PUBLIC_DELAY = 1.0          # Nominatim's usage policy: at most one request per second
DEFAULT_MIN_CONFIDENCE = 0.5    # mentions placed offline below this are asked online


# ----------------------------------------------------------------------------------------------- offline

class _NoNetworkAdapter(BaseSyncAdapter):
    """A geopy adapter that refuses every request: the offline geocoder never opens a socket."""

    def __init__(self, *, proxies=None, ssl_context=None):
        super().__init__(proxies=proxies, ssl_context=ssl_context)

    def get_text(self, url, *, timeout, headers):
        raise GeocoderUnavailable("the offline geocoder makes no network requests")

    def get_json(self, url, *, timeout, headers):
        raise GeocoderUnavailable("the offline geocoder makes no network requests")


class OfflineGeocoder(Geocoder):
    """geopy's ``geocode()`` over the extractor's own bare-name resolver (``resolve.places_named``); answers
    are ``geopy.Location`` objects whose ``raw`` is the gazetteer's place dict.

    ``gazetteer`` is any object with ``candidates(name) -> list[dict]`` (default: the gazetteer, loaded on
    first use).
    """

    def __init__(self, gazetteer=None, *, user_agent=None, timeout=DEFAULT_SENTINEL):
        super().__init__(user_agent=user_agent, timeout=timeout, proxies={}, ssl_context=None,
                         adapter_factory=_NoNetworkAdapter)
        self._gazetteer = gazetteer

    @property
    def gazetteer(self):
        if self._gazetteer is None:
            from lib.extract import gazetteer
            self._gazetteer = gazetteer.load()
        return self._gazetteer

    def geocode(self, query, *, exactly_one=True, timeout=DEFAULT_SENTINEL, country_codes=None,
                limit=None):
        """Places named ``query``, best first: one ``Location`` (exactly_one), a list, or None.

        Qualifiers and ``country_codes`` narrow the answer as in ``lib.extract.resolve.places_named``.
        ``timeout`` is accepted for interface compatibility and unused.
        """
        places = resolve.places_named(query, self.gazetteer, country_codes)
        if not places:
            return None
        if exactly_one:
            return self._location(places[0])
        if limit:
            places = places[: int(limit)]
        return [self._location(p) for p in places]

    def _location(self, place: dict) -> Location:
        region = None
        admin1_name = getattr(self.gazetteer, "admin1_name", None)
        if place.get("kind") not in ("country", "admin1") and callable(admin1_name):
            region = admin1_name(place.get("country_code"), place.get("admin1"))
        address = ", ".join(x for x in (place.get("name"), region, place.get("country_code")) if x)
        return Location(address, Point(place["lat"], place["lon"]), dict(place))


# ----------------------------------------------------------------------------------------------- online

def _single_attempt_adapter_factory():
    """A geopy adapter factory that makes exactly one connection attempt per request (no retries)."""
    from geopy.adapters import RequestsAdapter, URLLibAdapter
    if RequestsAdapter.is_available:
        return functools.partial(RequestsAdapter, max_retries=0)
    return URLLibAdapter


def nominatim_from_env(*, user_agent=None, domain=None, scheme=None, timeout=None):
    """A geopy Nominatim configured from arguments, else ATLAS_* environment variables, else defaults."""
    from geopy.geocoders import Nominatim
    kwargs = {
        "user_agent": user_agent or os.environ.get("ATLAS_USER_AGENT") or DEFAULT_USER_AGENT,
        "scheme": scheme or os.environ.get("ATLAS_GEOCODER_SCHEME") or "https",
        "timeout": float(timeout if timeout is not None else os.environ.get("ATLAS_GEOCODER_TIMEOUT") or DEFAULT_TIMEOUT),
        "adapter_factory": _single_attempt_adapter_factory(),
        "proxies": None,
    }
    domain = domain or os.environ.get("ATLAS_GEOCODER_DOMAIN")
    if domain:
        kwargs["domain"] = domain
    if _is_loopback(domain):
        kwargs["proxies"] = {}     # a local server is reached directly, whatever the system proxy says
    return Nominatim(**kwargs)


def _is_loopback(domain) -> bool:
    host = (domain or "").rsplit("@", 1)[-1]
    host = host[1:].split("]")[0] if host.startswith("[") else host.split(":")[0]
    return host in ("127.0.0.1", "localhost", "::1")


def _default_domain() -> str:
    from geopy.geocoders import nominatim
    return nominatim._DEFAULT_NOMINATIM_DOMAIN


def kind_of(raw: dict) -> str:
    """Our place kind for a Nominatim answer, from its addresstype, class and type."""
    address_type = (raw.get("addresstype") or "").lower()
    cls = (raw.get("class") or raw.get("category") or "").lower()
    typ = (raw.get("type") or "").lower()
    for value in (address_type, typ):
        if value == "country":
            return "country"
        if value in ("state", "province", "region"):
            return "admin1"
        if value in ("county", "state_district", "district"):
            return "admin2"
        if value == "city":
            return "city"
        if value in ("town", "village", "hamlet", "suburb", "municipality", "city_district",
                     "neighbourhood", "quarter", "borough"):
            return "town"
    if cls in ("aeroway", "amenity", "building", "tourism", "man_made", "railway", "leisure",
               "historic", "shop", "office", "waterway", "bridge", "harbour", "military"):
        return "poi"
    if typ in ("port", "harbour", "aerodrome", "dam", "military", "station"):
        return "poi"
    if cls == "place" and typ in ("island", "islet", "archipelago"):
        return "other"
    if cls == "boundary" and typ == "administrative":
        return "admin2"
    return "other"


def place_from_answer(raw: dict) -> dict:
    """The mention fields a Nominatim answer gives: place_id, name, kind, country_code, lat, lon, ..."""
    address = raw.get("address") or {}
    name = raw.get("name") or (raw.get("display_name") or "").split(",")[0].strip() or None
    importance = raw.get("importance")
    try:
        importance = min(max(float(importance), 0.0), 1.0)
    except (TypeError, ValueError):
        importance = 0.0
    country_code = (address.get("country_code") or "").upper() or None
    return {
        "place_id": f"nominatim:{raw.get('osm_type') or 'place'}:{raw.get('osm_id') or raw.get('place_id')}",
        "name": name,
        "kind": kind_of(raw),
        "country_code": country_code,
        "admin1": None,          # our admin1 is a GeoNames code; Nominatim gives only a region name
        "lat": float(raw["lat"]),
        "lon": float(raw["lon"]),
        "population": None,
        "source": "nominatim",
        "confidence": round(0.6 + 0.3 * importance, 3),
    }


def _reason(error: BaseException, timeout) -> str:
    """A short human-readable reason for a failed online request."""
    if isinstance(error, GeocoderRateLimited):
        return "was rate-limited (HTTP 429)"
    if isinstance(error, GeocoderTimedOut):
        return f"timed out or was overloaded ({error}; timeout {timeout} s)"
    if isinstance(error, GeocoderUnavailable) or isinstance(error, OSError):
        return f"was unreachable ({error})"
    if isinstance(error, GeocoderQueryError):
        return f"rejected the query ({error})"
    return f"failed ({type(error).__name__}: {error})"


class OnlineRefiner:
    """Ask an online geocoder about the mentions the offline gazetteer could not place well.

    ``refine(mentions)`` updates mentions in place and returns one note per mention that kept its offline
    answer because the online geocoder failed (or had been switched off by an earlier failure in this
    run). A cached or fresh "no result" keeps the offline answer without a note: it is an answer.
    """

    def __init__(self, db, geocoder=None, *, provider=None, min_delay_seconds=MIN_PUBLIC_DELAY,
                 min_confidence=None, language="en"):
        self.db = db
        self.geocoder = geocoder if geocoder is not None else nominatim_from_env()
        domain = getattr(self.geocoder, "domain", None)
        public = domain in (None, _default_domain())
        if public:
            min_delay_seconds = max(min_delay_seconds, MIN_PUBLIC_DELAY)
        self.provider = provider or ("nominatim" if public else f"nominatim@{domain}")
        if min_confidence is None:
            min_confidence = float(os.environ.get("ATLAS_GEOCODER_MIN_CONFIDENCE") or DEFAULT_MIN_CONFIDENCE)
        self.min_confidence = min_confidence
        self.language = language
        self.geocode = RateLimiter(self.geocoder.geocode, min_delay_seconds=min_delay_seconds,
                                   max_retries=0, swallow_exceptions=False)
        self.requests = 0            # requests sent in this run
        self.broken: str | None = None   # the reason the online geocoder was switched off, if it was
        self._memo: dict[str, object] = {}

    def wants(self, mention: dict) -> bool:
        """Whether to ask online: unplaced, or placed below min_confidence (a person's correction never)."""
        if mention.get("source") == "correction" or not (mention.get("surface") or "").strip():
            return False
        if mention.get("lat") is None or mention.get("lon") is None:
            return True
        confidence = mention.get("confidence")
        return confidence is not None and confidence < self.min_confidence

    @staticmethod
    def query_for(mention: dict) -> str:
        return " ".join(mention["surface"].split())

    def refine(self, mentions: list) -> list[str]:
        notes = []
        for mention in mentions:
            if not self.wants(mention):
                continue
            query = self.query_for(mention)
            try:
                answer = self.answer(query)
            except _Failed as failure:
                notes.append(self._note(mention, failure.reason))
                continue
            if answer:
                mention.update(place_from_answer(answer))
        return notes

    def answer(self, query: str):
        """The raw Nominatim answer for query (dict), or None for "no result"; raises _Failed."""
        key = query.casefold()
        if key in self._memo:
            value = self._memo[key]
            if isinstance(value, _Failed):
                raise value
            return value
        try:
            value = _usable(self._cached(key))
            self._memo[key] = value
            return value
        except KeyError:
            pass
        if self.broken:
            raise _Failed(f"not asked: the online geocoder is off for this run, it {self.broken}")
        self.requests += 1
        try:
            location = self.geocode(query, exactly_one=True, addressdetails=True, language=self.language)
        except GeocoderQueryError as error:
            failure = _Failed(_reason(error, self.geocoder.timeout))   # this query only
            self._memo[key] = failure
            raise failure from error
        except (GeopyError, AdapterHTTPError, OSError) as error:
            self.broken = _reason(error, getattr(self.geocoder, "timeout", None))
            raise _Failed(f"{self.broken}; later mentions are not asked in this run") from error
        raw = dict(location.raw) if location is not None else None
        from lib import store
        store.save_answer(self.db, self.provider, key, raw)
        value = _usable(raw)
        self._memo[key] = value
        return value

    def _cached(self, key):
        from lib import store
        return store.cached_answer(self.db, self.provider, key)

    @staticmethod
    def _note(mention: dict, reason: str) -> str:
        where = f"{mention.get('surface')!r} at {mention.get('start')}-{mention.get('end')}"
        if mention.get("lat") is None:
            kept = "left it unplaced"
        else:
            kept = f"kept the offline answer {mention.get('place_id') or mention.get('name')}"
        return f"{where}: {kept}; the online geocoder {reason}"


def _usable(raw):
    """A cached/fresh answer if it has coordinates, else None (no result)."""
    if isinstance(raw, dict) and raw.get("lat") is not None and raw.get("lon") is not None:
        return raw
    return None


class _Failed(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


__all__ = ["OfflineGeocoder", "OnlineRefiner", "nominatim_from_env", "place_from_answer", "kind_of"]
