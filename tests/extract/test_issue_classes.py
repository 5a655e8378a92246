"""One or two invented sentences per error class of the real-news review: the lead incident's fields."""

import pytest


from lib.extract import extract
from lib.extract.incidents import find_perpetrator

PUB = "2026-03-02"


def lead(text, published=PUB):
    found = extract(text, published)["incidents"]
    assert found, f"no incident in {text!r}"
    return found[0]


def countries(text):
    return {m["surface"]: m.get("country_code") for m in extract(text)["mentions"]}


CASUALTIES = [
    # attackers counted as victims
    ("Soldiers killed six gunmen who raided the grain depot in Kandahar; three guards died.", {"killed": 3, "attackers_killed": 6}),
    ("Police killed four gunmen who attacked a bank in Jos; a guard was also killed.", {"killed": 1, "attackers_killed": 4}),
    ("Troops shot dead eleven insurgents who attacked a checkpoint near Kunduz, while one policeman was killed.",
     {"killed": 1, "attackers_killed": 11}),
    # a single named victim
    ("Gunmen shot dead Haji Rahmatullah, a village elder, outside his home in Ghazni on Monday.", {"killed": 1}),
    ("Unknown attackers killed Colonel Samir Haddad as he left a mosque in Mosul.", {"killed": 1}),
    ("A tribal elder, Malik Jan, was killed by gunmen in Khost.", {"killed": 1}),
    ("Georgia Stevens, 34, was shot dead outside her home in Macon on Monday.", {"killed": 1}),
    ("The bodies of two men who had been beheaded were found in Mosul on Monday.", {"killed": 2}),
    ("Michael Thomas was killed in a shooting in Camden on Monday.", {"killed": 1}),
    # parts added
    ("Three soldiers and two teachers were killed when a bomb went off in Quetta.", {"killed": 5}),
    ("A bomb killed a soldier and two civilians in Kandahar on Monday.", {"killed": 3}),
    ("A bomb exploded in Khost, killing two soldiers, and three others were wounded.", {"killed": 2, "injured": 3}),
    ("A bomb exploded in Khost, killing two soldiers and three others were wounded.", {"killed": 2, "injured": 3}),
    ("A bomb exploded in Khost on Monday, killing two soldiers and three civilians.", {"killed": 5}),
    ("Troops killed two policemen and three militants in a mistaken raid in Bannu on Monday.", {"killed": 2}),
    # revised figures
    ("A car bomb ripped through a market in Hilla. Officials later lowered the death toll to 84.", {"killed": 84}),
    ("A suicide bomber struck a wedding in Kabul, killing 40. Officials later raised the death toll to 63.",
     {"killed": 63}),
    ("A car bomb killed 30 people in Hilla on Monday. The toll was later revised down to 15.", {"killed": 15}),
    ("A car bomb killed 30 people in Hilla on Monday. The death toll fell to 22 after a recount.", {"killed": 22}),
    # a year or a date read as a count
    ("On 4/24/2011 the officer was killed by a sniper in Basra.", {"killed": 1}),
    ("In Mosul, the police chief was shot dead by gunmen on 3/9/2012.", {"killed": 1}),
    ("The journalist, who was kidnapped on 3 May 2012, was found dead on 9 May 2012 in Gao.", {"killed": 1}),
    ("Gunmen on February 10 killed seven people at a bus stop in Peshawar.", {"killed": 7}),
    ("In 2009 a roadside bomb killed a district governor in Helmand.", {"killed": 1}),
    ("On 2012-05-03 a roadside bomb killed two soldiers in Zabul.", {"killed": 2}),
    ("On 03-05-2012 a roadside bomb killed two soldiers in Zabul.", {"killed": 2}),
    ("Gunmen killed 10-12 villagers near Jos on Sunday.", {"killed": 10}),
    # nobody hurt; an absent figure stays None
    ("A bomb exploded outside a bank in Karachi on Tuesday; no casualties were reported.", {"killed": 0}),
    ("Militants attacked a police station in Bannu on Tuesday.", {"killed": None, "injured": None}),
    ("Nobody was killed when a bomb exploded outside a shop in Quetta on Monday.", {"killed": 0}),
    ("A bomb exploded outside a shop in Quetta on Monday. There was no immediate word on casualties.", {"killed": None}),
]


@pytest.mark.parametrize("text,expected", CASUALTIES)
def test_casualty_classes(text, expected):
    inc = lead(text)
    assert {k: inc[k] for k in expected} == expected


DATES = [
    ("12/7/2011: Gunmen killed two shopkeepers in Mosul.", "2011-12-07"),
    ("2011-12-07: A roadside bomb killed three soldiers near Kandahar.", "2011-12-07"),
    ("7 December 2011: A roadside bomb killed three soldiers near Kandahar.", "2011-12-07"),
    ("A bomb killed four people in Baghdad on 7 December 2011, police said.", "2011-12-07"),
    ("06.12.2011: Gunmen killed two policemen in Kano.", "2011-12-06"),
    ("Gunmen killed two policemen in Kano on the 6th of December 2011.", "2011-12-06"),
    ("The body of the engineer, abducted in Kirkuk on 6 December 2011, was found on 11 December.", "2011-12-06"),
    ("The engineer was abducted on 6 December 2011 in Kirkuk. His body was found on 11 December.", "2011-12-06"),
]


@pytest.mark.parametrize("text,date", DATES)
def test_dates_are_read_without_a_publication_date(text, date):
    assert lead(text, None)["date"] == date


