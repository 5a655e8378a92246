"""Browser tests: a real `streamlit run` on 127.0.0.1 over a fresh database, driven by Debian chromium.

Fixtures
- ``seed_server``: base URL of a dashboard serving a database built from seeds/ by the loader.
- ``start_dashboard(db_path)``: context manager for another server (used by the hostile-article test).
- ``browser_context``: one persistent chromium context for the session; every request whose host is not
  127.0.0.1 is aborted and recorded.
- ``page``: a fresh tab; the test fails when any request tried to leave the machine during it.

Screenshots go to test-artifacts/ (git-ignored) through ``shoot(page, name)``.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage",
]
LOCAL_HOSTS = {"127.0.0.1"}
SERVER_START_SECONDS = 60
PAGE_TIMEOUT_MS = 30_000


def pytest_collection_modifyitems(items):
    """Every test in this folder drives a browser: mark it e2e (they also carry the mark explicitly)."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.e2e)


# --- database and server ------------------------------------------------------------------------

def build_database(seeds_dir: Path, db_path: Path):
    """Load every article under seeds_dir into a new database at db_path with the project's loader."""
    from lib.load import load_paths

    report = load_paths([Path(seeds_dir)], Path(db_path))
    assert report.failed == 0, f"the loader failed on {report.problems}"
    assert report.loaded > 0, f"the loader found no article under {seeds_dir}"
    return report


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


