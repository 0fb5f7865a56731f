"""Group articles into events: which reports tell of the same night, the same shooting.

Method (all steps sorted, so the result does not depend on the order of the input):

1. Features. Each article (title, then text) becomes a bag of features in families:
   ``p`` a name: a capitalised word where a capital means a name (not the first word of a
   sentence, not in a title-case or all-caps line, unless the article writes the same word as
   a name elsewhere; a word the collection also writes in lower case, or a weekday, month,
   direction or street word, is no name on its own); ``q`` two adjacent names ("vladislav
   shapsha", "sapp drive"); ``u`` a number with the word after it ("6500 block",
   "15 year-old", "40 drones"); ``d`` a day of a month ("may 2"); ``y`` a year; ``n`` a bare
   number; ``w`` any other content word; ``a`` an anchor fact: ``slot=value`` of an exact
   quantity claim from the extractor. Phone numbers and web or mail addresses are skipped
   (contact boilerplate). Features of the first sentence (the headline) count
   ``group_lede_weight`` times: it names the event.
2. Vectors. TF-IDF in a ``scipy.sparse`` matrix: sublinear tf, idf ``log((m+1)/(df+1))``
   where m is the number of articles, but at least ``group_idf_min_articles`` (so that two
   reports alone can still match) and at most ``group_idf_scope`` (a name found in 30 of
   3,000 articles is as common for this purpose as one in 30 of 200), family weights from the
   settings, rows L2-normalised.
3. Blocking. Only pairs that share *rare* features (names, figures, dates, numbers or anchors
   found in at most ``group_block_df`` articles) worth at least ``group_block_min`` of their
   cosine are compared: one sparse product over the rare columns. The cost grows with the
   number of such pairs, not with the square of the number of articles.
4. Pair score = cosine x date factor x counter-evidence factors, each factor <= 1:
   - dates (when both articles carry one): a gap counts against a pair by how much likelier it
     is between any two articles of this collection than between two reports of one event
     (``date_gap_same``, measured on GVA dev: 63 % of same-incident pairs are at most 7 days
     apart, 23 % more than 30). Within ``date_window_days`` the factor is 1; beyond, it is that
     likelihood ratio (relative to the window's) to the power ``date_decay``, capped at 1 and
     never below ``date_penalty``. In a collection of one month far gaps are rare among all
     pairs too, so they cost little; in one of four years a gap of months costs much. Soft,
     never a hard cut;
   - both give street addresses and share none: x ``group_address_penalty``;
   - both give ages and share none: x ``group_age_penalty``;
   - both give figures of one kind (extractor slot without its place, "drone|downed") and
     every one disagrees, at least ``group_conflict_min_figures`` on the smaller side, with
     no anchor fact in common: x ``group_conflict_penalty`` (another night, another incident).
   Shared anchor facts, rare names, streets and figures raise the cosine itself.
5. Components. Pairs scoring at least ``group_threshold`` are the edges of a graph; its
   connected components (``scipy.sparse.csgraph``) are clustered separately. Average linkage
   never joins two clusters without a pair at the threshold, so apart from the blocking this
   split changes nothing.
   A component larger than ``group_max_block`` is split further by raising the edge threshold
   inside it (the only lossy step, for very large inputs).
6. Clustering. Average linkage (``scipy.cluster.hierarchy``) on the full pair scores inside
   each component (all pairs there, candidates or not), cut at ``1 - group_threshold``.

Events are numbered E1, E2, ... largest first, ties by the smallest article id; each lists its
articles sorted by id. ``Event.why`` says what the articles share (or, for an article alone,
how close the nearest other report came); ``Event.label`` gives the two or three most telling
shared names or facts.
"""

from __future__ import annotations

import datetime as _dt
import re
import tomllib
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from scipy import sparse
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse.csgraph import connected_components

from checker.errors import InputError
from checker.lexicons import MONTHS
from checker.load import title_of
from checker.model import Article, Claim, Event, format_number
from checker.settings import DEFAULT, Settings

# --- words ----------------------------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    """The whitespace-separated words of a word list."""
    return frozenset(text.split())


