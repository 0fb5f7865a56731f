"""The claim kinds, in reading order, and the rules that judge an event.

Reading order matters: a count claims its words first, so the same words are not read again
as a bare fact. Adding a kind is one module with ``read`` and ``judge``, and one line here.
"""

from __future__ import annotations

from checker.claims import (
    absence,
    address,
    age,
    ago,
    charge,
    clock,
    count,
    elapsed,
    fact,
    frequency,
    marker,
    measure,
    omission,
    person,
    quote,
    record,
    relation,
    restated,
    score,
    time,
    venue,
    work_year,
)

# Each reader with its gate (``base.Gate``: what a sentence must hold for it to find anything;
# None: it is started on every sentence).
READERS = (
    (record.read, record.gate),
    (score.read, score.gate),
    (clock.read, clock.gate),
    (elapsed.read, elapsed.gate),
    (ago.read, ago.gate),
    (frequency.read, frequency.gate),
    (work_year.read, work_year.gate),
    (age.read, age.gate),
    (measure.read, measure.gate),
    (count.read, count.gate),
    (absence.read, absence.gate),
    (fact.read, fact.gate),
    (relation.read, relation.gate),
    (charge.read, charge.gate),
    (person.read, person.gate),
    (address.read, address.gate),
    (time.read, time.gate),
    (venue.read, None),
    (marker.read, marker.gate),
)

RULES = (
    count.judge,
    measure.judge,
    age.judge,
    relation.judge,
    charge.judge,
    person.judge,
    address.judge,
    venue.judge,
    fact.judge,
    fact.death_place,
    fact.condition,
    absence.judge,
    time.judge,
    record.judge,
    clock.judge,
    elapsed.judge,
    ago.judge,
    frequency.judge,
    restated.judge,
    score.judge,
    work_year.judge,
    marker.judge,
    count.wider_agreements,
    count.added_details,
    quote.judge,
    omission.judge,
)
