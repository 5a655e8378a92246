"""The dashboard keeps answering while a load writes to the same database (WAL)."""
import time

from streamlit.testing.v1 import AppTest

from lib.load import load_paths
from tests.conftest import ROOT, SEEDS, synthetic_article, write_article
from tests.test_faults import loader, stored_documents

ARTICLES = 1200  # several transactions of BATCH articles, so reads can fall between commits


def test_the_overview_answers_with_growing_counts_while_a_load_writes(tmp_path, monkeypatch):
    folder = tmp_path / "articles"
    for number in range(ARTICLES):
        write_article(folder, f"a{number:04d}.txt", synthetic_article(number))
    db_path = tmp_path / "atlas.db"
    load_paths([SEEDS], db_path)
    monkeypatch.setenv("ATLAS_DB", str(db_path))

    process = loader(folder, db_path, "--workers", "1")
    seen = []
    try:
        while process.poll() is None and len(seen) < 8:
            at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
            at.run()
            assert not at.exception, at.exception
            articles = {m.label: m.value for m in at.metric}.get("Articles")
            assert articles is not None, [m.label for m in at.metric]
            seen.append((int(articles.replace(",", "")), stored_documents(db_path)))
            time.sleep(0.2)
    finally:
        out, err = process.communicate(timeout=300)
    assert process.returncode == 0, err
    assert out.startswith(f"loaded {ARTICLES},")
    reads_during_load = [shown for shown, _ in seen if 1 < shown < ARTICLES + 1]
    assert reads_during_load, f"no read happened while the load was writing: {seen}"
    assert [shown for shown, _ in seen] == sorted(shown for shown, _ in seen)
