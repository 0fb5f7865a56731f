"""Lexicons: the words the readers know, as data files that anyone can extend.

Each ``*.toml`` beside this module is read once per process (they are immutable) and turned
into token-tuple lookup tables. Linguistic knowledge lives here, not in code.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from checker.text.tokens import Phrases, tokens_of

MARKER_KINDS = (
    "speculation",
    "witness",
    "intensifier",
    "mild_intensifier",
    "evaluative",
    "vague_source",
)


def read_toml(name: str) -> dict:
    with resources.files(__package__).joinpath(name).open("rb") as fh:
        return tomllib.load(fh)


@dataclass(frozen=True)
class Lexicon:
    def takes(self, predicate: str, noun: str) -> bool:
        """Can this noun be the subject of this predicate ('downed' homes cannot)?"""
        allowed = self.applies_to.get(predicate)
        return allowed is None or noun in allowed

    number_words: dict[str, int]
    multipliers: dict[str, int]
    number_phrases: Phrases  # "a dozen", "half a dozen"
    vague: Phrases  # "dozens of" -> (low, high)
    qualifiers: Phrases  # "more than" -> "gt"
    fillers: frozenset[str]
    labels_before: frozenset[str]
    labels_after: frozenset[str]
    units: Phrases
    casualty_unit: str
    predicates: Phrases
    self_contained: dict[str, frozenset[str]]  # predicate -> nouns it takes
    applies_to: dict[str, frozenset[str]]  # predicate -> the only nouns it can take
    place_suffixes: frozenset[str]
    place_prepositions: frozenset[str]
    weak_prepositions: Phrases
    not_places: frozenset[str]
    venue_prepositions: frozenset[str]
    apposition_ends: frozenset[str]
    place_possessions: Phrases
    markers: dict[str, Phrases]  # kind -> phrases
    speculation_exceptions: Phrases
    intensifier_negators: frozenset[str]
    scene_nouns: frozenset[str]  # "the chaos that followed": the scene, not colour
    wider_story: Phrases  # "began as", "has killed more than": a war's history, not the event
    page_headings: Phrases  # "Related News": other stories' titles follow
    speech_verbs: Phrases
    official_sources: Phrases
    vague_speakers: Phrases
    roundup: Phrases  # a report of several incidents ("a string of shootings")
    records: Phrases  # official records that relay witnesses ("a probable cause statement")
    relatives: frozenset[str]
    vague_officials: frozenset[str]  # "Senior officials": words that name no body
    account_hedges: Phrases  # "appears to": an official account's hedge on what happened
    account_framings: Phrases  # "on edge": how people lived it, a named account paraphrased
    account_wishes: frozenset[str]  # feeling, hope, wish: no fact on their own
    routine_hearing: frozenset[str]  # "heard" (shots): what an unnamed witness adds nothing by
    routine_sounds: frozenset[str]
    routine_sightings: frozenset[str]
    routine_accounts: Phrases  # "had just moved in", "did not know him"
    confirmations: frozenset[str]  # "Investigators confirmed that information"
    absence: Phrases
    relation: Phrases
    convention: Phrases
    partial: Phrases
    background: Phrases
    times: Phrases
    age_range_words: frozenset[str]
    clause_end: frozenset[str]
    subset_words: frozenset[str]
    people: frozenset[str]
    casualty_predicates: frozenset[str]
    name_titles: frozenset[str]
    name_suffixes: frozenset[str]
    street_words: frozenset[str]
    surname_street_words: frozenset[str]
    measures: dict[str, object]  # measures.toml's tables, read by checker/claims/measure.py
    charges: dict[str, object]  # predicates.toml's [charges] tables, read by claims/charge.py
    death_places: Phrases  # "died at the scene" -> at_scene, read by claims/fact.py
    conditions: Phrases  # "were all treated and released" -> all_released, claims/fact.py
    named_dead: dict[str, Phrases]  # "deaths of", "was killed"..., read by claims/person.py
    auxiliaries: frozenset[str]
    age_before: Phrases
    age_after: Phrases
    magnitude_scales: Phrases
    speaker_pronouns: frozenset[str]
    referring_numbers: frozenset[str]
    list_followers: frozenset[str]
    count_followers: frozenset[str]
    first_person: frozenset[str]
    second_person: frozenset[str]
    page_controls: frozenset[str]
    indefinite: frozenset[str]
    quantifiers: frozenset[str]
    result_openers: frozenset[str]
    witness_nouns: tuple[str, ...]  # word beginnings: "witnesses", "eyewitness"
    official_nouns: frozenset[str]  # "officials": unnamed unless a body is named before
    ambiguous_months: frozenset[str]
    charge_leads: frozenset[str]
    charge_between: frozenset[str]
    conditionals: frozenset[str]
    background_month_before: frozenset[str]
    whole_after: frozenset[str]
    speaker_ends: frozenset[str]
    comma_openers: frozenset[str]
    bare_figure_places: frozenset[str]
    object_prepositions: frozenset[str]
    person_pronouns: frozenset[str]
    age_nouns: frozenset[str]
    absence_negators: frozenset[str]
    apart_from_the_dead: frozenset[str]
    roles: frozenset[str]
    after_surname: frozenset[str]
    street_abbreviations: dict[str, str]  # "st" -> "street": the word an address compares
    court_words: frozenset[str]  # "district" court: a court of law, not a street
    ordinal_words: dict[str, int]  # "sixth" -> 6, for numbered streets
    values: dict[str, object]  # values.toml's tables: records, clock times, durations


FILES = ("numbers", "units", "predicates", "places", "markers", "grammar", "measures", "values")


def with_additions(additions: tuple[tuple[str, tuple[str, ...]], ...]) -> dict[str, dict]:
    """The lexicon files, with words added by a configuration ('markers.intensifier' ->
    ['ghastly']). A name must reach a list of words in a packaged file: ValueError otherwise."""
    data = {name: read_toml(f"{name}.toml") for name in FILES}
    for name, words in additions:
        target = _list_at(data, name)
        target.extend(w for w in words if w not in target)
    return data


def _list_at(data: dict, name: str) -> list:
    node: object = data
    for part in name.split("."):
        if not isinstance(node, dict) or part not in node:
            raise ValueError(f"no lexicon list {name!r}")
        node = node[part]
    if isinstance(node, dict) and isinstance(node.get("words"), list):
        node = node["words"]
    if not isinstance(node, list) or (node and not isinstance(node[0], str)):
        raise ValueError(f"{name!r} is not a list of words")
    return node


@cache
def lexicon(additions: tuple[tuple[str, tuple[str, ...]], ...] = ()) -> Lexicon:
    """The packaged lexicons, with a configuration's additions, parsed once for each."""
    data = with_additions(additions)
    numbers, units, predicates = data["numbers"], data["units"], data["predicates"]
    places, markers, grammar = data["places"], data["markers"], data["grammar"]
    words = numbers["words"]
    convention = markers["convention"]
    return Lexicon(
        number_words={k: v for k, v in words.items() if " " not in k},
        multipliers=numbers["multipliers"],
        number_phrases=Phrases({tokens_of(k): v for k, v in words.items() if " " in k}),
        vague=Phrases({tokens_of(k): (lo, hi) for k, (lo, hi) in numbers["vague"].items()}),
        qualifiers=Phrases({tokens_of(k): v for k, v in numbers["qualifiers"].items()}),
        fillers=frozenset(numbers["fillers"]["words"]),
        labels_before=frozenset(numbers["labels_before"]["words"]),
        labels_after=frozenset(numbers["labels_after"]["words"]),
        units=Phrases.of(units["units"]),
        casualty_unit=units["implicit"]["casualty_unit"],
        predicates=Phrases.of(predicates["predicates"]),
        self_contained={k: frozenset(v) for k, v in predicates["self_contained"].items()},
        applies_to={k: frozenset(v) for k, v in predicates["applies_to"].items()},
        place_suffixes=frozenset(places["suffixes"]),
        place_prepositions=frozenset(places["prepositions"]),
        weak_prepositions=Phrases.set_of(places["weak_prepositions"]),
        not_places=frozenset(places["not_places"]),
        venue_prepositions=frozenset(places["venue_prepositions"]),
        apposition_ends=frozenset(places["apposition_ends"]),
        place_possessions=Phrases.set_of(places["place_possessions"]),
        markers={k: Phrases.set_of(markers[k]) for k in MARKER_KINDS},
        speculation_exceptions=Phrases.set_of(markers["speculation_exceptions"]),
        intensifier_negators=frozenset(markers["intensifier_negators"]),
        scene_nouns=frozenset(markers["scene_nouns"]),
        wider_story=Phrases.set_of(markers["wider_story"]),
        page_headings=Phrases.set_of(markers["page_headings"]),
        witness_nouns=tuple(markers["witness_nouns"]),
        official_nouns=frozenset(markers["official_nouns"]),
        speech_verbs=Phrases.set_of(markers["speech_verbs"]),
        official_sources=Phrases.set_of(markers["official_sources"]),
        vague_speakers=Phrases.set_of(markers["vague_speakers"]),
        roundup=Phrases.set_of(markers["roundup"]),
        records=Phrases.set_of(markers["records"]),
        relatives=frozenset(markers["relatives"]),
        vague_officials=frozenset(markers["vague_officials"]),
        account_hedges=Phrases.set_of(markers["account_hedges"]),
        account_framings=Phrases.set_of(markers["account_framings"]),
        account_wishes=frozenset(markers["account_wishes"]),
        routine_hearing=frozenset(markers["routine_hearing"]),
        routine_sounds=frozenset(markers["routine_sounds"]),
        routine_sightings=frozenset(markers["routine_sightings"]),
        routine_accounts=Phrases.set_of(markers["routine_accounts"]),
        confirmations=frozenset(markers["confirmations"]),
        absence=Phrases({tokens_of(p): cats for p, cats in markers["absence"]["phrases"]}),
        relation=Phrases.of(markers["relation"]),
        convention=Phrases.of(
            {k: v for k, v in convention.items() if k not in ("partial", "background")}
        ),
        partial=Phrases.set_of(convention["partial"]),
        background=Phrases.set_of(convention["background"]),
        times=Phrases.set_of(markers["times"]),
        age_before=Phrases.set_of(grammar["age_before"]),
        age_after=Phrases.set_of(grammar["age_after"]),
        magnitude_scales=Phrases.set_of(grammar["magnitude_scales"]),
        measures=_measure_tables(data["measures"]),
        charges=_charge_tables(predicates["charges"]),
        death_places=Phrases.of(predicates["death_places"]),
        conditions=Phrases.of(predicates["conditions"]),
        named_dead={k: Phrases.set_of(v) for k, v in predicates["named_dead"].items()},
        values=_value_tables(data["values"]),
        street_abbreviations=dict(grammar["street_abbreviations"]),
        ordinal_words=dict(grammar["ordinal_words"]),
        **{k: frozenset(grammar[k]) for k in _GRAMMAR_LISTS},
    )


