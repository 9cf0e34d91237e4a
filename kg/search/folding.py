"""Folding names for search, so that the ways people type a German name meet.

`Nürnberg`, `Nuernberg`, `NÜRNBERG` and `nurnberg` must find the same city: one types the
umlaut, one its transliteration, one has no umlaut on the keyboard. Folding both the names and
the query to the same key makes each of those an exact match rather than a near one:

- case goes (casefold, which also turns ß into ss);
- accents go (ü -> u, é -> e), by Unicode decomposition;
- the transliterations ae, oe, ue become a, o, u: `Nuernberg` then meets `Nurnberg`. This also
  folds words that never had an umlaut (`Quelle` -> `qulle`), harmlessly, since the query is
  folded the same way;
- everything that is not a letter or digit separates words (`Inter-Kultur-Büro` has the words
  inter, kultur, buro), and runs of separators are one space.
"""

from __future__ import annotations

import re
import unicodedata

_SEPARATORS = re.compile(r"[\W_]+")
_TRANSLITERATIONS = (("ae", "a"), ("oe", "o"), ("ue", "u"))


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    words = _SEPARATORS.sub(" ", bare).strip()
    for written, folded in _TRANSLITERATIONS:
        words = words.replace(written, folded)
    return words
