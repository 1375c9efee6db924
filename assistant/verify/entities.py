"""Names compared as the things they name: "U.S.", "US", "United States", "America" and
"American" are one country; "Poland's" and "Polish" name Poland; "Biden" is "Joe Biden"."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Set as AbstractSet
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING

from assistant.text import CLAIM_STOP_WORDS, MONTHS, WEEKDAYS, stem

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Each line: the country, then its other names and demonyms (adjective, plural people).
_COUNTRIES = """
united states: us, usa, u.s, u.s.a, america, american, americans, washington
united kingdom: uk, u.k, britain, great britain, british, briton, britons, england, english,
  englishman, englishwoman
russia: russian, russians, russian federation, moscow, kremlin
china: chinese, prc, beijing
france: french, frenchman, frenchwoman, paris
germany: german, germans, berlin
poland: polish, pole, poles, warsaw
ukraine: ukrainian, ukrainians, kyiv, kiev
iran: iranian, iranians, tehran
iraq: iraqi, iraqis, baghdad
syria: syrian, syrians, damascus
israel: israeli, israelis
afghanistan: afghan, afghans
pakistan: pakistani, pakistanis
india: indian, indians
japan: japanese, tokyo
italy: italian, italians, rome
spain: spanish, spaniard, spaniards, madrid
ireland: irish, irishman, irishwoman
scotland: scottish, scot, scots, scotsman, scotswoman
wales: welsh, welshman, welshwoman
canada: canadian, canadians, ottawa
mexico: mexican, mexicans
brazil: brazilian, brazilians
australia: australian, australians
turkey: turkish, turks, ankara
egypt: egyptian, egyptians, cairo
saudi arabia: saudi, saudis, riyadh
north korea: north korean, north koreans, pyongyang
south korea: south korean, south koreans, seoul
netherlands: dutch, dutchman, holland
belgium: belgian, belgians
sweden: swedish, swede, swedes
norway: norwegian, norwegians
denmark: danish, dane, danes
finland: finnish, finn, finns
greece: greek, greeks
portugal: portuguese
switzerland: swiss
austria: austrian, austrians
hungary: hungarian, hungarians
czech republic: czech, czechs, czechia
argentina: argentine, argentinian, argentinians
chile: chilean, chileans
colombia: colombian, colombians
venezuela: venezuelan, venezuelans
cuba: cuban, cubans
nigeria: nigerian, nigerians
south africa: south african, south africans
kenya: kenyan, kenyans
ethiopia: ethiopian, ethiopians
lebanon: lebanese
jordan: jordanian, jordanians
yemen: yemeni, yemenis
libya: libyan, libyans
sudan: sudanese
somalia: somali, somalis
philippines: filipino, filipinos, philippine
indonesia: indonesian, indonesians
vietnam: vietnamese
thailand: thai
taiwan: taiwanese
new zealand: new zealander, new zealanders, kiwi
european union: eu, e.u
soviet union: ussr, u.s.s.r, soviet, soviets
sri lanka: sri lankan, sri lankans, colombo
united nations: un, u.n
peru: peruvian, peruvians, lima
bolivia: bolivian, bolivians
ecuador: ecuadorian, ecuadorians
uruguay: uruguayan, uruguayans
paraguay: paraguayan, paraguayans
haiti: haitian, haitians
jamaica: jamaican, jamaicans
bangladesh: bangladeshi, bangladeshis, dhaka
nepal: nepalese, nepali
myanmar: burma, burmese
malaysia: malaysian, malaysians
singapore: singaporean, singaporeans
qatar: qatari, qataris, doha
united arab emirates: uae, emirati, emiratis
kuwait: kuwaiti, kuwaitis
bahrain: bahraini, bahrainis
oman: omani, omanis
morocco: moroccan, moroccans, rabat
algeria: algerian, algerians
tunisia: tunisian, tunisians
ghana: ghanaian, ghanaians
senegal: senegalese
uganda: ugandan, ugandans
tanzania: tanzanian, tanzanians
zimbabwe: zimbabwean, zimbabweans
zambia: zambian, zambians
rwanda: rwandan, rwandans
angola: angolan, angolans
mozambique: mozambican, mozambicans
romania: romanian, romanians
bulgaria: bulgarian, bulgarians
serbia: serbian, serbians, serb, serbs, belgrade
croatia: croatian, croatians, croat, croats
bosnia: bosnian, bosnians
slovakia: slovak, slovaks, slovakian
slovenia: slovenian, slovenians, slovene
estonia: estonian, estonians
latvia: latvian, latvians
lithuania: lithuanian, lithuanians
belarus: belarusian, belarusians, minsk
moldova: moldovan, moldovans
georgia: georgian, georgians, tbilisi
armenia: armenian, armenians
azerbaijan: azerbaijani, azerbaijanis, azeri
kazakhstan: kazakh, kazakhs
uzbekistan: uzbek, uzbeks
iceland: icelandic, icelanders
luxembourg: luxembourger
cyprus: cypriot, cypriots
malta: maltese
albania: albanian, albanians
kosovo: kosovan, kosovar
northern ireland: northern irish
conservative party: conservatives, conservative, tories, tory
labour party: labour
liberal democrats: lib dems, lib dem, liberal democrat
federal reserve: fed
manchester united: man utd, man united
republican party: republicans, republican, gop
democratic party: democrats, democrat
"""
# Words before a name that say what its bearer is, not who.
TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "sir",
        "dame",
        "lord",
        "lady",
        "president",
        "prime",
        "minister",
        "secretary",
        "senator",
        "sen",
        "rep",
        "governor",
        "gov",
        "chancellor",
        "chief",
        "executive",
        "chairman",
        "king",
        "queen",
        "prince",
        "princess",
        "general",
        "gen",
        "pope",
        "the",
        "ceo",
        "boss",
        "head",
        "leader",
    ]
)


# Words that join the words of a name ("Bank of England"), which its initials leave out.
LINKS = frozenset({"of", "for", "and", "the", "&", "on"})


def _alias_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for line in re.sub(r",\n\s+", ", ", _COUNTRIES).strip().splitlines():
        country, _, aliases = line.partition(":")
        table[country] = country
        for alias in aliases.split(","):
            table[alias.strip()] = country
    return table


ALIASES = _alias_table()
_ALIAS_NAMES = frozenset(ALIASES.values())
_ALIASES_LONGEST_FIRST = sorted(ALIASES, key=lambda a: -len(a))
_LONGEST_ALIAS = max(len(a.split()) for a in ALIASES)


_POSSESSIVE = re.compile(r"'s\b|(?<=s)'(?=\s|$)")
# British spellings in names, read as the American ones: "World Health Organisation" is the
# "World Health Organization", "Ministry of Defence" the "Ministry of Defense".
_SPELLINGS = {
    "organisation": "organization",
    "organisations": "organizations",
    "defence": "defense",
    "centre": "center",
    "theatre": "theater",
    "programme": "program",
    "harbour": "harbor",
}
_DOT_COM = re.compile(r"\.com\b")  # "Amazon.com Inc" names Amazon
_SAINT = re.compile(r"\bsaint\b")  # "Saint Helens" is "St Helens"
_SPACED_INITIALS = re.compile(r"\b[a-z](?: [a-z]\b)+")
_BRITISH = re.compile(r"\b(" + "|".join(_SPELLINGS) + r")\b")
_LEADING_THE = re.compile(r"^the\s+")


# A passage's names are looked up run by run, and the same names recur from passage to passage.
@lru_cache(maxsize=16_384)
def normalise(name: str) -> str:
    """Lower case, no accents, dots, possessive or leading "the": "the U.S.'s" -> "us",
    "Temür" -> "temur", "St Aloysius'" -> "st aloysius"."""
    text = name.lower().replace("’", "'")
    if not text.isascii():  # ASCII has no accents to take off: a quarter of a passage's reading
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = _POSSESSIVE.sub("", text)
    text = _DOT_COM.sub("", text).replace(".", "")
    text = _LEADING_THE.sub("", text.strip())
    text = _BRITISH.sub(lambda m: _SPELLINGS[m.group(1)], text)
    text = _SAINT.sub("st", text)
    # "J. K. Rowling" is "JK Rowling": initials spaced apart are read together.
    text = _SPACED_INITIALS.sub(lambda m: m.group(0).replace(" ", ""), text)
    return " ".join(text.split())


def without_titles(name: str) -> str:
    """A name's key (``canonical``) without the titles before it: "Mr Brown" -> "brown"."""
    words = canonical(name).split()
    while len(words) > 1 and words[0] in TITLES:
        words = words[1:]
    return " ".join(words)


