"""The whole audit as one pure function: articles in, report out (no I/O)."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial

from checker.coerce import ordinary
from checker.engine import Engine, Opened, Sealed, young_objects
from checker.errors import InputError
from checker.extract import extract
from checker.group import Gathered, Grouping, apply_overrides, digest, find_events
from checker.judge import CopiedSentences, judge_event, too_many_sentences
from checker.model import Article, Event, Finding, Report, Verdict
from checker.settings import DEFAULT, Settings
from checker.split import split_article


def run(
    articles: Sequence[Article],
    settings: Settings = DEFAULT,
    overrides: Sequence[Sequence[str]] = (),
    engine: Engine | None = None,
    timings: dict[str, float] | None = None,
    progress: Callable[[str, int, int], None] | None = None,
) -> Report:
    """Audit a set of articles. Articles are put in id order first, so that the report does not
    depend on the order they were given in.

    ``engine`` runs the per-article stage (split + extract) and the per-event stage (judge):
    in process when None (see checker/engine.py); the report is the same for every engine.
    ``timings``, when given, receives the seconds of each stage (``split``, ``extract``,
    ``features``, ``group``, ``judge``; see ``_Clock``), for the benchmarks. ``progress(stage, done,
    total)``, when given, is called as articles are read and events judged (the CLI's bar).
    """
    with young_objects(settings.gc_young_objects):
        return _run(articles, settings, overrides, engine or Engine(), _Clock(timings), progress)


def _run(articles, settings, overrides, engine, clock, progress) -> Report:
    """``run`` with its engine and clock, the garbage collector set for it."""
    ordered = tuple(sorted(map(ordinary, articles), key=lambda a: (a.id, a.path)))
    _refuse_duplicate_ids(ordered)
    analyse = partial(_analyse, settings)
    copies = CopiedSentences(settings)  # read as the articles come back from the workers ...
    gathered = Gathered([a.id for a in ordered])  # ... and so are their grouping digests
    costs = [_text_cost(a) for a in ordered]
    arrived = partial(_arrived, copies, gathered)
    reading = (progress, "reading", settings.progress_batch, costs, arrived)
    analysed = clock.stage("articles", _mapped, engine, analyse, ordered, *reading)
    clock.apportion("articles", ("split", "extract", "features"), [r[3:] for r in analysed])
    sealed = {a.id: r[0] for a, r in zip(ordered, analysed, strict=True)}  # opened by then
    sentences = {k: v.open() for k, v in sealed.items()}
    claims = {a.id: r[1] for a, r in zip(ordered, analysed, strict=True)}  # sealed
    digests = {a.id: r[2] for a, r in zip(ordered, analysed, strict=True)}
    grouping = clock.stage(
        "group", find_events, ordered, Opened(claims), settings, digests, gathered
    )
    by_id = {a.id: a for a in ordered}
    judge_args = (by_id, sealed, claims, copies.found(), settings, progress)
    if overrides:
        events = apply_overrides(grouping.explained(), overrides)
        findings = clock.stage("judge", _start_judging, engine, events, *judge_args)()
    else:
        events, findings = clock.stage(
            "judge", _judge_while_explaining, engine, grouping, judge_args
        )
    return Report(
        articles=ordered,
        sentences=tuple(sentences[a.id] for a in ordered),
        events=tuple(events),
        findings=number_findings(findings, events),
        notes=_notes(ordered, events) + _large_events(events, sentences, settings),
    )


def _mapped(engine: Engine, fn, items: Sequence, *how) -> list:
    """``engine.map`` in one go, or in slices when a progress bar wants to move."""
    return _started(engine, fn, items, *how)()


def _started(
    engine: Engine,
    fn,
    items: Sequence,
    progress,
    stage: str,
    batch: int,
    costs: Sequence[int],
    arrived: Callable[[list], None] | None = None,
) -> Callable[[], list]:
    """``engine.start`` in one go, or in slices of ``batch`` items when a progress bar wants
    to move (it moves as the slices are collected). ``costs``: each item's estimated work
    (``engine.chunked``); ``arrived``: told of the results chunk by chunk, in item order."""
    if progress is None:
        return engine.start(fn, items, costs=costs, arrived=arrived)
    step = max(1, batch)
    slices = [
        engine.start(fn, items[k : k + step], costs=costs[k : k + step], arrived=arrived)
        for k in range(0, len(items), step)
    ]

    def collect() -> list:
        out: list = []
        for collect_slice in slices:
            out.extend(collect_slice())
            progress(stage, len(out), len(items))
        return out

    return collect


def _analyse(settings: Settings, article: Article) -> tuple:
    """The per-article stage: sentences, claims and grouping digest of one article, which
    depend on nothing but its text and the settings, so articles can be analysed anywhere,
    in any order; with the CPU seconds spent splitting, extracting and digesting (for
    ``timings``). The claims come sealed: only the judging of their event reads them; the
    sentences too: this process opens them (``_arrived``) and sends them on to judging
    as the string they came as, instead of pickling them again (0.23 s of its CPU while the
    first events wait to be sent)."""
    start = time.thread_time()  # CPU of this thread: right in a process and in a thread
    sentences = split_article(article, settings)
    split = time.thread_time()
    extraction = extract(sentences, settings)
    claims = extraction.claims
    extracted = time.thread_time()
    digested = digest(article, claims, settings, extraction.names)
    end = time.thread_time()
    return (
        Sealed(sentences),
        Sealed(claims),
        digested,
        split - start,
        extracted - split,
        end - extracted,
    )


def _arrived(copies: CopiedSentences, gathered: Gathered, results: list) -> None:
    """Read a chunk of analysed articles (in id order) as it comes, while the workers read
    the next: their sentences into ``copies``, their grouping digests into ``gathered``
    (on GVA dev+test ~0.4 s of this process's time that grouping no longer waits for)."""
    for sealed, *_ in results:
        sentences = sealed.open()
        if sentences:
            copies.add(sentences[0].article, sentences)
    gathered.add([r[2] for r in results])


def _judge_one(settings: Settings, job: tuple) -> list[Finding]:
    event, by_id, sentences, sealed, copied = job
    return judge_event(event, by_id, Opened(sentences), Opened(sealed), settings, copied)


def _judge_while_explaining(engine: Engine, grouping: Grouping, judge_args: tuple) -> tuple:
    """The events and their findings: the events are sent to be judged as soon as their
    members are known (judging reads no label and no why), and this process writes their
    explanations while the workers judge (on GVA dev+test ~0.7 s of its time)."""
    collect = _start_judging(engine, grouping.bare(), *judge_args)
    events = grouping.explained()
    return events, collect()


def _start_judging(
    engine: Engine, events, by_id, sentences, claims, copied_keys, settings, progress=None
) -> Callable[[], list[Finding]]:
    """Findings of every event, in event order, collected by calling what this returns.
    Each job carries only its event's articles (their sentences and claims sealed, and
    which of their sentences other articles carry too); the largest events (by the length
    of their texts, which tells judging's work best) are sent first so that they do not
    finish last on one worker, in chunks of about equal work that shrink towards the end.
    ``copied_keys``: ``copied_sentences`` of the whole collection."""
    copied: dict[str, set[tuple[str, int]]] = {}
    for key in copied_keys:
        copied.setdefault(key[0], set()).add(key)
    jobs = [
        (
            e,
            {a: by_id[a] for a in e.articles if a in by_id},
            {a: sentences[a] for a in e.articles if a in sentences},
            {a: claims[a] for a in e.articles if a in claims},
            frozenset(k for a in e.articles for k in copied.get(a, ())),
        )
        for e in events
    ]
    costs = [sum(_text_cost(by_id[a]) for a in e.articles if a in by_id) for e in events]
    order = sorted(range(len(jobs)), key=lambda k: -costs[k])
    fn = partial(_judge_one, settings)
    todo = [jobs[k] for k in order]
    batch = settings.progress_batch
    started = _started(engine, fn, todo, progress, "judging", batch, [costs[k] for k in order])

    def collect() -> list[Finding]:
        by_event = dict(zip(order, started(), strict=True))
        return [f for k in range(len(jobs)) for f in by_event[k]]

    return collect


def _text_cost(article: Article) -> int:
    """An article's estimated share of the work: the length of its text (splitting,
    extraction and judging all read it sentence by sentence)."""
    return len(article.text) + len(article.title or "")


class _Clock:
    """Seconds per stage into an optional dict (nothing is timed when it is None): wall
    seconds under the stage's name, and this process's CPU seconds under "<name> cpu" (on a
    shared machine CPU time says more than wall time; workers' CPU is not in it)."""

    def __init__(self, timings: dict[str, float] | None) -> None:
        self.timings = timings

    def stage(self, name: str, fn, *args):
        wall, cpu = time.perf_counter(), time.process_time()
        result = fn(*args)
        if self.timings is not None:
            self._add(name, time.perf_counter() - wall)
            self._add(f"{name} cpu", time.process_time() - cpu)
        return result

    def _add(self, name: str, seconds: float) -> None:
        self.timings[name] = self.timings.get(name, 0.0) + seconds

    def apportion(self, name: str, parts: Sequence[str], seconds: Sequence[Sequence[float]]):
        """Split the times of stage ``name`` into ``parts`` in proportion to the CPU seconds
        each item spent in each part (measured where it ran); ``name`` is replaced."""
        if self.timings is None:
            return
        totals = [sum(s[k] for s in seconds) for k in range(len(parts))]
        whole = sum(totals) or 1.0
        for suffix in ("", " cpu"):
            spent = self.timings.pop(name + suffix, 0.0)
            for part, total in zip(parts, totals, strict=True):
                self._add(part + suffix, spent * total / whole)


def finding_sort_key(f: Finding, event_rank: dict[str, int]) -> tuple:
    first = f.claims[0] if f.claims else None
    where = (first.article, first.sentence, first.start) if first else ("", 0, 0)
    return (
        event_rank.get(f.event, 0),
        Verdict(f.verdict).rank,
        -f.severity,
        where,
        f.slot,
        f.kind,
        f.explanation,
    )


def number_findings(findings: Sequence[Finding], events: Sequence[Event]) -> tuple[Finding, ...]:
    """Stable ids F1, F2, ... in report order: by event, verdict, severity, then reading order."""
    rank = {e.id: k for k, e in enumerate(events)}
    ordered = sorted(findings, key=lambda f: finding_sort_key(f, rank))
    return tuple(replace(f, id=f"F{k}") for k, f in enumerate(ordered, start=1))


def _refuse_duplicate_ids(articles: Sequence[Article]) -> None:
    """Every stage keys on the id; two articles with one id would be mixed up."""
    for a, b in zip(articles, articles[1:], strict=False):
        if a.id == b.id:
            raise InputError(
                b.path or a.path, f"duplicate article id {a.id!r}", "give every article its own id"
            )


def _notes(articles: Sequence[Article], events: Sequence[Event]) -> tuple[str, ...]:
    notes = []
    if len(articles) == 1:
        notes.append("only one article: nothing to compare it with (it is checked against itself)")
    elif events and all(len(e.articles) == 1 for e in events):
        notes.append("no two articles report the same event: each is checked against itself")
    return tuple(notes)


def _large_events(events: Sequence[Event], sentences, settings: Settings) -> tuple[str, ...]:
    """Say which events were too long for their sentences to be compared (and why)."""
    notes = []
    for event in events:
        mine = {a: sentences[a] for a in event.articles if a in sentences}
        if len(mine) > 1 and too_many_sentences(mine, settings):
            count = sum(len(group) for group in mine.values())
            notes.append(
                f"event {event.id}: {count:,} sentences, over the {settings.max_event_sentences:,}"
                " limit (max_event_sentences): its sentences were not compared, so added quotes"
                " and unsupported framing are not reported for it"
            )
    return tuple(notes)
