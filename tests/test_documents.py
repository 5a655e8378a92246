"""Reading article files: encodings, metadata, titles, datelines and ids."""
import pytest

from lib import documents
from tests.conftest import SEEDS, write_article


def test_the_seed_reads_with_its_sidecar_metadata_and_dateline():
    article = documents.read_article(next(SEEDS.glob("000_*.txt")))
    assert article["published"] == "2025-03-26"
    assert article["source"] == "Reuters"
    assert article["dateline"] == "Boao, China"
    assert article["title"] == "Pakistan, China in talks about security for Chinese nationals"
    assert article["warnings"] == []


def test_the_same_text_gets_the_same_id_and_another_text_another():
    assert documents.document_id("Karachi") == documents.document_id("Karachi")
    assert documents.document_id("Karachi") != documents.document_id("Karachi.")


def test_windows_newlines_and_decomposed_accents_are_normalised(tmp_path):
    path = write_article(tmp_path, "a.txt", "Bogota\u0301 blast\r\n\r\nA bomb in Bogota\u0301.\r\n")
    text = documents.read_article(path)["text"]
    assert "\r" not in text and "Bogotá" in text


def test_a_dateline_in_capitals_is_recognised(tmp_path):
    path = write_article(tmp_path, "a.txt", "Title\n\nQUETTA, Nov 9 — A bomb exploded at the station.\n")
    assert documents.read_article(path)["dateline"] == "QUETTA, Nov 9"


def test_sidecar_metadata_wins_over_front_matter(tmp_path):
    path = write_article(tmp_path, "a.txt", "---\npublished: 2020-01-01\nsource: A\n---\nTitle\n\nText.\n",
                         {"published": "2021-02-03"})
    article = documents.read_article(path)
    assert (article["published"], article["source"]) == ("2021-02-03", "A")


def test_a_front_matter_line_without_a_colon_is_a_warning_not_a_failure(tmp_path):
    path = write_article(tmp_path, "a.txt", "---\npublished: 2020-01-01\nnonsense\n---\nTitle\n\nText.\n")
    article = documents.read_article(path)
    assert article["published"] == "2020-01-01"
    assert any("line 3" in w for w in article["warnings"])


@pytest.mark.parametrize("data, reason", [
    (b"", "empty file"),
    (b"   \n\n  ", "no text"),
    (b"\x00\x01\x02binary" * 10, "binary"),
    (b"---\ntitle: x\n---\n", "no text"),
])
def test_files_that_are_not_articles_are_refused_with_a_reason(tmp_path, data, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(documents.ArticleError, match=reason):
        documents.read_article(path)


def test_a_missing_path_and_a_wrong_suffix_are_listed_as_problems(tmp_path):
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    files, problems = documents.find_articles([tmp_path / "nope", tmp_path / "notes.pdf", SEEDS])
    assert [f.name for f in files] == ["000_7dc9aec6ccd02683.txt"]
    assert [reason for _, reason in problems] == [
        "no such file or folder", "not an article file (expected .txt or .md)"]


def test_a_readme_in_a_folder_of_articles_is_not_an_article_unless_named(tmp_path):
    write_article(tmp_path, "README.md", "# About these articles\n")
    write_article(tmp_path, "a.txt", "Blast in Quetta\n\nA bomb exploded in Quetta.\n")
    files, problems = documents.find_articles([tmp_path])
    assert [f.name for f in files] == ["a.txt"] and problems == []
    files, _ = documents.find_articles([tmp_path / "README.md"])
    assert [f.name for f in files] == ["README.md"]


def test_a_folder_is_listed_in_the_order_and_with_the_names_pathlib_gives(tmp_path, monkeypatch):
    for name in ["b.txt", "a-c.md", "a/b.txt", "a/.hidden.txt", "a/Notes.TXT", "z/README.txt", "..md", ".txt",
                 "x.txt.", "deep/er/one.md"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("Blast in Quetta\n")
    (tmp_path / "linked").symlink_to(tmp_path / "a", target_is_directory=True)
    (tmp_path / "alias.txt").symlink_to(tmp_path / "b.txt")
    expected = sorted((p for p in tmp_path.rglob("*") if p.suffix.lower() in (".txt", ".md") and p.is_file()
                       and p.stem.upper() not in {"README", "LICENSE", "LICENCE", "CHANGELOG"}), key=lambda p: p.parts)
    assert documents.find_articles([tmp_path])[0] == expected
    assert "linked/b.txt" not in [str(p.relative_to(tmp_path)) for p in expected]
    monkeypatch.chdir(tmp_path)
    assert documents.find_article_names(["."])[0] == [str(p.relative_to(tmp_path)) for p in expected]
