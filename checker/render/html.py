"""The editor's report as one self-contained HTML file: no network, no external files.

Per event the findings (contested, added, agreed) are buttons next to the reports, which
stand side by side with every claim highlighted in its verdict's colour; clicking a finding
(or opening ``#finding-F3``) highlights all its quotes. Every string from an article passes
through ``escape.html``; a Content-Security-Policy allows only this file's own script (by
hash) and styles, so even a missed escape could not run anything.
"""

from __future__ import annotations

import base64
import hashlib
from collections import defaultdict
from functools import cache
from importlib.resources import files

from checker.model import VERDICTS, Finding, Report
from checker.render.escape import html
from checker.render.view import (
    LABELS,
    SCORE_COLUMNS,
    EventView,
    Lines,
    counts,
    event_views,
    glances,
    outlet_scorecard,
    plural,
    scorecard,
    share,
    summary_line,
)

_RANK = {v: k for k, v in enumerate(VERDICTS)}
MAX_TEXT_ARTICLES = 8  # events with more reports show findings and quotes, not full texts


@cache
def _asset(name: str) -> str:
    return files("checker.render").joinpath("assets", name).read_text(encoding="utf-8")


def render_html(report: Report) -> str:
    script = _asset("report.js")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    csp = f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{digest}'"
    views = event_views(report)
    lines_of = Lines(report)
    positions = {a.id: k for k, a in enumerate(report.articles)}
    body = [
        '<header class="top"><h1>Consistency audit</h1>',
        f"<p>{html(summary_line(report))}</p>",
        *(f'<p class="note">{html(n)}</p>' for n in report.notes),
        "<p>Places are <code>article:line</code>, lines counted from 1 (the title is line 1)."
        " Click a finding to highlight its quotes in every report.</p></header><main>",
        _legend(),
        _glance(report, views),
        _contents(views),
        _scorecard(report),
        _reference(report, lines_of),
        *(_event(report, v, lines_of, positions) for v in views),
        "</main>",
    ]
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>Consistency audit</title>\n"
        f"<style>\n{_asset('report.css')}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + f"\n<script>{script}</script>\n</body></html>\n"
    )


def _glance(report: Report, views: tuple[EventView, ...]) -> str:
    found = glances(report, views)
    if not found:
        return ""
    out = ['<section class="card glance"><h2>At a glance</h2>']
    for g in found:
        e = g.view.event
        added = (
            "; ".join(
                f"<code>{html(aid)}</code> {n} of {whole} claims ("
                + ", ".join(f"{c} {html(k)}" for k, c in kinds)
                + ")"
                for aid, n, whole, kinds in g.added_most
            )
            or "nothing"
        )
        disagree = (
            "; ".join(
                f'<a href="#finding-{html(f.id)}">{html(f.id)}</a> {html(f.verdict)}: '
                f"{html(f.explanation)}"
                for f in g.disagree
            )
            or "nothing"
        )
        agree = "; ".join(html(a) for a in g.agree) or "no fact given by every report"
        out.append(
            f'<h3><a href="#{_anchor(e.id)}">{html(e.id)}: {html(g.view.title)}</a></h3><ul>'
            f'<li><span class="dot v-embellishment"></span><b>Added on its own</b> '
            f"(embellished claims, most first): {added}</li>"
            f'<li><span class="dot v-contradiction"></span><b>Disagree on</b>: {disagree}</li>'
            f'<li><span class="dot v-agreement"></span><b>Every report agrees on</b>: {agree}'
            "</li></ul>"
        )
    return "\n".join(out) + "</section>"


def _legend() -> str:
    items = "".join(f'<span class="v-{v}"><i></i>{html(LABELS.get(v, v))}</span>' for v in VERDICTS)
    return f'<p class="legend">{items}</p>'


def _tally(findings) -> str:
    c = counts(findings)
    return ", ".join(plural(n, LABELS.get(v, v)) for v, n in c.items() if n) or "no findings"


def _contents(views: tuple[EventView, ...]) -> str:
    items = "".join(
        f'<li><a href="#{_anchor(v.event.id)}">{html(v.event.id)}: {html(v.title)}</a> '
        f'<span class="meta">{plural(len(v.event.articles), "report")}, '
        f"{html(_tally(v.findings))}</span></li>"
        for v in views
    )
    first = '<li><a href="#scorecard">Scorecard</a></li>'
    return f'<nav class="toc"><h3>Contents</h3><ol>{first}{items}</ol></nav>'


