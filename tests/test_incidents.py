"""Incident extraction on real sentences, with hand-made place mentions."""
import pathlib
import re
import sys

import pytest

from lib.extract.incidents import find_incidents, find_perpetrator, find_tolls, parse_number

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seeds" / "000_7dc9aec6ccd02683.txt"
BENCH = ROOT.parent / "shared" / "benchmarks" / "incidents"

PLACES = {
    "Karachi": ("city", "PK", 24.86, 67.01), "the Karachi airport": ("poi", "PK", 24.9065, 67.1608),
    "Pakistan": ("country", "PK", 30.0, 70.0), "China": ("country", "CN", 35.0, 105.0),
    "Beijing": ("city", "CN", 39.91, 116.40), "Islamabad": ("city", "PK", 33.72, 73.04),
    "Hainan": ("admin1", "CN", 19.2, 109.6), "India": ("country", "IN", 22.0, 79.0), "US": ("country", "US", 39.76, -98.5),
    "Peshawar": ("city", "PK", 34.01, 71.58), "Kocha Risaldar": ("poi", "PK", 34.006, 71.57),
    "Quetta": ("city", "PK", 30.19, 67.0), "QUETTA": ("city", "PK", 30.19, 67.0),
    "Tajikistan": ("country", "TJ", 38.5, 71.0), "Afghanistan": ("country", "AF", 34.0, 66.0),
    "Kabul": ("city", "AF", 34.53, 69.17), "KABUL": ("city", "AF", 34.53, 69.17),
}


def mentions_for(text):
    """Mentions of the PLACES names in text, longest first, whole words."""
    out, taken = [], []
    for name in sorted(PLACES, key=len, reverse=True):
        kind, cc, lat, lon = PLACES[name]
        for m in re.finditer(r"(?<![\w])" + re.escape(name) + r"(?![\w])", text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            out.append({"start": m.start(), "end": m.end(), "surface": name, "name": name, "kind": kind,
                        "country_code": cc, "lat": lat, "lon": lon, "place_id": "test:" + name, "confidence": 0.9})
    return sorted(out, key=lambda m: m["start"])


@pytest.fixture(scope="module")
def seed_text():
    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED}")
    return SEED.read_text(encoding="utf-8")


def test_seed_has_exactly_the_karachi_airport_bombing(seed_text):
    found = find_incidents(seed_text, mentions_for(seed_text), "2025-03-26")
    assert len(found) == 1
    inc = found[0]
    assert inc["type"] == "bombing"
    assert (inc["date"], inc["date_precision"]) == ("2024-10", "month")
    assert inc["place_surface"] in ("the Karachi airport", "Karachi")
    assert inc["killed"] == 2 and inc["injured"] is None
    assert inc["victims"] == "two Chinese engineers"
    assert inc["victim_nationality"] == ["CN"]
    assert inc["perpetrator"] is None
    assert seed_text[inc["start"]:inc["end"]] == inc["sentence"]
    assert inc["sentence"].startswith("The push came after a bombing at the Karachi airport")
    assert 0 <= inc["confidence"] <= 1


def test_seed_without_mentions_or_publication_date_does_not_crash(seed_text):
    found = find_incidents(seed_text, [], None)
    assert len(found) == 1 and found[0]["place_id"] is None
    assert found[0]["date"] is None  # "last October" needs the publication date
    assert find_incidents("", [], None) == []


@pytest.mark.parametrize("sentence", [
    "Militants who target Chinese nationals seek to undermine Pakistan-China relations, spread terrorism and achieve financial gains.",
    "Beijing has been pushing Pakistan to allow its own security staff to protect Chinese citizens, frustrated by the string of attacks on its citizens.",
    "Pakistan and China reiterated that any attempt to undermine or disrupt their ties was bound to fail.",
    "Security at religious gatherings is expected to be tightened amid fears that militants could strike again.",
    "The institute counted more than 785 militant attacks across the country in the first ten months of 2024.",
    "Kabul has been hit by scores of bombings and shootings in recent months, many of them claimed by the Islamic State group.",
    "A senior administrator acknowledged that suicide bombings are very hard to stop.",
])
def test_general_hypothetical_and_statistical_statements_are_not_incidents(sentence):
    text = "Title of a story\n\nISLAMABAD — Officials met on Monday.\n\n" + sentence
    assert find_incidents(text, mentions_for(text), "2024-11-09") == []


def test_lead_report_with_weekday_place_and_tolls():
    text = ("Bombing in Peshawar\n\nPESHAWAR, March 5 — At least 57 worshippers were killed and 194 wounded on Friday when "
            "a suicide bomber attacked a Shia mosque in the Kocha Risaldar area of Peshawar's old city, officials said on "
            "Saturday.\n\nThe Islamic State group said it had carried out the bombing.")
    [inc] = find_incidents(text, mentions_for(text), "2022-03-05")
    assert inc["type"] == "suicide_bombing"
    assert (inc["date"], inc["date_precision"]) == ("2022-03-04", "day")
    assert inc["place_surface"] == "Kocha Risaldar"
    assert (inc["killed"], inc["injured"]) == (57, 194)
    assert inc["perpetrator"] == "Islamic State"
    assert inc["victim_nationality"] == ["PK"]  # local victims: the site's country


