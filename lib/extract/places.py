"""Place-mention recognition (toponym recognition) over English news text.

``find_places(text)`` is the one function the rest of the project calls. It matches gazetteer names over
the text in one pass over its word tokens (a token-level trie: the gazetteer's name index plus the set of
its multi-word name prefixes), longest match first, keeps out people, organisations, demonyms and common
words with the rules below, and hands the surviving mentions to ``lib.geocode.resolve`` to pick a place.

Named sites ("Kabul Longan Hotel", "Madina Mosque", "Quetta railway station": a capitalised name with a
head word of SITE_HEADS) are mentions of kind ``poi`` placed at their city: the place their name starts with
when the article names it elsewhere, else the city the sentence names, else the city the article names
most. They have place ids ``site:<name>@<city place id>`` and source ``"site name"``.

Mentions that pass the filters but cannot be resolved are dropped (every returned mention has a place).
"""
from __future__ import annotations

import re
from itertools import accumulate, compress
from operator import itemgetter

from lib.extract import gazetteer
from lib.extract.gazetteer import CC, KIND, POP, fold

# Words that precede a person's name.
TITLES = {
    "president", "premier", "minister", "ambassador", "mr", "mrs", "ms", "miss", "dr", "prof", "professor",
    "gen", "general", "sen", "senator", "rep", "representative", "congressman", "congresswoman", "governor",
    "king", "queen", "prince", "princess", "sheikh", "shaikh", "imam", "maulana", "mullah", "mufti", "hafiz",
    "haji", "chairman", "chairwoman", "chancellor", "judge", "justice", "pope", "lord", "sir", "lady",
    "captain", "capt", "col", "colonel", "lt", "lieutenant", "sgt", "sergeant", "commander", "officer",
    "spokesman", "spokeswoman", "spokesperson", "secretary", "director", "mayor", "commissioner",
    "inspector", "superintendent", "deputy", "brig", "brigadier", "major", "maj", "admiral", "marshal",
    "cardinal", "bishop", "archbishop", "rabbi", "father", "reverend", "rev", "saint", "coach", "agent",
    "detective", "constable", "chief", "emir", "sultan", "vice", "dame", "mme", "mx", "st",
}
# Common given names (many cultures). A given name right before a place name makes the run a person's name
# even when the place is well known ("Luís Montenegro", "Imran Khan"): the place is the surname.
GIVEN_NAMES = set("""
john james robert michael william david richard joseph thomas charles christopher daniel matthew anthony
mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan
jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory frank
alexander raymond patrick jack dennis jerry tyler aaron jose adam henry nathan douglas zachary peter
kyle walter ethan jeremy harold keith christian roger noah gerald carl terry sean austin arthur lawrence
jesse dylan bryan joe jordan billy bruce albert willie gabriel logan alan juan wayne roy ralph randy
eugene vincent russell elijah louis bobby philip johnny boris tony tom tim bill bob jim mike nick steve
mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty margaret sandra
ashley kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca sharon laura
cynthia kathleen amy angela shirley anna brenda pamela emma nicole helen samantha katherine christine
debra rachel carolyn janet catherine maria heather diane ruth julie olivia joyce virginia kelly
christina lauren joan evelyn judith megan andrea cheryl hannah jacqueline martha gloria teresa ann sara
madison frances kathryn janice jean abigail alice julia judy sophia grace denise amber doris marilyn
danielle beverly isabella theresa diana natalie brittany charlotte marie kayla alexis lori angela
luis luís jorge carlos pedro pablo miguel manuel antonio francisco javier rafael fernando sergio
alejandro ricardo eduardo roberto andrés andres diego alvaro álvaro gustavo gonzalo joão joao rui
marcelo andré andre nuno paulo sebastião sebastiao vasco tiago afonso inês ines ana isabel sofia lucia
mariana beatriz gabriela camila valentina carmen rosa pilar dolores iván ivan emmanuel jean pierre
jacques françois francois michel philippe nicolas olivier laurent alain bernard christophe thierry
marine ségolène segolene emmanuelle françoise francoise hans klaus wolfgang jürgen jurgen dieter helmut
angela olaf friedrich karl heinz franz giuseppe giovanni mario luigi matteo silvio giorgia sergio enrico
vladimir dmitry dmitri sergei sergey alexei alexey igor oleg yuri viktor volodymyr petro yulia olga
mohammed mohammad muhammad mohamed mohamad ahmed ahmad ali hassan hussein husain hussain omar umar
abdullah abdul abdel abdallah khalid khaled ibrahim ismail yusuf youssef mustafa mostafa mahmoud
mahmud hamid hamza bilal tariq tarek karim salman faisal fahad saad saeed said rashid nasser nasir
jamal kamal adel adil amir anwar ayman bashar hafez hosni hamad tamim zayed haider haidar nouri nuri
abdifatah abdirahman abdiweli abdikadir farah fatima fatuma aisha ayesha khadija zainab mariam maryam
layla leila nadia amina halima hawa hodan
imran nawaz shehbaz shahbaz asif zardari benazir bilawal pervez parvez javed javaid shoaib sarfraz
babar wasim waqar shahid sajid zahid rahul sonia narendra amit rajnath arvind manmohan atal lal krishna
rajesh ramesh suresh mahesh ganesh dinesh mukesh anil sunil vijay sanjay ajay vikram arjun ravi raj
priya pooja neha anjali sunita lakshmi mamata mayawati nitish lalu yogi akhilesh sheikh hasina khaleda
mahinda gotabaya ranil maithripala sajith chandrika
xi li wang zhang liu chen yang zhao huang zhou wu jinping keqiang yi qiang
shinzo fumio yoshihide junichiro kim moon park yoon jae
bola muhammadu goodluck olusegun atiku nnamdi chinua wole uba yemi kayode oluwaseun chukwuemeka
uhuru william raila mwai daniel jomo yoweri paul cyril jacob thabo nelson kofi kwame nana john
abiy meles isaias hassan ashraf
recep tayyip ahmet mehmet mevlut kemal binali
benjamin naftali yair ehud shimon yitzhak golda mahmoud yasser ismail
emmanuel joe kamala hillary barack donald rishi keir boris theresa gordon tony justin jair lula
""".split())
# Lower-case particles inside a person's name ("Marcelo Rebelo de Sousa", "Ursula von der Leyen").
NAME_PARTICLES = {"de", "da", "do", "dos", "das", "del", "della", "di", "du", "van", "von", "der", "den",
                  "ter", "bin", "ibn", "binti", "bint"}
