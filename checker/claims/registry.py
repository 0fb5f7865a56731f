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

READERS = (
    record.read,
    score.read,
    clock.read,
    elapsed.read,
    ago.read,
    frequency.read,
    work_year.read,
    age.read,
    measure.read,
    count.read,
    absence.read,
    fact.read,
    relation.read,
    charge.read,
    person.read,
    address.read,
    time.read,
    venue.read,
    marker.read,
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
