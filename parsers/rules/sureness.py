"""How sure a rule is of what it found: one scale for every extracted field.

Each sub-rule that finds a field says how it found it; the value is fixed per sub-rule, so
a clerk can learn what «не уверен» means. A field at or above SURE is shown plain; below it,
marked for checking. The levels were set from what each sub-rule gets right on the rule-writing
half of the real corpus and checked on the measured half (tools/calibrate_confidence.py).
"""
from __future__ import annotations

from parsers.model import SURE, is_sure  # noqa: F401 - the threshold lives with the records it marks

CLEAN = 0.95  # the field's own slot matched cleanly (a heading line, a «Срок:» line, a dative before the verb)
GOOD = 0.85  # a second-best place that real acts use (the signature block, a nominative table cell)
FALLBACK = 0.6  # a guess from a weaker cue (a formula, a lone date among header words)
GUESS = 0.4  # a last resort (an issuer taken from the signatory's post)

# A page that lost a list's numbers shows its items as dashes, and duties of one item with terms
# of their own are split into «2.1», «2.2»: either way the order's number is inferred, not
# printed, so the order is marked for checking however clear its text is.
UNPRINTED_NUMBER = 0.75
