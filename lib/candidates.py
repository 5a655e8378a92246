"""Why a mention was placed where it is: the gazetteer's candidates for its name, each with its country,
kind and population and the evidence the article gives for it, and the evidence that decided.

The resolver (lib.extract.resolve) weighs, strongest first: a qualifier beside the name, the countries the
article names, nearness to the other places it names, then kind and population. This module shows the
same evidence, read from what the database stores about the article, so a person can judge the choice.
"""
from __future__ import annotations

from lib import geo

KIND_LABEL = {"country": "country", "admin1": "province or state", "admin2": "district", "city": "city",
              "town": "town", "poi": "site", "other": "region"}


def _population(n) -> str:
    if not n:
        return "population unknown"
    if n >= 1_000_000:
        return f"population {n / 1e6:.1f} million"
    return f"population {int(n):,}"


def evidence(candidate: dict, surface: str, article_places: list[dict]) -> dict:
    """The article's evidence for one candidate: how often it names the candidate's country by other names,
    and how near the nearest other place it names lies."""
    others = [p for p in article_places if p["surface"].casefold() != surface.casefold()]
    cc = candidate.get("country_code")
    country_named = sum(1 for p in others if cc and p["country_code"] == cc)
    distances = [geo.km(candidate["lat"], candidate["lon"], p["lat"], p["lon"]) for p in others
                 if p.get("lat") is not None and candidate.get("lat") is not None and p["kind"] != "country"
                 and p["place_id"] != candidate.get("id")]
    return {"country_named": country_named, "nearest_km": round(min(distances)) if distances else None}


def explain(mention: dict, candidates: list[dict], article_places: list[dict]) -> dict:
    """{rows: one dict a candidate (chosen first), why: a sentence on what decided} for one stored mention.

    mention: lib.store.edits.mention_context(); candidates: gazetteer.candidates(surface).
    """
    surface = mention["surface"]
    chosen_id = mention.get("place_id")
    rows = []
    for c in candidates:
        ev = evidence(c, surface, article_places)
        rows.append({"place_id": c["id"], "name": c["name"], "kind": c.get("kind"),
                     "country_code": c.get("country_code"), "admin1": c.get("admin1"),
                     "population": c.get("population") or 0, "lat": c.get("lat"), "lon": c.get("lon"),
                     "own_name": bool(c.get("primary_name", True)), "country_named": ev["country_named"],
                     "nearest_km": ev["nearest_km"], "chosen": c["id"] == chosen_id})
    rows.sort(key=lambda r: (not r["chosen"],))
    return {"rows": rows, "why": _why(mention, rows)}


def _why(mention: dict, rows: list[dict]) -> str:
    """What decided the choice, in a sentence a person can check against the text."""
    if mention.get("resolved_by") == "correction":
        return "A person chose this place (a correction); the extractor's choice no longer applies."
    if not mention.get("place_id"):
        return "No place was chosen for this name."
    chosen = next((r for r in rows if r["chosen"]), None)
    if chosen is None:
        return (f"Placed at {mention.get('name')} ({mention.get('place_id')}), which the gazetteer does not "
                "list under this name: a curated place, a site, or the region named beside it.")
    rivals = [r for r in rows if not r["chosen"]]
    parts = [f"{KIND_LABEL.get(chosen['kind'], chosen['kind'])} in {chosen['country_code'] or 'no country'}, "
             f"{_population(chosen['population'])}"]
    if chosen["country_named"]:
        parts.append(f"the article names places in {chosen['country_code']} {chosen['country_named']} "
                     f"time{'s' if chosen['country_named'] != 1 else ''}")
    if chosen["nearest_km"] is not None and chosen["nearest_km"] < 400:
        parts.append(f"another place it names lies {chosen['nearest_km']} km away")
    if not rivals:
        return "The only place of this name in the gazetteer: " + "; ".join(parts) + "."
    rival = rivals[0]
    if chosen["country_named"] > rival["country_named"]:
        decided = f"the article's countries (it names {chosen['country_code']} more than {rival['country_code']})"
    elif (chosen["nearest_km"] or 1e9) < (rival["nearest_km"] or 1e9) and (chosen["nearest_km"] or 1e9) < 400:
        decided = "nearness to the other places the article names"
    elif geo.query_rank(chosen["kind"]) < geo.query_rank(rival["kind"]):
        decided = f"its kind ({KIND_LABEL.get(chosen['kind'], chosen['kind'])} before "\
                  f"{KIND_LABEL.get(rival['kind'], rival['kind'])})"
    elif chosen["population"] > rival["population"]:
        decided = "its population"
    else:
        decided = "the words around the name (a qualifier, or a word such as 'province' or 'the town of')"
    return (f"Chosen over {len(rivals)} other place{'s' if len(rivals) != 1 else ''} of this name, most likely by "
            f"{decided}: " + "; ".join(parts) + f". Confidence {mention.get('confidence')}.")
