"""Speed machinery private to the tagger; each piece gives exactly what the plain rule gives.

- :mod:`.flags`: token patterns rewritten into lexeme flag bits, so the matcher tests one bit
  instead of a Python predicate per token;
- :mod:`.memo`: per-word answers remembered by a Doc's distinct words (``orth``), read with one
  C-level map instead of a loop over tokens.

Their tests (``tests/tag/_speed``) prove each equivalent to the logic it speeds up.
"""
