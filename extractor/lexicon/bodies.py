"""Words about bodies and programmes: head words, class nouns, suffixes, kinds of body."""

from __future__ import annotations

from extractor.lexicon._build import wordset

DEPARTMENT_HEADS = wordset(
    """department directorate division office section service services team unit"""
)
"""Heads of internal parts of a body; after "Director of" they name a portfolio, not a body."""

COMPANY_SUFFIXES = wordset("""cic co co. corp corp. gmbh inc inc. limited llc llp ltd ltd. plc""")
"""Legal-form suffixes of companies (UK, US, Irish and a few European ones)."""

GENERIC_PLAN_WORDS = wordset(
    """action annual budget business capital care case communication communications contingency
    continuity corporate delivery development emergency financial implementation improvement
    integration local maintenance management marketing neighbourhood neighborhood operational
    project recovery risk site strategic test testing training transition work"""
)
"""Words of kinds of plan: a "plan" named by them alone ("Neighbourhood Plan", "Project Plan",
"Business Continuity Plan") is a type of document, not a named programme."""

INSTITUTION_TITLES = wordset(
    "bishop cardinal chief dame father king lady lord prince princess queen sir"
)
"""Titles that open names of institutions named after their holders ("Chief Tecumseh Club",
"Bishop Challoner School", "Sir John Cass Foundation")."""

BODY_KIND_WORDS = wordset(
    """advisory executive joint management project standing steering sub sub-committee task
    working"""
)
"""Words that name a kind of committee or group ("Sub Committee", "Working Group"): with a
head word alone they are a generic reference, not a named body."""

ORG_HEADS = frozenset(
    [
        "council",
        "police",
        "constabulary",
        "board",
        "panel",
        "partnership",
        "forum",
        "committee",
        "subcommittee",
        "group",
        "association",
        "trust",
        "foundation",
        "synagogue",
        "church",
        "mosque",
        "temple",
        "gurdwara",
        "cathedral",
        "service",
        "services",
        "society",
        "authority",
        "agency",
        "commission",
        "institute",
        "university",
        "college",
        "school",
        "academy",
        "federation",
        "union",
        "network",
        "alliance",
        "coalition",
        "consortium",
        "hospital",
        "surgery",
        "practice",
        "office",
        "ministry",
        "assembly",
        "parliament",
        "inspectorate",
        "brigade",
        "corporation",
        "company",
        "ltd",
        "limited",
        "plc",
        "llp",
        "cic",
        "charity",
        "club",
        "bank",
        "chamber",
        "diocese",
        "league",
        "guild",
        "cooperative",
        "co-operative",
    ]
)
"""Last words that make a run of capitalised words an organisation ("Safer Neighbourhood Board")."""

OF_ONLY_HEADS = wordset("borough department friends institution")
"""Words that head a body's name only with an "of"/"for" complement ("Borough of Poole",
"Department for Education", "Friends of Hill Park", "Institution of Civil Engineers")."""

ORG_OF_HEADS = ORG_HEADS | OF_ONLY_HEADS
"""Heads that take an "of"/"for" complement in a body's name ("Borough Council of King's Lynn",
"Bank of America", "School of Nursing"): every head word, and those that head a name only so."""

PROGRAMME_HEADS = frozenset(
    [
        "programme",
        "program",
        "plan",
        "masterplan",
        "strategy",
        "fund",
        "scheme",
        "duty",
        "act",
        "law",
        "charter",
        "initiative",
        "grant",
        "framework",
        "campaign",
        "bill",
        "pledge",
        "project",
        "compact",
        "levy",
        "watch",
    ]
)
"""Last words that make a run of capitalised words a programme ("Serious Violence Duty")."""

MODEL_ORG_HEADS = ORG_HEADS | frozenset({"executive", "department", "directorate", "team"})
"""Head words accepted as evidence for a statistical ORG span (wider than the rule heads)."""

GENERIC = frozenset(
    [
        "council",
        "police",
        "government",
        "mayor",
        "board",
        "panel",
        "committee",
        "partnership",
        "forum",
        "group",
        "trust",
        "service",
        "services",
        "authority",
        "agency",
        "team",
        "department",
        "organisation",
        "organization",
        "company",
        "charity",
    ]
)
"""Words that alone are generic references ("the council"), not entities."""

LOWER_PROGRAMME_HEADS = sorted(
    PROGRAMME_HEADS & wordset("campaign fund grant initiative program programme project scheme")
)
"""The programme heads that make a programme's name written in lower case ("Safer
Neighbourhoods initiative")."""

KIND_HEADS = ORG_HEADS & wordset("authority constabulary council police")
"""The head words that, after nothing but kind words, make a reference to a body by its kind
("Borough Council", "Police")."""

BODY_KINDS = KIND_HEADS | wordset("the borough county district city parish town unitary local")
"""Words of a reference to a body by its kind alone ("the Unitary Authority", "Parish Council"):
the kind heads and the words that say which kind."""

ORG_NOUNS = wordset(
    """bodies company companies firm firms charity charities organisation organisations organization
    organizations business businesses contractor contractors supplier suppliers consultancy
    consultancies agency agencies association associations society societies foundation
    foundations provider providers operator operators developer developers housebuilder
    housebuilders retailer retailers manufacturer manufacturers bank banks insurer insurers
    publisher publishers nonprofit nonprofits non-profit non-profits enterprise enterprises
    cooperative co-operative employer employers funder funders sponsor sponsors"""
)
"""Class nouns whose members are organisations."""

CLASS_NOUNS = ORG_NOUNS & wordset(
    """agencies bodies charities companies firms funders organisations organizations providers
    sponsors"""
)
"""Plural nouns whose examples are organisations ("organisations such as …")."""

PROGRAMME_NOUNS = wordset(
    """lottery lotteries scheme schemes programme programmes program programs fund funds
    campaign campaigns initiative initiatives"""
)
"""Class nouns whose members are programmes."""

ORG_MARKERS = wordset(
    """center centre clinic cvs fund government healthwatch housing nhs organisation
    organization project sector tag tsc wg working"""
)
"""Words that mark a phrase as an organisation without heading a body's name in the tagger's
rules ("NHS", "Housing", "Community Centre", "Working Group"; "CVS" a council for voluntary
service, "TAG", "TSC" and "WG" technical groups)."""

ORG_WORDS = ORG_OF_HEADS | MODEL_ORG_HEADS | DEPARTMENT_HEADS | COMPANY_SUFFIXES | ORG_MARKERS
"""Words that mark a phrase in a header or attendance line as an organisation (lower case):
every head word of a body, a body's internal part or legal form, and the markers."""


CLASS_NOUN_STEMS = (
    "agenc",
    "charit",
    "compan",
    "consultanc",
    "lotter",
    "operative",
    "profit",
    "societ",
)
"""Stems of class nouns whose plural or spelling changes the ending ("agency", "agencies")."""
