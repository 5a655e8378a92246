"""What a person reviewed shows: a confirmed or corrected place passes the 'reviewed' filter and says so in its
hover, and a corrected figure is named, with its note, in the incidents table and its downloads."""
import io
import json

import pandas as pd

from lib import charts, corrections, edits, export, store
from lib import filters as F
from lib.store import queries
from tests.test_rebuild import bombing, loaded  # noqa: F401 (a fixture)

REVIEWED = F.Filters(reviewed=True)


def confirm_first_quetta(db_path) -> tuple[str, int, str]:
    """Confirm (a fix to the place it already has) one mention of Quetta where its article's incident is placed;
    returns its article, start and place."""
    with edits.writing(db_path) as db:
        doc, start, place_id = db.execute("SELECT document_id, start, place_id FROM mentions m WHERE surface = 'Quetta' "
                                          "AND place_id IN (SELECT place_id FROM incidents i WHERE i.document_id = "
                                          "m.document_id) ORDER BY document_id, start").fetchone()
        edits.fix_place(db, corrections.csv_path_for(db_path), "Quetta", "mention", place_id=place_id,
                        document_id=doc, start=start, note="checked against the text")
    return doc, start, place_id


def test_nothing_is_reviewed_before_a_person_confirms_a_place(loaded):
    _, db_path = loaded
    db = store.connect(db_path, create=False)
    assert queries.mentions(db, REVIEWED).empty and queries.place_counts(db, REVIEWED).empty
    assert set(queries.place_counts(db)["reviewed"]) == {0}


def test_a_confirmed_place_is_the_reviewed_map_and_keeps_its_place(loaded):
    _, db_path = loaded
    doc, start, place_id = confirm_first_quetta(db_path)
    db = store.connect(db_path, create=False)
    reviewed = queries.mentions(db, REVIEWED)
    assert list(zip(reviewed["document_id"], reviewed["start"], reviewed["place_id"])) == [(doc, start, place_id)]
    places = queries.place_counts(db, REVIEWED)
    assert list(places["place_id"]) == [place_id]
    everywhere = queries.place_counts(db).set_index("place_id")
    assert everywhere.loc[place_id, "reviewed"] == 1 < everywhere.loc[place_id, "mentions"]
    incidents = queries.incident_reports(db, REVIEWED)
    assert set(incidents["document_id"]) == {doc} and set(incidents["place_id"]) == {place_id}


def test_the_hover_says_whether_a_place_is_reviewed():
    row = {"name": "Quetta", "kind": "city", "country_code": "PK", "mentions": 3, "articles": 2, "incidents": 0}
    assert "unreviewed" in charts.hover_text({**row, "reviewed": 0})
    assert "reviewed by a person" in charts.hover_text({**row, "reviewed": 3})
    assert "1 of 3 mentions reviewed" in charts.hover_text({**row, "reviewed": 1})
    assert "reviewed" not in charts.hover_text(row)


def test_the_reviewed_filter_has_its_url_name_and_words():
    filters, notices = F.parse({"reviewed": "1"})
    assert filters == REVIEWED and notices == []
    assert F.to_params(REVIEWED) == {"reviewed": "1"} and F.parse(F.to_params(REVIEWED))[0] == REVIEWED
    assert F.describe(REVIEWED) == "reviewed places only"
    filters, notices = F.parse({"reviewed": "perhaps"})
    assert filters == F.Filters() and "reviewed" in notices[0]


def test_a_corrected_figure_is_named_with_its_note_in_the_table_and_the_downloads(loaded):
    _, db_path = loaded
    with edits.writing(db_path) as db:
        key = bombing(db, "c_summary.txt")["key"]
        was = edits.sql.figure(db, edits.find_report(db, key), "killed")
        edits.fix_figure(db, key, "killed", "7", note="the text says seven")
    db = store.connect(db_path, create=False)
    table = queries.incident_table(db)
    marked = table[table["corrected"] != ""]
    assert len(marked) == 1
    assert marked.iloc[0]["corrected"] == f"killed {was if was is not None else 'unknown'} → 7 (the text says seven)"
    out = export.incidents_export(table)
    csv = pd.read_csv(io.BytesIO(export.to_csv(out)), keep_default_na=False)
    assert (csv["corrected"] != "").sum() == 1 and "the text says seven" in csv["corrected"].str.cat()
    features = json.loads(export.to_geojson(out))["features"]
    assert [f["properties"]["corrected"] for f in features if f["properties"]["corrected"]] == \
        [marked.iloc[0]["corrected"]]
