"""The caption over a table says how many rows match, and when the table shows only the first of them."""
from streamlit.testing.v1 import AppTest


def _caption(n, shown):
    def script(n, shown):
        from lib.dashboard import page
        page.row_count(n, "incidents", shown=shown)

    at = AppTest.from_function(script, args=(n, shown)).run()
    assert not at.exception
    return at.caption[0]


def test_a_table_cut_short_says_how_many_it_shows_and_that_the_downloads_hold_all():
    caption = _caption(5000, 1000)
    assert caption.value == "5,000 incidents match the filters; the table shows the first 1,000 of them"
    assert "downloads hold every row" in caption.proto.help


def test_a_table_holding_every_row_says_only_how_many_match():
    caption = _caption(12, 1000)
    assert caption.value == "12 incidents match the filters"
    assert "The table holds every row" in caption.proto.help