# The checks look every word of a passage up by its key, many times over, and words recur:
# 21,569 calls for the presuppositions of 60 RealTimeQA-2022 questions' passages.
@lru_cache(maxsize=100_000)
def canonical(name: str) -> str:
    """The country a name or demonym stands for, else the name normalised."""
    key = normalise(name)
    return ALIASES.get(key, ALIASES.get(key.rstrip("s"), key))


def known_names(text: str) -> set[str]:
    """Every word and run of up to four words of ``text``, normalised and by alias, so a
    name can be looked up however the passage writes it; and each run of capitalised words,
    whole, marked with ``CAPITALISED`` ("^jonatan johansson"), which tells "Norwich" standing
    alone from the "Norwich" of "Norwich Union"."""
    words = _words(text).split()
    names = set(words)
    # Each size's runs from the last's, a word longer: the answer stage reads some 16 texts
    # a question so, and joining each run afresh was a quarter of the time.
    runs = words
    for size in range(2, max(_LONGEST_ALIAS, 4) + 1):
        runs = [f"{run} {word}" for run, word in zip(runs[:-1], words[size - 1 :], strict=True)]
        names.update(runs)
    names.update(ALIASES[run] for run in names & ALIASES.keys())
    names.update(CAPITALISED + run for run in _capitalised_runs(text))
    return names