STOPWORDS = _words(
    """
a about above after again against ago all almost also although always am among an and another
any anyone anything are around as at away back be became because become been before being
below between both but by can cannot could did do does doing done down during each either else
even ever every few for from further get gets getting got had has have having he her here hers
herself him himself his how however i if in into is it its itself just least less like made
make many may me might more most much must my myself near need neither never no nor not now of
off often on once one only or other others our ours ourselves out over own per perhaps please
rather really said same say says see seen she should since so some still such than that the
their theirs them themselves then there these they this those though through thus to too
toward towards under until up upon us very via was way we well were what whatever when where
whether which while who whom whose why will with within without would yet you your yours
yourself told tell according new news com www http https read share photo video image
copyright reserved rights i'm i've i'd i'll it's that's he's she's we're they're don't
didn't can't won't isn't wasn't
"""
)
STREET_WORDS = _words(
    "street avenue road drive boulevard lane court place block terrace parkway highway "
    "circle trail st ave rd blvd"
)
AGE_WORDS = frozenset(("year-old", "years-old"))
GENERIC = (
    _words(
        """
monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
north south east west northern southern eastern western northeast northwest southeast southwest
way mr mrs ms dr jr sr
"""
    )
    | frozenset(MONTHS)
    | STREET_WORDS
)
"""Capitalised words that name no one: on their own they are ordinary words (pairs count)."""

_TOKEN = re.compile(r"\d+(?:[.,:]\d+)*(?:st|nd|rd|th)?|[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_SENT_END = re.compile(r"(?<=[.!?…])[\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])|\n+")
_POSSESSIVE = re.compile(r"['’]s$")
# Phone numbers, web and mail addresses: contact boilerplate, not facts of an event.
_PHONE = re.compile(r"\b\d{3}(?:\)?[ .\-]?\d{3}[ .\-](?:\d{4}|[A-Z]{4})|[ .\-][A-Z]{4})\b")
_WEB = re.compile(r"\bhttps?://\S+|\bwww\.\S+|(?<!\S)[^\s@]+@[^\s@]+\.\w+")


def _strip_contacts(text: str) -> str:
    text = _PHONE.sub(" ", text)
    if "@" in text or "http" in text or "www." in text:
        text = _WEB.sub(" ", text)
    return text


@dataclass(slots=True)
class _Doc:
    sentences: list[list[str]]  # tokens of each sentence, the title first
    plain: list[bool]  # False for a title-case or all-caps line
    names: set[str]  # keys written capitalised where a capital means a name
    lower: set[str]  # words written in lower case
    counts: Counter  # feature -> weighted count (filled by _features)
    surface: dict[str, str]  # feature -> how it was first written


def _sentences(text: str) -> list[str]:
    return [s for s in _SENT_END.split(text) if s.strip()]


def _is_headline(line: str, toks: list[str]) -> bool:
    """A title-case or all-caps line: its capitals say nothing about names."""
    if line.isupper():
        return sum(t[0].isalpha() for t in toks) >= 3
    if len(toks) > 40:  # a title-case line is short; skip the count for long sentences
        return False
    words = [t[0] for t in toks if len(t) > 3 and not t[0].isdecimal()]
    return len(words) >= 3 and sum(c.isupper() for c in words) >= 0.85 * len(words)


@lru_cache(maxsize=1 << 16)
def _key(token: str) -> str:
    return _POSSESSIVE.sub("", token.lower()).replace("’", "'")


@lru_cache(maxsize=1 << 16)
def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _tokenize(article: Article) -> _Doc:
    text = article.text
    title = " ".join(article.title.split())
    first_line = title_of(text)
    if title and " ".join(first_line.split()) != title:
        text = f"{title}\n{text}"  # a text that starts with its title has it once
    sentences, plain = [], []
    for line in _sentences(_strip_contacts(text)):
        toks = _TOKEN.findall(line)
        if toks:
            sentences.append(toks)
            plain.append(not _is_headline(line, toks))
    body = [toks for toks, ok in zip(sentences, plain, strict=True) if ok]
    names = {_key(t) for toks in body for t in toks[1:] if t[0].isupper()}
    lower = {t for toks in body for t in toks if t[0].islower()}
    return _Doc(sentences, plain, names, lower, Counter(), {})


