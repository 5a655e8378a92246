"""Check incident-corpus gold files against the conventions of the shared README.

Usage: python benchmarks/check_gold.py DIR [DIR ...]

For every NN_slug.json next to NN_slug.txt it checks that the JSON parses, that every surface form and
not_place string occurs in the article as a whole word (case-sensitive) and every incident sentence verbatim,
that place kinds, incident types and date precisions are from the allowed lists, that each incident's place
is a canonical name of the file with the same coordinates, that canonical names are unique and that there is
exactly one primary incident when there are incidents. Prints one line per problem; exit status 1 if any.
"""
import json
import pathlib
import re
import sys

KINDS = {"country", "admin1", "admin2", "district", "city", "town", "poi", "region"}
TYPES = {"bombing", "suicide_bombing", "armed_attack", "kidnapping", "hijacking", "assassination", "other"}
PRECISIONS = {"day": r"\d{4}-\d{2}-\d{2}", "month": r"\d{4}-\d{2}", "year": r"\d{4}"}
PLACE_KEYS = {"name", "surface_forms", "canonical", "kind", "country", "lat", "lon", "coord_approx",
              "incident_site", "metonymic"}
INCIDENT_KEYS = {"primary", "type", "type_alternatives", "date", "date_precision", "place", "lat", "lon",
                 "killed", "injured", "victims", "victim_nationality", "perpetrator", "sentence"}


def whole_word(s: str, text: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(s) + r"(?!\w)", text) is not None


def check_file(js: pathlib.Path) -> list[str]:
    errs = []
    txt = js.with_suffix(".txt")
    if not txt.exists():
        return [f"{js}: no article {txt.name}"]
    text = txt.read_text(encoding="utf-8")
    try:
        gold = json.loads(js.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        return [f"{js}: JSON does not parse: {e}"]
    name = js.stem
    pub = gold.get("published")
    if pub is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", pub):
        errs.append(f"{name}: published {pub!r} is not YYYY-MM-DD or null")
    if gold.get("title") != text.split("\n", 1)[0]:
        errs.append(f"{name}: title differs from line 1 of the article")
    dl = gold.get("dateline")
    if dl is not None and not text.split("\n")[2].startswith(dl):
        errs.append(f"{name}: dateline {dl!r} does not open the first paragraph")
    canon = {}
    for p in gold.get("places", []):
        missing = PLACE_KEYS - p.keys()
        if missing:
            errs.append(f"{name}: place {p.get('name')!r} lacks {sorted(missing)}")
        if p.get("kind") not in KINDS:
            errs.append(f"{name}: place {p.get('name')!r} has kind {p.get('kind')!r}")
        if p.get("canonical") in canon:
            errs.append(f"{name}: canonical {p.get('canonical')!r} is not unique")
        canon[p.get("canonical")] = p
        if p.get("name") not in p.get("surface_forms", []):
            errs.append(f"{name}: name {p.get('name')!r} not among its surface forms")
        for sf in p.get("surface_forms", []):
            if not whole_word(sf, text):
                errs.append(f"{name}: surface form {sf!r} not in the article")
        if p.get("country") is None and p.get("kind") != "region":
            errs.append(f"{name}: place {p.get('name')!r} has no country")
    for s in gold.get("not_places", []):
        if not whole_word(s, text):
            errs.append(f"{name}: not_place {s!r} not in the article")
    incs = gold.get("incidents", [])
    if incs and sum(bool(i.get("primary")) for i in incs) != 1:
        errs.append(f"{name}: {sum(bool(i.get('primary')) for i in incs)} primary incidents")
    for k, i in enumerate(incs):
        tag = f"{name}: incident {k}"
        missing = INCIDENT_KEYS - i.keys()
        if missing:
            errs.append(f"{tag} lacks {sorted(missing)}")
        if i.get("type") not in TYPES:
            errs.append(f"{tag} has type {i.get('type')!r}")
        for alt in i.get("type_alternatives", []):
            if alt not in TYPES or alt == i.get("type"):
                errs.append(f"{tag} has alternative {alt!r}")
        prec = i.get("date_precision")
        if prec not in PRECISIONS:
            errs.append(f"{tag} has precision {prec!r}")
        elif not re.fullmatch(PRECISIONS[prec], str(i.get("date"))):
            errs.append(f"{tag} date {i.get('date')!r} does not fit precision {prec}")
        p = canon.get(i.get("place"))
        if p is None:
            errs.append(f"{tag} place {i.get('place')!r} is not a canonical name")
        elif (p["lat"], p["lon"]) != (i.get("lat"), i.get("lon")):
            errs.append(f"{tag} coordinates differ from place {p['canonical']!r}")
        elif not p.get("incident_site"):
            errs.append(f"{tag} place {p['canonical']!r} is not marked incident_site")
        if i.get("sentence") not in text:
            errs.append(f"{tag} sentence not verbatim in the article")
        for f in ("killed", "injured", "attackers_killed"):
            v = i.get(f)
            if v is not None and not (isinstance(v, int) and v >= 0):
                errs.append(f"{tag} {f} {v!r} is not a count or null")
    return errs


def main(argv=None) -> int:
    dirs = (argv if argv is not None else sys.argv[1:]) or []
    if not dirs:
        print(__doc__)
        return 2
    errs, n = [], 0
    for d in dirs:
        for js in sorted(pathlib.Path(d).glob("*.json")):
            n += 1
            errs += check_file(js)
    for e in errs:
        print(e)
    print(f"{n} gold files, {len(errs)} problems")
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main())
