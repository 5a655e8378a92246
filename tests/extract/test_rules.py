"""Rule files: a malformed word list or table fails loudly, naming the file and the line; the incident rules check
what their rows mean."""
import pytest

from lib.extract import rules
from lib.extract.incidents.tolls import number_words
from lib.extract.incidents.triggers import trigger_groups
from lib.extract.incidents.victims import demonyms


@pytest.mark.parametrize("text, message", [
    ("# victim nouns\nworkers?\nengineers?\n\nworkers?\n", "nouns.txt:5: 'workers?' is already listed on line 2"),
    ("crew\ncrew  # again\n", "nouns.txt:2: 'crew' is already listed on line 1"),
])
def test_a_word_listed_twice_names_the_file_and_both_lines(text, message):
    with pytest.raises(rules.RuleError, match=message.replace("?", r"\?")):
        rules.parse_words(text, "nouns.txt")


@pytest.mark.parametrize("text, required, message", [
    ("# only comments\n\n", (), "demonyms.csv: empty table"),
    ("demonym\nChinese\n", ("demonym", "country"), "demonyms.csv:1: header lacks column\\(s\\) country"),
    ("# header below\ndemonym,country\nChinese,CN\nPakistani\n", ("demonym", "country"),
     "demonyms.csv:4: 1 fields where the header has 2"),
    ("type,strength,stems,pattern\nbombing,2,bomb,bomb,s?\n", (), "triggers.csv:2: 5 fields where the header has 4"),
])
def test_a_malformed_table_names_the_file_and_the_line(text, required, message):
    origin = message.split(":")[0]
    with pytest.raises(rules.RuleError, match=message):
        rules.parse_table(text, required, origin)


def test_every_rule_file_of_the_incidents_loads():
    assert rules.words("incident_type_priority")[0] == "suicide_bombing"
    assert {"type", "strength", "stems", "example", "pattern"} <= set(rules.table("incident_triggers")[0])
    assert demonyms(rules.table("demonyms"))["Chinese"] == "CN"
    assert number_words(rules.table("number_words"))["fifty"] == 50
    assert "engineers?" in rules.words("victim_nouns")
    assert "who" in rules.words("victim_phrase_stops") and "no one" in rules.words("perpetrator_non_names")


def trigger_rows(text):
    return rules.parse_table("type,strength,stems,pattern\n" + text, (), "triggers.csv")


@pytest.mark.parametrize("text, message", [
    ("riot,2,riot,riots?\n", "type 'riot' is not in incident_type_priority.txt"),
    ("bombing,3,bomb,bombs?\n", "strength must be 1 or 2"),
    ("bombing,2,,bombs?\n", "every trigger needs its stems"),
    ("bombing,2,bomb,bomb(?:s\n", "triggers.csv: trigger 'bomb\\(\\?:s'"),
])
def test_a_trigger_row_that_makes_no_sense_is_refused(text, message):
    with pytest.raises(rules.RuleError, match=message):
        trigger_groups(trigger_rows(text), "triggers.csv")


def test_trigger_rows_of_one_type_and_strength_join_in_file_order():
    rows = trigger_rows("bombing,2,bomb,bombs?\\b\nkidnapping,2,kidnap,kidnapped\nbombing,2,blast|explo,blasts?|exploded\n")
    assert trigger_groups(rows) == [("bombing", r"bombs?\b|blasts?|exploded", 2, ("bomb", "blast", "explo")),
                                    ("kidnapping", "kidnapped", 2, ("kidnap",))]


def test_a_demonym_or_number_word_listed_twice_is_refused():
    with pytest.raises(rules.RuleError, match="demonyms.csv: demonym 'Thai' is listed twice"):
        demonyms(rules.parse_table("demonym,country\nThai,TH\nThai,TW\n"), "demonyms.csv")
    with pytest.raises(rules.RuleError, match="number_words.csv: number word 'ten' is listed twice"):
        number_words(rules.parse_table("word,value\nten,10\nten,10\n"), "number_words.csv")
    with pytest.raises(rules.RuleError, match="no integer value"):
        number_words(rules.parse_table("word,value\nten,X\n"), "number_words.csv")
