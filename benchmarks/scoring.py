"""Scoring shared by the evaluations: span matching, precision/recall/F1, distance figures, place matching."""
from __future__ import annotations

import math
import statistics

from lib.geo import km

# How far a predicted point may lie from a gold place of each kind and still be the same place.
TOLERANCE_KM = {"country": 500, "admin1": 300, "admin2": 100, "district": 100, "city": 30, "town": 30,
                "poi": 10, "region": 500}
DEFAULT_TOLERANCE_KM = 30
APPROXIMATE_TOLERANCE_KM = 50  # a gold point marked coord_approx is trusted no closer than this
LOG_LONGEST_ERROR = math.log(20039)  # half the Earth's circumference in km: the largest possible error


def prf(matched: int, predicted: int, gold: int, empty_is_perfect: bool = False) -> tuple[float, float, float]:
    """Precision, recall and F1; with empty_is_perfect, predicting nothing where nothing is gold scores 1."""
    nothing = 1.0 if empty_is_perfect and not predicted and not gold else 0.0
    precision = matched / predicted if predicted else nothing
    recall = matched / gold if gold else nothing
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def overlap_pairs(gold: list[dict], predicted: list[dict]) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs of overlapping spans: each gold span, in order,
    takes the first prediction not yet taken that overlaps it."""
    taken: set[int] = set()
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            if pi not in taken and p["start"] < g["end"] and g["start"] < p["end"]:
                taken.add(pi)
                pairs.append((gi, pi))
                break
    return pairs


def distance_figures(errors_km: list[float]) -> dict:
    """Acc@161, mean and median error in km, and the AUC of the log error curve (Gritta et al. 2018)."""
    if not errors_km:
        return {"acc161": 0.0, "mean_km": float("nan"), "median_km": float("nan"), "auc": float("nan")}
    return {"acc161": sum(d <= 161 for d in errors_km) / len(errors_km),
            "mean_km": statistics.mean(errors_km), "median_km": statistics.median(errors_km),
            "auc": statistics.mean(math.log(d + 1) / LOG_LONGEST_ERROR for d in errors_km)}


def surface_key(surface: str) -> str:
    """A surface form as it is compared: lower case, runs of white space as one space."""
    return " ".join(surface.lower().split())


def tolerance_km(kind: str, approximate: bool = False) -> float:
    """How far a prediction may be from a gold place of this kind (see TOLERANCE_KM)."""
    tolerance = TOLERANCE_KM.get(kind, DEFAULT_TOLERANCE_KM)
    return max(tolerance, APPROXIMATE_TOLERANCE_KM) if approximate else tolerance


def gold_tolerance_km(gold_place: dict) -> float:
    """The tolerance of a gold place of the incident corpora (its kind and coord_approx)."""
    return tolerance_km(gold_place["kind"], gold_place.get("coord_approx", False))


def match_places(predicted: list[dict], gold_places: list[dict]):
    """Match document-level places one to one: first by surface form, then by distance within the gold
    place's tolerance. Returns (surface pairs, distance pairs, unmatched predicted, unmatched gold), pairs as
    (predicted index, gold index) in gold order."""
    unmatched_p = list(range(len(predicted)))
    unmatched_g = list(range(len(gold_places)))
    by_surface, by_distance = [], []
    for gi in list(unmatched_g):
        forms = {surface_key(f) for f in gold_places[gi]["surface_forms"]}
        for pi in unmatched_p:
            if surface_key(predicted[pi]["surface"]) in forms:
                by_surface.append((pi, gi))
                unmatched_p.remove(pi)
                unmatched_g.remove(gi)
                break
    for gi in list(unmatched_g):
        g = gold_places[gi]
        tolerance = gold_tolerance_km(g)
        for pi in unmatched_p:
            if km(g["lat"], g["lon"], predicted[pi]["lat"], predicted[pi]["lon"]) <= tolerance:
                by_distance.append((pi, gi))
                unmatched_p.remove(pi)
                unmatched_g.remove(gi)
                break
    return by_surface, by_distance, unmatched_p, unmatched_g