TYPES = [
    ("Gunmen shot dead the deputy governor of Kunar province, Ahmad Wali, in Asadabad.", "assassination"),
    ("A tribal elder, Malik Jan, was killed by gunmen in a targeted attack in Khost.", "assassination"),
    ("The head of the district council, Haji Noor, was gunned down outside his home in Logar on Monday.", "assassination"),
    ("A shopkeeper was gunned down in Karachi on Monday.", "armed_attack"),
    ("Militants set fire to a girls' school in Swat overnight.", None),
    ("Militants blew up a telecom tower in Helmand on Sunday.", None),
    ("Saboteurs bombed an oil pipeline near Kirkuk on Sunday.", None),
    ("Insurgents destroyed a mobile phone mast in Helmand on Sunday.", None),
    ("Unknown men sabotaged a power line in Kano on Monday.", None),
    ("Militants fired rockets at Sderot on Monday, wounding two.", "bombing"),
    ("Mortar shells landed in a market in Aleppo, killing five.", "bombing"),
    ("Insurgents beheaded two villagers in Kunduz, accusing them of spying.", None),
    ("Militants publicly executed three men in a square in Raqqa.", None),
    ("Fighters cut off the hands of two farmers in Zabul.", None),
    ("Militants amputated the right hand of a shepherd in Uruzgan.", None),
]


@pytest.mark.parametrize("text,itype", TYPES)
def test_type_classes(text, itype):
    inc = lead(text)
    if itype:
        assert inc["type"] == itype


PERPETRATORS = [
    ("A bomb killed five soldiers in Logar; no group claimed the attack, but officials blamed the Taliban.", "Taliban"),
    ("A car bomb killed six people near a hotel in Mogadishu. Nobody has claimed responsibility; police suspect al-Shabaab.",
     "al-Shabaab"),
]


AGENTS = [
    ("The Taliban shot dead two policemen in Ghazni on Monday.", "Taliban"),
    ("The Islamic State executed five men in Deir ez-Zor on Monday.", "Islamic State"),
    ("On Monday, Boko Haram attacked a village near Chibok, killing 11.", "Boko Haram"),
]


@pytest.mark.parametrize("text,group", AGENTS)
def test_a_group_as_the_subject_of_the_deed(text, group):
    assert lead(text)["perpetrator"] == group


@pytest.mark.parametrize("sentence", ["The Army killed five militants near Wana on Monday.",
                                      "The Kabul police shot dead two robbers on Monday."])
def test_state_forces_as_subject_are_no_armed_group(sentence):
    assert find_perpetrator(sentence) == (None, 0)


def test_a_storm_damaging_a_school_is_no_incident():
    assert extract("The storm damaged a school in Dhaka.", PUB)["incidents"] == []


@pytest.mark.parametrize("text,group", PERPETRATORS)
def test_perpetrator_after_a_negation(text, group):
    assert group.lower() in (lead(text)["perpetrator"] or "").lower()


NOT_PERPETRATORS = [
    ("A bomb struck a patrol of the Welsh Guards in Helmand, killing two soldiers.", "Welsh Guards"),
    ("A roadside bomb hit a convoy of the Royal Marines near Sangin, killing one marine.", "Royal Marines"),
    ("Gunmen in Kandahar killed three shopkeepers on Sunday.", "Kandahar"),
    ("Gunmen opened fire on a rally of the Awami National Party in Peshawar on Monday, killing four.", "Awami"),
    ("A suicide bomber killed three soldiers of the 1st Battalion, Mercian Regiment, in Helmand on Monday.", "Mercian"),
    ("Suspected militants set fire to a government school in Waziristan on Monday.", "Suspected"),
    ("Masked gunmen shot dead two men in Kirkuk on Monday.", "Masked"),
]


@pytest.mark.parametrize("text,name", NOT_PERPETRATORS)
def test_not_perpetrators(text, name):
    assert name.lower() not in (lead(text)["perpetrator"] or "").lower()


def test_a_hierarchy_keeps_the_town_in_its_country():
    inc = lead("Insurgents attacked an outpost in Chora, Uruzgan, Afghanistan, killing four police.")
    assert inc["country_code"] == "AF"


@pytest.mark.parametrize("text,surface,country", [
    ("A man was shot in London, Ontario on Saturday.", "London", "CA"),
    ("Police in Palestine, Texas said a man was shot.", "Palestine", "US"),
    ("Officials in Alexandria, Louisiana, said a man was shot on Main Street.", "Alexandria", "US"),
    ("A bomb went off in Gereshk, Nahr-e Saraj district, Helmand province, Afghanistan.", "Gereshk", "AF"),
    ("Insurgents attacked Deh Rawud, Uruzgan, Afghanistan.", "Deh Rawud", "AF"),
])
def test_a_named_region_keeps_a_homonym_at_home(text, surface, country):
    assert countries(text).get(surface) == country


def test_sudan_is_not_south_sudan():
    assert countries("Fighting flared again in Sudan this week.").get("Sudan") == "SD"
    assert countries("Sudan and South Sudan signed a deal.") == {"Sudan": "SD", "South Sudan": "SS"}


@pytest.mark.parametrize("text,name", [
    ("Georgia Stevens, a teacher, said the road was closed.", "Georgia"),
    ("Mary Wheeler told reporters the shop had reopened.", "Wheeler"),
    ("A bomb hit a convoy carrying Marines of the 3rd Battalion near Sangin.", "Marines"),
    ("Militants attacked a convoy of the Frontier Corps in Khyber on Monday.", "Frontier"),
])
def test_people_and_units_are_no_places(text, name):
    assert not any(name in surface for surface in countries(text))
