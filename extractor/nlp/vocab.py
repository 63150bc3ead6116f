"""Word lists the name-shape rules and the entity filters share.

Each list is general vocabulary of minutes (meeting words, role words, street words, honorifics),
not names from any particular set of minutes. Everything is lower case except the acronyms.
"""

from __future__ import annotations


def wordset(text: str) -> frozenset[str]:
    """Build a lexicon from a whitespace-separated word list."""
    return frozenset(text.split())


MONTH_NAMES = wordset(
    """january february march april may june july august september october november december jan
    feb mar apr jun jul aug sep sept oct nov dec"""
)

DAY_NAMES = wordset(
    """monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs
    fri sat sun"""
)

HONORIFICS = wordset(
    """alderman archdeacon bishop canon capt captain ch chief cllr col colonel councillor dame dc
    dci dcs det detective di dr ds father hon imam insp inspector judge lady lord major miss
    mr mrs ms mx pc pcso prof professor rabbi rep rev revd reverend senator sergeant sgt sir
    superintendent supt"""
)
"""Words written before a person's name that make the following capitalised words a name."""

ROLE_WORDS = wordset(
    """admin administrator adviser advisor apologies applicant applicants attendees cabinet
    caretaker cathaoirleach chair chairman chairperson chairwoman churchwarden clerk
    co-ordinator commander commissioner constable coordinator councillor councillors deputy
    director gardai gardaí governor governors handyman head headmaster headmistress
    headteacher inspector lead leader liaison
    manager mayor member members minister officer officers parishioner parishioners partner
    partners presenter president principal rep representative resident residents secretary sergeant
    speaker staff treasurer trustee trustees vice volunteer volunteers vp warden"""
)
"""Offices and roles: alone, or closing a span, they name a role rather than a body or person.
"Cathaoirleach" is the chair of an Irish council or committee, "Gardaí" Irish police officers,
"VP" a vice president."""

ROLE_MODIFIERS = wordset("senior junior assistant acting interim principal associate joint")
"""Words that open a role ("Senior Strategy and Policy Officer"), never a name."""

MEETING_WORDS = wordset(
    """action actions agenda agreed annex annual aob apologies appendix appointment appointments
    arising attendance consultation correspondence decision decisions declaration declarations
    draft election elections email final full intro introduction introductions item items matters
    meeting meetings minutes motion nominations note noted notes present presentation
    presentations proposal proposed recommendation recommendations register reply report
    reports resolution resolved review seconded status summary update updates welcome"""
)
"""Words of the business of a meeting: they begin no name ("Annual Parish Council Meeting")."""

TOPIC_WORDS = wordset(
    """accounts agreement allotments application applications balance budget budgets cemetery
    certificate churchyard close closed communications cutting date details events expenses
    finance finances footpaths form forms funding fundraising general governance grants grass
    highways interest interests invoice invoices link location maintenance membership next
    notice open page payments phone planning policies policy procedure procedures public
    question questions receipts repairs safeguarding salary statement subtotal tel time total
    training treasurer venue website"""
) | wordset("due name names organisation organisations organization owner role roles")
"""Topic headings of minutes, and the column names of their attendance and action tables: alone
and capitalised, they are no organisation or person."""

PLACE_HEADS = wordset(
    """ave avenue building buildings car cemetery center centre churchyard close court crescent
    drive drove estate farm field fields gardens green ground grounds grove hall headquarters
    lane library market mews mill
    parade park pavilion playground pump rd road room rooms row square st stadium station street
    terrace walk way wharf yard"""
)
"""Last words of streets, venues and grounds: a span ending in one is a place."""

PERSON_PLACE_HEADS = PLACE_HEADS - wordset(
    "park hall field fields green ground grounds library building buildings mill st"
)
"""The place words that are not also common surnames (Park, Hall, Field...)."""

NAME_PARTICLES = wordset(
    """al bin da das de del della den der di dos du el ibn la le mac ten ter van von"""
)
"""Lower-case words that may sit inside a person's name ("Ludwig van Beethoven")."""

DEPARTMENT_HEADS = wordset(
    """department directorate division office section service services team unit"""
)
"""Heads of internal parts of a body; after "Director of" they name a portfolio, not a body."""

COMPANY_SUFFIXES = wordset("""cic co co. corp corp. gmbh inc inc. limited llc llp ltd ltd. plc""")
"""Legal-form suffixes of companies (UK, US, Irish and a few European ones)."""