# Verbs of speech right after a person's name ("..., Hassan told reporters").
SPEECH_VERBS = {"said", "says", "told", "added", "stated", "explained", "warned", "announced", "insisted",
                "noted", "argued", "claimed", "confirmed", "denied", "tweeted", "wrote"}
# Lower-case words that introduce a person's name ("police spokesman Abdifatah Aden Hassan").
LOWER_TITLES = {"spokesman", "spokeswoman", "spokesperson", "president", "minister", "leader", "chief",
                "commander", "governor", "mayor", "senator", "ambassador", "envoy", "official", "secretary",
                "director", "general", "colonel", "captain", "lieutenant", "sergeant", "officer", "premier",
                "chairman", "chairwoman", "candidate", "lawmaker", "legislator", "judge", "prosecutor",
                "lawyer", "attorney", "analyst", "researcher", "professor", "journalist", "reporter",
                "correspondent", "activist", "head", "coordinator", "representative", "priest", "imam",
                "cleric", "bishop", "pastor", "resident", "witness", "survivor", "farmer", "teacher",
                "student", "doctor", "nurse", "colleague", "counterpart", "successor", "predecessor",
                "rival", "opponent", "deputy", "vice", "king", "queen", "prince", "emir", "sultan", "sheikh"}
# Words that make a capitalised run an organisation, event or vehicle name.
ORG_WORDS = {
    "university", "army", "corporation", "corp", "company", "co", "inc", "ltd", "llc", "plc", "group",
    "front", "party", "express", "airlines", "airline", "airways", "times", "post", "club", "fc",
    "liberation", "bank", "institute", "college", "school", "academy", "cooperation", "organisation",
    "organization", "association", "agency", "ministry", "department", "exchange", "daily", "news",
    "tribune", "herald", "gazette", "journal", "review", "cup", "open", "olympics", "games",
    "declaration", "accord", "accords", "treaty", "protocol", "convention", "conference", "summit",
    "forum", "council", "committee", "commission", "authority", "board", "federation", "union", "league",
    "movement", "brigade", "brigades", "taliban", "state", "initiative", "foundation", "society", "trust",
    "fund", "network", "television", "tv", "radio", "press", "media", "telegraph", "chronicle", "observer",
    "standard", "mail", "sun", "guardian", "globe", "courier", "dispatch", "hospital", "clinic", "center",
    "centre", "police", "force", "forces", "guard", "guards", "navy", "regiment", "battalion", "division",
    "corps", "command", "zoo", "museum", "orchestra", "symphony", "festival", "marathon", "grand", "prix",
    "airport", "railways", "railway", "motors", "steel", "power", "electric", "energy", "oil", "gas",
    "petroleum", "telecom", "holdings", "industries", "international", "partners", "capital",
    "securities", "insurance", "stadium", "arena", "parliament", "assembly", "congress", "senate",
    "court", "government", "administration", "office", "service", "services", "unit", "team",
    "revolutionary", "islamic", "mujahideen", "jihad", "lashkar", "jaish", "tehreek", "tehrik",
    "sipah", "harkat", "mission", "project", "program", "programme", "plan", "act", "bill", "law",
    "agreement", "pact", "doctrine", "stock", "market", "index", "records", "pictures", "studios",
    "fashion", "week", "award", "awards", "prize", "medal", "trophy", "championship", "championships",
    "tournament", "series", "league", "division", "conference", "region",
}
ORG_WORDS.discard("region")
ORG_WORDS |= {"house", "schools", "universities", "hospitals", "bridge", "road", "construction",
              "engineering", "holding", "enterprises", "trading", "mining", "resources", "cricket",
              "football", "rugby", "hockey", "basketball", "baseball", "soccer", "tigers", "lions",
              "express", "mail", "airlines", "line", "lines", "shipping", "coast", "bureau", "gang"} - {"coast"}
# A ship's name follows its type: "the tanker Ruen", "the bulk carrier Galaxy Leader"
VESSEL_WORDS = {"tanker", "ship", "vessel", "freighter", "carrier", "trawler", "yacht", "dhow", "ferry", "frigate",
                "destroyer", "warship", "liner", "containership", "boat", "tug", "schooner", "submarine"}
# An ethnic or clan name before a word for its people: "Hema herders", "Lendu militias"
PEOPLE_AFTER = {"herders", "farmers", "herdsmen", "tribesmen", "clansmen", "militiamen", "militia", "militias",
                "clan", "clans", "tribe", "tribes", "ethnic"}
# Government bodies keep the place they are named after ("California Department of Public Health",
# "US Army"): the place is still named.
GOV_WORDS = {"department", "ministry", "army", "navy", "police", "government", "administration",
             "council", "parliament", "assembly", "congress", "senate", "court", "office", "health",
             "forces", "force", "guard", "guards", "authority", "authorities", "state", "commission",
             "committee", "agency", "service", "services", "board", "division", "command", "corps",
             "regiment", "battalion", "unit", "mission", "embassy", "consulate", "province", "region",
             "city", "county", "district", "municipality"}
# Words that, right before a place name, make it part of an organisation ("Radio Pyongyang").
PRE_ORG = {"radio", "television", "tv", "air", "bank", "team", "club", "fc", "hotel", "hotels",
           "banco", "grupo", "air", "channel"}
# A natural feature named after a place is a different place ("Islington Bay", "Waiheke Island").
FEATURE_WORDS = {"bay", "island", "islands", "isle", "river", "lake", "lakes", "mountain", "mountains",
                 "mount", "sea", "ocean", "strait", "straits", "peninsula", "glacier", "creek", "falls",
                 "beach", "reef", "canyon", "desert", "forest", "hills", "hill", "gulf", "cape",
                 "channel", "sound", "harbour", "harbor", "lagoon", "delta", "plateau", "plain",
                 "plains", "range", "springs", "national"}
# Words after a place that name a disease or strain ("Reston ebolavirus", "Hong Kong flu").
DISEASE_WORDS = {"virus", "ebolavirus", "flu", "strain", "strains", "fever", "disease", "syndrome",
                 "variant", "influenza", "encephalitis", "lineage"}
