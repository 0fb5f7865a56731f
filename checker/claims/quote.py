"""Direct quotations: a quotation that appears in one report only.

Read at judging time from the sentences themselves (a quote is not a claim about the event).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rapidfuzz import fuzz

from checker.claims.base import EventContext
from checker.model import Claim, ClaimKind, Finding, Slot, Verdict

# A direct quotation of 25+ characters; an apostrophe inside a word ("city's") opens nothing.
QUOTED = re.compile(r"(?<!\w)[\"“‘']([^\"”’]{25,}?)[\"”’'](?!\w)")
WHY = "a quotation no other report carries"


def judge(ev: EventContext) -> Iterator[Finding]:
    ids = ev.ids
    if len(ids) < 2:
        return
    bodies = {a: " ".join(s.text for s in ev.sentences.get(a, ())).lower() for a in ids}
    for a in ids:
        others = [bodies[b] for b in ids if b != a]
        for s in ev.sentences.get(a, ()):
            for m in QUOTED.finditer(s.text):
                quote = m.group(1)
                best = max((fuzz.partial_ratio(quote.lower(), o) for o in others), default=0)
                if best >= ev.settings.paraphrase_min_score:
                    continue
                claim = Claim(
                    a,
                    s.index,
                    ClaimKind.MARKER,
                    Slot("marker", "quote"),
                    quote,
                    s.text,
                    m.start(1),
                    m.end(1),
                    label="quote",
                )
                slot = f"sentence {s.index}"
                yield ev.finding(Verdict.EMBELLISHMENT, "added quote", slot, WHY, (claim,))