@contextlib.contextmanager
def start_dashboard(db_path: Path, log_dir: Path, app: str = "app.py"):
    """Run `streamlit run app.py` on a free 127.0.0.1 port with ATLAS_DB=db_path; yield its base URL."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = dict(os.environ, ATLAS_DB=str(db_path), STREAMLIT_BROWSER_GATHER_USAGE_STATS="false",
               PYTHONUNBUFFERED="1")
    log_path = Path(log_dir) / f"streamlit-{port}.log"
    command = [sys.executable, "-m", "streamlit", "run", app,
               "--server.address", "127.0.0.1", "--server.port", str(port),
               "--server.headless", "true", "--browser.gatherUsageStats", "false",
               "--server.fileWatcherType", "none"]
    with open(log_path, "wb") as log:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + SERVER_START_SECONDS
        while not _healthy(url):
            if process.poll() is not None:
                raise RuntimeError(f"streamlit exited with {process.returncode}:\n{log_path.read_text()[-3000:]}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"streamlit did not answer in {SERVER_START_SECONDS} s:\n"
                                   f"{log_path.read_text()[-3000:]}")
            time.sleep(0.2)
        yield url
    finally:
        _stop(process)


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory) -> Path:
    """A fresh database built from seeds/ (never data/atlas.db)."""
    path = tmp_path_factory.mktemp("e2e-seed-db") / "atlas.db"
    build_database(SEEDS, path)
    return path


@pytest.fixture(scope="session")
def seed_server(seed_db, tmp_path_factory):
    with start_dashboard(seed_db, tmp_path_factory.mktemp("e2e-logs")) as url:
        yield url


# --- browser ------------------------------------------------------------------------------------

class OfflineGuard:
    """Aborts every request to a host other than 127.0.0.1 and remembers it."""

    def __init__(self):
        self.blocked: list[str] = []

    def is_local(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob", "about", "chrome", "chrome-extension", "devtools"):
            return True
        return parts.hostname in LOCAL_HOSTS

    def route(self, route):
        url = route.request.url
        if self.is_local(url):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort("blockedbyclient")

    def websocket(self, ws):
        if not self.is_local(ws.url):
            self.blocked.append(ws.url)


@pytest.fixture(scope="session")
def offline_guard():
    return OfflineGuard()


@pytest.fixture(scope="session")
def browser_context(tmp_path_factory, offline_guard):
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    ARTIFACTS.mkdir(exist_ok=True)
    profile = tmp_path_factory.mktemp("chromium-profile")
    downloads = tmp_path_factory.mktemp("downloads")
    with sync_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS,
            accept_downloads=True, downloads_path=str(downloads), viewport={"width": 1400, "height": 1600},
            service_workers="block",
        )
        context.set_default_timeout(PAGE_TIMEOUT_MS)
        context.route("**/*", offline_guard.route)
        context.on("page", lambda p: p.on("websocket", offline_guard.websocket))
        for existing in context.pages:
            existing.on("websocket", offline_guard.websocket)
        try:
            yield context
        finally:
            context.close()


@pytest.fixture
def page(browser_context, offline_guard, request):
    """A new tab; after the test, fail if any request tried to leave 127.0.0.1."""
    offline_guard.blocked.clear()
    tab = browser_context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.js_errors = errors
    try:
        yield tab
    finally:
        with contextlib.suppress(Exception):
            tab.close()
    blocked = list(offline_guard.blocked)
    offline_guard.blocked.clear()
    assert not blocked, f"{request.node.name}: requests tried to leave the machine: {blocked}"


# --- helpers shared by the tests ----------------------------------------------------------------

QUIET_JS = """() => {
    const busy = document.querySelector(
        '[data-testid="stStatusWidget"], [data-testid="stAppSkeleton"], [data-testid="stSkeleton"], '
        + '[data-testid="stSpinner"], [data-stale="true"]');
    const main = document.querySelector('[data-testid="stMain"]');
    const heading = main && main.querySelector('h1, h2, h3, [data-testid="stAlert"], [data-testid="stException"]');
    const size = document.getElementsByTagName('*').length + ':' + (main ? main.innerText.length : 0);
    if (busy || !heading || size !== window.__atlasSize) {
        window.__atlasSize = size; window.__atlasQuiet = 0; return false;
    }
    window.__atlasQuiet = (window.__atlasQuiet || 0) + 1;
    return window.__atlasQuiet >= 6;
}"""


def wait_for_app(page, timeout_ms: int = PAGE_TIMEOUT_MS) -> None:
    """Wait until the Streamlit script has finished: no placeholders left and the page unchanged for 0.6 s."""
    page.wait_for_selector('[data-testid="stAppViewContainer"]', timeout=timeout_ms)
    page.evaluate("() => { window.__atlasQuiet = 0; window.__atlasSize = null; }")
    page.wait_for_function(QUIET_JS, polling=100, timeout=timeout_ms)


MAPS_DRAWN_JS = """() => [...document.querySelectorAll('.js-plotly-plot')]
    .filter(plot => (plot.data || []).some(trace => trace.type === 'scattermap'))
    .every(plot => { const sub = plot._fullLayout && plot._fullLayout.map && plot._fullLayout.map._subplot;
                     const map = sub && sub.map;
                     return !!map && map.loaded() && map.areTilesLoaded(); })"""


def wait_for_maps(page, timeout_ms: int = PAGE_TIMEOUT_MS) -> None:
    """Wait until every MapLibre map on the page has loaded its style and tiles (fetched asynchronously)."""
    page.wait_for_function(MAPS_DRAWN_JS, polling=100, timeout=timeout_ms)


def open_page(page, url: str) -> None:
    page.goto(url, wait_until="domcontentloaded")
    wait_for_app(page)
    wait_for_maps(page)


def shoot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def exception_texts(page) -> list[str]:
    return [box.inner_text() for box in page.locator('[data-testid="stException"]').all()]


MARKERS_JS = """() => {
    const out = [];
    const plot = document.querySelector('.js-plotly-plot');
    if (!plot || !plot._fullLayout || !plot._fullLayout.map) return out;
    const map = plot._fullLayout.map._subplot.map;
    const box = map.getCanvas().getBoundingClientRect();
    (plot._fullData || []).forEach((trace, traceNumber) => {
        // the circles under the markers (their precision) take no hover or click: not markers
        if (trace.type !== 'scattermap' || trace.visible !== true || trace.hoverinfo === 'skip') return;
        (trace.lon || []).forEach((lon, i) => {
            const lat = trace.lat[i];
            const pixel = map.project([lon, lat]);
            const custom = trace.customdata ? trace.customdata[i] : null;
            const size = Array.isArray(trace.marker.size) ? trace.marker.size[i] : trace.marker.size;
            out.push({trace: traceNumber, name: trace.name, index: i,
                      customdata: Array.isArray(custom) ? custom[0] : custom, lon, lat,
                      x: box.left + pixel.x, y: box.top + pixel.y, size});
        });
    });
    return out;
}"""


def map_markers(page) -> list[dict]:
    """Every marker (hoverable and clickable) the page's first plotly map draws (its data, not its pixels: MapLibre paints a canvas):
    trace, point index, customdata, lon/lat and its centre on the page."""
    page.wait_for_function("() => !!document.querySelector('.js-plotly-plot')?._fullLayout?.map?._subplot?.map")
    return page.evaluate(MARKERS_JS)


def is_incident(marker: dict) -> bool:
    return str(marker["customdata"]).startswith("event:")


def marker_near(page, lat: float, lon: float, within: float = 0.5, layer: str | None = None) -> dict:
    """The marker closest to (lat, lon) (of layer 'incident' or 'place' when given), failing when none is
    within `within` degrees."""
    markers = [m for m in map_markers(page) if m["lat"] is not None
               and (layer is None or is_incident(m) == (layer == "incident"))]
    assert markers, "the map shows no markers"
    best = min(markers, key=lambda m: (m["lat"] - lat) ** 2 + (m["lon"] - lon) ** 2)
    assert abs(best["lat"] - lat) <= within and abs(best["lon"] - lon) <= within, (
        f"no marker within {within} degrees of {lat}, {lon}; closest: {best}")
    return best


LABELS_JS = """() => { const map = document.querySelector('.js-plotly-plot')._fullLayout.map._subplot.map;
    const layers = map.getStyle().layers.filter(l => l.id.startsWith('labels-')).map(l => l.id);
    return map.queryRenderedFeatures({layers}).length; }"""


def rendered_labels(page) -> int:
    """How many base-map names the first map draws, once it draws any (0 after the timeout)."""
    try:
        page.wait_for_function(f"() => ({LABELS_JS})() > 0", polling=200, timeout=10_000)
    except Exception:
        return 0
    return page.evaluate(LABELS_JS)


HOVERED_JS = """wanted => [...document.querySelectorAll('.js-plotly-plot')].some(plot =>
    (plot._hoverdata || []).some(point => {
        const custom = Array.isArray(point.customdata) ? point.customdata[0] : point.customdata;
        return wanted.includes(custom);
    }))"""


def click_marker(page, marker: dict, or_any_of: tuple = ()) -> None:
    """Hover the marker's centre until plotly reports that very point (or one of or_any_of: markers on the
    same spot, between which plotly picks) under the pointer, then click there.

    plotly picks the point nearest the pointer itself; a click before its (throttled) hover has caught up
    would select whatever was hovered on the way.
    """
    wanted = [marker["customdata"], *or_any_of]
    page.mouse.move(marker["x"], marker["y"])
    try:
        page.wait_for_function(HOVERED_JS, arg=wanted, polling=50, timeout=5_000)
    except Exception:
        page.mouse.move(marker["x"] + 1, marker["y"])  # a second, small move re-triggers the hover
        page.wait_for_function(HOVERED_JS, arg=wanted, polling=50, timeout=5_000)
    page.mouse.click(marker["x"], marker["y"])


def open_place(page, lat: float, lon: float) -> None:
    """Click the place marker nearest (lat, lon) and wait for its excerpts; when an incident lies on top of it,
    choose the place in the list of markers on that spot."""
    marker = marker_near(page, lat, lon, layer="place")
    click_marker(page, marker, or_any_of=tuple(m["customdata"] for m in map_markers(page)
                                               if abs(m["x"] - marker["x"]) < 1 and abs(m["y"] - marker["y"]) < 1))
    page.wait_for_selector(".st-key-excerpt_panel, .st-key-same_spot")
    wait_for_app(page)
    if page.locator(".st-key-excerpt_panel").count() == 0:
        page.locator(".st-key-same_spot button", has_text="Place:").first.click()
        page.wait_for_selector(".st-key-excerpt_panel")
        wait_for_app(page)
