"""Words about people: honorifics, titles, offices and roles, name particles, forms of address."""

from __future__ import annotations

from extractor.lexicon._build import wordset

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

NAME_PARTICLES = wordset(
    """al bin da das de del della den der di dos du el ibn la le mac ten ter van von"""
)
"""Lower-case words that may sit inside a person's name ("Ludwig van Beethoven")."""

TITLES = frozenset(
    [
        "councillor",
        "cllr",
        "superintendent",
        "supt",
        "chief",
        "inspector",
        "insp",
        "sergeant",
        "sgt",
        "ps",
        "pc",
        "pcso",
        "dc",
        "ds",
        "di",
        "dci",
        "dcs",
        "constable",
        "detective",
        "commander",
        "commissioner",
        "dr",
        "doctor",
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "prof",
        "professor",
        "sir",
        "dame",
        "lord",
        "lady",
        "rev",
        "revd",
        "reverend",
        "father",
        "rabbi",
        "imam",
        "canon",
        "bishop",
        "mayor",
        "deputy",
        "alderman",
        "rt",
        "hon",
        "honourable",
        "the",
        "cdr",
        "col",
        "capt",
        "captain",
        "major",
    ]
)
"""Offices, ranks and honorifics written before a name; never part of a PERSON mention."""

COMPANY_OFFICES = (
    "director",
    "managing director",
    "chairman",
    "chairwoman",
    "chief executive",
    "ceo",
    "founder",
    "co-founder",
    "employee",
    "employees",
    "shareholder",
    "shareholders",
)
"""Offices held in a company: "Director of X" names X as the company."""

OFFICES: frozenset[str] = wordset(
    """
    councillor councillors cllr cllrs superintendent supt chief inspector insp sergeant sgt
    detective constable pc pcso ps dc ds di dci dr doctor mr mrs ms miss mx prof professor
    rev revd reverend father canon rabbi imam sir dame lord lady baroness baron hon rt right
    honourable mayor deputy acting borough county district parish city alderman sheriff
    president commissioner judge justice
    """
)
"""Office, rank and honorific words that may stand before a name (lower case, no dots)."""

HEADER_ROLE_WORDS: frozenset[str] = wordset(
    """
    member members head officer lead leader manager director chair chairman chairwoman
    chairperson cathaoirleach clerk treasurer secretary coordinator co-ordinator inspector
    representative rep editor adviser advisor consultant administrator executive ceo cfo coo
    cto founder president vice deputy assistant analyst engineer developer architect
    superintendent sergeant constable councillor mayor trustee governor volunteer worker
    organiser organizer facilitator convenor convener minister vicar rector pastor imam
    rabbi principal teacher nurse doctor commissioner liaison handyman scribe notetaker
    note-taker timekeeper presenter speaker guest observer partner specialist strategist
    """
)
"""Words that mark a phrase as a role (lower case)."""

PARTICLES: frozenset[str] = wordset(
    """
    de da di du del della der den van von la le bin ibn al el st y e dos das ter
    """
)

FORMS_OF_ADDRESS: frozenset[str] = wordset(
    """
    mr mrs ms miss mx dr doctor prof professor sir dame lord lady rev revd reverend hon
    """
)
"""Titles that are forms of address, not offices: never used as a role."""