def test_background_incident_with_year_is_a_separate_incident():
    text = ("Peshawar mosque attack\n\nPESHAWAR — A bomb exploded in a market in Peshawar on Friday, killing four people.\n\n"
            "In 2013, a suicide bombing at a church in the city killed at least 75 people.")
    found = find_incidents(text, mentions_for(text), "2022-03-05")
    assert len(found) == 2
    assert found[1]["type"] == "suicide_bombing" and found[1]["date"] == "2013" and found[1]["date_precision"] == "year"
    assert found[1]["killed"] == 75 and found[1]["place_surface"] == "Peshawar"
    assert found[0]["primary"] and not found[1]["primary"]


@pytest.mark.parametrize("clause, killed, injured", [
    ("Fifty-two people were killed and about a hundred wounded on Friday", 52, 100),
    ("killing at least 26 people and wounding more than 60", 26, 60),
    ("a blast there wounded at least eleven people", None, 11),
    ("About a dozen soldiers were killed", 12, None),
    ("Close to 200 people were wounded in all", None, 200),
    ("Twenty-nine people were stabbed or hacked to death and more than 130 were injured", 29, 130),
    ("Five people were killed and twelve injured, most of them when the roof caved in", 5, 12),
    ("killed two Chinese engineers who were returning there to work", 2, None),
    ("The number of people killed in Sunday's suicide bombing has risen to 63", 63, None),
    ("dozens of Muslim worshippers were shot dead at two mosques", None, None),
])
def test_tolls_from_words_and_digits(clause, killed, injured):
    tolls = find_tolls(clause)
    assert (tolls["killed"], tolls["injured"]) == (killed, injured)


def test_attackers_and_partitives_are_not_victims():
    assert find_tolls("Taliban officials said all three attackers were killed")["killed"] is None
    assert find_tolls("Police shot dead four of the attackers and detained a woman")["killed"] is None
    assert find_tolls("123 of the injured were still being treated")["injured"] is None
    assert find_tolls("Five Chinese nationals were among the wounded")["injured"] is None


def test_negation_gives_zero_casualties():
    tolls = find_tolls("It fell into the water before exploding, and no casualties were reported.")
    assert (tolls["killed"], tolls["injured"]) == (0, 0)
    text = ("Bangkok blasts\n\nBANGKOK — A bomb exploded at a shrine on Monday, killing 20 people.\n\n"
            "On Tuesday afternoon, an explosive device was thrown from a bridge towards a pier. It fell into the water "
            "before exploding, and no casualties were reported.")
    found = find_incidents(text, [], "2015-08-18")
    assert len(found) == 2
    assert (found[1]["killed"], found[1]["injured"], found[1]["date"]) == (0, 0, "2015-08-18")


@pytest.mark.parametrize("phrase, value", [("Fifty-two", 52), ("a dozen", 12), ("1,350", 1350), ("close to 200", 200),
                                          ("more than 130", 130), ("twenty one", 21), ("a hundred", 100), ("eleven", 11)])
def test_number_words(phrase, value):
    assert parse_number(phrase) == value


def test_claims_beat_denials_and_generic_blame():
    assert find_perpetrator("Islamic State Khorasan Province, the group's regional branch, claimed responsibility in a "
                            "statement.")[0] == "Islamic State Khorasan Province"
    assert find_perpetrator("No group has claimed the bombing, and the Pakistani Taliban said it was not involved.")[0] is None
    assert find_perpetrator("Officials in Dushanbe blamed unnamed criminal and terrorist groups operating from "
                            "Afghanistan.")[0] is None
    assert find_perpetrator("The outlawed Balochistan Liberation Army, which has waged a long insurgency, said one of its "
                            "fighters had carried out the bombing.")[0] == "Balochistan Liberation Army"


def test_two_incidents_in_one_sentence_and_a_day_after():
    text = ("Kabul attack\n\nKABUL, Dec 13 — Gunmen stormed a hotel in Kabul on Monday, killing three people.\n\n"
            "In September, a suicide bomber struck outside the Russian embassy, killing two of its diplomats, and earlier "
            "this month gunmen opened fire on the Pakistani embassy compound, wounding a guard.")
    found = find_incidents(text, mentions_for(text), "2022-12-13")
    assert [(f["type"], f["date"]) for f in found] == [
        ("armed_attack", "2022-12-12"), ("suicide_bombing", "2022-09"), ("armed_attack", "2022-12")]
    assert found[1]["killed"] == 2 and found[1]["victim_nationality"] == ["RU"]
    assert found[2]["injured"] == 1 and found[2]["victim_nationality"] == ["PK"]
    assert found[1]["sentence"] == found[2]["sentence"]