def _anchor(event_id: str) -> str:
    return "event-" + "".join(ch if ch.isalnum() else "-" for ch in event_id.lower())


def _scorecard(report: Report) -> str:
    meta = {a.id: a for a in report.articles}
    colours = dict(zip(SCORE_COLUMNS, ("agreement", "contradiction", "embellishment", "unique"),
                       strict=True))  # fmt: skip
    head = "".join(f'<th><span class="dot v-{colours[c]}"></span>{c}</th>' for c in SCORE_COLUMNS)
    # the bar in the column order, which is the order claims are counted in
    rows = []
    for aid, t in scorecard(report).items():
        whole = t["claims"]
        cells = "".join(f'<td class="n">{share(t[c], whole)}</td>' for c in SCORE_COLUMNS)
        bar = "".join(
            f'<span class="bar v-{colours[c]}" style="width:{round(120 * t[c] / whole)}px"></span>'
            for c in SCORE_COLUMNS if whole and t[c]
        )  # fmt: skip
        rows.append(f"<tr><td><code>{html(aid)}</code></td><td>{html(meta[aid].source or '')}"
                    f'</td><td class="n">{whole}</td>{cells}<td>{bar}</td></tr>')  # fmt: skip
    out = [
        '<section class="card" id="scorecard"><h2>Scorecard</h2>',
        '<p class="meta">Each report\'s checked claims: contradicted by another report, '
        "embellished (framing, speculation, unsourced), unique (a detail only it gives) or "
        "corroborated; each claim counts once, in the first of these that applies.</p>",
        '<table class="score"><tr><th>report</th><th>source</th><th>claims</th>'
        f"{head}<th></th></tr>",
        *rows,
        "</table>",
    ]
    outlets = outlet_scorecard(report)
    if outlets:
        out.append('<h3>Per outlet</h3><table class="score"><tr><th>outlet</th><th>reports</th>'
                   f"<th>claims</th>{head}</tr>")  # fmt: skip
        for src, t in outlets.items():
            cells = "".join(f'<td class="n">{share(t[c], t["claims"])}</td>' for c in SCORE_COLUMNS)
            out.append(f'<tr><td>{html(src)}</td><td class="n">{t["articles"]}</td>'
                       f'<td class="n">{t["claims"]}</td>{cells}</tr>')  # fmt: skip
        out.append("</table>")
    return "\n".join(out) + "</section>"


def _reference(report: Report, lines_of: Lines) -> str:
    from checker.reference import CATEGORIES, against_reference

    ref = report.reference
    if not ref:
        return ""
    out = [f'<section class="card" id="reference"><h2>Against the reference <code>{html(ref)}'
           "</code></h2>"]  # fmt: skip
    compared = against_reference(report)
    if not compared:
        out.append('<p class="note">No other report covers the reference\'s event.</p>')
    for article, cats in compared.items():
        tally = ", ".join(f"{cat} {len(cats[cat])}" for cat in CATEGORIES)
        out.append(f'<h3 class="plain"><code>{html(article)}</code>: {tally}</h3><ul>')
        for cat in CATEGORIES:
            for t in cats[cat]:
                quotes = "; ".join(
                    f"{'reference' if c.article == ref else 'this report'} "
                    f"<code>{html(lines_of.place(c))}</code> “{html(c.quote)}”"
                    for c in (*t.reference, *t.mine)
                )
                f = t.finding
                out.append(f'<li class="v-{html(f.verdict)}"><span class="dot"></span><b>{cat}</b> '
                           f'<a href="#finding-{html(f.id)}">{html(f.id)}</a> '
                           f"{html(f.explanation)}<br><small>{quotes}</small></li>")  # fmt: skip
        out.append("</ul>")
    return "\n".join(out) + "</section>"


