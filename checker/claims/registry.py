"""The claim kinds, in reading order, and the rules that judge an event.

Reading order matters: a count claims its words first, so the same words are not read again
as a bare fact. Adding a kind is one module with ``read`` and ``judge``, and one line here.
"""

from __future__ import annotations

from checker.claims import (
    absence,
    address,
    age,
    charge,
    count,
    fact,
    marker,
    measure,
    omission,
    person,
    quote,
    relation,
    time,
)

READERS = (
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
    fact.judge,
    fact.death_place,
    fact.condition,
    absence.judge,
    time.judge,
    marker.judge,
    count.wider_agreements,
    count.added_details,
    quote.judge,
    omission.judge,
)