# Facility words: "Kabul Longan Hotel", "Quetta railway station" keep the place inside them.
SITE_WORDS = {
    "hotel", "station", "mosque", "church", "temple", "shrine", "road", "street", "avenue", "bridge",
    "square", "bazaar", "pier", "port", "harbour", "harbor", "mall", "park", "gate", "highway", "motorway",
    "pass", "dam", "mine", "camp", "prison", "jail", "border", "crossing", "checkpoint", "valley",
}
# Head words of named sites: "Kabul Longan Hotel", "Madina Mosque", "Qissa Khwani Bazaar", "Alfalah Road".
# Such a site is a mention of its own (kind poi), placed at the city it is in (see _locate_sites).
SITE_HEADS = {"hotel", "mosque", "church", "shrine", "temple", "cathedral", "bazaar", "market", "square",
              "station", "airport", "pier", "mall", "road", "street", "pass", "imambargah", "gurdwara"}
# Head words of sites named "<Head> of <Name>" ("Cathedral of Our Lady of Mount Carmel", "Shrine of Imam
# Ali", "Temple of Heaven"): the whole phrase is one site, nothing inside it is a place of its own.
OF_SITE_HEADS = {"cathedral", "basilica", "mosque", "shrine", "temple", "chapel", "monastery", "tomb",
                 "mausoleum", "church", "square", "palace"}
# "Church of England", "Church of Christ" are denominations: a church is a site only as "Church of the ...",
# "Church of Our Lady", "Church of St ..."
_CHURCH_OF = {"the", "our", "st", "saint", "san", "santa", "notre"}
_OF_SITE_JOINERS = {"of", "the", "de", "del", "la", "le", "al", "el", "and"}
# "Quetta railway station": a place name followed by these lower-case words is the site in that place.
SITE_PHRASES = (("railway", "station"), ("train", "station"), ("bus", "station"), ("shopping", "mall"),
                ("shopping", "centre"), ("shopping", "center"), ("mall",))
# Short words that end with a full stop inside a site name ("St. Anthony's Shrine").
_NAME_ABBREVIATIONS = {"st", "mt", "ft"}
# Generic words that qualify a place name: "Hainan province", "Mastung district".
GENERICS = {
    "province": "admin1", "provinces": "admin1", "state": "admin1", "region": "admin1",
    "oblast": "admin1", "governorate": "admin1", "prefecture": "admin2", "district": "admin2",
    "county": "admin2", "tehsil": "admin2", "division": "admin2", "department": "admin1", "township": "admin2",
    "city": "city", "town": "town", "village": "village", "municipality": "town", "island": None,
}
GENERICS.update({"states": "admin1", "regions": "admin1", "governorates": "admin1", "districts": "admin2",
                 "counties": "admin2", "prefectures": "admin2", "departments": "admin1", "townships": "admin2"})
PLURAL_GENERICS = {"provinces", "states", "regions", "governorates", "districts", "counties", "prefectures",
                   "departments", "townships"}
# "the village of X", "the town of X": the generic word before the name
_OF_GENERICS = {"village": "village", "town": "town", "city": "city", "hamlet": "village"}
# The word a jihadist group names its regional branches with ("Islamic State's Sahel Province")
BRANCH_WORDS = {"province", "wilayah", "wilayat"}
INSTITUTION_WORDS = {"college", "university", "school", "academy", "institute", "hospital", "cantonment"}
MONTH_ABBREVIATIONS = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
DIRECTION_WORDS = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "upper",
    "lower", "greater", "inner", "outer", "northeast", "northwest", "southeast", "southwest",
    "northeastern", "northwestern", "southeastern", "southwestern", "new", "old", "mainland", "rural",
    "downtown", "suburban", "metropolitan", "coastal",
}
# Capitalised English words that are also place names somewhere, but mostly are not in news text.
STOP = set("""
a an the of in on at to by for from with and or but not no nor so as if is it its be was were are has had
have do did does this that these those there here then than when where who what which why how all any
each every some many much more most other such only own same very can will just should now also after
before over under up down out off again further once about above below into through during while until
said says say says mr mrs police mobile reading nice march may june july april august bath date of
sale deal split bar gap bay best buy hope hamburger hull marks ore mission independence liberty
victory union unity justice enterprise progress commerce industry energy plenty paradise eden
hell battle chance fame flat grove lane lake lakes mount mountain point port rock sandy spring springs
summit top valley view wells wood woods young worth church temple university washington-on-brazos
she he we you they i me my our your their his her him them us one two three four five six seven eight
nine ten first second last next new old good great big little long high low far near white black
red green blue brown gold silver iron man woman men women boy girl child children people person
family home house city town village state country nation world day week month year time today
tomorrow yesterday monday tuesday wednesday thursday friday saturday sunday january february
september october november december morning evening night news report reports official officials
minister president government army military troops forces security attack attacks bomb bombing blast
war peace health hospital school college court law order public free power energy oil water fire
early late post office general center centre central north south east west northern southern eastern
western many several however meanwhile although because since though according earlier later still
even yet already another both either neither whether again soon around among between against
within without across along behind beyond toward towards upon via per despite except including
like unlike near nearby inside outside amid amidst most least lots lot plus minus
ebola virus flu influenza swine avian bird birds h1n1 h5n1 sars aids hiv zika dengue malaria cholera
polio measles anthrax plague hepatitis tuberculosis pandemic epidemic outbreak vaccine
case cases death deaths dead died killed patients patient doctor doctors nurse nurses staff
cooperation communist democratic republican republic kingdom empire federal national international
royal imperial christian muslim islamic islam catholic protestant orthodox jewish hindu buddhist
sikh shia shiite sunni
alliance coalition
christmas easter thanksgiving halloween ramadan ramazan eid diwali deepavali hanukkah hanukah passover
pentecost ashura muharram nowruz navruz navratri vesak lent advent epiphany
""".split())
DEMONYMS_EXTRA = set("""
chinese pakistani pakistanis afghan afghans afghani american americans british briton britons english
french german germans italian italians spanish spaniard russian russians indian indians iranian
iranians iraqi iraqis syrian syrians saudi saudis turkish turk turks uzbek uzbeks tajik tajiks kazakh
kazakhs kyrgyz turkmen baloch balochi baluch pashtun pashtuns punjabi sindhi uyghur uyghurs uighur
uighurs han hui tibetan tibetans mongolian mongol mongols korean koreans japanese thai thais
vietnamese filipino filipinos indonesian malaysian burmese bangladeshi nepali nepalese sri lankan
lankan arab arabs arabic persian kurdish kurd kurds israeli israelis palestinian palestinians
egyptian egyptians libyan nigerian kenyan somali somalis ethiopian sudanese african africans
european europeans asian asians latin mexican mexicans canadian canadians brazilian australian
australians dutch belgian swiss swedish norwegian danish finnish polish czech greek greeks
portuguese irish scottish welsh ukrainian ukrainians belarusian georgian armenian azerbaijani
azeri hazara hazaras tamil tamils sinhalese malay malays cantonese mandarin western eastern
westerners islamist islamists jihadist jihadists
""".split())
FUNCTION_CAPS = {"the", "a", "an", "in", "on", "at", "to", "by", "for", "from", "with", "and", "but",
                 "or", "as", "of", "after", "before", "when", "while", "if", "since", "during", "about",
                 "meanwhile", "however", "also", "both", "near", "outside", "inside", "across", "into",
                 "it", "its", "this", "that", "these", "those", "there", "here", "his", "her", "their",
                 "our", "we", "they", "he", "she", "i", "you", "last", "next", "earlier", "later",
                 "yesterday", "today", "on", "some", "many", "several", "most", "all", "officials",
                 "police", "authorities", "residents", "according", "unlike", "like", "although", "via",
                 "between", "among", "against", "over", "under", "through", "throughout", "within",
                 "around", "toward", "towards", "upon", "than", "then", "where", "who", "which", "what",
                 "so", "yet", "not", "no", "now", "only", "even", "still", "already", "just", "said",
                 "says"}
