"""Place-mention recognition (toponym recognition) over English news text.

``find_places(text)`` is the one function the rest of the project calls. It matches gazetteer names over
the text in one pass over its word tokens (a token-level trie: the gazetteer's name index plus the set of
its multi-word name prefixes), longest match first, keeps out people, organisations, demonyms and common
words with the rules below, and hands the surviving mentions to ``lib.extract.resolve`` to pick a place.

Named sites ("Kabul Longan Hotel", "Madina Mosque", "Quetta railway station": a capitalised name with a
head word of SITE_HEADS) are mentions of kind ``poi`` placed at their city: the place their name starts with
when the article names it elsewhere, else the city the sentence names, else the city the article names
most. They have place ids ``site:<name>@<city place id>`` and source ``"site name"``.

Mentions that pass the filters but cannot be resolved are dropped (every returned mention has a place).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from itertools import accumulate, compress, repeat
from operator import eq, itemgetter, methodcaller, ne

from lib.extract import gazetteer, rules
from lib.extract.gazetteer import fold

# The word lists and tables of lib/extract/rules/en/ (each file says what its words do).
TITLES = frozenset(rules.words("titles"))
GIVEN_NAMES = frozenset(rules.words("given_names"))
NAME_PARTICLES = frozenset(rules.words("name_particles"))
SPEECH_VERBS = frozenset(rules.words("speech_verbs"))
LOWER_TITLES = frozenset(rules.words("lower_titles"))
ORG_WORDS = frozenset(rules.words("org_words"))
BUSINESS_WORDS = frozenset(rules.words("business_words"))
VESSEL_WORDS = frozenset(rules.words("vessel_words"))
PEOPLE_AFTER = frozenset(rules.words("people_after"))
GOV_WORDS = frozenset(rules.words("gov_words"))
PRE_ORG = frozenset(rules.words("pre_org"))
FEATURE_WORDS = frozenset(rules.words("feature_words"))
PARTY_LETTERS = frozenset(("r", "d", "i", "dfl", "gop"))  # "R-Elbow Lake": a legislator's party, then home
DISEASE_WORDS = frozenset(rules.words("disease_words"))
SITE_WORDS = frozenset(rules.words("site_words"))
SITE_HEADS = frozenset(rules.words("site_heads"))  # such a site is a mention of its own (see _locate_sites)
OF_SITE_HEADS = frozenset(rules.words("of_site_heads"))
_CHURCH_OF = frozenset(rules.words("church_of"))
_OF_SITE_JOINERS = frozenset(rules.words("of_site_joiners"))
STREET_LEADS = frozenset(rules.words("street_leads"))  # "Avenida Bolivia": a street, its name no place
ESTATE_HEADS = frozenset(rules.words("estate_heads"))  # "the Sligo estate": a housing area, its name no place
_SITE_OPENERS = SITE_HEADS | STREET_LEADS | ESTATE_HEADS  # a text without one of these words names no site
SITE_PHRASES = tuple(tuple(phrase.split()) for phrase in rules.words("site_phrases"))
_NAME_ABBREVIATIONS = frozenset(rules.words("name_abbreviations"))
_GENERIC_ROWS = rules.table("generics", ("word", "kind", "plural"))
GENERICS = {row["word"]: row["kind"] or None for row in _GENERIC_ROWS}
PLURAL_GENERICS = frozenset(row["word"] for row in _GENERIC_ROWS if row["plural"] == "yes")
_OF_GENERICS = {row["word"]: row["kind"] for row in rules.table("of_generics", ("word", "kind"))}
BRANCH_WORDS = frozenset(rules.words("branch_words"))
INSTITUTION_WORDS = frozenset(rules.words("institution_words"))
OFFICE_TITLES = frozenset(rules.words("office_titles"))  # local offices held in a place ("Fargo Mayor ...")
LOCAL_BODIES = frozenset(rules.words("local_bodies"))  # words between a place and its office ("City", "Fire")
MONTH_ABBREVIATIONS = frozenset(rules.words("month_abbreviations"))
DIRECTION_WORDS = frozenset(rules.words("direction_words"))
STOP = frozenset(rules.words("stop_words"))
DEMONYMS_EXTRA = frozenset(rules.words("place_demonyms"))
FUNCTION_CAPS = frozenset(rules.words("function_caps"))
_DATELINE_TAIL = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:,|—|–|-{1,2}|:)")


_SENT_GAP = re.compile(r"[.!?:;\"“”‘’(\[—–]\s*$|[.!?]['\"”’)]*\s+$")


class _SentGapCache(dict):
    """gap -> whether it can end a sentence (_SENT_GAP), filled on first sight: a few gaps (", ", ". ") recur."""

    def __missing__(self, gap):
        out = _SENT_GAP.search(gap) is not None
        if len(self) < 20_000:
            self[gap] = out
        return out


_ends_sentence = _SentGapCache().__getitem__
# the gazetteer's token pattern (gazetteer.TOKEN_RE) as a capturing split, [gap, token, gap, token, ...,
# gap] in one C call; every token starts with a word character, and only one that is a letter followed by
# a stop, a letter and a stop goes on as a "U.S."-style abbreviation (letters and stops), else as a word
_SPLIT_RE = re.compile(r"(\w(?:(?<=[^\W\d_])\.[^\W\d_]\.(?:[^\W\d_]\.)*|\w*))")
# on a text of ASCII characters only, the same pattern with ASCII classes splits alike, faster (a table look-up a
# character instead of the Unicode database's)
_SPLIT_ASCII = re.compile(_SPLIT_RE.pattern, re.ASCII)


class _FoldCache(dict):
    """token -> fold(token), filled on first sight (map(_FOLD.__getitem__, ...) stays in C on hits)."""

    def __missing__(self, tok):
        out = fold(tok)
        if len(self) < 200_000:
            self[tok] = out
        return out


_FOLD = _FoldCache()


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
                 "surnames", "states", "org_keys")

    def __init__(self, text, gaz):
        self.text = text
        self.gaz = gaz
        parts = (_SPLIT_ASCII if text.isascii() else _SPLIT_RE).split(text)
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
        odd = list(compress(range(n), map(ne, gaps, repeat(" "))))  # (operator.ne: no method wrapper)
        line_start = {i for i in odd if "\n" in gaps[i]}
        if n:
            line_start.add(0)
        sent_start = set(line_start)
        sent_start.update(i for i in odd if caps[i] and _ends_sentence(gaps[i]))
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
        self.states: dict[int, str] = {}  # word index -> key of the state a postal abbreviation there names
        self.org_keys: list[str] = []  # names kept out as part of an organisation's ("Georgia Bureau of Investigation")
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
            src = any(recs[c >> 1].source == "curated" for c in codes)
            cur = any((c >> 1) in curated for c in codes)
            like = False
            for c in codes:
                r = recs[c >> 1]
                if r.kind in ("country", "admin1", "other") or r.capital or r.population >= 1_000_000:
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
    comma = None  # (first token after a comma inside the key, the match before it)
    while j + 1 < n and j - i + 1 < maxn and key in prefixes:
        g = gaps[j + 1]
        if g != " " and not _join_ok(g):
            break
        if g[:1] == "," and comma is None:
            comma = (j + 1, best if best is not None and best[0] == j else None)
        j += 1
        key = key + " " + keys[j]
        if key in index and (caps[j] or _curated_key(gaz, key)):
            best = (j, key)
    if comma is not None and comma[1] is not None and best[0] >= comma[0] \
            and _names_area(gaz, " ".join(keys[comma[0]:best[0] + 1])):
        return comma[1]  # "Antigonish, Nova Scotia": an alias of the town, but two places are named
    return best


def _names_area(gaz, key: str) -> bool:
    """Whether a key of several letters is the own name of a country or a first-level region."""
    if len(key.replace(" ", "")) < 4:
        return False  # "Washington, D.C.": an abbreviation stays part of the name
    recs = gaz.records
    return any(code & 1 and recs[code >> 1].kind in ("country", "admin1") for code in gaz.index.get(key, ()))


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


def _site_at(ctx: _Ctx, i: int):
    """A named site starting at token i: (last name token, last token, needs a place inside) or None.

    "<Capitalised Name> <Head>" with a head word of SITE_HEADS ("Madina Mosque", "St Anthony's Shrine",
    "Kabul Longan Hotel"), or "<Place> railway station" (lower-case phrase, only after a known place).
    """
    keys, caps, gaps, words, n = ctx.keys, ctx.caps, ctx.gaps, ctx.words, ctx.n
    if keys[i] in OF_SITE_HEADS:
        return _of_site_at(ctx, i)
    if keys[i] in STREET_LEADS:
        return _led_street_at(ctx, i)
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
            if key in SITE_HEADS and nk + 2 <= n and nk + 1 < n and caps[nk + 1] and gaps[nk + 1] == " " \
                    and keys[nk + 1] in _STREET_SIDES and key in _STREET_HEADS \
                    and not (nk + 2 < n and caps[nk + 2] and gaps[nk + 2] == " "):
                return k, nk + 1, False  # "Dundas Street East", "Oxford Street West"
            if key == "hall" and keys[k] not in _HALL_KINDS:
                return None  # "Joe Hall" is a person; "City Hall", "Crocus City Hall" are halls
            if key in SITE_HEADS and not (nk + 1 < n and caps[nk + 1] and gaps[nk + 1] == " ") \
                    and not _org_follows(ctx, nk + 1):
                if key in _PLACED_HEADS and i > 0 and gaps[i] in (" ", "-") and _name_token(ctx, i - 1):
                    return None  # "Royal Alexandra Hospital": the place does not start the name
                return k, nk, key in _PLACED_HEADS
            if key in TITLES and key not in _NAME_ABBREVIATIONS and key != "saint":
                return None
            k = nk
            names += 1
            continue
        if key in ESTATE_HEADS:
            return k, nk, False  # "the Sligo estate"
        if key in _LOWER_HEADS and k == i and _name_token(ctx, k) and not (nk + 1 < n and caps[nk + 1]
                                                                           and gaps[nk + 1] == " ") \
                and not (i > 0 and gaps[i] in (" ", "-") and _name_token(ctx, i - 1)) \
                and (nk + 1 >= n or gaps[nk + 1] != " " or caps[nk + 1] or keys[nk + 1] in _AFTER_SITE):
            # "Kamenge market", "Lido beach", "Kabul hospital"; not "Bibi Fatima mosque", nor a head that
            # qualifies a noun after it ("the Kandahar mosque bombing")
            return k, nk, key in _PLACED_HEADS
        for phrase in SITE_PHRASES:
            if tuple(keys[nk:nk + len(phrase)]) == phrase and all(gaps[nk + t] == " " for t in range(1, len(phrase))):
                return k, nk + len(phrase) - 1, True
        return None
    return None


_STREET_HEADS = frozenset(("street", "road", "avenue", "drive", "lane", "boulevard"))
# heads that name a site in lower case after a one-word name (a street's or a square's lower-case head is
# mostly a way to somewhere: "the Kabul road")
_LOWER_HEADS = frozenset(("hospital", "market", "bazaar", "beach", "mosque", "church", "hotel", "stadium"))
_AFTER_SITE = frozenset(("in", "on", "at", "of", "near", "outside", "and", "or", "was", "were", "is", "are", "has",
                         "had", "where", "which", "that", "after", "before", "when", "to", "from", "with", "by", "for",
                         "late", "early", "last", "this", "earlier", "overnight", "yesterday", "today", "tonight"))
# heads whose site is one only when its name starts with a known place ("Juba Teaching Hospital"): most
# hospitals named after people ("Kenyatta National Hospital") are where patients are, not places of the story
_PLACED_HEADS = frozenset(("hospital",))
_BRANCH_HEADS = frozenset(("province", "wilayat", "wilayah"))
_GROUP_NAMES = frozenset(("isis", "isil", "is", "daesh"))
_LEAD_JOINERS = frozenset(("de", "del", "la", "las", "los", "da", "do", "dos", "das", "du", "des", "el"))


def _led_street_at(ctx: _Ctx, i: int):
    """"Avenida Bolivia", "Colonia Santa Lucía", "Rue de la Paix" starting at token i: (-1, last token, False), so
    that no place inside it is kept, or None. The name runs over up to four capitalised words and joiners."""
    keys, caps, gaps, n = ctx.keys, ctx.caps, ctx.gaps, ctx.n
    k, last = i + 1, None
    while k < n and k - i <= 5 and gaps[k] in (" ", "-") and k not in ctx.line_start:
        if caps[k] and keys[k] not in FUNCTION_CAPS:
            last = k
        elif keys[k] not in _LEAD_JOINERS:
            break
        k += 1
    return (-1, last, False) if last is not None else None


def _borrowed_name(ctx: _Ctx, site: dict) -> bool:
    """True for a street or an estate ("Sydney Street", "the Sligo estate", "Avenida Bolivia"): the place its
    name starts with is not where it is."""
    keys, j = ctx.keys, site["j"]
    return keys[site["i"]] in STREET_LEADS or keys[j] in ESTATE_HEADS or keys[j] in _STREET_HEADS \
        or j > site["i"] and keys[j] in _STREET_SIDES and keys[j - 1] in _STREET_HEADS
_STREET_SIDES = frozenset(("east", "west", "north", "south"))
_HALL_KINDS = frozenset(("city", "town", "music", "concert", "village", "county", "memorial", "festival", "exhibition",
                         "assembly", "guild", "market", "mess"))


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
        if any(ctx.gaz.records[c >> 1].kind == "country" for c in codes):
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
    the = [i for i in compress(range(n - 1), map(eq, keys, repeat("the"))) if not caps[i] and caps[i + 1]]
    if the:
        starts.extend(the)
        starts.sort()
    index, prefixes = gaz.index, gaz.prefixes
    sites = []
    site_heads = not _SITE_OPENERS.isdisjoint(keys)
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
            unknown = _unknown_town(ctx, i)
            if unknown is not None:
                out.append(unknown)
                nxt = i + 1
            continue
        reason = _reject(ctx, i, j, key, facts)
        if reason:
            if reason.startswith("organisation"):
                ctx.org_keys.append(key)
            if reason == "organisation (after)":
                nxt = ctx.org_end + 1  # nothing inside "Balochistan Liberation Army" is a place
            # else try a shorter match inside (e.g. a rejected long alias) by advancing one token
            continue
        # a generic word after the name qualifies it and joins the surface
        hint = None
        told = False  # an apposition calls the place a town or a village
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
                one = gword[:-3] + "y" if gword.endswith("ies") else gword[:-1]
                if key + " " + one in index:  # "Muscogee and Harris counties": Harris County
                    key = key + " " + one
                k = len(out) - 1
                t = i
                while k >= 0 and out[k]["hint"] is None and out[k]["j"] == t - 2 \
                        and (keys[t - 1] in ("and", "or") and gaps[t - 1] == " " or gaps[t] == ", ") \
                        or k >= 0 and out[k]["hint"] is None and out[k]["j"] == t - 1 and gaps[t] == ", ":
                    out[k]["hint"] = hint
                    if out[k]["key"] + " " + one in index:
                        out[k]["key"] = out[k]["key"] + " " + one
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
        else:
            hint = _appositive_generic(ctx, j)  # "Riyadh, a small town west of Hawija"
            if hint:
                told = True
        out.append({"i": i, "j": jj, "name_j": j, "key": key, "hint": hint,
                    "start": ctx.starts[i], "end": ctx.ends[jj],
                    "dateline": _is_dateline(ctx, i, j), "told_small": told})
        if i == jj and i + 1 < n and gaps[i + 1] == ", ":
            # the district after it places the name where none of its bearers is kept ("Bwera, Kasese district")
            area = _district_after(ctx, i)
            if area is not None:
                out[-1]["area_key"] = area
        nxt = jj + 1
    states = _state_abbreviations(ctx)
    if states:
        # a gazetteer name the abbreviation ends ("Washington, D.C.") stays whole; any other overlap yields
        states = [a for a in states if not any(m["start"] < a["start"] < m["end"] for m in out)]
        out = [m for m in out if not any(a["start"] < m["end"] and m["start"] < a["end"] for a in states)]
        out = sorted(out + states, key=itemgetter("start"))
    if ctx.person_keys:
        out = [m for m in out if not (m["i"] == m["name_j"] and m["key"] in ctx.person_keys
                                      and not m["dateline"] and (not facts.get(m["key"])[2]
                                                                 or m["key"] in ctx.surnames)
                                      and m["hint"] is None and not _locative(ctx, m["i"]))]
    return ctx, out, sites


_TOWN_LEADS = frozenset(("in", "near", "at", "outside", "around", "of"))


def _unknown_town(ctx: _Ctx, i: int) -> dict | None:
    """A town the gazetteer lacks, named before its district ("near Bwera, Kasese district", "in Kolofata,
    Mayo-Sava department", "Bwera, in Kasese district"): a raw mention without candidates of its own that
    carries the district's key (resolution places it at the district, whose kind tells the precision)."""
    keys, caps, gaps, words, n = ctx.keys, ctx.caps, ctx.gaps, ctx.words, ctx.n
    if i + 2 >= n or gaps[i + 1] != ", " or len(keys[i]) < 4 or not words[i][1:].islower():
        return None
    lead = i in ctx.line_start or i > 0 and (keys[i - 1] in _TOWN_LEADS and not caps[i - 1] and gaps[i] == " "
                                             or gaps[i].strip() in ("—", "–", "-", "--"))
    if not lead or not _name_token(ctx, i) or keys[i] in GIVEN_NAMES or keys[i] in ctx.person_keys \
            or keys[i] in ctx.lower_words or keys[i] in ctx.common:
        return None
    area = _district_after(ctx, i)
    if area is None:
        return None
    return {"i": i, "j": i, "name_j": i, "key": keys[i], "hint": None, "start": ctx.starts[i], "end": ctx.ends[i],
            "dateline": False, "told_small": False, "area_key": area}


def _district_after(ctx: _Ctx, i: int) -> str | None:
    """The key of the district named after token i and a comma ("Bwera, Kasese district", "X, in Y district"),
    or None."""
    keys, caps, gaps, n = ctx.keys, ctx.caps, ctx.gaps, ctx.n
    if i + 2 >= n or gaps[i + 1] != ", ":
        return None
    k = i + 1
    if keys[k] == "in" and not caps[k] and gaps[k + 1] == " ":
        k += 1
    if not caps[k]:
        return None
    m = _match_at(ctx, k)
    if m is None:
        return None
    recs = ctx.gaz.records
    if not any(code & 1 and recs[code >> 1].kind == "admin2" for code in ctx.gaz.index.get(m[1], ())):
        return None
    return m[1]


_STATE_ROWS = rules.table("state_abbreviations", ("abbreviation", "state"))
STATE_ABBREVIATIONS = {row["abbreviation"]: gazetteer.normalize_key(row["state"]) for row in _STATE_ROWS}
# "Fairfield, Conn.", "Sen. Jim Smith, D-S.C.": a postal abbreviation with its stops, after a comma or a party;
# the patterns find every word of that shape there, the table says which are states; one pattern a lead, as one that
# starts with a literal is scanned for in C far faster (no match of one can hold the other's lead)
_STATE_RES = tuple(re.compile("(" + lead + r")([A-Z][a-z]{0,4}\.(?: ?[A-Z][a-z]?\.)?)(?![A-Za-z])")
                   for lead in (", ", "-"))
_PARTIES = ("D", "R", "I", "DFL")
_hit_start = methodcaller("start")


def _state_abbreviations(ctx: _Ctx) -> list[dict]:
    """Mentions of the US states the text names by postal abbreviation, after a capitalised name and a comma
    ("Fairfield, Conn.") or a party letter ("D-S.C."); ``ctx.states`` records them for the resolver."""
    text = ctx.text
    if "." not in text:
        return []
    out = []
    starts = ctx.starts
    hits = [hit for pattern in _STATE_RES for hit in pattern.finditer(text)]
    hits.sort(key=_hit_start)
    for hit in hits:
        a, b = hit.span(2)
        abbr = hit.group(2)
        key = STATE_ABBREVIATIONS.get(abbr.replace(" ", ""))
        if key is None and abbr.count(".") == 2:  # "Conn. A. Smith": the first word only
            abbr = abbr[:abbr.index(".") + 1]
            key = STATE_ABBREVIATIONS.get(abbr)
            b = a + len(abbr)
        if key is None:
            continue
        i = bisect_left(starts, a)
        if i >= ctx.n or starts[i] != a or i == 0:
            continue
        if hit.group(1) == "-":
            if ctx.words[i - 1] not in _PARTIES:
                continue
        elif not ctx.caps[i - 1]:
            continue
        j = i
        while j + 1 < ctx.n and starts[j + 1] < b:
            j += 1
        ctx.states[i] = key
        out.append({"i": i, "j": j, "name_j": j, "key": key, "hint": "admin1", "start": a, "end": b,
                    "dateline": False, "told_small": False})
    return out


def _appositive_generic(ctx: _Ctx, j: int) -> str | None:
    """The hint an apposition after a name gives ("Riyadh, a small town", "Dumba, a fishing village"): the kind of
    the town or village word that ends "a" or "an" and up to three lower-case words after the comma, else None."""
    keys, gaps, caps = ctx.keys, ctx.gaps, ctx.caps
    n = len(keys)
    k = j + 1
    if k + 1 >= n or gaps[k] != ", " or keys[k] not in ("a", "an") or caps[k]:
        return None
    for t in range(k + 1, min(n, k + 5)):
        if caps[t] or gaps[t] != " ":
            return None
        if keys[t] in _OF_GENERICS:
            hint = _OF_GENERICS[keys[t]]
            # "Dublin, a city of about 50,000": a city by its own account may be any town of the gazetteer
            return hint if hint in ("town", "village") else None
    return None


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
        if key in TITLES and not place_like:
            return "title word"  # "Police Officer Shawn Barnes": no town Officer, and no person's word either
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
    # "Little Egypt", "Little Italy", "Little Saigon": a district named after a place (the gazetteer's own "Little
    # Rock" matches whole before this)
    if i > 0 and keys[i - 1] == "little" and caps[i - 1] and gaps[i] == " " and not curated:
        return "named after a place"
    # "North West Frontier Province": a name led by a direction that runs on through another capitalised
    # word to a generic is a longer name the gazetteer lacks, and its pieces are no places of their own
    lead = keys[i] in DIRECTION_WORDS or i > 0 and caps[i - 1] and keys[i - 1] in DIRECTION_WORDS \
        and gaps[i] in (" ", "-")
    if lead and not curated and j + 2 < n and caps[j + 1] and gaps[j + 1] in (" ", "-") \
            and keys[j + 1] not in GENERICS and keys[j + 1] not in ORG_WORDS and keys[j + 1] not in GOV_WORDS \
            and caps[j + 2] and keys[j + 2] in GENERICS and GENERICS[keys[j + 2]] == "admin1" and keys[j + 2] not in ("department", "departments") and gaps[j + 2] == " ":
        ctx.org_end = j + 2
        return "organisation (after)"
    # "the Supreme Court", "Texas Superior Court": a small town's name before "Court" names the court
    if single and not place_like and not curated and j + 1 < n and keys[j + 1] in ("court", "courts") \
            and caps[j + 1] and gaps[j + 1] == " " and i > 0 and (keys[i - 1] == "the" or caps[i - 1]) \
            and gaps[i] == " ":
        return "organisation (a court)"
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
        if kk in BUSINESS_WORDS and not curated and (
                caps[k] or steps == 0 and k + 2 < n and keys[k + 1] in ("in", "on", "at") and caps[k + 2]
                and gaps[k + 1] == " " and gaps[k + 2] == " " and i > 0 and keys[i - 1] == "the"):
            # "Memphis Wings", "Bombay Bhel"; "the Istanbul restaurant in Ouagadougou": a business's name
            return "business"
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
    # a group's branch named after its area: "Islamic State Sinai Province", "ISIS West Africa Province"
    if j + 1 < n and caps[j + 1] and keys[j + 1] in _BRANCH_HEADS and gaps[j + 1] == " " and i >= 1 and caps[i - 1] \
            and (keys[i - 1] in _GROUP_NAMES or keys[i - 1] == "state" and i >= 2 and keys[i - 2] == "islamic"):
        ctx.org_end = j + 1
        return "organisation (after)"  # nothing inside the branch's name is a place
    # organisation before: "University of Karachi", "Bank of China"
    if i >= 2 and keys[i - 1] in ("of", "de") and keys[i - 2] in ORG_WORDS and keys[i - 2] not in GOV_WORDS \
            and caps[i - 2]:
        return "organisation"
    if i >= 3 and keys[i - 1] == "the" and keys[i - 2] == "of" and keys[i - 3] in ORG_WORDS \
            and keys[i - 3] not in GOV_WORDS and caps[i - 3]:
        return "organisation"
    # a given name that is also a place, right before a surname: a person ("Georgia Stevens", "Mary Wheeler");
    # the surname then is no place either
    if single and key in GIVEN_NAMES and j + 1 < n and gaps[j + 1] == " " and _surname_at(ctx, j + 1):
        ctx.person_keys.update((key, keys[j + 1]))
        ctx.surnames.add(keys[j + 1])
        return "person (given name)"
    # a legislator's party and home town: "Rep. Torrey Westrom, R-Elbow Lake", "Tom Bakk, DFL-Cook"
    party_home = i > 0 and gaps[i] == "-" and keys[i - 1] in PARTY_LETTERS and words[i - 1].isupper() \
        and (i < 2 or gaps[i - 1] in (", ", " (", "("))
    # people: the name sits in a longer run of capitalised words that is not itself a place
    run = ctx.run_of[i]
    if single and run == (i, i + 1) and not curated and gaps[i + 1] == " " and _name_token(ctx, i + 1) \
            and keys[i + 1] not in ctx.gaz.index and keys[i + 1] not in GIVEN_NAMES \
            and not (i > 0 and keys[i - 1] in _PLACE_PREPOSITIONS) and not _well_known(ctx.gaz, key):
        # "the Mara Salvatrucha": a region's name before a word no gazetteer knows names a gang, a team
        # or a firm (a well-known place keeps its name: "Kabul Serena")
        return "organisation (name)"
    if run and (run[0] < i or run[1] > j) and not party_home:
        a, b = run
        others = [t for t in range(a, b + 1) if t < i or t > j]
        titled = [t for t in range(a, i) if keys[t] in TITLES]
        if titled:
            # the person's words follow the title; "Springfield" in "Springfield Mayor Paris Hilton" is none
            ctx.person_keys.update(keys[t] for t in range(titled[-1] + 1, b + 1))
            return "person (title)"
        office = _office_after(ctx, j, b)
        if office is not None:
            # "Fargo Mayor Dennis Walaker", "Mansfield Police Chief Gary Hobbs": the place of an office, then
            # its holder; only the words after the title are the person's
            ctx.person_keys.update(keys[t] for t in range(office + 1, b + 1) if keys[t] not in ORG_WORDS)
            return None
        namey = [t for t in others if _name_token(ctx, t) and not facts.get(keys[t])[2]]
        # an institution named with its place in front ("Cadet College Wana") is no person's name
        if namey and not place_like and all(keys[t] not in SITE_WORDS for t in others) \
                and not any(keys[t] in INSTITUTION_WORDS for t in range(a, i)) \
                and not any(keys[t] in GOV_WORDS or keys[t] in LOCAL_BODIES or keys[t] in OFFICE_TITLES
                            or keys[t] in ORG_WORDS for t in others if t > j) \
                and not _hyphened_places(ctx, a, b):
            # (a body's or an office's word after the name makes the run a body's name: "Gainesville Public
            # Utilities", "Hall County Environmental Health", "Avoyelles Parish Sheriff's Office")
            # only the words after the run's last title are the person's ("DeKalb County Coroner Dennis
            # Miller": not DeKalb)
            cut = max((t for t in range(a, b + 1) if keys[t] in TITLES or keys[t] in OFFICE_TITLES), default=a - 1)
            ctx.person_keys.update(keys[t] for t in range(cut + 1, b + 1) if keys[t] not in ORG_WORDS)
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
    # a numbered unit or route: "Pack 122", "Region 1", "Highway 10"
    if single and not place_like and not curated and j + 1 < n and words[j + 1].isdigit() and gaps[j + 1] == " " \
            and not (j + 2 < n and caps[j + 2] and gaps[j + 2] == " "):  # (not "Pulkovo 2 Airport")
        return "numbered name"
    # a speaker: "Douglas said", "...," Robertson told reporters' (not "police in Douglas said")
    if single and not place_like and not curated and j + 1 < n and keys[j + 1] in SPEECH_VERBS \
            and not caps[j + 1] and gaps[j + 1] == " " and not (i > 0 and keys[i - 1] in _PLACE_PREPOSITIONS) \
            and not _has_city(ctx.gaz, key):  # "Gainesville says no": a city may speak for its people
        ctx.person_keys.add(key)
        return "person (speaker)"
    if single and key in ctx.person_keys and (not place_like or key in ctx.surnames) and not dateline \
            and not _locative(ctx, i):
        return "person (seen)"
    return None


_LOCATIVES = frozenset(("in", "near", "outside", "around"))


def _locative(ctx: _Ctx, i: int) -> bool:
    """A single name right after "in", "near", "outside" or "around", and not a possessive: a place even where
    a person of that name speaks elsewhere in the text ("Sergeant Mark Napier" ... "a bar in Napier")."""
    keys, gaps = ctx.keys, ctx.gaps
    if i == 0 or keys[i - 1] not in _LOCATIVES or ctx.caps[i - 1] or gaps[i] != " ":
        return False
    return not (i + 1 < ctx.n and keys[i + 1] == "s" and gaps[i + 1] in ("'", "’"))


def _well_known(gaz, key: str) -> bool:
    """Whether some bearer of a name is a country, a capital or a city of 100,000 people or more."""
    recs = gaz.records
    return any(r.kind == "country" or r.capital or r.population >= 100_000 and r.kind in ("city", "town")
               for r in (recs[c >> 1] for c in gaz.index.get(key, ())))


def _has_city(gaz, key: str) -> bool:
    """Whether some bearer of a name is a city (a capital, or 100,000 people or more)."""
    recs = gaz.records
    return any(recs[c >> 1].kind == "city" for c in gaz.index.get(key, ()))


_PLACE_PREPOSITIONS = frozenset(("in", "at", "from", "of", "near", "to", "for", "outside", "across", "around"))


def _hyphened_places(ctx: _Ctx, a: int, b: int) -> bool:
    """Whether a run of capitalised words is two or three place names joined by hyphens ("Fargo-Moorhead",
    "Dallas-Fort Worth"): a twin-city area, not a double-barrelled surname."""
    gaps, keys, index = ctx.gaps, ctx.keys, ctx.gaz.index
    if b - a > 4 or not any(gaps[t] == "-" for t in range(a + 1, b + 1)):
        return False
    parts, cur = [], [keys[a]]
    for t in range(a + 1, b + 1):
        if gaps[t] == "-":
            parts.append(" ".join(cur))
            cur = [keys[t]]
        elif gaps[t] == " ":
            cur.append(keys[t])
        else:
            return False
    parts.append(" ".join(cur))
    return 2 <= len(parts) <= 3 and all(p in index and p not in NAME_PARTICLES and len(p) > 3 for p in parts)


def _office_after(ctx: _Ctx, j: int, b: int) -> int | None:
    """The index of an office title right after a place name (up to two body words between, as in "Police
    Chief" or "City Commissioner") when a name follows it in the same run, else None."""
    keys = ctx.keys
    t = j + 1
    while t < b and t - j <= 3:
        kk = keys[t]
        if kk in TITLES or kk in OFFICE_TITLES:
            return t if t < b and ctx.gaps[t] == " " else None
        if kk not in GOV_WORDS and kk not in LOCAL_BODIES:
            return None
        t += 1
    return None


def _surname_at(ctx: _Ctx, k: int) -> bool:
    """Token k can be a surname after a given name: a capitalised name word ending its run of capitalised
    words, no generic or feature word, and not forming a longer place name with the word before it."""
    key = ctx.keys[k]
    if not _name_token(ctx, k) or key in FEATURE_WORDS or key in INSTITUTION_WORDS or key in GOV_WORDS \
            or key in SITE_HEADS or key in BRANCH_WORDS:
        return False
    run = ctx.run_of[k]
    if run and run[1] != k:
        return False
    pair = ctx.keys[k - 1] + " " + key
    return pair not in ctx.gaz.index and pair not in ctx.gaz.prefixes


def _is_country_key(gaz, key: str) -> bool:
    recs = gaz.records
    return any(recs[c >> 1].kind == "country" for c in gaz.index.get(key, ()))


def _curated_key(gaz, key: str) -> bool:
    return _facts(gaz).get(key)[1]


def find_places(text: str, gaz=None) -> list[dict]:
    """Resolved place mentions in ``text``, sorted by start, non-overlapping.

    Each mention: start, end (0-based, end exclusive; ``text[start:end] == surface``), surface, name, kind,
    country_code, admin1, lat, lon, place_id, population, confidence (0..1), source.
    """
    from lib.extract import resolve

    if gaz is None:
        gaz = gazetteer.load()
    if not text:
        return []
    ctx, raw, sites = _raw_mentions(text, gaz)
    tokens = resolve.Tokens(ctx.text, ctx.keys, ctx.caps, ctx.gaps, ctx.states, tuple(ctx.org_keys))
    if not sites:
        return _drop_article(resolve.resolve(tokens, raw, gaz))
    inner = [s["inner"] for s in sites if s["inner"] is not None]
    inner_starts = {m["start"] for m in inner}
    found = resolve.resolve(tokens, sorted(raw + inner, key=lambda m: m["start"]), gaz)
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
        borrowed = _borrowed_name(ctx, site)
        # a lower-case head after a place's name is a site in that place ("the Kabul hospital")
        own = not ctx.caps[site["j"]] and ctx.keys[site["j"]] in _LOWER_HEADS and inner is not None \
            and inner["kind"] == "city"
        if ctx.keys[site["j"]] in _PLACED_HEADS and not (inner is not None and inner["place_id"] in named):
            # "Frederick Memorial Hospital" is a site only where the story names Frederick too; else the
            # place its name starts with is the mention after a lower-case head ("the Benghazi hospital")
            if inner is not None and not ctx.caps[site["j"]]:
                out.append(inner)
            continue
        host = inner if inner is not None and inner["kind"] in _HOST_KINDS and (inner["place_id"] in named or own) \
            and not borrowed else None
        if host is None:
            a, b = sentence_at(spans, site["start"])
            after = [m for m in hosts if site["end"] <= m["start"] < b and m["start"] - site["end"] <= 60]
            before = [m for m in hosts if a <= m["start"] and m["end"] <= site["start"]]
            # a town beats the district named with it ("Porto-Vecchio, Corse-du-Sud: ... near Palombaggia beach")
            after = [m for m in after if m["kind"] != "admin2"] or after
            before = [m for m in before if m["kind"] != "admin2"] or before
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
