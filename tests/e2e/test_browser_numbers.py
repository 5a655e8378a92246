"""The numbers in a real browser, on a database of the seed and benchmarks/articles/: the headline's killed is
the sum of the incidents table and of its CSV download; unknown figures are blank; a timeline bar's click
filters to its period."""
import base64
import csv
import io
import re

import pytest

from lib.paths import ROOT
from tests.e2e.conftest import build_database, exception_texts, open_page, shoot, start_dashboard, wait_for_app

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def news_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("news-db")
    path = folder / "atlas.db"
    build_database(ROOT / "seeds", path)
    build_database(ROOT / "benchmarks" / "articles", path)
    with start_dashboard(path, tmp_path_factory.mktemp("news-logs")) as url:
        yield url


def metric(page, label: str) -> str:
    box = page.locator('[data-testid="stMetric"]').filter(
        has=page.locator('[data-testid="stMetricLabel"]', has_text=re.compile(rf"^{re.escape(label)}$")))
    return box.locator('[data-testid="stMetricValue"]').inner_text().strip()


def all_grid_rows(page, nth: int = 0) -> tuple[list[str], list[list[str]], int]:
    """Every row of the nth st.dataframe (scrolled through, since only the visible rows are rendered)."""
    frame = page.locator('[data-testid="stDataFrame"]').nth(nth)
    frame.locator('table[role="grid"] td[role="gridcell"]').first.wait_for(state="attached")
    read = """el => { const t = el.querySelector('table[role="grid"]');
        return {header: [...t.querySelectorAll('thead th')].map(th => th.innerText.trim()),
                rows: [...t.querySelectorAll('tbody tr')].map(tr => [tr.getAttribute('aria-rowindex'),
                       ...[...tr.querySelectorAll('td')].map(td => td.innerText.trim())]),
                total: Number(t.getAttribute('aria-rowcount')) - 1}; }"""
    seen, header, total = {}, [], 0
    for _ in range(60):
        data = frame.evaluate(read)
        header, total = data["header"], data["total"]
        for index, *cells in data["rows"]:
            seen[index] = cells
        if len(seen) >= total:
            break
        frame.evaluate("el => { const s = el.querySelector('.dvn-scroller'); if (s) s.scrollTop += 200; }")
        page.wait_for_timeout(150)
    return header, [seen[k] for k in sorted(seen, key=int)], total


def download(page, label: str) -> tuple[str, list[dict]]:
    with page.expect_download() as info:
        page.get_by_role("button", name=label).click()
    file = info.value
    return file.suggested_filename, list(csv.DictReader(io.StringIO(open(file.path(), encoding="utf-8").read())))


def _number(text: str) -> int | None:
    text = text.replace(",", "").strip()
    return int(float(text)) if text not in ("", "–", "None") else None


def test_headline_killed_is_the_sum_of_the_incidents_table_and_of_its_csv(page, news_server):
    open_page(page, news_server)
    headline_incidents, headline_killed = _number(metric(page, "Incidents")), _number(metric(page, "Killed"))
    header, rows, total = all_grid_rows(page)
    assert len(rows) == total == headline_incidents > 10
    killed = header.index("killed")
    table_killed = sum(_number(r[killed]) or 0 for r in rows)
    name, csv_rows = download(page, "Download incidents (CSV)")
    shoot(page, "overview-numbers")
    assert name == "atlas-incidents-all.csv"
    assert len(csv_rows) == headline_incidents
    assert headline_killed == table_killed == sum(_number(r["killed"]) or 0 for r in csv_rows)
    assert {"geo_precision", "time_precision", "attackers_killed", "sources"} <= set(csv_rows[0])
    assert exception_texts(page) == []


def test_unknown_figures_are_blank_in_the_table_the_csv_and_the_note(page, news_server):
    open_page(page, f"{news_server}/?country=NG")
    header, rows, total = all_grid_rows(page)
    _, csv_rows = download(page, "Download incidents (CSV)")
    blank = [r for r in csv_rows if r["injured"] == ""]
    assert blank, "Nigeria's incidents include some that give no injured figure"
    injured = header.index("injured")
    assert sum(r[injured] == "" for r in rows) == len(blank)
    text = page.locator('[data-testid="stMain"]').inner_text()
    note = f"{len(blank)} incident{'s' if len(blank) != 1 else ''} without a figure"
    assert note in text
    hovers = page.evaluate("() => [...document.querySelectorAll('.js-plotly-plot')].flatMap(p => (p.data || [])"
                           ".flatMap(t => t.hovertext || []))")
    assert any("injured unknown" in h for h in hovers) and not any(", 0 injured" in h for h in hovers
                                                                    if "incidents without" not in h)


def test_a_click_on_a_timeline_bar_filters_to_its_period(page, news_server):
    open_page(page, f"{news_server}/Counts")
    before = re.search(r"(\d+) months with incidents match", page.locator('[data-testid="stMain"]').inner_text())
    assert before and int(before.group(1)) > 1
    chart = page.locator(".js-plotly-plot").last  # the timeline is the page's last chart
    chart.scroll_into_view_if_needed()
    bar = chart.locator("g.trace.bars").first.locator("g.point path").last
    box = bar.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2 - 3)
    page.wait_for_timeout(300)  # plotly picks the bar under the pointer on hover, then takes the click
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2 - 3)
    page.wait_for_function("() => /from=\\d{4}-\\d{2}-01/.test(location.search) && /to=/.test(location.search)")
    wait_for_app(page)
    shoot(page, "counts-timeline-clicked")
    text = page.locator('[data-testid="stMain"]').inner_text()
    assert "1 month with incidents matches the filters" in text
    sidebar = "".join(page.locator('[data-testid="stSidebar"]').inner_text().split())
    first, last = re.search(r"from=([\d-]+)&to=([\d-]+)", page.url).groups()
    assert f"From{first}To{last}" in sidebar  # the sidebar's date filter shows the clicked period
    assert exception_texts(page) == []


def test_the_brief_holds_the_filtered_incidents_and_their_map(page, news_server):
    open_page(page, f"{news_server}/?country=NG")
    _, rows, total = all_grid_rows(page)
    with page.expect_download() as info:
        page.get_by_role("button", name="Download a brief (map and table, HTML)").click()
    file = info.value
    text = open(file.path(), encoding="utf-8").read()
    assert file.suggested_filename == "atlas-brief-NG.html"
    body = text.split("<tbody>", 1)[1]
    assert body.count("<tr>") == total > 0
    assert "data:image/png;base64," in text
    assert not re.search(r"<(link|script|iframe)\b", text)
    png = base64.b64decode(re.search(r"data:image/png;base64,([A-Za-z0-9+/=]+)", text).group(1))
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
