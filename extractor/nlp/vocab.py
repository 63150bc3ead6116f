"""Word lists the name-shape rules and the entity filters share.

Each list is general vocabulary of minutes (meeting words, role words, street words, honorifics),
not names from any particular set of minutes. Everything is lower case.
"""

from __future__ import annotations

MONTH_NAMES = frozenset(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
)
DAY_NAMES = frozenset(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"]
)

HONORIFICS = frozenset(
    ["mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "cllr", "councillor", "revd", "rev", "reverend", "sgt", "sergeant", "pc", "pcso", "insp", "inspector", "supt", "superintendent", "ch", "chief", "di", "ds", "dc", "dci", "dcs", "det", "detective", "sir", "dame", "lord", "lady", "rabbi", "imam", "father", "canon", "bishop", "archdeacon", "capt", "captain", "major", "col", "colonel", "judge", "senator", "rep", "alderman", "hon"]
)
"""Words written before a person's name that make the following capitalised words a name."""

ROLE_WORDS = frozenset(
    ["chair", "chairman", "chairwoman", "chairperson", "vice", "deputy", "clerk", "treasurer", "secretary", "president", "officer", "manager", "director", "head", "lead", "leader", "coordinator", "co-ordinator", "administrator", "adviser", "advisor", "member", "members", "councillor", "councillors", "trustee", "trustees", "governor", "governors", "warden", "churchwarden", "handyman", "caretaker", "inspector", "sergeant", "constable", "commander", "commissioner", "executive", "liaison", "representative", "rep", "speaker", "mayor", "minister", "cabinet", "attendees", "apologies", "parishioner", "parishioners", "resident", "residents", "applicant", "applicants", "volunteer", "volunteers", "officers", "staff", "partner", "partners", "presenter"]
)
"""Offices and roles: alone, or closing a span, they name a role rather than a body or person."""

MEETING_WORDS = words(
    """agenda minutes meeting meetings item items report reports update updates action actions
    decision decisions resolution resolved motion proposal proposed seconded agreed noted
    present attendance apologies welcome introductions introduction matters arising aob
    correspondence review register consultation presentation presentations appendix annex
    summary note notes recommendation recommendations declaration declarations election
    elections nominations appointment appointments reply email annual full draft final"""
)
"""Words of the business of a meeting: they begin no name ("Annual Parish Council Meeting")."""

TOPIC_WORDS = words(
    """finance finances accounts budget budgets payments receipts balance salary expenses
    invoice invoices application applications policy policies procedure procedures statement
    certificate notice agreement form forms details date time venue location next close
    closed questions question open public general total subtotal interests interest phone
    tel website page link fundraising grants funding planning highways footpaths allotments
    cemetery churchyard grass cutting maintenance repairs training safeguarding membership
    treasurer governance communications events"""
)
"""Topic headings of minutes: alone and capitalised, they are no organisation or person."""

PLACE_HEADS = frozenset(
    ["road", "rd", "lane", "street", "st", "avenue", "ave", "drive", "drove", "close", "crescent", "way", "square", "row", "terrace", "gardens", "estate", "walk", "wharf", "yard", "parade", "mews", "grove", "park", "churchyard", "cemetery", "station", "centre", "center", "hall", "room", "rooms", "pavilion", "building", "buildings", "field", "fields", "ground", "grounds", "stadium", "library", "pump", "playground", "car"]
)
"""Last words of streets, venues and grounds: a span ending in one is a place."""

PERSON_PLACE_HEADS = PLACE_HEADS - frozenset(
    ["park", "hall", "field", "fields", "ground", "grounds", "library", "building", "buildings", "st"]
)
"""The place words that are not also common surnames (Park, Hall, Field...)."""

NAME_PARTICLES = frozenset(
    ["van", "von", "de", "da", "del", "della", "der", "den", "di", "du", "la", "le", "bin", "ibn", "al", "el", "ter", "ten", "dos", "das", "mac"]
)
"""Lower-case words that may sit inside a person's name ("Ludwig van Beethoven")."""

DEPARTMENT_HEADS = frozenset(
    ["service", "services", "department", "team", "unit", "directorate", "division", "office", "section"]
)
"""Heads of internal parts of a body; after "Director of" they name a portfolio, not a body."""

COMPANY_SUFFIXES = frozenset(
    ["ltd", "ltd.", "limited", "plc", "llp", "inc", "inc.", "llc", "cic", "co", "co.", "corp", "corp.", "gmbh"]
)
"""Legal-form suffixes of companies (UK, US, Irish and a few European ones)."""

ORG_OF_HEADS = frozenset(
    ["department", "ministry", "office", "board", "council", "association", "society", "institute", "institution", "university", "college", "federation", "union", "bank", "chamber", "friends", "borough", "diocese", "commission", "authority", "agency", "trust", "foundation", "league", "guild", "academy", "church", "committee", "panel", "forum", "partnership", "network", "alliance", "service"]
)
"""Heads that take an "of"/"for" complement in a body's name ("Department for Education",
"Borough Council of King's Lynn", "Friends of Hill Park", "Bank of America")."""

TECH_ACRONYMS = frozenset(
    ["HTML", "CSS", "UI", "UX", "UA", "URI", "URL", "HTTP", "HTTPS", "JSON", "XML", "SQL", "DNS", "TLS", "SSL", "API", "SDK", "CLI", "GUI", "OS", "PR", "CI", "CD", "QA", "RFC", "PDF", "DOM", "JS", "TS", "IDL", "WG", "TF", "IP", "TCP", "UDP", "VPN", "SMS", "GPS", "RSS", "FTP", "SSH"]
)
"""Technical acronyms that name formats, protocols or parts of software, never a body."""

MINOR_WORDS = frozenset(["a", "an", "and", "&", "of", "for", "the", "in", "on", "at", "to", "by", "with"])
"""Words that may stand inside a name but carry no evidence by themselves."""