def _capitalised_runs(text: str) -> list[str]:
    """The runs of capitalised words of ``text``, normalised: a run ends at a word that ends a
    sentence or a clause ("Charlton beat Norwich. The manager"), and the words that open
    sentences without naming ("On Saturday Norwich beat ...") are not part of it."""
    runs: list[list[str]] = [[]]
    for word in text.split():
        bare = word.strip("\"'“”‘’()[]")
        if bare[:1].isupper() and not (
            not runs[-1] and (bare.lower() in CLAIM_STOP_WORDS or _calendar(bare))
        ):
            runs[-1].append(bare)
        elif runs[-1]:
            runs.append([])
        if runs[-1] and word.endswith((".", ",", ";", ":", "!", "?")) and not _initialism(bare):
            runs.append([])
    return [key for run in runs if run and (key := _words(" ".join(run)))]


def _calendar(word: str) -> bool:
    day = word.lower().rstrip(".")
    return day in WEEKDAYS or day in MONTHS


def _initialism(word: str) -> bool:
    """ "U.S.", "Mr.": a full stop that shortens a word, not one that ends a sentence."""
    return bool(re.fullmatch(r"(?:[A-Za-z]\.)+|(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gen|Gov)\.", word))


_AMPERSAND = re.compile(r"(?<=\w)&(?=\w)")
_NOT_IN_WORDS = re.compile(r"[^\w.'’\- ]")


def _words(text: str) -> str:
    """``text`` normalised, its words apart and "S&N" as "sn" (as its initials give it)."""
    text = _AMPERSAND.sub("", text)
    return " ".join(normalise(_NOT_IN_WORDS.sub(" ", text)).replace("-", " ").split())


# Marks a run of capitalised words among ``known_names``.
CAPITALISED = "^"
# Words that say what kind of body a name is ("Norwich City", "Virgin Group"): a passage may
# leave them out, and "Charlton" standing alone names "Charlton Athletic".
_DESIGNATORS = frozenset(
    {"city", "united", "athletic", "rovers", "town", "county", "fc", "wanderers", "albion"}
    | {"club", "inc", "ltd", "plc", "corp", "corporation", "group", "company", "co"}
)
# Kinds of institution, named by the rest of their name ("Harvard" for Harvard University)
# and never by the kind alone: "the University of Maryland" does not name Harvard University,
# though a match report's "United" names the Manchester United it is about.
_INSTITUTIONS = frozenset(
    {"university", "college", "school", "hospital", "airport", "museum", "institute"}
)


