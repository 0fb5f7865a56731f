"""The recall pass (checker/group/recall.py): a lone report joins the event whose decisive
facts it shares, unless something disagrees."""

from __future__ import annotations

import dataclasses

import numpy as np

from checker.group import group_events
from checker.model import Article
from checker.settings import DEFAULT

STORY = (
    "Officer Daniel Okafor, a 34-year-old, was shot outside the Lakeview Diner "
    "on 4300 Harmon Avenue. "
    "Chief Maria Delgado said Okafor is recovering at St. Brigid Hospital. "
    "Witness Tomasz Wierzbicki saw the gunman flee in a green Chevrolet."
)
# Strict clustering, lenient recall: only the recall pass can bring the short report in.
SETTINGS = dataclasses.replace(
    DEFAULT, group_threshold=0.6, group_recall_threshold=0.05, group_recall_max_size=1
)


def reports(short: str) -> list[Article]:
    return [
        Article("a", STORY),
        Article("b", STORY + " The diner was closed."),
        Article("c", STORY + " Okafor is expected to recover."),
        Article("d", short),
    ]


def sets(events):
    return {frozenset(e.articles) for e in events}


def test_a_short_report_joins_the_event_it_shares_facts_with():
    short = "Police said Daniel Okafor, shot at the Lakeview Diner, was stable on Monday."
    assert sets(group_events(reports(short), {}, SETTINGS)) == {frozenset("abcd")}
    off = dataclasses.replace(SETTINGS, group_recall_max_size=0)
    assert sets(group_events(reports(short), {}, off)) == {frozenset("abc"), frozenset("d")}


def test_a_report_with_another_age_stays_apart():
    short = "Police said Daniel Okafor, a 52-year-old, shot at the Lakeview Diner, was stable."
    assert sets(group_events(reports(short), {}, SETTINGS)) == {frozenset("abc"), frozenset("d")}


def dated(short: str, short_date: str) -> list[Article]:
    return [
        dataclasses.replace(a, date=short_date if a.id == "d" else "2016-07-01")
        for a in reports(short)
    ]


def test_a_report_written_years_apart_stays_apart():
    """Another year's shooting at the same diner: the recall pass weighs the dates too (on
    GVA dev it merged reports years apart that shared a street or a bar's name)."""
    short = "Police said Daniel Okafor, shot at the Lakeview Diner, was stable on Monday."
    # Gap statistics of these four reports alone (no prior): a gap of two years is rare
    # between reports of one event, so its date factor is low (about 0.35).
    own = dataclasses.replace(SETTINGS, date_prior_pairs=0.0)
    near = dated(short, "2016-07-02")
    assert sets(group_events(near, {}, own)) == {frozenset("abcd")}
    far = dated(short, "2018-09-01")
    assert sets(group_events(far, {}, own)) == {frozenset("abc"), frozenset("d")}
    ignored = dataclasses.replace(own, group_recall_date_factor=0.0)
    assert sets(group_events(far, {}, ignored)) == {frozenset("abcd")}


def test_pairs_the_blocking_did_not_propose_count_their_own_score():
    """Only one pair of the four is a candidate; the mean over all pairs decides."""
    import numpy as np

    from checker.group import prepare
    from checker.group.recall import reattach

    short = "Police said Daniel Okafor, shot at the Lakeview Diner, was stable on Monday."
    arts = reports(short)
    scorer = prepare(arts, {}, SETTINGS)
    big, small = np.array([0, 1, 2]), np.array([3])
    exact = scorer.scores(np.array([0, 1, 2]), np.array([3, 3, 3]))
    assert exact.min() > 0
    mean = float(exact.mean())
    # The candidate pair alone, averaged over the three pairs, falls below the threshold.
    settings = dataclasses.replace(
        SETTINGS, group_recall_threshold=0.9 * mean, group_recall_floor=0.0
    )
    scorer = prepare(arts, {}, settings)
    i, j, score = np.array([0]), np.array([3]), exact[:1]
    assert score[0] / 3 < settings.group_recall_threshold
    joined = reattach(scorer, [big, small], i, j, score)
    assert [sorted(m.tolist()) for m in joined] == [[0, 1, 2, 3]]
    strict = dataclasses.replace(settings, group_recall_threshold=1.1 * mean)
    kept = reattach(prepare(arts, {}, strict), [big, small], i, j, score)
    assert len(kept) == 2


PLAYLIST = (
    "\n2:55 Widow of Austins Bar & Grill shooting victim speaks"
    "\n1:15 Garmin mourns after employees are shot in Olathe attack"
)
OLATHE = (
    "Garmin mourns after employees are shot in Olathe attack. Adam Purinton opened fire at "
    "Austins Bar & Grill in Olathe, police said. Ian Grillot was wounded."
)


def with_headline(date: str) -> list[Article]:
    """Three reports of the diner shooting, two of the Olathe one, and a video page whose
    text is its headline and a playlist naming the Olathe story."""
    page = Article("h", "Officer Daniel Okafor shot outside Lakeview Diner" + PLAYLIST, date=date)
    others = [
        Article("x", OLATHE, date="2016-07-01"),
        Article("y", OLATHE + " He is recovering.", date="2016-07-01"),
    ]
    return [dataclasses.replace(a, date="2016-07-01") for a in reports("")[:3]] + others + [page]


def test_a_headline_page_joins_its_event_not_its_playlists():
    events = sets(group_events(with_headline("2016-07-01"), {}, DEFAULT))
    assert events == {frozenset("abch"), frozenset("xy")}


