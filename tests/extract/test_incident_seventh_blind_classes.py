"""Classes seen in the seventh blind set's first run, in invented text: the number before an active verb of
killing counts the killers, not the killed."""
import pytest

from lib.extract import extract

PUB = "2024-02-01"


def _lead(text):
    return extract(text, PUB)["incidents"][0]


@pytest.mark.parametrize("text, killed", [
    ("Two men on a motorcycle shot dead a village chief in Marawi on Monday.", 1),
    ("Three men shot dead a baker in Kano late on Friday.", 1),
    ("Two men riding pillion shot dead Ahmed Saleh, a trader, in Quetta.", 1),
    ("Four men with rifles shot dead a guard at a warehouse in Juba.", 1),
])
def test_the_figure_of_an_active_verbs_subject_is_the_killers(text, killed):
    assert _lead(text)["killed"] == killed


@pytest.mark.parametrize("text, killed", [
    ("Two men shot dead in Kano on Monday night.", 2),
    ("Two soldiers killed Tuesday in an ambush near Gao.", 2),
    ("Three traders were shot dead a day after the market reopened in Bama.", 3),
    ("Five people killed In a blast at a market in Kano.", 5),
])
def test_a_headlines_passive_still_counts_its_dead(text, killed):
    assert _lead(text)["killed"] == killed