# An adjective made of a place's name, and what to take off it to find the name: "Saharan"
# (Sahara), "Amazonian" (Amazon), "Canadian" (Canada).
_OF_PLACE = (("ian", ""), ("ian", "a"), ("an", ""), ("n", ""))
# The shortest adjective so read: "Roman" and "Asian" are names of their own.
_OF_PLACE_LETTERS = 7


def _places_of(word: str) -> list[str]:
    """The place names ``word`` may be an adjective of ("saharan": "sahara", ...)."""
    if len(word) < _OF_PLACE_LETTERS:
        return []
    return [word[: -len(end)] + added for end, added in _OF_PLACE if word.endswith(end)]


# A word of a name asked about, of at least this many letters, that a text lacks may be a
# misspelling of a word the text has one letter off ("Bismark", "Nederrikn", "Intercolleiate").
# On the SQuAD 2.0 tune half (958 answerable, 889 unanswerable questions, 2026-12-06) reading
# such names as the text's: answer contains 0.793 -> 0.803, false refusals 0.050 -> 0.037,
# correct refusals 0.307 -> 0.295 (refusals that came only of a misspelling in a question that
# was unanswerable for another reason: "Marchall Cohen", "Fort Dusquesne"); RealTimeQA-2022
# and gold unchanged.
MISSPELT_LEAST = 6


def respelled(name: str, names: AbstractSet[str]) -> str | None:
    """``name`` with each word that ``names`` lacks, of ``MISSPELT_LEAST`` letters or more,
    spelt as the word of ``names`` one letter off, if there is one ("Who influenced Bismark?"
    of a passage on Bismarck gives "bismarck"); None when no word was respelt."""
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein

    words = _words(name).split()
    lacked = [w for w in words if w not in names and len(w) >= MISSPELT_LEAST]
    if not lacked:
        return None
    single = [w for w in names if " " not in w and w[:1].isalpha()]
    spelt = {}
    for word in lacked:
        found = process.extractOne(word, single, scorer=Levenshtein.distance, score_cutoff=1)
        if found is not None:
            spelt[word] = found[0]
    return " ".join(spelt.get(w, w) for w in words) if spelt else None


def named_in(name: str, names: AbstractSet[str], acronyms: AbstractSet[str]) -> bool:
    """Whether ``name`` is named in a text whose ``known_names`` are ``names``: by itself, by
    alias, by its words without titles ("President Biden" for "Joe Biden" is not enough, but
    "Biden" is), or as the acronym of a name the text spells out."""
    key = _words(name)
    if not key:
        return True
    if key in names or canonical(name) in names:
        return True
    # "General Motors" for a passage that writes "GM".
    initials = "".join(w[0] for w in key.split() if w not in LINKS)
    if len(initials) > 1 and initials in names:
        return True
    # A country inside a long name ("United States Marshals ...") is checked as the country.
    for alias in _ALIASES_LONGEST_FIRST:
        if f" {alias} " in f" {key} " and ALIASES[alias] in names:
            key = f" {key} ".replace(f" {alias} ", " ").strip()
    words = [w for w in key.split() if w not in TITLES and w not in LINKS]
    if not words:
        return True
    if " ".join(words) in names:
        return True
    if len(words) == 1 and words[0].upper() in acronyms:
        return True
    if len(words) == 1 and any(place in names for place in _places_of(words[0])):
        return True
    # "USDA" for "the US Agriculture Department".
    letters = ANY_ORDER + "".join(sorted(words[0].upper()))
    if (
        len(words) == 1
        and len(words[0]) >= 3
        and name.split()[-1].isupper()
        and letters in acronyms
    ):
        return True
    # A first name and a surname the passage gives only to two other people ("Joseph
    # Scheele" of a passage naming Carl Wilhelm Scheele and Joseph Priestley) name neither.
    if len(words) == 2 and len(key.split()) == 2 and words[1] in names:
        given = _given_names(words[1], names)
        if given and words[0] not in given:
            return False
    # Every word of a long name, wherever the passage has it ("Democrats" by "Democratic").
    if all(w in names or ALIASES.get(w, "") in names or "~" + stem(w) in names for w in words):
        return True
    if len(words) > 1 and words[-1] in _INSTITUTIONS:
        return CAPITALISED + " ".join(words[:-1]) in names
    # "Joe Biden" names the Biden of a passage that gives only the surname, not the Biden of
    # one that names another ("President Jill Biden"); a passage that has the word only in
    # lower case ("its software") names no "Sybari Software" (a unit, "km/h", is no name to
    # be capitalised).
    capitalised = name.split()[-1][:1].isupper() if name.split() else False
    if (
        len(words) == 2
        and words[-1] in names
        and (not capitalised or _capitalised_word(words[-1], names))
    ):
        first, surname = words
        return not (_first_names(surname, names) - {first})
    # "Norwich City" for a passage that has "Norwich" alone, not "Norwich Union".
    if len(words) > 1 and words[-1] in _DESIGNATORS:
        return CAPITALISED + " ".join(words[:-1]) in names
    return False