def _features(doc: _Doc, common: set[str], settings: Settings) -> None:
    """Fill doc.counts and doc.surface; ``common``: words that name no one on their own."""
    counts, surface, names = doc.counts, doc.surface, doc.names
    stop, months, key_of, singular = STOPWORDS, MONTHS, _key, _singular
    lede, lede_weight = settings.group_lede_sentences, settings.group_lede_weight
    for number, (toks, ok) in enumerate(zip(doc.sentences, doc.plain, strict=True)):
        weight = lede_weight if number < lede else 1.0
        found: list[tuple[str, str]] = []  # (feature, as written)
        prev_name = prev_shown = ""
        n = len(toks)
        for pos, tok in enumerate(toks):
            first = tok[0]
            if first.isdecimal():
                prev_name = ""
                num = tok.replace(",", "")
                before = key_of(toks[pos - 1]) if pos else ""
                if before in months and num.isdecimal() and int(num) <= 31:
                    found.append(
                        (f"d:{months[before]:02d}-{int(num):02d}", f"{toks[pos - 1]} {tok}")
                    )
                elif len(num) == 4 and num.isdecimal() and 1900 <= int(num) <= 2099:
                    found.append((f"y:{num}", tok))
                else:
                    found.append((f"n:{num}", tok))
                    if pos + 1 < n and toks[pos + 1][0].isalpha():
                        nxt = key_of(toks[pos + 1])
                        if nxt not in stop and nxt not in months:
                            found.append((f"u:{num} {singular(nxt)}", f"{tok} {toks[pos + 1]}"))
                continue
            key = key_of(tok)
            if key in stop or len(key) < 2:
                prev_name = ""
                continue
            if first.isupper() and ((pos and ok) or key in names):
                if key not in common:
                    found.append(("p:" + key, tok))
                if prev_name:
                    found.append((f"q:{prev_name} {key}", f"{prev_shown} {tok}"))
                prev_name, prev_shown = key, tok
            else:
                prev_name = ""
                if len(key) > 2:
                    found.append(("w:" + singular(key), key))
        for feature, shown in found:
            counts[feature] += weight
            if feature not in surface:
                surface[feature] = shown


def _addresses(features) -> frozenset[str]:
    """Street addresses an article gives: "6500 block", "46th street", "sapp drive"."""
    return frozenset(
        f[2:] for f in features if f[0] in "uq" and f.rsplit(" ", 1)[-1] in STREET_WORDS
    )


def _ages(features) -> frozenset[str]:
    """Ages an article gives ("15-year-old" -> "15")."""
    return frozenset(
        f[2:].split(" ", 1)[0]
        for f in features
        if f[0] == "u" and f.rsplit(" ", 1)[-1] in AGE_WORDS
    )


# --- claims ---------------------------------------------------------------------------------

Values = list[tuple[float, float, float]]  # (value, low, high) of exact quantity claims


def _anchors(claims: Sequence[Claim]) -> dict[str, Values]:
    """slot -> figures of the exact (not vague) quantity claims of one article."""
    out: dict[str, Values] = {}
    for c in claims:
        if c.kind != "quantity" or c.vague or c.value is None or not c.slot:
            continue
        low = c.value if c.low is None else c.low
        high = c.value if c.high is None else c.high
        out.setdefault(c.slot, []).append((float(c.value), float(low), float(high)))
    return out


def _coarse(slot: str) -> str:
    """What is counted and what happened to it, without the place: "drone|downed"."""
    return "|".join(slot.split("|")[-2:])


def _overlap(va: Values, vb: Values) -> list[float]:
    """Figures of either side that the other side's intervals allow."""
    return sorted(
        {v for v, _, _ in va if any(lo <= v <= hi for _, lo, hi in vb)}
        | {v for v, _, _ in vb if any(lo <= v <= hi for _, lo, hi in va)}
    )


def _by_kind(anchors: dict[str, Values]) -> dict[str, Values]:
    out: dict[str, Values] = {}
    for slot, values in anchors.items():
        out.setdefault(_coarse(slot), []).extend(values)
    return out


def _conflicts(
    a: dict[str, Values], b: dict[str, Values], ka: dict[str, Values], kb: dict[str, Values]
) -> tuple[list[str], int]:
    """Anchor facts two articles share (same slot, a figure both allow), and how strongly they
    disagree: for each kind of count both give with no figure in common, the smaller number of
    distinct figures the two give for it. ``ka``/``kb``: the anchors by kind (_by_kind)."""
    shared = []
    for slot in sorted(a.keys() & b.keys()):
        agree = _overlap(a[slot], b[slot])
        if agree:
            shared.append(f"{slot}={format_number(agree[0])}")
    strength = 0
    for kind in sorted(ka.keys() & kb.keys()):
        if not _overlap(ka[kind], kb[kind]):
            strength += min(len({v for v, _, _ in ka[kind]}), len({v for v, _, _ in kb[kind]}))
    return shared, strength


