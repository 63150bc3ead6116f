"""The spaCy pipeline components the tagger adds after the statistical model, one per module.

Each takes a :class:`~spacy.tokens.Doc` and gives it back with its entities or extension
attributes set:

- :mod:`.ruler`: the rule layer (pattern files, gazetteer and name shapes) as a gated span ruler;
- :mod:`.entities`: maps the model's labels to ours and repairs what it gets wrong;
- :mod:`.filters`: judging one span: its bounds, and whether (and under which label) to keep it;
- :mod:`.not_names`: spans that name no body or person, whatever the model says;
- :mod:`.cues`: context cues that name an organisation where neither rules nor model found one;
- :mod:`.acronyms`: the acronym definitions and initials each text makes, labelled.
"""
