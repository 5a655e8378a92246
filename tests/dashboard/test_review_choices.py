"""The Review page's boxes list a short choice (the newest, or those matching the words a person types) and
say how many match, so a database of 100,000 articles never sends every incident and article to the browser;
an incident or article the address names is still opened."""
import pandas as pd
import pytest

from lib import store
from lib.dashboard import review
from lib.store import edits as edit_sql
from tests.dashboard.test_pages import open_page
from tests.dashboard.test_review import PAGE, db_path, shown  # noqa: F401  (the fixture)


@pytest.fixture
def db(db_path):  # noqa: F811
    handle = store.connect(db_path, create=False)
    yield handle
    handle.close()


def latest_dates(db) -> dict:
    return dict(db.execute("SELECT event_id, max(date) FROM incidents WHERE event_id IS NOT NULL GROUP BY 1"))


def test_the_short_list_holds_the_newest_incidents_and_counts_every_match(db):
    latest = latest_dates(db)
    assert len(latest) > 2
    events, total = edit_sql.event_choices(db, "", limit=2)
    assert total == len(latest) and len(events) == 2
    left_out = [d for e, d in latest.items() if e not in set(events["event_id"])]
    assert min(latest[e] or "" for e in events["event_id"]) >= max(d or "" for d in left_out)


def test_each_incident_listed_has_the_same_row_as_the_full_list(db):
    events, _ = edit_sql.event_choices(db, "", limit=3)
    full = edit_sql.event_list(db).set_index("event_id").loc[list(events["event_id"])].reset_index()
    pd.testing.assert_frame_equal(events.reset_index(drop=True), full)


def test_words_typed_narrow_the_incidents_to_those_a_report_of_matches(db):
    place, = db.execute("SELECT p.name FROM incidents i JOIN places p ON p.id = i.place_id LIMIT 1").fetchone()
    word = place.split()[0].lower()
    matching = {r[0] for r in db.execute(
        "SELECT i.event_id FROM incidents i LEFT JOIN places p ON p.id = i.place_id WHERE i.event_id IS NOT NULL "
        "AND (lower(p.name) LIKE ? OR lower(i.place_surface) LIKE ? OR i.type LIKE ? OR i.date LIKE ? "
        "OR i.event_id LIKE ?)", [f"%{word}%"] * 5)}
    events, total = edit_sql.event_choices(db, word.upper(), limit=100)
    assert total == len(matching) == len(events) and set(events["event_id"]) == matching
    assert edit_sql.event_choices(db, f"{word} no-such-word-anywhere", limit=100)[1] == 0


def test_a_wildcard_typed_matches_only_itself(db):
    assert edit_sql.event_choices(db, "%", limit=100)[1] == 0
    assert edit_sql.document_choices(db, "_", limit=100)[1] == 0


def test_an_incident_asked_for_comes_first_although_it_is_old(db):
    latest = latest_dates(db)
    oldest = min(latest, key=lambda e: latest[e] or "")
    events, total = edit_sql.event_choices(db, "", limit=1, include=(oldest, "no-such-event"))
    assert list(events["event_id"])[0] == oldest and len(events) == 2 and total == len(latest)


def test_the_article_list_is_the_newest_matching_and_keeps_one_asked_for(db):
    every = db.execute("SELECT id, title FROM documents ORDER BY published IS NULL, published DESC, title").fetchall()
    docs, total = edit_sql.document_choices(db, "", limit=2)
    assert docs == [tuple(r) for r in every[:2]] and total == len(every)
    oldest = tuple(every[-1])
    assert edit_sql.document_choices(db, "", limit=1, include=(oldest[0],))[0][0] == oldest
    word = oldest[1].split()[0]
    docs, total = edit_sql.document_choices(db, word.lower(), limit=100)
    assert oldest in docs and all(word.lower() in t.lower() or word.lower() in i for i, t in docs)


@pytest.fixture
def one_choice(monkeypatch):
    monkeypatch.setattr(review, "CHOICES", 1)


def test_the_page_lists_a_short_choice_and_says_how_to_narrow_it(db_path, db, one_choice):  # noqa: F811
    at = open_page(PAGE)
    assert len(at.selectbox(key="rv_event").options) == 1
    assert any("type more words" in c.value for c in at.caption)
    place, = db.execute("SELECT p.name FROM incidents i JOIN places p ON p.id = i.place_id "
                        "ORDER BY i.date LIMIT 1").fetchone()
    at.text_input(key="rv_event_find").input(place).run()
    assert not at.exception and any(f"matching “{place}”" in shown(c) for c in at.caption)
    chosen = at.selectbox(key="rv_event").value
    assert chosen in set(edit_sql.event_choices(db, place, limit=100)[0]["event_id"])


def test_the_address_opens_an_incident_and_an_article_beyond_the_short_list(db_path, db, one_choice):  # noqa: F811
    latest = latest_dates(db)
    oldest = min(latest, key=lambda e: latest[e] or "")
    at = open_page(PAGE, params={"event": oldest})
    assert at.selectbox(key="rv_event").value == oldest
    doc, mention = db.execute("SELECT d.id, m.id FROM mentions m JOIN documents d ON d.id = m.document_id "
                              "ORDER BY d.published IS NULL, d.published DESC LIMIT 1 OFFSET 1").fetchone()
    assert edit_sql.document_choices(db, "", limit=1)[0][0][0] != doc
    at = open_page(PAGE, params={"doc": doc, "mention": str(mention)})
    assert at.selectbox(key="rv_doc").value == doc and at.selectbox(key="rv_mention").value == mention


def test_words_typed_find_an_article_that_is_not_the_newest(db_path, db, one_choice):  # noqa: F811
    doc, title = db.execute("SELECT id, title FROM documents ORDER BY published IS NULL, published LIMIT 1").fetchone()
    at = open_page(PAGE)
    at.text_input(key="rv_doc_find").input(title).run()
    assert at.selectbox(key="rv_doc").value == doc
    count = edit_sql.document_choices(db, title, limit=100)[1]
    assert any(shown(c).startswith(f"{count} article{'s' if count != 1 else ''} matching") for c in at.caption)


def test_the_caption_says_how_many_match_and_how_to_narrow_a_long_list():
    assert review.narrowed("incidents", 1, 1, "quetta") == "1 incident matching “quetta”."
    assert review.narrowed("articles", 3, 3, "") == "3 articles."
    long = review.narrowed("articles", 200, 100101, "")
    assert long.startswith("The 200 newest of 100,101 articles;") and "type more words" in long
