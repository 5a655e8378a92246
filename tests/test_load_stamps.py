"""Re-runs: a file whose size and modification time match what its path stored is not read again; when
either differs the text's hash decides, and a file read again with the same text gets its new stamp."""
import os

import pytest

from lib import documents
from lib.load import load_paths
from tests.conftest import synthetic_article, table_rows, write_article


@pytest.fixture
def loaded(tmp_path):
    folder = tmp_path / "articles"
    for number in range(3):
        write_article(folder, f"{number}.txt", synthetic_article(number))
    db_path = tmp_path / "atlas.db"
    report = load_paths([folder], db_path, workers=1)
    assert (report.loaded, report.failed) == (3, 0), report.problems
    return folder, db_path


@pytest.fixture
def reads(monkeypatch):
    """The paths read_article is called with, in order."""
    seen, real = [], documents.read_article

    def counting(path, root=None):
        seen.append(os.path.basename(path))
        return real(path, root=root)

    monkeypatch.setattr(documents, "read_article", counting)
    return seen


def test_a_rerun_with_nothing_changed_reads_no_file_and_changes_nothing(loaded, reads):
    folder, db_path = loaded
    before = table_rows(db_path)
    report = load_paths([folder], db_path, workers=1)
    assert (report.loaded, report.unchanged, report.replaced, report.failed) == (0, 3, 0, 0)
    assert reads == []
    assert table_rows(db_path) == before


def test_a_touched_file_with_the_same_text_is_read_once_and_then_skipped(loaded, reads):
    folder, db_path = loaded
    before = table_rows(db_path)
    stat = (folder / "1.txt").stat()
    os.utime(folder / "1.txt", ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))
    report = load_paths([folder], db_path, workers=1)
    assert (report.loaded, report.unchanged, report.replaced) == (0, 3, 0)
    assert reads == ["1.txt"]
    assert table_rows(db_path) == before
    load_paths([folder], db_path, workers=1)
    assert reads == ["1.txt"]


def test_an_edit_that_keeps_the_modification_time_but_not_the_size_replaces_the_article(loaded, reads):
    folder, db_path = loaded
    path = folder / "2.txt"
    stat = path.stat()
    path.write_text(synthetic_article(2).replace("market", "crowded bus station"), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    report = load_paths([folder], db_path, workers=1)
    assert (report.replaced, report.unchanged) == (1, 2)
    assert reads == ["2.txt"]
    assert any("crowded bus station" in row[-1] for row in table_rows(db_path)["documents"])


def test_the_stored_stamp_is_the_files_size_and_modification_time(loaded):
    folder, db_path = loaded
    from lib import store

    db = store.connect(db_path, create=False)
    stored = dict((p, (s, m)) for p, s, m in db.execute("SELECT path, file_size, file_mtime_ns FROM documents"))
    for name, stamp in stored.items():
        stat = (folder / name).stat()
        assert stamp == (stat.st_size, stat.st_mtime_ns)