def _capitalised_word(word: str, names: AbstractSet[str]) -> bool:
    """Whether ``word`` stands in a run of capitalised words of the text (``known_names``)."""
    return CAPITALISED + word in names or any(
        name[:1] == CAPITALISED and word in name[1:].split() for name in names
    )


def _given_names(surname: str, names: AbstractSet[str]) -> set[str]:
    """Every word a passage writes before ``surname`` in a capitalised run ("carl" and
    "wilhelm" of "Carl Wilhelm Scheele"), titles and stop words aside."""
    return {
        word
        for name in names
        if name.startswith(CAPITALISED)
        for run in [name[len(CAPITALISED) :].split()]
        if len(run) > 1 and run[-1] == surname
        for word in run[:-1]
        if word not in TITLES and word not in CLAIM_STOP_WORDS
    }


def _first_names(surname: str, names: AbstractSet[str]) -> set[str]:
    """The words a passage writes before ``surname`` in a capitalised run ("Jill" of
    "President Jill Biden"), without titles; none of "voted Stone" or "Ms Stone"."""
    found = set()
    for name in names:
        run = name[len(CAPITALISED) :].split() if name.startswith(CAPITALISED) else []
        if len(run) > 1 and run[-1] == surname:
            before = run[-2]
            if before not in TITLES and before not in CLAIM_STOP_WORDS:
                found.add(before)
    return found


_NAME_TYPES = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART"}
)


def names_of(doc: Doc) -> list[str]:
    """The names ``doc`` mentions: its named entities (without the words around them that are
    not names) and any other proper noun past its first word."""
    spans = []
    covered = {t.i for e in doc.ents for t in e}
    for e in doc.ents:
        if e.label_ not in _NAME_TYPES or _prefix(e) or _scale(e[0]):
            continue
        for part in _owners_apart(e):
            name = _name_words(part)
            joined = _with_alias_before(part, name)
            if joined != name:
                # "Liberal" of "Liberal Democrats" is named with it, not as a name of its own.
                covered.add(part.start - 1)
            spans.append(joined)
    # The tagger calls some lower-case words of a question proper nouns ("algorithm").
    named = [
        t
        for t in doc
        if t.pos_ == "PROPN"
        and t.i not in covered
        and t.lower_ not in CLAIM_STOP_WORDS
        and t.text[:1].isupper()
        and not _scale(t)
    ]
    # Proper nouns side by side are one name ("the Lib Dems", "Man Utd"), which may be an
    # alias; a proper noun alone that opens the text is often just a capital.
    runs: list[list[Token]] = []
    for token in named:
        if runs and runs[-1][-1].i == token.i - 1:
            runs[-1].append(token)
        else:
            runs.append([token])
    for run in runs:
        if len(run) > 1 and canonical(" ".join(t.text for t in run)) in _ALIAS_NAMES:
            spans.append(" ".join(t.text for t in run))
        else:
            spans += [t.text for t in run if t.i]
    return spans