def test_a_headline_page_written_long_after_stays_alone():
    """Nothing but a headline, and a date gap: it joins only with all factors at 1."""
    own = dataclasses.replace(DEFAULT, date_prior_pairs=0.0)
    events = sets(group_events(with_headline("2018-09-01"), {}, own))
    assert events == {frozenset("abc"), frozenset("xy"), frozenset("h")}


def test_only_the_video_page_is_set_aside_from_the_clustering():
    import numpy as np

    from checker.group import find_events

    found = find_events(with_headline("2016-07-01"), {}, DEFAULT)
    assert [found.ids[k] for k in np.flatnonzero(found.scorer.headline_only)] == ["h"]
    off = dataclasses.replace(DEFAULT, group_headlines_follow=False)
    assert not np.any(find_events(with_headline("2016-07-01"), {}, off).scorer.headline_only)


def test_cross_totals_add_each_pair_in_order_like_a_loop():
    from collections import defaultdict

    from checker.group.recall import _cross_totals

    rng = np.random.default_rng(7)
    li, lj = rng.integers(0, 9, 400), rng.integers(0, 9, 400)
    score = rng.random(400) / 3.0
    expected: dict = defaultdict(float)
    for a, b, v in zip(li.tolist(), lj.tolist(), score.tolist(), strict=True):
        if a != b:
            expected[(a, b)] += v
            expected[(b, a)] += v
    got = _cross_totals(li, lj, score, 9)
    assert {(a, b): v for a in range(9) for b, v in got.of(a)} == dict(expected)
    assert all([b for b, _ in got.of(a)] == sorted(b for b, _ in got.of(a)) for a in range(9))
    best = _cross_totals(li, lj, score, 9, best_first=True)
    for a in range(9):
        assert best.of(a) == sorted(got.of(a), key=lambda t: (-t[1], t[0]))


def test_the_why_gives_the_mean_score_of_the_members_after_the_recall_pass():
    """The page joined after the clustering: its event's mean is over all four reports."""
    import re

    from checker.group import find_events
    from checker.group.cluster import mean_score

    found = find_events(with_headline("2016-07-01"), {}, DEFAULT)
    (event,) = [e for e in found.explained() if "h" in e.articles]
    shown = float(re.search(r"mean similarity ([\d.]+)", event.why).group(1))
    members = np.flatnonzero(np.isin(found.ids, list("abch")))
    assert shown == round(mean_score(found.scorer, members), 3)
    assert shown < 1.0
    without = np.flatnonzero(np.isin(found.ids, list("abc")))
    assert round(mean_score(found.scorer, without), 3) != shown


OTHER = (
    "Firefighter Helena Brandt, a 41-year-old, was hurt in a blaze at the Corliss Mill "
    "on 900 Quarry Road. Captain Idris Mansfield said Brandt is recovering at Mercy Hospital."
)


def margin_case(short: str, **changes):
    """The diner story (rows 0-2), another story (3-5) and a short report (row 6), as the
    clustering left them; every pair with the short report a candidate."""
    from checker.group import prepare

    arts = [
        *reports("")[:3],
        *(Article(k, OTHER + extra) for k, extra in (("x", ""), ("y", " Smoke."), ("z", " Ash."))),
        Article("d", short),
    ]
    settings = dataclasses.replace(SETTINGS, group_recall_threshold=1.0, **changes)
    scorer = prepare(arts, {}, settings)
    i, j = np.full(6, 6), np.arange(6)
    return scorer, [np.array([0, 1, 2]), np.array([3, 4, 5]), np.array([6])], i, j


def margin_ratio(scorer, short_row: int = 6) -> float:
    means = [
        float(scorer.scores(np.full(3, short_row), np.array(rows)).mean())
        for rows in ([0, 1, 2], [3, 4, 5])
    ]
    return means[0] / means[1]


def test_a_report_that_scores_far_best_with_one_event_and_names_its_person_joins_it():
    """The recall pass's mean score is out of reach (``group_recall_threshold`` 1); the
    margin pass brings the report in when its best event scores ``group_recall_margin``
    times the next one and it names a person of that event."""
    from checker.group.recall import reattach_by_margin

    short = "Witness Tomasz Wierzbicki saw it at the Lakeview Diner; Mercy Hospital staff helped."
    scorer, clusters, i, j = margin_case(short, group_recall_margin_floor=0.0)
    ratio = margin_ratio(scorer)
    assert ratio > 1
    for margin, joined in ((0.9 * ratio, True), (1.1 * ratio, False)):
        scorer, clusters, i, j = margin_case(
            short, group_recall_margin_floor=0.0, group_recall_margin=margin
        )
        out = reattach_by_margin(scorer, clusters, i, j, scorer.scores(i, j))
        assert ([0, 1, 2, 6] in [sorted(m.tolist()) for m in out]) is joined


def test_a_report_naming_none_of_the_event_s_people_stays_apart():
    from checker.group.recall import reattach_by_margin

    short = "A cook was hurt at the Lakeview Diner; Mercy Hospital staff helped."
    scorer, clusters, i, j = margin_case(short, group_recall_margin_floor=0.0)
    assert margin_ratio(scorer) > 1
    scorer, clusters, i, j = margin_case(
        short, group_recall_margin_floor=0.0, group_recall_margin=1.0
    )
    out = reattach_by_margin(scorer, clusters, i, j, scorer.scores(i, j))
    assert len(out) == 3
