"""The digests read as they come (checker/group/gather.py): the vectors are those made from
every article's bag at the end, whatever the chunks they came in."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from checker.extract import extract_claims
from checker.group import Gathered, digest
from checker.group.features import common_words, drop_common
from checker.group.vectors import build_vectors
from checker.load import load_paths
from checker.settings import DEFAULT
from checker.split import split_article

FIXTURE = Path(__file__).parent / "data" / "group" / "gva-mix-Michigan-2016-07.jsonl"


@pytest.fixture(scope="module")
def digests():
    articles = sorted(load_paths([str(FIXTURE)], DEFAULT).articles, key=lambda a: a.id)
    return [digest(a, extract_claims(split_article(a), DEFAULT), DEFAULT) for a in articles], [
        a.id for a in articles
    ]


def _at_the_end(digs):
    """The vectors as made from every bag once all are read: each bag copied, the name
    features of common words dropped, then ``build_vectors``."""
    common = common_words((d.lower for d in digs), DEFAULT)
    counts, surfaces = [], []
    for d in digs:
        mine, shown = dict(d.counts), dict(d.surface)
        drop_common(mine, shown, d.named, common)
        counts.append(mine)
        surfaces.append(shown)
    return common, build_vectors(counts, surfaces, DEFAULT)


@pytest.mark.parametrize("chunk", [1, 7, 1000])
def test_gathered_in_chunks_are_the_vectors_made_at_the_end(digests, chunk):
    digs, ids = digests
    common, expected = _at_the_end(digs)
    gathered = Gathered(ids)
    for start in range(0, len(digs), chunk):
        gathered.add(digs[start : start + chunk])
    assert gathered.common(DEFAULT) == common
    # rows in another order than the digests came in: the content order of ``prepare``
    order = list(reversed(range(len(ids))))
    got = gathered.vectors([ids[k] for k in order], [digs[k] for k in order], common, DEFAULT)
    assert got.vocab == expected.vocab
    assert np.array_equal(got.df, expected.df)
    for name in ("x", "written", "present"):
        mine, theirs = getattr(got, name), getattr(expected, name)[order]
        assert np.array_equal(mine.indptr, theirs.indptr)
        assert np.array_equal(mine.indices, theirs.indices)
        assert np.array_equal(mine.data.view(np.uint8), theirs.data.view(np.uint8))  # bit for bit
    assert any(d.named & common for d in digs)  # some name features were dropped
    assert all(got.shown[f] == expected.shown[f] for f in expected.vocab[::50])


def test_vectors_want_every_articles_digest(digests):
    digs, ids = digests
    gathered = Gathered(ids)
    gathered.add(digs[:-1])
    with pytest.raises(ValueError, match="digests gathered"):
        gathered.vectors(ids, digs, set(), DEFAULT)


def test_the_pipeline_gathering_as_digests_arrive_groups_as_the_library_does():
    """``pipeline.run`` gathers the digests chunk by chunk as the per-article stage sends
    them; ``group_events`` reads them all at the end: the events are the same."""
    from checker.engine import LocalEngine
    from checker.group import group_events
    from checker.pipeline import run

    articles = sorted(load_paths([str(FIXTURE)], DEFAULT).articles, key=lambda a: a.id)
    claims = {a.id: extract_claims(split_article(a, DEFAULT), DEFAULT) for a in articles}
    with LocalEngine(2, settings=DEFAULT) as engine:
        report = run(articles, DEFAULT, engine=engine)
    assert report.events == group_events(articles, claims, DEFAULT)
    assert len(report.events) > 1
