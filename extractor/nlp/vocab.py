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
    """administrator adviser advisor apologies applicant applicants attendees cabinet caretaker
    chair chairman chairperson chairwoman churchwarden clerk co-ordinator commander
    commissioner constable coordinator councillor councillors deputy director
    governor governors handyman head inspector lead leader liaison manager mayor member
    members minister officer officers parishioner parishioners partner partners presenter
    president rep representative resident residents secretary sergeant speaker staff treasurer
    trustee trustees vice volunteer volunteers warden"""
)
"""Offices and roles: alone, or closing a span, they name a role rather than a body or person."""

ROLE_MODIFIERS = wordset("senior junior assistant acting interim principal associate joint")
"""Words that open a role ("Senior Strategy and Policy Officer"), never a name."""

MEETING_WORDS = wordset(
    """action actions agenda agreed annex annual aob apologies appendix appointment appointments
    arising attendance consultation correspondence decision decisions declaration declarations
    draft election elections email final full introduction introductions item items matters
    meeting meetings minutes motion nominations note noted notes present presentation
    presentations proposal proposed recommendation recommendations register reply report
    reports resolution resolved review seconded summary update updates welcome"""
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
)
"""Topic headings of minutes: alone and capitalised, they are no organisation or person."""

PLACE_HEADS = wordset(
    """ave avenue building buildings car cemetery center centre churchyard close court crescent
    drive drove estate field fields gardens green ground grounds grove hall lane library market mews
    parade park pavilion playground pump rd road room rooms row square st stadium station street
    terrace walk way wharf yard"""
)
"""Last words of streets, venues and grounds: a span ending in one is a place."""

PERSON_PLACE_HEADS = PLACE_HEADS - wordset(
    "park hall field fields green ground grounds library building buildings st"
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
    """API CD CI CLI CSS DNS DOM FTP GPS GUI HTML HTTP HTTPS IDL IP JS JSON OS PDF PR QA RFC RSS
    SDK SMS SQL SSH SSL TCP TF TLS TS UA UDP UI URI URL UX VPN WG XML"""
)
"""Technical acronyms that name formats, protocols or parts of software, never a body."""

MINOR_WORDS = wordset("& a an and at by for in of on the to with")
"""Words that may stand inside a name but carry no evidence by themselves."""

THING_HEADS = wordset(
    """notice certificate statement agreement form forms register roll details magazine newsletter
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