def _measure_tables(data: dict) -> dict[str, object]:
    return {
        "factors": {tuple(k.split()): v for k, v in data["factors"].items()},
        "asks": Phrases.of(data["asks"]),
        "personal": frozenset(data["personal"]["subjects"]),
        "units": Phrases.of(data["units"]),
        "before": Phrases.of(data["currency_before"]),
        "after": Phrases.of(data["currency_after"]),
        "subjects": Phrases.of(data["subjects"]),
        "period": Phrases.of(data["per_period"]),
        "directions": Phrases.of({"direction": data["directions"]["words"]}),
    }


def _charge_tables(data: dict) -> dict[str, object]:
    return {
        "names": Phrases.of(data["names"]),
        "stages": Phrases.of(data["stages"]),
        "general": {k: frozenset(v) for k, v in data["general"].items()},
        "homicide": frozenset(data["homicide"]["words"]),
    }


def _value_tables(data: dict) -> dict[str, object]:
    records = data["records"]
    return {
        "knockouts": frozenset(records["knockouts"]),
        "record_words": Phrases.set_of(records["record_words"]),
        "zones": Phrases.of(data["zones"]),
        "zone_offsets": dict(data["zone_offsets"]),
        "clock_hedges": frozenset(data["clock_hedges"]["words"]),
        "clock_stamps": frozenset(data["clock_stamps"]["words"]),
        "periods": frozenset(data["periods"]["words"]),
        "elapsed": {
            "units": dict(data["elapsed"]["units"]),
            "ordinals": dict(data["elapsed"]["ordinals"]),
            "periods": frozenset(data["elapsed"]["periods"]),
        },
        "stoppages": frozenset(data["elapsed"]["stoppages"]),
        "frequency": {
            "adverbs": dict(data["frequency"]["adverbs"]),
            "times": frozenset(data["frequency"]["times"]),
            "auxiliaries": frozenset(data["frequency"]["auxiliaries"]),
            "parts": frozenset(data["frequency"]["parts"]),
            "comparisons": frozenset(data["frequency"]["comparisons"]),
            "happenings": Phrases.of(data["frequency"]["happenings"]),
            "at_least": Phrases.of(data["frequency"]["at_least"]),
        },
        "scores": {k: frozenset(v) for k, v in data["scores"].items()},
        "works": frozenset(data["works"]["words"]),
        "ago": {
            "units": dict(data["ago"]["units"]),
            "relations": frozenset(data["ago"]["relations"]),
        },
    }


_GRAMMAR_LISTS = (
    "age_range_words",
    "clause_end",
    "subset_words",
    "people",
    "casualty_predicates",
    "name_titles",
    "name_suffixes",
    "street_words",
    "surname_street_words",
    "court_words",
    "auxiliaries",
    "speaker_pronouns",
    "referring_numbers",
    "list_followers",
    "count_followers",
    "first_person",
    "second_person",
    "page_controls",
    "indefinite",
    "quantifiers",
    "result_openers",
    "ambiguous_months",
    "charge_leads",
    "charge_between",
    "conditionals",
    "background_month_before",
    "whole_after",
    "speaker_ends",
    "comma_openers",
    "bare_figure_places",
    "object_prepositions",
    "person_pronouns",
    "age_nouns",
    "absence_negators",
    "apart_from_the_dead",
    "roles",
    "after_surname",
)