def _owners_apart(entity: Span) -> list[Span]:
    """The names of an entity the tagger ran across a possessive, apart: "Campbell’s State of
    the Sides" (tagged one name when the apostrophe is curly) names Campbell and its report."""
    cuts = [t.i for t in entity if t.lower_ in _POSSESSIVES]
    if not cuts:
        return [entity]
    doc, bounds = entity.doc, [entity.start - 1, *cuts, entity.end]
    parts = [doc[a + 1 : b] for a, b in pairwise(bounds)]
    return [part for part in parts if len(part)]


_POSSESSIVES = frozenset({"'s", "’s", "'", "’"})


def _scale(token: Token) -> bool:
    """Whether ``token`` names a scale of degrees ("degrees Celsius"), which a passage may give
    as a symbol ("565 °C"): a unit, checked with its figure, not a name."""
    return token.i > 0 and token.doc[token.i - 1].lemma_.lower() == "degree"


def _prefix(entity: Span) -> bool:
    """Whether the tagger took a lower-case prefix for a name: the "un" of "un-elected" (the
    UN), the "non" of "non-profit"."""
    doc = entity.doc
    return (
        len(entity) == 1
        and entity.text.islower()
        and entity.end < len(doc)
        and doc[entity.end].text == "-"
    )


def _with_alias_before(entity: Span, name: str) -> str:
    """The name with the capitalised word before it when the two make a known name that the
    tagger split ("Liberal" of "Liberal Democrat leader", tagged an adjective)."""
    if entity.start == 0:
        return name
    before = entity.doc[entity.start - 1]
    joined = f"{before.text} {name}"
    known = normalise(joined) in ALIASES and before.lower_ not in CLAIM_STOP_WORDS
    return joined if before.text[:1].isupper() and known else name


def entity_name(entity: Span) -> str:
    """A named entity as written, without a leading "the" ("the USA" is named "USA")."""
    words = entity[1:] if len(entity) > 1 and entity[0].lower_ == "the" else entity
    return words.text


def entity_of(token: Token) -> Span:
    """The named entity ``token`` is part of, read by the IOB tags: ``doc.ents`` builds every
    entity afresh at each call, and this is asked of each noun of each passage sentence."""
    doc, start, end = token.doc, token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def _name_words(span: Span) -> str:
    """A name without the words around it that are not names: "Frenchman Olivier Patience"
    is checked as "Olivier Patience", "the US Centers for ..." as "US Centers for ..."."""
    words = [t for t in span if t.pos_ == "PROPN" or t.lower_ in {"of", "for", "and"}]
    return " ".join(t.text for t in words) or span.text


def acronyms(text: str) -> set[str]:
    """Initials of capitalised runs in ``text``: "North Atlantic Treaty Organization" gives
    "NATO", so a sentence may use either; and of their first three words or more, since a
    trailing "Union" or "Group" is often left out ("PCS" for "the Public and Commercial
    Services Union")."""
    found: set[str] = set()
    # A comma may join the run too: "the Department for Culture, Media and Sport" (DCMS).
    for run in re.findall(
        r"(?:[A-Z][\w'’-]+(?:\s+(?:of|the|and|for|on)\s+|,\s+(?=[A-Z][\w'’-]+(?:\s+and\s+|,))|\s+)?){2,}",
        text,
    ):
        # "The" opens a sentence, not the name: "The Public and Commercial Services Union".
        words = [w for w in run.split() if w[0].isupper() and w != "The"]
        initials = "".join(w[0] for w in words)
        found.add(initials)
        found.update(initials[:end] for end in range(3, len(initials)))
        # "USDA" for "the US Agriculture Department": a name that holds an acronym of its own
        # ("US") may put its words in another order than the acronym's letters.
        if any(len(w) > 1 and w.isupper() for w in words):
            letters = "".join(w if w.isupper() else w[0] for w in words)
            found.add(ANY_ORDER + "".join(sorted(letters)))
    return found


# Marks the letters of a name's initials, sorted, among ``acronyms``.
ANY_ORDER = "#"
