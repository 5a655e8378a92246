"""The dashboard keeps answering while a load writes to the same database (WAL)."""
import threading

from streamlit.testing.v1 import AppTest

from lib import load
from lib.load import load_paths
from tests.conftest import ROOT, SEEDS, synthetic_article, write_article
from tests.test_faults import stored_documents

BATCH = 200      # articles a transaction in this test, so that a load of ARTICLES makes several
ARTICLES = 600   # several transactions of the loader's batch, so the pause falls between the first and the last
PAUSE_AT = 250   # the article at which the load waits while the page is read


def overview_articles() -> int:
    """The Articles figure the Overview shows."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    articles = {m.label: m.value for m in at.metric}.get("Articles")
    assert articles is not None, [m.label for m in at.metric]
    return int(articles.replace(",", ""))


def test_the_overview_answers_with_what_is_committed_while_a_load_is_half_done(tmp_path, monkeypatch):
    folder = tmp_path / "articles"
    for number in range(ARTICLES):
        write_article(folder, f"a{number:04d}.txt", synthetic_article(number))
    db_path = tmp_path / "atlas.db"
    load_paths([SEEDS], db_path)
    monkeypatch.setenv("ATLAS_DB", str(db_path))
    monkeypatch.setattr(load, "BATCH", BATCH)

    paused, resume = threading.Event(), threading.Event()

    def progress(done, total, path):
        if done == PAUSE_AT:
            paused.set()
            resume.wait(300)

    outcome = {}
    loading = threading.Thread(target=lambda: outcome.update(
        report=load_paths([folder], db_path, progress=progress, workers=1)))
    loading.start()
    try:
        assert paused.wait(300), "the load never reached its pause"
        during = overview_articles()
        committed = stored_documents(db_path)
    finally:
        resume.set()
        loading.join(300)
    assert outcome["report"].loaded == ARTICLES, outcome["report"]
    assert 1 < during < ARTICLES + 1, during
    assert during == committed
    assert overview_articles() == ARTICLES + 1
