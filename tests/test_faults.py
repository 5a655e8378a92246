"""Faults during loads: killed loads, two loads at once, damaged databases, and rebuilds that keep hand-made data."""
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from lib import corrections, store
from lib.load import LoadBusy, exclusive, load_paths, main
from tests.conftest import ROOT, SEEDS, synthetic_article, table_rows, write_article

ARTICLES = 2000


@pytest.fixture(scope="module")
def big_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("many")
    for number in range(ARTICLES):
        write_article(folder, f"a{number:05d}.txt", synthetic_article(number))
    return folder


@pytest.fixture(scope="module")
def uninterrupted(big_folder, tmp_path_factory):
    path = tmp_path_factory.mktemp("clean") / "atlas.db"
    report = load_paths([big_folder], path)
    assert report.loaded == ARTICLES and report.failed == 0
    return path


def loader(folder, db_path, *extra):
    return subprocess.Popen(
        [sys.executable, "-m", "lib.load", str(folder), "--db", str(db_path), *extra],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def stored_documents(db_path) -> int:
    try:
        conn = sqlite3.connect(db_path, timeout=5)
        return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return 0


def assert_every_article_whole(db_path):
    """Each stored article has its sentences, and its mentions and incidents point inside its text."""
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    lonely = conn.execute(
        "SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.document_id = d.id)"
    ).fetchone()[0]
    orphans = conn.execute(
        "SELECT count(*) FROM mentions m WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = m.document_id)"
    ).fetchone()[0]
    assert (lonely, orphans) == (0, 0)
    for text, start, end, surface in conn.execute(
        "SELECT d.text, m.start, m.[end], m.surface FROM mentions m JOIN documents d ON d.id = m.document_id"
    ):
        assert text[start:end] == surface


def test_a_load_killed_half_way_leaves_whole_articles_and_a_rerun_matches_an_uninterrupted_load(
    big_folder, uninterrupted, tmp_path
):
    db_path = tmp_path / "atlas.db"
    process = loader(big_folder, db_path)
    deadline = time.monotonic() + 120
    while stored_documents(db_path) < ARTICLES // 4 and time.monotonic() < deadline:
        assert process.poll() is None, process.stderr.read()
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    killed_at = stored_documents(db_path)
    assert 0 < killed_at < ARTICLES
    assert_every_article_whole(db_path)

    report = load_paths([big_folder], db_path)
    assert report.unchanged == killed_at and report.loaded == ARTICLES - killed_at and report.failed == 0
    assert table_rows(db_path) == table_rows(uninterrupted)


def test_a_second_load_waits_for_the_first_and_both_finish_cleanly(big_folder, uninterrupted, tmp_path):
    db_path = tmp_path / "atlas.db"
    first = loader(big_folder, db_path)
    while stored_documents(db_path) == 0:
        time.sleep(0.05)
    second = loader(big_folder, db_path, "--wait", "300")
    out_first, _ = first.communicate(timeout=300)
    out_second, _ = second.communicate(timeout=300)
    assert first.returncode == 0 and second.returncode == 0
    assert out_first.startswith(f"loaded {ARTICLES},")
    assert out_second.startswith(f"loaded 0, unchanged {ARTICLES},")
    assert table_rows(db_path) == table_rows(uninterrupted)


def test_a_load_that_cannot_wait_stops_with_a_clear_message(tmp_path, capsys):
    db_path = tmp_path / "atlas.db"
    with exclusive(db_path, 0):
        status = main([str(SEEDS), "--db", str(db_path), "--wait", "0"])
    assert status == 2
    assert "another load is writing" in capsys.readouterr().err
    assert not db_path.exists() or stored_documents(db_path) == 0
    with exclusive(db_path, 0):
        with pytest.raises(LoadBusy):
            load_paths([SEEDS], db_path, wait_seconds=0.3)


def damage(kind, path):
    if kind == "truncated":
        load_paths([SEEDS], path)
        data = path.read_bytes()
        for suffix in ("-wal", "-shm"):
            if os.path.exists(str(path) + suffix):
                os.remove(str(path) + suffix)
        path.write_bytes(data[: len(data) // 3] if len(data) > 8192 else data[:100])
    elif kind == "garbage":
        path.write_bytes(os.urandom(50_000))
    elif kind == "other schema version":
        load_paths([SEEDS], path)
        conn = sqlite3.connect(path)
        conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
        conn.commit()
        conn.close()
    elif kind == "another program's tables":
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
        conn.commit()
        conn.close()


@pytest.mark.parametrize("kind", ["truncated", "garbage", "other schema version", "another program's tables"])
def test_a_damaged_database_is_explained_with_how_to_rebuild(tmp_path, capsys, kind):
    db_path = tmp_path / "atlas.db"
    damage(kind, db_path)
    before = db_path.read_bytes()
    status = main([str(SEEDS), "--db", str(db_path)])
    err = capsys.readouterr().err
    assert status == 2
    assert "error:" in err and "--rebuild" in err and "Traceback" not in err
    assert db_path.read_bytes() == before
    with pytest.raises(store.StoreError):
        store.connect(db_path, readonly=True)


def test_rebuild_keeps_the_old_file_aside_and_the_corrections_people_made(tmp_path, capsys):
    db_path = tmp_path / "atlas.db"
    load_paths([SEEDS], db_path)
    db = store.connect(db_path)
    corrections.add(db, corrections.csv_path_for(db_path), "Beijing", "user:test-beijing-override", note="test")
    db.close()
    damage("garbage", db_path)
    assert main([str(SEEDS), "--db", str(db_path), "--rebuild"]) == 0
    assert (tmp_path / "atlas.db.bak").exists()
    db = store.connect(db_path, create=False)
    kept = [(r["surface"], r["place_id"], r["note"]) for r in store.corrections(db)]
    assert kept == [("Beijing", "user:test-beijing-override", "test")]


def test_a_correction_decides_the_place_of_its_surface_on_later_loads(tmp_path):
    db_path = tmp_path / "atlas.db"
    db = store.connect(db_path)
    corrections.add(db, corrections.csv_path_for(db_path), "Islamabad", "user:besham", note="test")
    db.close()
    load_paths([SEEDS], db_path)
    db = store.connect(db_path, create=False)
    rows = db.execute(
        "SELECT m.place_id, p.name, m.source FROM mentions m JOIN places p ON p.id = m.place_id WHERE surface = 'Islamabad'"
    ).fetchall()
    assert rows and set(rows) == {("user:besham", "Besham", "correction")}


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to drop to another user for a read-only file")
def test_a_read_only_database_is_explained():
    tmp_path = Path(tempfile.mkdtemp(prefix="atlas-ro-", dir="/tmp"))
    db_path = tmp_path / "atlas.db"
    load_paths([SEEDS], db_path)
    os.chmod(db_path, 0o444)
    for suffix in ("-wal", "-shm"):
        if os.path.exists(str(db_path) + suffix):
            os.remove(str(db_path) + suffix)
    os.chmod(tmp_path, 0o755)
    env = {**os.environ, "HOME": str(tmp_path), "PYTHONDONTWRITEBYTECODE": "1"}
    run = subprocess.run(
        ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable, "-m", "lib.load",
         str(SEEDS), "--db", str(db_path), "--wait", "1"],
        cwd=ROOT, capture_output=True, text=True, env=env, timeout=120,
    )
    assert run.returncode == 2, run.stderr
    assert "read-only" in run.stderr or "readonly" in run.stderr
    assert "Traceback" not in run.stderr