def _event(report: Report, view: EventView, lines_of: Lines, positions: dict[str, int]) -> str:
    e = view.event
    out = [
        f'<section class="event" id="{_anchor(e.id)}">',
        f"<h2>{html(e.id)}: {html(view.title)}</h2>",
        f'<p class="meta">{plural(len(e.articles), "report")}: {html(_tally(view.findings))}</p>',
        f'<p class="why">Why one event: {html(e.why)}</p>',
    ]
    if len(e.articles) == 1:
        title = dict(view.titles).get(e.articles[0], "")
        out.append(f'<p><code>{html(e.articles[0])}</code> “{html(title)}”</p>'
                   '<p class="note">Only one report covers this event: nothing to check it '
                   "against.</p></section>")  # fmt: skip
        return "\n".join(out)
    out.append('<div class="layout"><aside class="findings">')
    groups = [("Contested", view.contested)]
    groups += [(f"Added by {aid}", found) for aid, found in view.added]
    groups += [("Agreed", view.consensus), ("Explained and omitted", view.other)]
    for name, found in groups:
        if found:
            out.append(f"<h3>{html(name)} ({len(found)})</h3>")
            out += [_button(f, lines_of, quotes=len(e.articles) > MAX_TEXT_ARTICLES) for f in found]
    out.append("</aside>")
    shown = e.articles if len(e.articles) <= MAX_TEXT_ARTICLES else ()
    columns = max(1, len(shown))
    out.append(f'<div class="articles" style="grid-template-columns: repeat({columns}, '
               'minmax(260px, 1fr))">')  # fmt: skip
    if not shown:
        out.append(f'<p class="note">{len(e.articles)} reports: their texts are left out here; '
                   "each finding lists its quotes.</p>")  # fmt: skip
    for aid in shown:
        out.append(_article(report, positions, aid, view.findings))
    out.append("</div></div></section>")
    return "\n".join(out)


def _button(f: Finding, lines_of: Lines, quotes: bool = False) -> str:
    """A finding; with ``quotes`` (when the reports' texts are not shown) its quotes too."""
    if quotes:
        places = "; ".join(f"{lines_of.place(c)} “{c.quote}”" for c in f.claims)
    else:
        places = ", ".join(dict.fromkeys(lines_of.place(c) for c in f.claims))
    return (
        f'<button class="finding v-{html(f.verdict)}" data-finding="{html(f.id)}" '
        f'aria-pressed="false"><b>{html(f.id)}</b> {html(f.verdict)} · {html(f.kind)}'
        f"<small>{html(f.explanation)}</small><small>{html(places)}</small></button>"
    )


def _article(
    report: Report, positions: dict[str, int], aid: str, findings: tuple[Finding, ...]
) -> str:
    index = positions[aid]
    article, sentences = report.articles[index], report.sentences[index]
    spans: dict[int, list[tuple[int, int, Finding]]] = defaultdict(list)
    for f in findings:
        for c in f.claims:
            if c.article == aid and c.end > c.start:
                spans[c.sentence].append((c.start, c.end, f))
    badge = " · reference" if aid == report.reference else ""
    out = [f'<article data-article="{html(aid)}"><h4>{html(aid)}{badge}</h4>']
    titled = bool(sentences) and sentences[0].text.strip() == article.title.strip()
    if not titled:
        out.append(f'<p class="headline">{html(article.title)}</p>')
    out.append('<p class="headline">' if titled else "<p>")
    paragraph = sentences[0].paragraph if sentences else 0
    for s in sentences:
        if s.paragraph != paragraph:
            out.append("</p><p>")
            paragraph = s.paragraph
        line = article.text.count("\n", 0, s.start) + 1
        out.append(f'<span class="ln">{line}</span>{_sentence(s.text, spans.get(s.index, []))} ')
    out.append("</p></article>")
    return "".join(out)


def _sentence(text: str, spans: list[tuple[int, int, Finding]]) -> str:
    """The sentence with each claim in a <mark> of its most pressing verdict's colour."""
    cuts = sorted({0, len(text), *(p for s, e, _ in spans for p in (s, e))})
    out = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        piece = html(text[start:end])
        covering = [f for s, e, f in spans if s <= start and end <= e]
        if not covering:
            out.append(piece)
            continue
        top = min(covering, key=lambda f: _RANK.get(f.verdict, 99))
        ids = " ".join(dict.fromkeys(f.id for f in covering))
        out.append(f'<mark class="v-{html(top.verdict)}" data-findings="{html(ids)}" '
                   f'title="{html(ids)}">{piece}</mark>')  # fmt: skip
    return "".join(out)