def test_incident_eval_floor():
    if not BENCH.is_dir():
        pytest.skip(f"incidents benchmark not found at {BENCH}")
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import incidents_eval

    lines = []
    summary = incidents_eval.evaluate(BENCH, use_gold_places=True, out=lines.append)
    assert summary["f1"] >= 0.95, "\n".join(lines)
    assert summary["attributes"]["date"] >= 0.90
    assert summary["attributes"]["type"] >= 0.90
    assert summary["no_incident_predictions"] == {"13": 0, "14": 0}


OWN = ROOT / "benchmarks" / "articles"


def test_own_corpus_incident_floor():
    """The project's own articles (benchmarks/articles): other regions and styles than the development corpus."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import incidents_eval

    lines = []
    summary = incidents_eval.evaluate(OWN, use_gold_places=True, out=lines.append)
    assert summary["gold"] == 20
    assert summary["f1"] >= 0.95, "\n".join(lines)
    assert summary["primary_f1"] >= 0.95, "\n".join(lines)
    assert summary["attributes"]["date"] >= 0.90 and summary["attributes"]["killed"] >= 0.90
    assert summary["attributes"]["perpetrator"] >= 0.85
    assert summary["no_incident_predictions"] == {"08": 0, "09": 0, "10": 0}


def test_a_later_sentence_with_the_exact_day_becomes_the_evidence():
    text = ("Hostages killed\n\nISLAMABAD — A militant group said on Thursday that its fighters had killed two Chinese "
            "nationals who were kidnapped in the Pakistani city of Quetta last month.\n\n"
            "The two teachers were abducted on May 24 by three armed men posing as police in central Quetta.")
    [inc] = find_incidents(text, mentions_for(text), "2017-06-09")
    assert inc["type"] == "kidnapping"
    assert (inc["date"], inc["killed"]) == ("2017-05-24", 2)
    assert inc["sentence"].startswith("The two teachers were abducted on May 24")


def test_tolls_at_other_sites_of_a_series_are_component_incidents():
    text = ("Anniversary\n\nCOLOMBO — The country marks the anniversary of the attacks, when suicide bombers struck churches "
            "in Karachi and killed 253 people.\n\n"
            "At a church in Quetta alone, more than fifty people were killed, and in Peshawar at least 25 people were "
            "reported dead.")
    found = find_incidents(text, mentions_for(text), "2021-04-21")
    assert [(f["place_surface"], f["killed"], f["type"]) for f in found] == [
        ("Karachi", 253, "suicide_bombing"), ("Quetta", 50, "suicide_bombing"), ("Peshawar", 25, "suicide_bombing")]
    assert found[0]["primary"] and not any(f["primary"] for f in found[1:])


def test_hostages_are_the_victims_of_a_kidnapping():
    text = ("Mine attack\n\nBANGUI — Gunmen shot dead nine workers at a gold mine on Sunday.\n\n"
            "The attack came only days after gunmen abducted three Chinese nationals in the west of the country.")
    found = find_incidents(text, [], "2023-03-20")
    assert [f["type"] for f in found] == ["armed_attack", "kidnapping"]
    assert found[1]["victims"] == "three Chinese nationals" and found[1]["victim_nationality"] == ["CN"]
    assert (found[1]["date"], found[1]["date_precision"]) == ("2023-03", "month")


# ------------------------------------------------------------------------------------ the quick rejection path
def test_words_that_only_contain_a_trigger_stem_are_not_triggers():
    # "died", "carried", "into", "firework", "gunny" contain stems but no trigger word
    text = ("Officials said 40 people died of cholera last week. Aid workers carried supplies into the camp on Monday. "
            "A firework display and gunny sacks of rice marked the end of the outbreak.")
    assert find_incidents(text, mentions_for(text), "2024-05-02") == []


def test_a_sentence_without_a_trigger_still_adds_tolls_to_the_incident_before_it():
    text = ("KABUL — A bomb exploded outside a school in Kabul on Monday. "
            "Twelve people were killed and 30 were wounded, officials said.")
    found = find_incidents(text, mentions_for(text), "2024-05-07")
    assert len(found) == 1
    assert (found[0]["killed"], found[0]["injured"]) == (12, 30)


def test_sentence_spans_as_lists_or_computed_give_the_same_incidents():
    text = "QUETTA — Gunmen opened fire on a bus in Quetta on Sunday, killing nine passengers.\n\nPolice gave chase."
    from lib.extract.text import sentence_spans
    spans = sentence_spans(text)
    expected = find_incidents(text, mentions_for(text), "2024-03-04")
    assert expected and expected[0]["killed"] == 9
    assert find_incidents(text, mentions_for(text), "2024-03-04", spans) == expected
    assert find_incidents(text, mentions_for(text), "2024-03-04", [list(s) for s in spans]) == expected


def test_letters_that_fold_to_ascii_do_not_hide_a_trigger():
    # the Kelvin sign (U+212A) matches 'k' when case is ignored, and lowers to it
    text = "\u212Aidnappers seized two engineers in Quetta on Sunday."
    found = find_incidents(text, mentions_for(text), "2024-03-04")
    assert [x["type"] for x in found] == ["kidnapping"]
    assert found[0]["date"] == "2024-03-03" and found[0]["place_surface"] == "Quetta"


def _incident_words():
    from hypothesis import strategies as st
    return st.sampled_from([
        "Quetta", "Karachi", "Pakistan", "KABUL", "—", "bomb", "blast", "exploded", "killed", "killing", "two", "Chinese",
        "engineers", "nine", "people", "were", "wounded", "injured", "at", "least", "11", "on", "Sunday", "last",
        "October", "gunmen", "opened", "fire", "shot", "dead", "kidnapped", "abducted", "hostages", "died", "into",
        "drove", "a", "truck", "the", "attack", "attackers", "suicide", "bomber", "blew", "himself", "up", "raid",
        "operation", "military", "a", "day", "after", "came", "second", "another", "no", "casualties", "reported",
        "claimed", "responsibility", "Islamic", "State", "police", "blamed", "said", "it", "carried", "out", "behind",
        "first", "First", "Initially", "given", "as", "and", ",", ".", ";", "\n", "\n\n", "among", "the", "dead", "of", "whom", "could", "2013",
    ])


def test_the_quick_paths_find_what_the_full_scan_finds():
    from hypothesis import given, settings, strategies as st
    from lib.extract.incidents import folding, tolls

    @settings(max_examples=300, deadline=None)
    @given(words=st.lists(_incident_words(), max_size=60), published=st.sampled_from([None, "2024-11-09"]))
    def check(words, published):
        text = " ".join(words)
        quick = find_incidents(text, mentions_for(text), published)
        saved = folding.plain_case, tolls.passive_possible
        folding.plain_case = lambda _text: False  # every sentence and every trigger pattern is tried
        tolls.passive_possible = lambda _after: True
        try:
            full = find_incidents(text, mentions_for(text), published)
        finally:
            folding.plain_case, tolls.passive_possible = saved
        assert quick == full

    check()


# ------------------------------------------------------------------------------------------ victims' nationality
def _nationality(text, published="2024-05-07"):
    found = find_incidents(text, mentions_for(text), published)
    assert found, text
    return found[0]["victim_nationality"]


def test_victims_of_no_stated_nationality_are_the_site_countrys():
    assert _nationality("A bomb exploded at a bus stop in Peshawar on Monday, killing 14 people.") == ["PK"]


def test_nationals_among_the_dead_leave_room_for_local_victims():
    text = "Three Japanese engineers were among the dead when gunmen stormed a hotel in Karachi on Monday."
    assert sorted(_nationality(text)) == ["JP", "PK"]


def test_a_stated_nationality_for_every_victim_adds_no_other():
    assert _nationality("Gunmen shot dead four Korean engineers in Karachi on Monday.") == ["KR"]


def test_a_local_toll_and_foreigners_named_later_give_both():
    text = ("A bomb exploded at a market in Quetta on Monday, killing 12 people and wounding 30. "
            "Two Chinese citizens were among those killed, officials said.")
    assert sorted(_nationality(text)) == ["CN", "PK"]


def test_victims_called_foreign_are_not_presumed_the_site_countrys():
    assert _nationality("Gunmen shot dead two foreign engineers in Karachi on Monday.") == []
    assert _nationality("A bomb exploded outside a hotel in Karachi on Monday, wounding six foreigners.") == []


def test_a_foreign_ministry_does_not_make_the_victims_foreign():
    text = "A suicide bomber killed nine people at a market in Peshawar on Monday, the foreign ministry said."
    assert _nationality(text) == ["PK"]


# ------------------------------------------------------------------ rules for articles unlike the development ones
def test_a_trigger_deep_in_an_article_without_a_date_or_toll_is_no_incident():
    text = ("Ministers sign trade pact\n\nISLAMABAD — Pakistan and China signed a trade agreement on Friday.\n\n"
            "Officials said tariffs on textiles would fall next year.\n\n"
            "One minister called the deal a blast of fresh air for exporters in Karachi.")
    assert find_incidents(text, mentions_for(text), "2024-06-14") == []


def test_the_second_sentence_may_still_state_the_event():
    text = ("Clash in Karachi\n\nKARACHI — Police said the area had been sealed off. "
            "Gunmen opened fire on a patrol in Karachi.")
    [inc] = find_incidents(text, mentions_for(text), "2024-06-14")
    assert inc["type"] == "armed_attack"


def test_a_gun_battle_is_an_armed_attack():
    text = "A two-hour gun battle between troops and gunmen in Karachi ended with nine dead on Saturday."
    [inc] = find_incidents(text, mentions_for(text), "2024-06-16")
    assert inc["type"] == "armed_attack"


@pytest.mark.parametrize("text", [
    "Police arrested five men in Karachi on Thursday on suspicion of planning a bomb attack on a shopping centre.",
    "Security services in Karachi said on Monday they had foiled a plot to attack a stadium.",
    "Officers in Karachi on Tuesday detained three people over an alleged bomb plot against a festival.",
])
def test_planned_and_foiled_attacks_are_no_incidents(text):
    assert find_incidents(text, mentions_for(text), "2024-06-14") == []


def test_a_planned_attack_that_killed_people_is_an_incident():
    text = "A carefully planned bomb attack killed 12 people at a market in Karachi on Monday."
    [inc] = find_incidents(text, mentions_for(text), "2024-06-14")
    assert inc["killed"] == 12


def test_an_ambush_is_an_armed_attack():
    text = "Insurgents ambushed an army convoy near Quetta on Sunday, killing 11 soldiers."
    [inc] = find_incidents(text, mentions_for(text), "2024-06-18")
    assert (inc["type"], inc["killed"], inc["date"]) == ("armed_attack", 11, "2024-06-16")


def test_a_court_story_dates_the_attack_not_the_sentence():
    text = ("Verdict in Karachi\n\nKARACHI — A court in Karachi on Monday sentenced three men to death for the bombs that "
            "tore through a market in the city on 4 June 2011, killing 40 people.")
    [inc] = find_incidents(text, mentions_for(text), "2024-06-18")
    assert (inc["date"], inc["killed"]) == ("2011-06-04", 40)


def test_a_dated_background_event_without_a_past_verb_is_an_incident():
    text = ("Bombing in Karachi\n\nKARACHI — A bomb exploded at a bus station in Karachi on Monday, killing nine people.\n\n"
            "The city's worst attack remains the bombing of a wedding in Peshawar in 2009, and in 2012 a siege by "
            "gunmen at a mall in Quetta left 40 people dead.")
    found = find_incidents(text, mentions_for(text), "2024-06-18")
    assert [(f["date"], f["killed"]) for f in found] == [("2024-06-17", 9), ("2009", None), ("2012", 40)]


def test_the_assault_in_which_hostages_were_taken_is_the_kidnapping():
    text = ("Pupils freed\n\nKARACHI — Forty pupils abducted from a school near Karachi earlier this month have been "
            "freed, officials said on Sunday.\n\nGunmen stormed the school on 7 June as classes began.")
    [inc] = find_incidents(text, mentions_for(text), "2024-06-23")
    assert (inc["type"], inc["date"]) == ("kidnapping", "2024-06-07")
    assert inc["sentence"].startswith("Gunmen stormed the school on 7 June")


def test_hours_later_an_attack_elsewhere_is_another_incident():
    text = ("Attacks in Pakistan\n\nQUETTA — Gunmen attacked a police station in Quetta on Monday, killing two officers.\n\n"
            "Hours later, a car bomb exploded near an army base in Karachi. No one was hurt, the army said.")
    found = find_incidents(text, mentions_for(text), "2024-06-18")
    assert [(f["place_surface"], f["date"], f["killed"], f["injured"]) for f in found] == [
        ("Quetta", "2024-06-17", 2, None), ("Karachi", "2024-06-17", 0, 0)]


def test_hours_later_at_the_same_place_is_the_same_incident():
    text = ("Attack in Quetta\n\nQUETTA — Gunmen attacked a police station in Quetta on Monday, killing two officers.\n\n"
            "Hours later, a bomb exploded at the same station in Quetta, wounding four.")
    [inc] = find_incidents(text, mentions_for(text), "2024-06-18")
    assert (inc["killed"], inc["injured"]) == (2, 4)


def test_no_one_hurt_is_no_count_of_one():
    assert find_tolls("No one was hurt in the blast.")["killed"] == 0
    assert find_tolls("No one was hurt in the blast.")["injured"] == 0
    assert find_tolls("No one was injured, police said.")["injured"] == 0
    assert find_tolls("No one was injured, police said.")["killed"] is None


def test_an_article_subject_killed_or_wounded_counts_one():
    assert find_tolls("A driver who was travelling with them was killed in the ambush.")["killed"] == 1
    assert find_tolls("A Pakistani guard was wounded.")["injured"] == 1
    assert find_tolls("A bomb was found under a car.") == find_tolls("")
    assert find_tolls("Police said a guard was wounded.")["injured"] is None  # not the clause's subject


def test_the_place_hostages_were_taken_from_is_the_site():
    text = ("Pupils abducted\n\nKARACHI — Gunmen abducted 30 pupils from a school in Quetta on Monday, officials in "
            "Karachi said.")
    [inc] = find_incidents(text, mentions_for(text), "2024-06-18")
    assert inc["place_surface"] == "Quetta"
    text = "The worst case remains the abduction of 276 girls from Quetta in 2014."
    [inc] = find_incidents("Kidnap\n\nKARACHI — Forty people were kidnapped in Karachi on Monday. " + text,
                           mentions_for("Kidnap\n\nKARACHI — Forty people were kidnapped in Karachi on Monday. " + text),
                           "2024-06-18")[1:]
    assert (inc["place_surface"], inc["date"]) == ("Quetta", "2014")


def test_attackers_named_by_nationality_are_not_victims():
    text = ("A suicide attack carried out by an Indonesian couple killed 20 people at a church in Karachi on Sunday.")
    [inc] = find_incidents(text, mentions_for(text), "2024-06-18")
    assert inc["victim_nationality"] == ["PK"]
    text = "Two Tunisian men who blew themselves up killed 12 people at a market in Karachi on Sunday."
    [inc] = find_incidents(text, mentions_for(text), "2024-06-18")
    assert inc["victim_nationality"] == ["PK"]


def test_blame_by_a_named_force_counts():
    assert find_perpetrator("The SDF blamed Turkey, which has carried out repeated strikes.") == ("Turkey", 2)
    assert find_perpetrator("The Northern Defence Forces blamed the Red Hand Front.")[0] == "Red Hand Front"
    assert find_perpetrator("Relatives blamed the Red Hand Front.") == (None, 0)


def test_the_agent_of_an_event_is_its_perpetrator():
    assert find_perpetrator("It remains the abduction of 80 pupils from a school by the Red Hand Front in 2014.") == (
        "Red Hand Front", 1)
    assert find_perpetrator("The attacks had been organised by the Red Hand Front, prosecutors said.")[0] == "Red Hand Front"
    assert find_perpetrator("The bombing was carried out by an Indonesian couple.") == (None, 0)
    assert find_perpetrator("Two people were killed by police in the raid.") == (None, 0)


def test_its_fighters_refers_to_the_group_named_before():
    text = ("Warning\n\nKARACHI — Police in Karachi warned of attacks on Tuesday.\n\n"
            "The Red Hand Front, a militant group based in the mountains, has threatened the city. "
            "Its fighters stormed a hotel in Karachi in January 2019, killing 21 people.")
    [inc] = find_incidents(text, mentions_for(text), "2024-12-10")
    assert (inc["date"], inc["killed"], inc["perpetrator"]) == ("2019-01", 21, "Red Hand Front")


def test_a_group_also_behind_a_later_attack_did_the_first_one_too():
    text = ("Verdict\n\nKARACHI — A court in Karachi on Monday jailed four men for the bombs that killed 30 people in the "
            "city on 13 May 2008.\n\n"
            "Prosecutors said the attacks had been organised by the Red Hand Front, a group that police say was also "
            "behind bombings in Quetta two months later, in which 20 people died.")
    found = find_incidents(text, mentions_for(text), "2019-12-20")
    assert [(f["date"], f["killed"], f["perpetrator"]) for f in found] == [
        ("2008-05-13", 30, "Red Hand Front"), ("2008-07", 20, "Red Hand Front")]


def test_a_warning_of_attacks_is_no_incident_even_with_a_date():
    text = "Police in Karachi warned of attacks on Tuesday and stepped up patrols."
    assert find_incidents(text, mentions_for(text), "2024-12-10") == []


def test_men_convicted_for_bombs_that_killed_are_not_the_dead():
    assert find_tolls("A court jailed four men for the bombs that killed 30 people.")["killed"] == 30


def test_beheadings_and_executions_are_killings():
    assert find_tolls("Militants beheaded at least nine villagers.")["killed"] == 9
    assert find_tolls("Seven hostages were executed.")["killed"] == 7


def test_a_conflicts_cumulative_toll_does_not_become_the_attacks():
    text = ("Raid in Quetta\n\nQUETTA — Gunmen raided a village near Quetta on Friday, officials said.\n\n"
            "The insurgency began in 2004 and has killed more than 7,000 people.")
    [inc] = find_incidents(text, mentions_for(text), "2024-06-10")
    assert inc["killed"] is None


def test_an_affiliates_claim_names_the_group():
    assert find_perpetrator("The Red Hand Front's local affiliate claimed the raid on Sunday.")[0] == "Red Hand Front"


def test_foreign_troops_acting_are_not_victims():
    text = ("Raid\n\nQUETTA — Gunmen killed 12 villagers near Quetta in March 2021.\n\n"
            "Chinese troops deployed to the area in 2021 have pushed the gunmen back, but attacks have risen.")
    [inc] = find_incidents(text, mentions_for(text), "2024-06-10")
    assert inc["victim_nationality"] == ["PK"]


def test_a_dateline_with_accented_capitals_is_not_the_site():
    text = ("Attack\n\nBOGOTÁ — The ministry said on Wednesday that rebels had attacked the police station in the town of "
            "Morales with drones last Thursday, killing two officers.")
    mentions = [{"start": text.index(s), "end": text.index(s) + len(s), "surface": s, "name": s, "kind": k,
                 "country_code": "CO", "lat": la, "lon": lo, "place_id": "test:" + s}
                for s, k, la, lo in (("BOGOTÁ", "city", 4.71, -74.07), ("Morales", "admin2", 2.75, -76.63))]
    [inc] = find_incidents(text, mentions, "2024-05-22")
    assert inc["place_surface"] == "Morales"
    from lib.extract.incidents.layout import DATELINE
    assert DATELINE.match("BOGOTÁ — The ministry said").group(1) == "BOGOTÁ"
    assert DATELINE.match("SÃO PAULO, Brazil — Police said").group(1) == "SÃO PAULO, Brazil"


def test_an_air_strike_or_shelling_is_an_incident_dated_from_the_statement():
    text = ("Strike\n\nKABUL, May 8 — The army said on Friday it had carried out an air strike a day earlier on a "
            "village near Kabul, where elders said at least 40 people, including six children, were killed.\n\n"
            "It was the deadliest raid since the army took control of the area in March 2019.")
    [inc] = find_incidents(text, mentions_for(text), "2020-05-08")
    assert inc["type"] == "bombing"
    assert (inc["date"], inc["date_precision"]) == ("2020-05-07", "day")
    assert inc["killed"] == 40
    text = "Shelling\n\nShelling hit a bus station in Quetta on Monday, killing 9 people, medics said."
    [inc] = find_incidents(text, mentions_for(text), "2024-06-12")
    assert inc["type"] == "bombing" and inc["killed"] == 9


def test_one_named_victim_and_a_listed_extra_victim_are_counted():
    assert find_tolls("a man stabbed shoppers, killing a 64-year-old man and injuring two others")["killed"] == 1
    assert find_tolls("a shell hit the clinic, killing three guards and a cook, officials said.")["killed"] == 4
    assert find_tolls("killing three people and wounding eight")["killed"] == 3


def test_seizing_a_ship_is_a_hijacking_and_generic_hijackings_are_not_incidents():
    text = ("Pirates\n\nKARACHI — Pirates boarded and seized the Panama-flagged tanker Blue Heron off Karachi on "
            "Sunday, officials said.\n\nThe gunmen steered it to a coast where hijacked ships were held in 2010. "
            "Kidnappings of crew off Karachi peaked in 2012.")
    [inc] = find_incidents(text, mentions_for(text), "2024-06-10")
    assert inc["type"] == "hijacking" and inc["date"] == "2024-06-09"


def test_gangs_members_of_a_group_and_shelling_by_a_force_name_the_perpetrator():
    assert find_perpetrator("Gunmen from the Blue Heron gang seized six traders on the coast road.") == ("Blue Heron", 1)
    assert find_perpetrator("The raid recalled the seizure of 12 pilgrims by the 300 Lakou gang in 2019.")[0] == "300 Lakou"
    assert find_perpetrator("Fighters of the Northern Liberation Front burned a market on Friday.")[0] == \
        "Northern Liberation Front"
    assert find_perpetrator("Shelling by the paramilitary Coastal Defence Forces hit a school on Monday.")[0] == \
        "Coastal Defence Forces"
    assert find_perpetrator("Fighters from the Tigray region were seen near the town.") == (None, 0)
    assert find_perpetrator("Kestria's military said on Friday it had carried out the strike.") == ("Kestria military", 3)


def test_the_army_blaming_a_group_for_both_attacks_names_it_for_both():
    text = ("Attacks\n\nKARACHI, May 5 — Shelling by the Coastal Defence Forces hit a market in Karachi on Saturday, "
            "killing 12 people.\n\nOn Sunday, a drone struck a clinic in Quetta, killing four patients. "
            "The army blamed the CDF for both attacks.")
    found = find_incidents(text, mentions_for(text), "2024-05-05")
    assert len(found) == 2
    assert [i["perpetrator"] for i in found] == ["Coastal Defence Forces", "Coastal Defence Forces"]
    assert find_perpetrator("Separately, a military spokesman blamed Ruritanian mercenaries for the raid.") == (None, 0)


def test_a_hostage_found_dead_adds_to_the_kidnapping_toll():
    text = ("Abduction\n\nKARACHI — Gunmen kidnapped seven workers from a depot in Karachi on Friday, police said.\n\n"
            "One of the hostages, a 40-year-old guard, was found dead on Saturday near a canal, an officer said.")
    [inc] = find_incidents(text, mentions_for(text), "2024-06-03")
    assert inc["type"] == "kidnapping" and inc["killed"] == 1


def test_a_campaigns_total_is_not_the_toll_of_its_first_attack():
    text = ("Insurgency\n\nQUETTA, June 3 — Gunmen killed four guards at a checkpoint in Quetta on Sunday, police said.\n\n"
            "The revolt began in March 2015 with an attack on a police post in Karachi and has since killed more than "
            "3,000 people.")
    found = find_incidents(text, mentions_for(text), "2024-06-03")
    first = [i for i in found if (i["date"] or "").startswith("2015")]
    assert len(first) == 1 and first[0]["killed"] is None


def test_unharmed_crews_mean_no_dead_and_no_wounded():
    assert (lambda t: (t["killed"], t["injured"]))(find_tolls("The 19 crew members were unharmed, the operator said.")) == (0, 0)
    text = ("Hijacking\n\nKARACHI, May 2 — Pirates seized a cargo ship off Karachi on Wednesday, the navy said.\n\n"
            "The ship's 19 crew members, from India and China, were unharmed, a spokesman said.")
    [inc] = find_incidents(text, mentions_for(text), "2024-05-02")
    assert (inc["killed"], inc["injured"]) == (0, 0)


def test_a_clause_opening_on_another_place_with_its_own_event_is_another_incident():
    text = ("Attacks\n\nQUETTA — Gunmen stormed a checkpoint in Quetta before dawn on Monday, killing five guards.\n\n"
            "Later on Monday, a bomb struck a bus in Peshawar, wounding six passengers, while in Kabul gunmen shot dead "
            "a shopkeeper.")
    found = find_incidents(text, mentions_for(text), "2024-06-03")
    assert [(i["type"], i["name"], i["date"]) for i in found] == [
        ("armed_attack", "Quetta", "2024-06-03"), ("bombing", "Peshawar", "2024-06-03"),
        ("armed_attack", "Kabul", "2024-06-03")]
    assert [(i["killed"], i["injured"]) for i in found[1:]] == [(None, 6), (1, None)]


def test_weapons_an_attacker_is_armed_with_are_not_the_events_type():
    text = ("Raid\n\nQUETTA — Militants armed with rifles and rocket-propelled grenades stormed a checkpoint in Quetta "
            "on Monday, killing five guards.")
    [inc] = find_incidents(text, mentions_for(text), "2024-06-03")
    assert inc["type"] == "armed_attack" and inc["killed"] == 5
    text = "Blast\n\nQUETTA — A grenade thrown by men armed with pistols exploded at a market in Quetta on Monday."
    [inc] = find_incidents(text, mentions_for(text), "2024-06-03")
    assert inc["type"] == "bombing"


def test_a_toll_update_far_from_its_verb_and_the_attacks_later_account_are_one_incident():
    text = ("Toll rises\n\nQUETTA — The death toll from a militant attack on a guarded market in the old quarter of "
            "Quetta has risen to 45, a local official said on Friday, up from 30 given a day earlier.\n\n"
            "Gunmen armed with rifles stormed the market in Quetta late on Tuesday, witnesses said. More than 20 "
            "people were wounded.")
    [inc] = find_incidents(text, mentions_for(text), "2024-06-07")
    assert (inc["killed"], inc["injured"], inc["date"]) == (45, 20, "2024-06-04")


def test_where_an_official_told_reporters_is_not_another_incidents_site():
    text = ("Raid\n\nGunmen stormed a village near Quetta early on Saturday, killing at least nine farmers, officials "
            "said.\n\nThe attackers arrived on motorbikes from the hills before dawn and shot two herders in a field, an "
            "official told reporters in Peshawar.")
    [inc] = find_incidents(text, mentions_for(text), "2024-06-03")
    assert inc["name"] == "Quetta" and inc["killed"] == 9


def test_an_armed_group_killing_people_is_an_attack():
    text = ("Siege\n\nQUETTA, June 9 — Gunmen stormed a market in Quetta on Saturday, killing 12 people.\n\n"
            "In March, rebel fighters and allied militias killed more than 300 people in Peshawar, according to "
            "the UN.")
    found = find_incidents(text, mentions_for(text), "2024-06-09")
    assert [(i["name"], i["date"], i["killed"]) for i in found] == [
        ("Quetta", "2024-06-08", 12), ("Peshawar", "2024-03", 300)]


def test_crew_from_listed_countries_and_a_demonym_attacker_are_told_apart():
    text = ("Hijacking\n\nKARACHI, May 2 — Pirates seized a cargo ship off Karachi on Wednesday, the navy said.\n\n"
            "The ship's 17 crew members, from India and China, were unharmed, a spokesman said.")
    [inc] = find_incidents(text, mentions_for(text), "2024-05-02")
    assert inc["victim_nationality"] == ["IN", "CN"]
    text = ("Shooting\n\nKABUL — A Moroccan man shot dead three Swedish football fans in Kabul on Monday, police said.")
    [inc] = find_incidents(text, mentions_for(text), "2024-05-07")
    assert inc["victim_nationality"] == ["SE"] and inc["killed"] == 3


def test_a_stated_calendar_date_wins_over_a_bare_overnight():
    text = ("Raid\n\nGunmen killed nine villagers in an overnight raid near Quetta on March 3, the army said.")
    [inc] = find_incidents(text, mentions_for(text), "2024-03-20")
    assert (inc["date"], inc["date_precision"]) == ("2024-03-03", "day")