# --- dates ----------------------------------------------------------------------------------


def _parse_date(value: str | None) -> int | None:
    if not value:
        return None
    try:
        return _dt.date.fromisoformat(str(value)[:10]).toordinal()
    except ValueError:
        return None


def _date_factors(dates: Sequence[int | None], settings: Settings) -> np.ndarray:
    """Pair score factor for each gap bucket of ``date_gap_edges`` (see the module notes)."""
    edges = np.asarray(settings.date_gap_edges, dtype=np.int64)
    same = np.asarray(settings.date_gap_same, dtype=np.float64)
    same = same / same.sum()
    known = np.asarray(sorted(d for d in dates if d is not None), dtype=np.int64)
    counts = np.zeros(len(same))
    if len(known) > 1 and known[-1] - known[0] < 200_000:
        hist = np.bincount(known - known[0]).astype(np.float64)
        size = 2 * len(hist)  # autocorrelation of the day histogram: pairs at each gap
        spectrum = np.fft.rfft(hist, size)
        pairs = np.rint(np.fft.irfft(spectrum * spectrum.conj(), size)[: len(hist)])
        pairs = pairs.astype(np.int64)
        pairs[0] = (pairs[0] - len(known)) // 2  # same-day pairs, each once, no self-pairs
        np.add.at(counts, np.searchsorted(edges, np.arange(len(pairs))), pairs)
    prior = settings.date_prior_pairs
    share = (counts + prior * same) / (counts.sum() + prior)
    ratio = same / np.maximum(share, 1e-12)
    near = int(np.searchsorted(edges, settings.date_window_days, side="right"))
    ref = same[:near].sum() / max(share[:near].sum(), 1e-12)
    factor = np.minimum(1.0, ratio / ref) ** settings.date_decay
    factor[:near] = 1.0
    return np.maximum(factor, settings.date_penalty)


# --- the model ------------------------------------------------------------------------------

RARE_FAMILIES = frozenset("pqudyna")  # families whose rare features make candidate pairs


