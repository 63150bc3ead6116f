"""Function words: articles, prepositions, conjunctions and other minor words."""

from __future__ import annotations

from extractor.lexicon._build import wordset
from extractor.lexicon.calendar import MONTHS, WEEKDAYS
from extractor.lexicon.meetings import LONE_WORDS

MINOR_WORDS = wordset("& a an and at by for in of on the to with")
"""Words that may stand inside a name but carry no evidence by themselves, and that an acronym
usually skips ("Department for Education" → DfE)."""

ARTICLES = wordset("das der die het il las les los")
"""Articles of other languages that open names of publications and bodies ("Die Zeitung"),
never a person's name."""

NAME_JOINERS = (MINOR_WORDS - {"a", "an"}) | wordset(
    """against da de del der des di du en from into la le over und under upon van von without
    y"""
)
"""Lower-case words that may stand inside the name of a body ("Friends of the Earth"): the
minor words but the articles "a" and "an", and prepositions and particles of names."""

FUNCTION_WORDS = (MINOR_WORDS - {"&"}) | wordset(
    """all also any as but dear each every from he her his how i if it its item my new next no
    not or other our please re see she some thank thanks that their there these they this
    those up we what when where which who why your"""
)
"""Words that, capitalised at the start of a sentence, never begin a name: the minor words and
other function words of sentence openings."""

CLASS_NOUN_FOLLOWERS = wordset(
    """that which who whose in based from with for to and or run operating providing offering
    working set registered funded supported owned established founded supplying selling
    serving specialising specializing called named known covering across since"""
)
"""Words that may follow a class noun that ends its noun phrase."""

STOP_CAPS: frozenset[str] = (
    wordset(
        """
        the a an and or of in on at for to with by from this that these those it its we our
        they there here he she his her their all any some no not new next other each every
        minutes meeting agenda item items report reports action actions note notes present
        apologies regrets attendees attendance date time venue location update updates summary
        decision decisions resolved conclusion
        """
    )
    | frozenset(WEEKDAYS)
    | frozenset(MONTHS)
)
"""Capitalised words that begin sentences or labels and are never part of a name (the full
weekday and month names among them)."""

OPEN_ENDINGS = MINOR_WORDS | wordset("from into nor or than that which who whose")
"""Words after which a line cannot have ended its sentence, so the next line continues it: the
minor words and the conjunctions and relative words that need a continuation."""


NOT_NAMES = (
    FUNCTION_WORDS
    | LONE_WORDS
    | wordset(
        """however meanwhile also finally furthermore additionally moreover previously currently
    recently now then today yesterday unfortunately fortunately"""
    )
)
