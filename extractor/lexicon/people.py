"""Words about people: honorifics, titles, offices and roles, name particles, forms of address."""

from __future__ import annotations

from extractor.lexicon._build import wordset
from extractor.lexicon.bodies import MODEL_ORG_HEADS

TITLES = wordset(
    """alderman archdeacon baron baroness bishop canon capt captain cdr ch chief cllr cllrs col
    colonel commander commissioner constable councillor councillors dame dc dci dcs deputy det
    detective di doctor dr ds father hon honourable imam insp inspector judge justice lady lord
    major mayor miss mr mrs ms mx pc pcso president prof professor ps rabbi rep rev revd
    reverend rt senator sergeant sgt sheriff sir superintendent supt"""
)
"""Titles, ranks and offices written before a person's name ("Cllr", "Supt", "Dr", "Mayor",
"Rt Hon"); lower case, no dots. They are never part of the name itself."""

OFFICE_QUALIFIERS = wordset("acting borough city county district parish right")
"""Words that qualify a title written before a name ("Acting Superintendent", "Borough
Councillor", "Right Honourable"); alone they are no title."""

OFFICES = TITLES | OFFICE_QUALIFIERS
"""The words a name may be preceded by in a header or attendance line: titles and the words
that qualify them ("Acting Chief Inspector Jo Bloggs")."""

OFFICE_TITLES = TITLES & wordset(
    "commander commissioner constable deputy justice mayor president sheriff"
)
"""Titles that are also the names of offices and so stand inside the names of bodies ("Office
of the Traffic Commissioner", "Youth Justice Service", "Mayor's Fund")."""

HONORIFICS = TITLES - OFFICE_TITLES
"""Titles that, written before capitalised words, make them a person's name ("Cllr Jane Roe")
and that cannot begin or stand inside a body's name. The titles of :data:`OFFICE_TITLES` are
left out: they are ordinary words of bodies' names."""

ROLE_WORDS = wordset(
    """admin administrator adviser advisor analyst apologies applicant applicants architect
    assistant attendees cabinet caretaker cathaoirleach ceo cfo chair chairman chairperson
    chairwoman churchwarden clerk co-founder co-ordinator commander commissioner constable
    consultant convener convenor coo coordinator councillor councillors cto deputy developer
    director doctor editor engineer executive facilitator founder gardai gardaí governor
    governors guest handyman head headmaster headmistress headteacher imam inspector lead
    leader liaison manager mayor member members minister note-taker notetaker nurse observer
    officer officers organiser organizer parishioner parishioners partner partners pastor
    presenter president principal rabbi rector rep representative resident residents scribe
    secretary sergeant speaker specialist staff strategist superintendent teacher timekeeper
    treasurer trustee trustees vicar vice volunteer volunteers vp warden worker"""
)
"""Offices and roles (lower case): a phrase holding one names a role ("Parish Clerk", "Head of
Safety"), and alone, or closing a span, one names a role rather than a body or person.
"Cathaoirleach" is the chair of an Irish council or committee, "Gardaí" Irish police officers,
"VP" a vice president."""

NON_HEAD_ROLE_WORDS = ROLE_WORDS - MODEL_ORG_HEADS
"""Role words that are no body's head word: a span ending in one names a role ("Neighbourhood
Policing Inspector"), while "Executive" also ends a body's name ("Children's Safeguarding
Executive", "Health and Safety Executive")."""

GROUP_ROLE_WORDS = ROLE_WORDS & wordset(
    """apologies applicants attendees councillors governors officers parishioners partners
    residents staff trustees volunteers"""
)
"""Role words that name a group of people ("Officers:", "Residents", "Staff")."""

PERSON_ROLE_WORDS = ROLE_WORDS - GROUP_ROLE_WORDS
"""Role words that can be the role of one person, for header and attendance lines. A group
word there labels a list ("Officers:") or stands after several names ("…, Mrs Victoria
Whitehead, Councillors, and …"): read as a role it would end the list or go to one person."""

COMPANY_ROLE_WORDS = ROLE_WORDS & wordset("ceo cfo co-founder coo cto founder")
"""Role words of offices held only in a company: "CEO of X" names X as the company."""

COMPANY_OFFICES = (
    *sorted(COMPANY_ROLE_WORDS),
    *("director", "managing director", "chairman", "chairwoman", "chief executive"),
    *("employee", "employees", "shareholder", "shareholders"),
)
"""Offices held in a company, and its employees and shareholders: "Director of X" and "CEO at
X" name X as the company. Besides the company-only role words, offices that elsewhere have a
portfolio ("Director of Children's Services")."""

PORTFOLIO_ROLE_WORDS = ROLE_WORDS - COMPANY_ROLE_WORDS
"""Role words whose "of"/"for" complement is a portfolio, not a body ("Head of Community
Safety"); a company office's complement is the company ("Susan Boyd, CEO of BH")."""

ROLE_MODIFIERS = wordset("senior junior assistant acting interim principal associate joint")
"""Words that open a role ("Senior Strategy and Policy Officer"), never a name."""

NAME_PARTICLES = wordset(
    """al bin da das de del della den der di dos du e el ibn la le mac st ten ter van von y"""
)
"""Lower-case words that may sit inside a person's name ("Ludwig van Beethoven", "José Ortega
y Gasset"), never at its end."""

FORMS_OF_ADDRESS = TITLES & wordset(
    "dame doctor dr hon lady lord miss mr mrs ms mx prof professor rev revd reverend sir"
)
"""Titles that are forms of address, not offices: never used as a role."""