class _Model:
    """Vectors and pair scores of one set of articles, in the order given."""

    def __init__(
        self,
        articles: Sequence[Article],
        claims: Mapping[str, Sequence[Claim]],
        settings: Settings,
    ) -> None:
        s = self.settings = settings
        self.ids = [a.id for a in articles]
        n = self.n = len(articles)
        docs = [_tokenize(a) for a in articles]
        lower_df = Counter(w for d in docs for w in d.lower)
        common = set(GENERIC) | {w for w, c in lower_df.items() if c >= s.group_common_df}
        for doc in docs:
            _features(doc, common, s)
        self.anchors = [_anchors(claims.get(a.id, ())) for a in articles]
        self.kinds = [_by_kind(a) for a in self.anchors]
        for doc, anchors in zip(docs, self.anchors, strict=True):
            for slot, values in anchors.items():
                for value in sorted({v for v, _, _ in values}):
                    feature = f"a:{slot}={format_number(value)}"
                    doc.counts[feature] += 1
                    doc.surface.setdefault(feature, feature[2:])
        self.vocab = vocab = sorted({f for d in docs for f in d.counts})
        index = {f: i for i, f in enumerate(vocab)}
        rows = np.repeat(np.arange(n), [len(d.counts) for d in docs])
        cols = np.fromiter((index[f] for d in docs for f in d.counts), np.int64, len(rows))
        tf = np.fromiter((c for d in docs for c in d.counts.values()), np.float64, len(rows))
        self.df = df = np.bincount(cols, minlength=len(vocab))
        scope = min(max(n, s.group_idf_min_articles), s.group_idf_scope)
        idf = np.maximum(np.log((scope + 1.0) / (df + 1.0)), 0.0)
        family = {
            "p": s.group_weight_name,
            "q": s.group_weight_name,
            "u": s.group_weight_figure,
            "d": s.group_weight_figure,
            "y": s.group_weight_number,
            "n": s.group_weight_number,
            "w": s.group_weight_word,
            "a": s.group_weight_anchor,
        }
        self.col_weight = idf * np.asarray([family[f[0]] for f in vocab])
        x = sparse.csr_matrix(
            ((1.0 + np.log(tf)) * self.col_weight[cols], (rows, cols)), shape=(n, len(vocab))
        )
        norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        self.x = sparse.csr_matrix(sparse.diags(1.0 / norms) @ x)
        self.x.sort_indices()
        self.present = (self.x > 0).astype(np.float32).tocsr()
        # Counter-evidence: addresses and ages as 0/1 columns, dates, anchors.
        last = [f.rsplit(" ", 1)[-1] if f[0] in "uq" else "" for f in vocab]
        is_addr = np.asarray([w in STREET_WORDS for w in last], dtype=bool)
        is_age = np.asarray(
            [w in AGE_WORDS and f[0] == "u" for f, w in zip(vocab, last, strict=True)], dtype=bool
        )
        written = sparse.csr_matrix(
            (np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(n, len(vocab))
        )  # 0/1: the article gives the feature, however common it is
        self.addr = written[:, np.flatnonzero(is_addr)].tocsr()
        self.age = written[:, np.flatnonzero(is_age)].tocsr()
        self.addr_sets = [_addresses(d.counts) for d in docs]
        self.age_sets = [_ages(d.counts) for d in docs]
        self.has_addr = np.asarray([bool(x) for x in self.addr_sets], dtype=bool)
        self.has_age = np.asarray([bool(x) for x in self.age_sets], dtype=bool)
        self.dates = np.asarray([_parse_date(a.date) or -1 for a in articles], dtype=np.int64)
        self.date_factors = _date_factors([d for d in self.dates if d >= 0], s)
        self.has_anchors = np.asarray([bool(k) for k in self.kinds])
        shown: dict[str, dict[str, int]] = {}
        for doc in docs:
            for f, text in doc.surface.items():
                seen = shown.get(f)
                if seen is None:
                    shown[f] = {text: 1}
                else:
                    seen[text] = seen.get(text, 0) + 1
        self.shown = {
            f: min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0] for f, c in shown.items()
        }

    def candidates(self) -> tuple[np.ndarray, np.ndarray]:
        """Pairs (i < j) whose shared rare features add at least ``group_block_min`` to their
        cosine: one sparse product over the rare columns only."""
        rare = np.asarray(
            [
                f[0] in RARE_FAMILIES and 2 <= d <= self.settings.group_block_df
                for f, d in zip(self.vocab, self.df, strict=True)
            ],
            dtype=bool,
        )
        xr = self.x[:, np.flatnonzero(rare)]
        shared = sparse.triu(xr @ xr.T, k=1).tocoo()
        keep = shared.data >= max(self.settings.group_block_min, 1e-12)
        row, col = shared.row[keep].astype(np.int64), shared.col[keep].astype(np.int64)
        order = np.lexsort((col, row))
        return row[order], col[order]

    def cosines(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        out = np.empty(len(i), dtype=np.float64)
        step = 50_000
        for start in range(0, len(i), step):
            a, b = i[start : start + step], j[start : start + step]
            out[start : start + step] = np.asarray(
                self.x[a].multiply(self.x[b]).sum(axis=1)
            ).ravel()
        return out

    def factors(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """Product of the date and counter-evidence factors of each pair (all <= 1)."""
        s = self.settings
        out = np.ones(len(i), dtype=np.float64)
        if not len(i):
            return out
        da, db = self.dates[i], self.dates[j]
        dated = (da >= 0) & (db >= 0)
        bucket = np.searchsorted(np.asarray(s.date_gap_edges), np.abs(da - db))
        out[dated] *= self.date_factors[bucket[dated]]
        for m, sets, penalty in (
            (self.addr, self.addr_sets, s.group_address_penalty),
            (self.age, self.age_sets, s.group_age_penalty),
        ):
            has = self.has_addr if sets is self.addr_sets else self.has_age
            both = np.flatnonzero(has[i] & has[j])
            if len(both) > 2000:  # many pairs: one sparse product
                common = np.asarray(m[i[both]].multiply(m[j[both]]).sum(axis=1)).ravel() > 0
            else:
                common = np.asarray(
                    [bool(sets[a] & sets[b]) for a, b in zip(i[both], j[both], strict=True)],
                    dtype=bool,
                )
            out[both[~common]] *= penalty
        both = np.flatnonzero(self.has_anchors[i] & self.has_anchors[j])
        for k in both.tolist():
            a, b = int(i[k]), int(j[k])
            if not self.kinds[a].keys() & self.kinds[b].keys():
                continue
            shared, strength = _conflicts(
                self.anchors[a], self.anchors[b], self.kinds[a], self.kinds[b]
            )
            if not shared and strength >= s.group_conflict_min_figures:
                out[k] *= s.group_conflict_penalty
        return out

    def scores(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        return self.cosines(i, j) * self.factors(i, j)

    def block_scores(self, members: np.ndarray) -> np.ndarray:
        """Dense symmetric pair scores inside one block (zero diagonal)."""
        xb = _used_columns(self.x[members])
        cos = np.asarray((xb @ xb.T).todense(), dtype=np.float64)
        ii, jj = np.triu_indices(len(members), k=1)
        upper = cos[ii, jj] * self.factors(members[ii], members[jj])
        out = np.zeros_like(cos)
        out[ii, jj] = upper
        out[jj, ii] = upper
        return out


def _used_columns(rows: sparse.csr_matrix) -> sparse.csr_matrix:
    """The same rows with only the columns they use, renumbered in the same order.

    Scale: ``rows @ rows.T`` converts ``rows.T`` to CSR, which costs one entry per column
    of the whole vocabulary; per block that made grouping quadratic (blocks and vocabulary
    both grow with the collection). The column order is kept, so every sum adds the same
    terms in the same order and the scores are bit-identical."""
    cols, local = np.unique(rows.indices, return_inverse=True)
    return sparse.csr_matrix(
        (rows.data, local.reshape(-1), rows.indptr), shape=(rows.shape[0], len(cols))
    )


# --- clustering -----------------------------------------------------------------------------


def _components(n: int, i: np.ndarray, j: np.ndarray) -> list[np.ndarray]:
    graph = sparse.coo_matrix((np.ones(len(i)), (i, j)), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    order = np.argsort(labels, kind="stable")
    splits = np.flatnonzero(np.diff(labels[order])) + 1
    return [np.sort(part) for part in np.split(order, splits)]


def _blocks(
    nodes: np.ndarray, i: np.ndarray, j: np.ndarray, score: np.ndarray, threshold: float, cap: int
) -> list[np.ndarray]:
    """Connected components of ``nodes`` joined by pairs scoring >= threshold (the pairs lie
    inside ``nodes``), none larger than cap: a larger one is split with a stricter threshold."""
    keep = score >= threshold
    i, j, score = i[keep], j[keep], score[keep]
    # Scale: components of ``nodes`` alone, numbered 0..len(nodes)-1 (``nodes`` is sorted, so
    # the numbering keeps the order and the components come out as before). Numbering by the
    # whole collection made every split of a large block cost the whole collection.
    li, lj = np.searchsorted(nodes, i), np.searchsorted(nodes, j)
    parts = _components(len(nodes), li, lj)
    label = np.empty(len(nodes), dtype=np.int64)
    for k, part in enumerate(parts):
        label[part] = k
    edge_label = label[li]  # both ends of an edge are in one component
    out = []
    for k, part in enumerate(parts):
        comp = nodes[part]
        if len(comp) <= max(cap, 2):
            out.append(comp)
            continue
        inside = edge_label == k
        stricter = threshold * 1.25 + 0.01
        out.extend(_blocks(comp, i[inside], j[inside], score[inside], stricter, cap))
    return out


def _cluster(
    model: _Model, members: np.ndarray, threshold: float
) -> list[tuple[np.ndarray, float]]:
    """Average-linkage clusters of one block, each with its mean pair score."""
    if len(members) == 1:
        return [(members, 1.0)]
    score = np.clip(model.block_scores(members), 0.0, 1.0)
    tree = linkage(1.0 - score[np.triu_indices(len(members), k=1)], method="average")
    labels = fcluster(tree, t=1.0 - threshold + 1e-9, criterion="distance")
    out = []
    for label in sorted(set(labels.tolist())):
        pos = np.flatnonzero(labels == label)
        sub = score[np.ix_(pos, pos)]
        mean = float(sub[np.triu_indices(len(pos), k=1)].mean()) if len(pos) > 1 else 1.0
        out.append((members[pos], mean))
    return out


def _content_key(article: Article) -> tuple[str, ...]:
    return (
        article.text,
        article.title,
        article.date or "",
        article.source or "",
        article.url or "",
        article.id,
    )


def group_events(
    articles: Sequence[Article],
    claims: Mapping[str, Sequence[Claim]],
    settings: Settings = DEFAULT,
) -> tuple[Event, ...]:
    """Group articles into events; every article is in exactly one event.

    ``claims`` maps an article id to its extracted claims (may be empty): exact quantity
    claims give anchor facts (shared: evidence for; disagreeing: evidence against).
    """
    unique: dict[str, Article] = {}
    for art in sorted(articles, key=_content_key):
        unique.setdefault(art.id, art)
    # Work in content order, not id order: ties then break the same way whatever the ids.
    arts = sorted(unique.values(), key=_content_key)
    if not arts:
        return ()
    model = _Model(arts, claims, settings)
    threshold = settings.group_threshold
    i, j = model.candidates()
    cos = model.cosines(i, j)
    # Every factor is <= 1: a pair whose cosine is below the threshold is no edge anyway.
    near = cos >= threshold
    score = np.zeros_like(cos)
    score[near] = cos[near] * model.factors(i[near], j[near])
    clusters: list[tuple[np.ndarray, float]] = []
    everyone = np.arange(model.n)
    for block in _blocks(everyone, i, j, score, threshold, settings.group_max_block):
        clusters.extend(_cluster(model, block, threshold))
    members = [sorted(model.ids[int(m)] for m in c) for c, _ in clusters]
    order = sorted(range(len(clusters)), key=lambda k: (-len(members[k]), members[k][0]))
    nearest = _nearest(model, i, j, cos)
    events = []
    for number, k in enumerate(order, start=1):
        idx, mean = clusters[k]
        label, why = _explain(model, [int(m) for m in idx], mean, nearest)
        events.append(Event(id=f"E{number}", articles=tuple(members[k]), label=label, why=why))
    return tuple(events)


def _nearest(
    model: _Model, i: np.ndarray, j: np.ndarray, cos: np.ndarray
) -> dict[int, tuple[int, float]]:
    """For each article, the candidate with the highest cosine (ties: the smaller index),
    with the pair's score."""
    if not len(i):
        return {}
    src, dst, val = np.concatenate([i, j]), np.concatenate([j, i]), np.concatenate([cos, cos])
    order = np.lexsort((dst, -val, src))
    first = order[np.flatnonzero(np.r_[True, np.diff(src[order]) != 0])]
    keys, other = src[first], dst[first]
    score = model.scores(np.minimum(keys, other), np.maximum(keys, other))
    return {
        int(k): (int(o), float(v))
        for k, o, v in zip(keys.tolist(), other.tolist(), score.tolist(), strict=True)
    }


# --- explanations ---------------------------------------------------------------------------


def _explain(
    model: _Model, idx: list[int], mean: float, nearest: dict[int, tuple[int, float]]
) -> tuple[str, str]:
    threshold = model.settings.group_threshold
    if len(idx) == 1:
        own = _drop_parts(_top_features(model, idx, min_share=1, families="pqua"))
        label = ", ".join(model.shown[f] for f in own[:3])
        if idx[0] not in nearest:
            return label, "alone: no other report shares a rare name, figure or fact"
        other, score = nearest[idx[0]]
        if score < threshold:
            return label, (
                f"alone: the closest report, {model.ids[other]}, scores {score:.3f} "
                f"(threshold {threshold:g})"
            )
        return label, (
            f"alone: the closest report, {model.ids[other]}, scores {score:.3f}, but on "
            f"average this report scores below {threshold:g} with that report's event"
        )
    shared = _top_features(model, idx, min_share=2, families="pquda")
    anchors = [f for f in shared if f[0] == "a"]
    names = _drop_parts([f for f in shared if f[0] in "pq"])
    figures = [f for f in shared if f[0] in "ud"]
    parts = []
    if anchors:
        more = ", ..." if len(anchors) > 3 else ""
        shown = ", ".join(model.shown[f] for f in anchors[:3])
        parts.append(f"share {len(anchors)} anchor fact{'s' * (len(anchors) > 1)}: {shown}{more}")
    if names:
        parts.append("names: " + ", ".join(model.shown[f] for f in names[:4]))
    if figures:
        parts.append("figures: " + ", ".join(model.shown[f] for f in figures[:3]))
    if not parts:
        parts.append("share only common words")
    dates = sorted({int(model.dates[k]) for k in idx if model.dates[k] >= 0})
    if len(dates) > 1:
        parts.append(f"dated over {dates[-1] - dates[0] + 1} days")
    parts.append(f"mean similarity {mean:.3f} (threshold {threshold:g})")
    label_from = [*anchors[:1], *names[:2]] or figures[:2] or shared[:2]
    return ", ".join(model.shown[f] for f in label_from[:3]), "; ".join(parts)


def _drop_parts(names: list[str]) -> list[str]:
    """Leave out a one-word name when a listed two-word name contains it."""
    inside = {w for f in names if f[0] == "q" for w in f[2:].split(" ")}
    return [f for f in names if not (f[0] == "p" and f[2:] in inside)]


def _top_features(model: _Model, idx: list[int], min_share: int, families: str) -> list[str]:
    """Telling features of the articles: most widely shared first, then the rarest."""
    if len(idx) == 1:
        ptr = model.present.indptr
        found = model.present.indices[ptr[idx[0]] : ptr[idx[0] + 1]]
        present = dict.fromkeys(found.tolist(), 1)
    else:
        # Scale: count the columns these rows use (each at most once per row) instead of
        # summing into a vector as long as the whole vocabulary once per event.
        cols, counts = np.unique(model.present[idx].indices, return_counts=True)
        present = {int(c): int(n) for c, n in zip(cols, counts, strict=True) if n >= min_share}
    cols = [
        c
        for c in present
        if present[c] >= min_share and model.vocab[c][0] in families and model.col_weight[c] > 0
    ]
    cols.sort(key=lambda c: (-(present[c] ** 2) * model.col_weight[c], model.vocab[c]))
    return [model.vocab[c] for c in cols]


# --- overrides ------------------------------------------------------------------------------


def load_event_overrides(path) -> tuple[tuple[str, ...], ...]:
    """Article sets that are one event each, from a TOML file in the gold format.

    ``[[event]]`` tables with ``articles = ["id", ...]`` (``id`` optional). A missing,
    unreadable or malformed file, or an article named in two events, raises InputError.
    """
    hint = 'write [[event]] tables, each with articles = ["id", ...]'
    name = str(path)
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        raise InputError(name, "no such events file", "check the path") from None
    except IsADirectoryError:
        raise InputError(name, "is a folder, not an events file", hint) from None
    except OSError as exc:
        raise InputError(name, f"cannot read the events file ({exc.strerror})", hint) from None
    except UnicodeDecodeError:
        raise InputError(name, "the events file is not UTF-8 text", hint) from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(name, f"not valid TOML: {exc}", hint) from None
    tables = data.get("event", [])
    if not isinstance(tables, list):
        raise InputError(name, "'event' must be an array of tables ([[event]])", hint)
    seen: dict[str, int] = {}
    out = []
    for k, table in enumerate(tables, start=1):
        if not isinstance(table, dict):
            raise InputError(name, f"event {k} is not a table", hint)
        arts = table.get("articles")
        if not isinstance(arts, list) or not arts or not all(isinstance(a, str) for a in arts):
            raise InputError(name, f"event {k} needs a non-empty list of article ids", hint)
        for a in arts:
            if seen.get(a, k) != k:
                raise InputError(
                    name,
                    f"article {a!r} is in event {seen[a]} and in event {k}",
                    "name each article in one event only",
                )
            seen[a] = k
        out.append(tuple(dict.fromkeys(arts)))
    return tuple(out)


def apply_overrides(
    events: Sequence[Event], overrides: Sequence[Sequence[str]]
) -> tuple[Event, ...]:
    """The articles named together in an override form exactly one event; the others keep
    the automatic grouping. Ids not among the events' articles are ignored; an article named
    in two overrides goes with the first. Events are renumbered as group_events numbers them."""
    known = {a for e in events for a in e.articles}
    taken: set[str] = set()
    fixed = []
    for group in overrides:
        arts = tuple(sorted({a for a in group if a in known and a not in taken}))
        if arts:
            fixed.append(arts)
            taken.update(arts)
    label_of = {a: e.label for e in events for a in e.articles}
    kept: list[tuple[tuple[str, ...], str, str]] = []
    for e in events:
        rest = tuple(sorted(a for a in e.articles if a not in taken))
        if not rest:
            continue
        why = (
            e.why if len(rest) == len(e.articles) else f"{e.why} (others moved by the events file)"
        )
        kept.append((rest, e.label, why))
    for arts in fixed:
        kept.append((arts, label_of.get(arts[0], ""), "set by the events file"))
    kept.sort(key=lambda t: (-len(t[0]), t[0][0]))
    return tuple(
        Event(id=f"E{k}", articles=arts, label=label, why=why)
        for k, (arts, label, why) in enumerate(kept, start=1)
    )
