"""Words of the business of a meeting: meeting, topic, thing and event words, labels, openers."""

from __future__ import annotations

from extractor.lexicon._build import wordset
from extractor.lexicon.bodies import GENERIC
from extractor.lexicon.calendar import DAY_NAMES, MONTH_NAMES
from extractor.lexicon.people import ROLE_WORDS

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

THING_HEADS = wordset(
    """attachment attachments notice certificate statement agreement form forms register roll
    details magazine newsletter cost costs fee fees income price prices rent rents
    procedures regulations licence license permit survey audit accounts return minutes agenda
    report policy application abuse theft crime data faq faqs guide guidance handbook toolkit"""
)
"""Last words of documents, topics and things: a model "organisation" ending in one is none."""

EVENT_HEADS = wordset("conference conf expo festival hackathon meetup summit symposium workshop")
"""Last words of events: a head-less model "organisation" ending in one is an event."""

SESSION_WORDS = wordset("open")
"""Words that make a following forum or surgery a session of a meeting ("Open Forum")."""

LONE_WORDS = ROLE_WORDS | MEETING_WORDS | TOPIC_WORDS | MONTH_NAMES | DAY_NAMES | GENERIC
"""Words that alone are never an ORG or a PERSON."""

MEETING_NOUNS = wordset("meeting meetings teleconference telecon telcon call minutes")
"""Words after which an acronym names the body that meets ("TAG Teleconference")."""

DOCUMENT_ENDS = MEETING_WORDS & wordset(
    "agenda meeting meetings minutes notes report reports review status summary update updates"
)
"""Last words of a meeting's documents and business; no body's name ends in one."""

SENTENCE_OPENERS = wordset(
    "no none nothing nil n/a there it we they he she i this that these all not"
)
"""First words of a short remark ("No matters raised"), never of a topic line."""

ITEM_LABELS: frozenset[str] = wordset(
    """
    action actions agenda agreed answer apologies aob attendees background clerk closure
    comment comments conclusion decision decisions discussion goals guest guests issue
    issues location minutes next note notes outcome present proposal purpose question
    questions regrets remote resolution resolved result status summary time topic update
    updates venue date chair notetakers scribe coming recording links link example e.g see
    tbc todo warning
    """
)
"""Words that end in a colon as labels, never as a speaker's name."""

OUTCOME_WORDS = (
    "minutes",
    "approve",
    "adopted",
    "agreed",
    "resolved",
    "decided",
    "voted",
    "carried",
    "passed",
)
"""One of these is in every text :data:`_OUTCOME` matches."""

CAPITAL_LABELS: frozenset[str] = frozenset(
    """
    ACTION ACTIONS AGREED RESOLVED NOTED NOTE NOTES DRAFT MINUTES AGENDA DECISION DECISIONS
    ITEM ITEMS UPDATE URGENT NEW ALL NONE APOLOGIES PRESENT CHAIR OPEN CLOSED DONE YES NO
    AND THE OF FOR TO IN ON AT BY OR NOT ANY OTHER BUSINESS PART TOTAL DATE TIME VENUE
    """.split()  # noqa: SIM905
)
"""All-capital words minutes write as labels or emphasis, not acronyms."""

REFERENCE_WORDS = frozenset(
    {"appendix", "annex", "attachment", "exhibit", "figure", "item", "room", "section", "table"}
)


FRONT_MATTER_KEYS = frozenset(
    {
        *("title", "date", "modified", "category", "categories", "tags", "slug", "author"),
        *("authors", "summary", "lang", "status", "template", "save_as", "url", "location"),
        "time",
    }
)
"""Keys that Pelican-style front matter uses; a top block made only of these is metadata."""

ATTENDANCE_LABEL_WORDS = (
    *("apolog", "regrets", "absent", "present", "attend", "guest", "remote", "participants"),
    *("roll", "members"),
)
"""One of these is in every line :func:`list_label` accepts (the words its patterns need)."""