_LINE_START = re.compile(r"(?m)^[ \t]*")
_DATELINE_TAIL = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:,|—|–|-{1,2}|:)")


_SENT_GAP = re.compile(r"[.!?:;\"“”‘’(\[—–]\s*$|[.!?]['\"”’)]*\s+$")
# the gazetteer's token pattern (gazetteer.TOKEN_RE) as a capturing split, [gap, token, gap, token, ...,
# gap] in one C call; the lookahead only lets "U.S."-style abbreviations try their slower alternative
_SPLIT_RE = re.compile(r"((?=\w\.\w)(?:[^\W\d_]\.){2,}|\w+)")


class _FoldCache(dict):
    """token -> fold(token), filled on first sight (map(_FOLD.__getitem__, ...) stays in C on hits)."""

    def __missing__(self, tok):
        out = fold(tok)
        if len(self) < 200_000:
            self[tok] = out
        return out


_FOLD = _FoldCache()


def _is_cap(s: str) -> bool:
    return s[:1].isupper()


def _allcaps(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


class _AllCapsCache(dict):
    def __missing__(self, s):
        out = _allcaps(s)
        if len(self) < 200_000:
            self[s] = out
        return out


_is_allcaps = _AllCapsCache().__getitem__


class _Ctx:
    __slots__ = ("text", "starts", "ends", "words", "gaps", "caps", "keys", "n", "sent_start", "line_start",
                 "lower_words", "gaz", "allcaps_text", "run_of", "person_keys", "common", "org_end",
                 "surnames")

    def __init__(self, text, gaz):
        self.text = text
        self.gaz = gaz
        parts = _SPLIT_RE.split(text)
        words = parts[1::2]
        gaps = parts[0::2]
        n = len(words)
        offs = list(accumulate(map(len, parts)))  # offs[2i] = start of token i, offs[2i+1] = its end
        self.starts = offs[0::2]
        self.ends = offs[1::2]
        self.words = words
        self.n = n
        self.keys = keys = list(map(_FOLD.__getitem__, words))
        firsts = list(map(itemgetter(0), words))
        self.caps = caps = list(map(str.isupper, firsts))
        self.lower_words = set(compress(keys, map(str.islower, firsts)))
        # token indices that start a line / a sentence; only a gap other than one space can start either
        odd = list(compress(range(n), map(" ".__ne__, gaps)))
        line_start = {i for i in odd if "\n" in gaps[i]}
        if n:
            line_start.add(0)
        sent_start = set(line_start)
        sent_start.update(i for i in odd if caps[i] and _SENT_GAP.search(gaps[i]))
        self.line_start = line_start
        self.sent_start = sent_start
        gaps[0] = ""  # gap(0): nothing before the first token
        self.gaps = gaps
        self.allcaps_text = text.upper() == text and text.lower() != text
        self.common = gaz.common_words
        self.person_keys: set[str] = set()
        # surnames of people named with strong evidence (a given name or a title before them): a later
        # bare mention is the person even when a well-known place bears the name ("Montenegro said")
        self.surnames: set[str] = set()
        self.run_of = self._runs()

    def _runs(self):
        """For each token, the (first, last) token indices of its run of capitalised words."""
        n, keys, caps, gaps, words = self.n, self.keys, self.caps, self.gaps, self.words
        sent_start, line_start, lower_words = self.sent_start, self.line_start, self.lower_words
        run_of = [None] * n
        nxt = 0
        for k in compress(range(n), caps):
            if k < nxt:
                continue
            a = k
            # leading function words and sentence-initial common words are not part of a name
            while a < n and caps[a] and (
                    keys[a] in FUNCTION_CAPS or (a in sent_start and keys[a] in lower_words)):
                a += 1
            if a >= n or not caps[a]:
                nxt = max(a, k + 1)
                continue
            b = a
            while b + 1 < n and caps[b + 1] and b + 1 not in line_start:
                g = gaps[b + 1]
                if g == " " or g == "-" or (g == ". " and len(words[b]) == 1):
                    b += 1
                else:
                    break
            run_of[a:b + 1] = [(a, b)] * (b - a + 1)
            nxt = b + 1
        return run_of

    def gap(self, i):
        """Text between token i-1 and token i."""
        return self.gaps[i] if i > 0 else ""


_JOIN_GAP = re.compile(r"^[ \t]?$|^[ \t]*[-‐‑–'’.][ \t]*$|^\.?[ \t]$|^,[ \t]$")
_join_ok = _JOIN_GAP.match


class _KeyFacts:
    """Per-gazetteer memo of the facts the filters ask about a name key (the index is read-only)."""

    def __init__(self, gaz):
        self.gaz = gaz
        self.info: dict[str, tuple[bool, bool, bool]] = {}
        self.acronyms = {a.replace(".", "") for a in gaz.acronyms}
        self.demonyms = {fold(d) for d in gaz.demonyms} | DEMONYMS_EXTRA

    def get(self, key: str) -> tuple[bool, bool, bool]:
        """(has a record of source "curated", has a curated record, place-like) for a key."""
        out = self.info.get(key)
        if out is None:
            gaz = self.gaz
            recs, curated = gaz.records, gaz.curated
            codes = gaz.index.get(key, ())
            src = any(recs[c >> 1][gazetteer.SOURCE] == "curated" for c in codes)
            cur = any((c >> 1) in curated for c in codes)
            like = False
            for c in codes:
                r = recs[c >> 1]
                if r[KIND] in ("country", "admin1", "other") or r[gazetteer.CAPITAL] or r[POP] >= 1_000_000:
                    like = True
                    break
            out = (src, cur, like)
            if len(self.info) < 100_000:
                self.info[key] = out
        return out


_FACTS: dict[int, _KeyFacts] = {}


def _facts(gaz) -> _KeyFacts:
    f = _FACTS.get(id(gaz))
    if f is None or f.gaz is not gaz:
        f = _FACTS[id(gaz)] = _KeyFacts(gaz)
    return f


def _match_at(ctx: _Ctx, i: int):
    """Longest gazetteer key starting at token i: (last token index, key) or None."""
    gaz = ctx.gaz
    index, prefixes, keys, maxn = gaz.index, gaz.prefixes, ctx.keys, gaz.max_tokens
    key = keys[i]
    if key not in prefixes:  # the common case: a one-word key or nothing
        return (i, key) if key in index else None
    caps, gaps, n = ctx.caps, ctx.gaps, ctx.n
    best = (i, key) if key in index else None
    j = i
    while j + 1 < n and j - i + 1 < maxn and key in prefixes:
        g = gaps[j + 1]
        if g != " " and not _join_ok(g):
            break
        j += 1
        key = key + " " + keys[j]
        if key in index and (caps[j] or _curated_key(gaz, key)):
            best = (j, key)
    return best


def _is_dateline(ctx: _Ctx, i: int, j: int) -> bool:
    if i not in ctx.line_start:
        return False
    words = ctx.words
    if not all(_is_allcaps(words[k]) for k in range(i, j + 1)):
        return False
    end = ctx.ends[j]
    tail = ctx.text[end:end + 40]
    return bool(_DATELINE_TAIL.match(tail))


def _name_token(ctx: _Ctx, k: int) -> bool:
    """Token k looks like part of a proper name that is not itself a place (for person filters)."""
    s = ctx.words[k]
    if not ctx.caps[k] or _is_allcaps(s) and len(s) > 1 and ctx.allcaps_text:
        return False
    key = ctx.keys[k]
    if key in FUNCTION_CAPS or key in DIRECTION_WORDS or key in GENERICS or key in SITE_WORDS:
        return False
    if k in ctx.sent_start and key in ctx.lower_words:
        return False
    if key in STOP or key in ORG_WORDS or key in TITLES:
        return False
    if key in DEMONYMS_EXTRA:
        return False
    if s.isdigit():
        return False
    return True


def _is_place_key(ctx: _Ctx, k: int) -> bool:
    return ctx.keys[k] in ctx.gaz.index


def _site_at(ctx: _Ctx, i: int):
    """A named site starting at token i: (last name token, last token, needs a place inside) or None.

    "<Capitalised Name> <Head>" with a head word of SITE_HEADS ("Madina Mosque", "St Anthony's Shrine",
    "Kabul Longan Hotel"), or "<Place> railway station" (lower-case phrase, only after a known place).
    """
    keys, caps, gaps, words, n = ctx.keys, ctx.caps, ctx.gaps, ctx.words, ctx.n
    if keys[i] in OF_SITE_HEADS:
        return _of_site_at(ctx, i)
    if keys[i] in FUNCTION_CAPS or keys[i] in SITE_HEADS or (i in ctx.sent_start and keys[i] in ctx.lower_words):
        return None
    k = i
    names = 1
    while names <= 5:
        nk = k + 1
        if nk >= n or nk in ctx.line_start:
            return None
        g = gaps[nk]
        if words[nk] == "s" and g in ("'", "’"):  # possessive: "St Anthony's Shrine"
            if k == i and keys[i] in ctx.gaz.index:
                return None  # "Bangkok's Erawan Shrine": the place qualifies the site, it does not name it
            nk += 1
            if nk >= n:
                return None
            g = gaps[nk]
        if not (g == " " or g == "-" or (g == ". " and keys[k] in _NAME_ABBREVIATIONS)):
            return None
        key = keys[nk]
        if caps[nk]:
            if key in SITE_HEADS and not (nk + 1 < n and caps[nk + 1] and gaps[nk + 1] == " ") \
                    and not _org_follows(ctx, nk + 1):
                return k, nk, False
            if key in TITLES and key not in _NAME_ABBREVIATIONS and key != "saint":
                return None
            k = nk
            names += 1
            continue
        for phrase in SITE_PHRASES:
            if tuple(keys[nk:nk + len(phrase)]) == phrase and all(gaps[nk + t] == " " for t in range(1, len(phrase))):
                return k, nk + len(phrase) - 1, True
        return None
    return None


def _of_site_at(ctx: _Ctx, i: int):
    """"<Head> of <Name ...>" starting at token i ("Cathedral of Our Lady of Mount Carmel"): (-1, last token,
    False) or None. The name runs over capitalised words and lower-case joiners and ends on a capitalised word;
    a bare country after "of" ("Church of England", "Palace of Westminster" is kept) names no site."""
    keys, caps, gaps, n = ctx.keys, ctx.caps, ctx.gaps, ctx.n
    if i + 2 >= n or keys[i + 1] != "of" or caps[i + 1] or gaps[i + 1] != " " or gaps[i + 2] != " ":
        return None
    if keys[i] == "church" and keys[i + 2] not in _CHURCH_OF:
        return None
    k = i + 2
    last = None
    while k < n and k - i <= 10:
        if k > i + 2 and not (gaps[k] == " " or gaps[k] == "-" or gaps[k] == ". " and keys[k - 1] in _NAME_ABBREVIATIONS):
            break
        if k in ctx.line_start:
            break
        if caps[k]:
            if keys[k] in FUNCTION_CAPS and keys[k] not in ("the", "our") or keys[k] in TITLES and keys[k] not in (
                    "st", "saint", "imam", "lady", "king", "queen", "prince", "sultan", "sheikh", "pope"):
                break
            last = k
        elif keys[k] not in _OF_SITE_JOINERS:
            break
        k += 1
    if last is None:
        return None
    if last == i + 2 or (last == i + 3 and keys[i + 2] == "the"):
        codes = ctx.gaz.index.get(keys[last], ())
        if any(ctx.gaz.records[c >> 1][KIND] == "country" for c in codes):
            return None  # "Church of England", "Bank of the Philippines"
    return -1, last, False


def _org_follows(ctx: _Ctx, k: int) -> bool:
    """The words from token k on continue a name into an organisation ("China Road and Bridge Corporation")."""
    keys, caps, gaps, n = ctx.keys, ctx.caps, ctx.gaps, ctx.n
    steps = 0
    while k < n and steps < 5 and gaps[k] in (" ", "-"):
        if caps[k] and keys[k] in ORG_WORDS and keys[k] not in GOV_WORDS:
            return True
        if not (caps[k] or keys[k] in ("and", "of", "&")):
            return False
        k += 1
        steps += 1
    return False


def _inner_ok(ctx: _Ctx, i: int, j: int, key: str, facts: _KeyFacts) -> bool:
    """A gazetteer name at the start of a site name is the site's place ("Kabul" in "Kabul Longan Hotel")."""
    src_curated, curated, place_like = facts.get(key)
    if not ctx.caps[j] or key in facts.demonyms or ctx.keys[i] in ("st", "saint"):
        return False
    if j + 1 < ctx.n and ctx.words[j + 1] == "s" and ctx.gaps[j + 1] in ("'", "’"):
        return False  # "St Sebastian's Church" is named after someone
    if i == j and not curated and (key in STOP or len(key) < 3 or key in ctx.common and not place_like):
        return False
    return True


def _raw_mentions(text: str, gaz) -> tuple[_Ctx, list[dict]]:
    ctx = _Ctx(text, gaz)
    keys, n, caps, gaps = ctx.keys, ctx.n, ctx.caps, ctx.gaps
    facts = _facts(gaz)
    demonyms = facts.demonyms
    out = []
    # only a capitalised token, or "the" before one, can start a mention
    starts = list(compress(range(n), caps))
    the = [i for i in compress(range(n - 1), map("the".__eq__, keys)) if not caps[i] and caps[i + 1]]
    if the:
        starts.extend(the)
        starts.sort()
    index, prefixes = gaz.index, gaz.prefixes
    sites = []
    site_heads = not SITE_HEADS.isdisjoint(keys)
    nxt = 0
    for i in starts:
        if i < nxt:
            continue
        if site_heads and caps[i]:
            site = _site_at(ctx, i)
            if site is not None:
                name_end, end, needs_place = site
                m = _match_at(ctx, i)
                if m is None or m[0] < end:  # a gazetteer name that spans the whole site wins (airports)
                    inner = None
                    if m is not None and m[0] <= name_end and _inner_ok(ctx, i, m[0], m[1], facts):
                        inner = {"i": i, "j": m[0], "name_j": m[0], "key": m[1], "hint": None,
                                 "start": ctx.starts[i], "end": ctx.ends[m[0]], "dateline": False}
                    if inner is not None or not needs_place:
                        sites.append({"i": i, "j": end, "start": ctx.starts[i], "end": ctx.ends[end],
                                      "inner": inner})
                        nxt = end + 1
                        continue
        if not caps[i]:
            m = _match_at(ctx, i)
            if not (m and m[0] > i):
                continue
            j, key = m
        elif keys[i] in prefixes:
            m = _match_at(ctx, i)
            if m is None:
                continue
            j, key = m
        elif keys[i] in index:
            j = i
            key = keys[i]
        else:
            continue
        reason = _reject(ctx, i, j, key, facts)
        if reason:
            if reason == "organisation (after)":
                nxt = ctx.org_end + 1  # nothing inside "Balochistan Liberation Army" is a place
            # else try a shorter match inside (e.g. a rejected long alias) by advancing one token
            continue
        # a generic word after the name qualifies it and joins the surface
        hint = None
        jj = j
        if j + 1 < n and keys[j + 1] in GENERICS and gaps[j + 1] in (" ", "-"):
            gword = keys[j + 1]
            nxt_org = j + 2 < n and keys[j + 2] in ORG_WORDS and caps[j + 2] and gaps[j + 2] == " " \
                or caps[j + 1] and j + 2 < n and keys[j + 2] == "of"  # "California Department of Health"
            if nxt_org:
                pass
            elif gword in PLURAL_GENERICS:
                # "Salahuddin and Diyala provinces": the plural qualifies every name of the list and joins none
                hint = GENERICS[gword]
                k = len(out) - 1
                t = i
                while k >= 0 and out[k]["hint"] is None and out[k]["j"] == t - 2 \
                        and (keys[t - 1] in ("and", "or") and gaps[t - 1] == " " or gaps[t] == ", ") \
                        or k >= 0 and out[k]["hint"] is None and out[k]["j"] == t - 1 and gaps[t] == ", ":
                    out[k]["hint"] = hint
                    t = out[k]["i"]
                    k -= 1
            elif not nxt_org and not (caps[j + 1] and gword == "state" and j + 2 < n and caps[j + 2]):
                hint = GENERICS[gword]
                jj = j + 1
                if key + " " + gword in index:  # "Mastung district" is a name of its own
                    key = key + " " + gword
        elif i >= 2 and keys[i - 1] == "of" and keys[i - 2] in _OF_GENERICS and not caps[i - 2] \
                and gaps[i] == " " and gaps[i - 1] == " ":
            hint = _OF_GENERICS[keys[i - 2]]  # "the village of Tamou", "the town of Daquq"
        out.append({"i": i, "j": jj, "name_j": j, "key": key, "hint": hint,
                    "start": ctx.starts[i], "end": ctx.ends[jj],
                    "dateline": _is_dateline(ctx, i, j)})
        nxt = jj + 1
    if ctx.person_keys:
        out = [m for m in out if not (m["i"] == m["name_j"] and m["key"] in ctx.person_keys
                                      and not m["dateline"] and (not facts.get(m["key"])[2]
                                                                 or m["key"] in ctx.surnames)
                                      and m["hint"] is None)]
    return ctx, out, sites


def _reject(ctx: _Ctx, i: int, j: int, key: str, facts: _KeyFacts) -> str | None:
    keys, n, caps, gaps, words = ctx.keys, ctx.n, ctx.caps, ctx.gaps, ctx.words
    single = i == j
    first = words[i]
    src_curated, curated, place_like = facts.get(key)
    if keys[i] == "the" and not src_curated:
        return "lowercase start"
    # every capitalised-looking token; the last word of a multi-word name must be capitalised unless
    # it is a curated name ("Karachi airport")
    if not curated and not caps[j] and not words[j][:1].isdigit():
        return "lowercase end"
    dateline = _is_dateline(ctx, i, j)
    # ALL-CAPS short tokens are acronyms: only those the gazetteer knows as acronyms
    if single and not dateline and not ctx.allcaps_text and _is_allcaps(first):
        letters = sum(c.isalpha() for c in first)
        if letters <= 4 and first.replace(".", "") not in facts.acronyms:
            return "acronym"
    if key in facts.demonyms and not curated:
        return "demonym"
    if single and not curated:
        if key in STOP or len(key) < 3 and not _is_allcaps(first):
            return "stop word"
        if key in ctx.common and not place_like:
            return "common word"
        if i in ctx.sent_start and key in ctx.lower_words and not dateline:
            return "common word"
        if key in MONTH_ABBREVIATIONS and (j + 1 < n and words[j + 1][:1].isdigit()
                                           or i > 0 and words[i - 1].isdigit()):
            return "date"  # "Nov 9", "9 Nov"
        if key in ORG_WORDS and not place_like:
            return "organisation word"  # "Congress", "Union"
        if key in SITE_HEADS and not place_like:
            return "site word"  # "Cathedral", "Station" on their own name no town
    # the head word of a feature's name is no place of its own ("Waiheke Island": not "Island" for Iceland)
    if single and key in FEATURE_WORDS and not curated and i > 0 and caps[i - 1] and gaps[i] == " ":
        return "feature head"
    # a word cut by an apostrophe is part of a longer word ("Jama'at", "Shari'a", "Ba'ath")
    if j + 1 < n and gaps[j + 1] in ("'", "’") and words[j + 1] != "s" and words[j + 1][:1].islower() \
            and not curated:
        return "inside a word"
    if dateline:
        return None
    text = ctx.text
    # a disease named after a place
    if j + 1 < n and keys[j + 1] in DISEASE_WORDS and gaps[j + 1] in (" ", "-"):
        return "disease"
    end = ctx.ends[j]
    if text[end:end + 1] == "$" and (single or j + 1 < n and gaps[j + 1] == ""):
        return "currency"
    # title right before the name (also across "Mr. ")
    k = i - 1
    if k >= 0 and caps[k]:
        if keys[k] in TITLES and gaps[i] in (" ", ". "):
            return "title"
        if keys[k] in PRE_ORG and gaps[i] == " ":
            return "organisation (before)"
    elif k >= 0 and keys[k] in VESSEL_WORDS and gaps[i] == " " and not curated:
        return "vessel name"
    if single and not place_like and j + 1 < n and keys[j + 1] in PEOPLE_AFTER and not caps[j + 1] \
            and gaps[j + 1] == " ":
        return "people"
    # a group's named branch: "Islamic State's Mozambique Province", "the Movement's Sahel Province"
    if i >= 2 and j + 1 < n and keys[j + 1] in BRANCH_WORDS and caps[j + 1] and gaps[j + 1] == " " \
            and keys[i - 1] == "s" and gaps[i - 1] in ("'", "’") and caps[i - 2] \
            and not facts.get(keys[i - 2])[2] and (keys[i - 2] in ORG_WORDS or keys[i - 2] in GOV_WORDS
                                                   or _is_country_key(ctx.gaz, key)):
        return "branch of a group"
    # the run of words after the name: organisation words, natural features
    k = j + 1
    steps = 0
    joined = False  # the previous word was a lower-case "and"/"of"/"for"
    while k < n and steps < 6:
        g = gaps[k]
        if g != " " and g != "-":
            break
        kk = keys[k]
        if steps == 0 and kk in FEATURE_WORDS and caps[k] and not curated:
            return "natural feature"
        if kk in ORG_WORDS and kk not in GOV_WORDS and (caps[k] or kk in ("army", "university", "express", "gang")):
            if not (steps == 0 and kk in SITE_WORDS):
                ctx.org_end = k
                return "organisation (after)"
        if steps == 0 and kk == "news" and k + 1 < n and keys[k + 1] in ("agency", "service") \
                and gaps[k + 1] == " ":
            return "organisation"  # "Xinhua news agency"
        if steps == 0 and kk in GOV_WORDS:
            break
        if caps[k] or kk in ("and", "of", "for", "&") and not joined:
            joined = not caps[k]
            steps += 1
            k += 1
            continue
        break
    # a name joined by "and" into an organisation's name: "National Development and Reform Commission"
    if i >= 2 and keys[i - 1] in ("and", "&") and caps[i - 2] and j + 1 < n and caps[j + 1] \
            and gaps[j + 1] == " " and (keys[j + 1] in ORG_WORDS or keys[j + 1] in GOV_WORDS) and not place_like:
        return "organisation"
    # a saint, not a place: "At St Sebastian's alone"
    if keys[i] in ("st", "saint") and not place_like and j + 1 < n and words[j + 1] == "s" \
            and gaps[j + 1] in ("'", "’"):
        return "saint"
    # organisation before: "University of Karachi", "Bank of China"
    if i >= 2 and keys[i - 1] in ("of", "de") and keys[i - 2] in ORG_WORDS and keys[i - 2] not in GOV_WORDS \
            and caps[i - 2]:
        return "organisation"
    if i >= 3 and keys[i - 1] == "the" and keys[i - 2] == "of" and keys[i - 3] in ORG_WORDS \
            and keys[i - 3] not in GOV_WORDS and caps[i - 3]:
        return "organisation"
    # people: the name sits in a longer run of capitalised words that is not itself a place
    run = ctx.run_of[i]
    if run and (run[0] < i or run[1] > j):
        a, b = run
        others = [t for t in range(a, b + 1) if t < i or t > j]
        if any(keys[t] in TITLES for t in range(a, i)):
            ctx.person_keys.update(keys[t] for t in range(a, b + 1))
            return "person (title)"
        namey = [t for t in others if _name_token(ctx, t) and not facts.get(keys[t])[2]]
        # an institution named with its place in front ("Cadet College Wana") is no person's name
        if namey and not place_like and all(keys[t] not in SITE_WORDS for t in others) \
                and not any(keys[t] in INSTITUTION_WORDS for t in range(a, i)):
            ctx.person_keys.update(keys[t] for t in range(a, b + 1) if keys[t] not in ORG_WORDS)
            return "person (name)"
        # a well-known place inside a person's name: a given name before it ("Luís Montenegro"), or
        # name words on both sides with a title before the run or a verb of speech after it
        # ("spokesman Abdifatah Aden Hassan told")
        if namey and single and place_like and not curated:
            before = [t for t in namey if t < i]
            after = [t for t in namey if t > j]
            strong = any(keys[t] in GIVEN_NAMES and caps[t] for t in before)
            if not strong and before and after:
                strong = a > 0 and not caps[a - 1] and keys[a - 1] in LOWER_TITLES \
                    or b + 1 < n and keys[b + 1] in SPEECH_VERBS and gaps[b + 1] in (" ", ", ")
            if strong:
                ctx.person_keys.update(keys[t] for t in range(a, b + 1) if keys[t] not in ORG_WORDS)
                if j == b:
                    ctx.surnames.add(key)
                return "person (given name)"
    # a surname after a name particle: "Marcelo Rebelo de Sousa"
    if single and not place_like and i >= 2 and not caps[i - 1] and keys[i - 1] in NAME_PARTICLES \
            and gaps[i] == " " and gaps[i - 1] == " " and _name_token(ctx, i - 2) \
            and not facts.get(keys[i - 2])[2]:
        ctx.person_keys.add(key)
        return "person (particle)"
    if single and key in ctx.person_keys and (not place_like or key in ctx.surnames) and not dateline:
        return "person (seen)"
    return None


def _is_country_key(gaz, key: str) -> bool:
    recs = gaz.records
    return any(recs[c >> 1][KIND] == "country" for c in gaz.index.get(key, ()))


def _place_like(gaz, key: str) -> bool:
    """A name whose best-known bearer is a country, region, capital or city of a million."""
    return _facts(gaz).get(key)[2]


def _curated_key(gaz, key: str) -> bool:
    return _facts(gaz).get(key)[1]


def _acronyms(gaz) -> set:
    return _facts(gaz).acronyms


def find_places(text: str, gaz=None) -> list[dict]:
    """Resolved place mentions in ``text``, sorted by start, non-overlapping.

    Each mention: start, end (0-based, end exclusive; ``text[start:end] == surface``), surface, name, kind,
    country_code, admin1, lat, lon, place_id, population, confidence (0..1), source.
    """
    from lib.extract import resolve as geocode

    if gaz is None:
        gaz = gazetteer.load()
    if not text:
        return []
    ctx, raw, sites = _raw_mentions(text, gaz)
    if not sites:
        return _drop_article(geocode.resolve(ctx, raw, gaz))
    inner = [s["inner"] for s in sites if s["inner"] is not None]
    inner_starts = {m["start"] for m in inner}
    found = geocode.resolve(ctx, sorted(raw + inner, key=lambda m: m["start"]), gaz)
    places = [m for m in found if m["start"] not in inner_starts]
    inner_found = {m["start"]: m for m in found if m["start"] in inner_starts}
    out = places + _locate_sites(ctx, places, sites, inner_found)
    out.sort(key=lambda m: m["start"])
    return _drop_article(out)


def _drop_article(ments: list[dict]) -> list[dict]:
    """A curated name matched with its article ("the Sahel", "the Gaza Strip") is reported without it."""
    for m in ments:
        surface = m["surface"]
        if surface[:4] == "the " and len(surface) > 4:
            m["start"] += 4
            m["surface"] = surface[4:]
    return ments


_HOST_KINDS = ("city", "town", "admin2")


def _locate_sites(ctx: _Ctx, places: list[dict], sites: list[dict], inner_found: dict) -> list[dict]:
    """Place each named site at its city: the place inside its name, else the city the sentence names
    (the first one after the site, else the last one before it), else the city the article names most."""
    from lib.extract.text import sentence_at, sentence_spans

    text = ctx.text
    hosts = [m for m in places if m["kind"] in _HOST_KINDS]
    counts: dict[str, int] = {}
    for m in hosts:
        if m["kind"] != "admin2":
            counts[m["place_id"]] = counts.get(m["place_id"], 0) + 1
    home = None
    for m in hosts:  # the most named city or town, the first named among equals
        if m["kind"] != "admin2" and (home is None or counts[m["place_id"]] > counts[home["place_id"]]):
            home = m
    spans = sentence_spans(text)
    out = []
    named = {m["place_id"] for m in places}
    for site in sites:
        inner = inner_found.get(site["start"])
        # the place a site's name starts with is where it is ("Kabul Longan Hotel") when the article names
        # that place elsewhere too; a mosque or church named after a faraway place ("Madina Mosque") is not
        host = inner if inner is not None and inner["kind"] in _HOST_KINDS and inner["place_id"] in named else None
        if host is None:
            a, b = sentence_at(spans, site["start"])
            after = [m for m in hosts if site["end"] <= m["start"] < b and m["start"] - site["end"] <= 60]
            before = [m for m in hosts if a <= m["start"] and m["end"] <= site["start"]]
            host = after[0] if after else before[-1] if before else home
        if host is None and inner is not None and inner["kind"] in _HOST_KINDS:
            host = inner
        if host is None:
            if inner is not None:
                out.append(inner)  # no city to put the site in: keep the place its name starts with
            continue
        i, j = site["i"], site["j"]
        slug = "-".join(ctx.keys[t] for t in range(i, j + 1)
                        if not (ctx.words[t] == "s" and ctx.gaps[t] in ("'", "’")))
        out.append({
            "start": site["start"], "end": site["end"], "surface": text[site["start"]:site["end"]],
            "name": text[site["start"]:site["end"]], "kind": "poi", "country_code": host["country_code"],
            "admin1": host["admin1"], "lat": host["lat"], "lon": host["lon"],
            "place_id": f"site:{slug}@{host['place_id']}", "population": 0,
            "confidence": round(min(0.75, host["confidence"]) * 0.9, 3), "source": "site name",
        })
    return out