ORG_OF_HEADS = wordset(
    """academy agency alliance association authority bank board borough chamber church college
    commission committee council department diocese federation forum foundation friends guild
    institute institution league ministry network office panel partnership service society
    trust union university"""
)
"""Heads that take an "of"/"for" complement in a body's name ("Department for Education",
"Borough Council of King's Lynn", "Friends of Hill Park", "Bank of America")."""

TECH_ACRONYMS = wordset(
    """ALPN API CD CDN CI CLI CMS CORS CPU CRM CSS DNS DOM ESM FTP GPS GPU GUI HTML HTTP
    HTTPS IDL IP IRC JS JSON JWT LAN LTS OS PDF PR QA QUIC RAM RFC RSS SDK SDP SHA SMS SNI SQL
    SSH SSL SSO TCP TF TLS TS TTL UA UDP UI URI URL USB UX VM VPN WAN WG WGLC XML"""
)
"""Technical acronyms that name formats, protocols or parts of software, never a body."""

MINOR_WORDS = wordset("& a an and at by for in of on the to with")
"""Words that may stand inside a name but carry no evidence by themselves."""

THING_HEADS = wordset(
    """attachment attachments notice certificate statement agreement form forms register roll
    details magazine newsletter cost costs fee fees income price prices rent rents
    procedures regulations licence license permit survey audit accounts return minutes agenda
    report policy application abuse theft crime data faq faqs guide guidance handbook toolkit"""
)
"""Last words of documents, topics and things: a model "organisation" ending in one is none."""

COMMON_ACRONYMS = wordset(
    """A&E AGM AI AM AOB API ASAP ASB BAME BME CBE CCTV CEO CFO COO COVID CTO DIY DOB EGM EHCP
    ESOL ETA EU FAQ FYI GB GDP GP HR ICT ICU ID IOT IT KPI KPIS LGBT LGBTQ MBE MEP MP MSP NB
    OBE PDF PM PR PS RSVP SEN SEND TBA TBC TV UK UN URL US USA VAT"""
)
"""Acronyms of things, topics, roles and places (CCTV, AOB, MP, UK), never a body by themselves."""

EVENT_HEADS = wordset("conference conf expo festival hackathon meetup summit symposium workshop")
"""Last words of events: a head-less model "organisation" ending in one is an event."""

SESSION_WORDS = wordset("open")
"""Words that make a following forum or surgery a session of a meeting ("Open Forum")."""

GENERIC_PLAN_WORDS = wordset(
    """action annual budget business capital care case communication communications contingency
    continuity corporate delivery development emergency financial implementation improvement
    integration local maintenance management marketing neighbourhood neighborhood operational
    project recovery risk site strategic test testing training transition work"""
)
"""Words of kinds of plan: a "plan" named by them alone ("Neighbourhood Plan", "Project Plan",
"Business Continuity Plan") is a type of document, not a named programme."""

SOFTWARE_VENDORS = wordset(
    """adobe amazon apple atlassian cisco dropbox facebook github google ibm meta microsoft
    mozilla ms oracle salesforce samsung slack zoom"""
)
"""Large software vendors whose name opens their products' names ("Google Translate",
"Microsoft Teams", "MS Teams"): such a name without a body's head word is a product, not a
body."""

SOFTWARE_HEADS = wordset(
    """api apis app apps browser extension extensions plugin plugins plug-in sdk"""
)
"""Last words of software names ("Maven Compiler Plugin", "User Activation API"): a name
ending in one is neither a person nor a body."""

INSTITUTION_TITLES = wordset(
    "bishop cardinal chief dame father king lady lord prince princess queen sir"
)
"""Titles that open names of institutions named after their holders ("Chief Tecumseh Club",
"Bishop Challoner School", "Sir John Cass Foundation")."""

ARTICLES = wordset("das der die het il las les los")
"""Articles of other languages that open names of publications and bodies ("Die Zeitung"),
never a person's name."""

NAME_JOINERS = wordset(
    """& against and at by da de del der des di du en for from in into la le of on over the to
    und under upon van von with without y"""
)
"""Lower-case words that may stand inside the name of a body ("Friends of the Earth")."""

SOFTWARE_PRODUCTS = wordset(
    """android chrome chromium confluence docker dropbox firefox git github gitlab javascript
    java jenkins jira kubernetes linux perl php python safari slack trello typescript whatsapp
    wikipedia wordpress youtube zoom"""
)
"""Well-known software products and services, named alone: no person and no body."""

BODY_KIND_WORDS = wordset(
    """advisory executive joint management project standing steering sub sub-committee task
    working"""
)
"""Words that name a kind of committee or group ("Sub Committee", "Working Group"): with a
head word alone they are a generic reference, not a named body."""
