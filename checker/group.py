"""Group articles into events: which reports tell of the same night, the same shooting.

Method (every step sorted, so the result does not depend on the order of the input):

1. Features. Each article (title + text) becomes a bag of features, in families:
   ``p`` a name (a capitalised word in a position where capitals mean a name: not the start of
   a sentence, not a title-case headline, unless the same word is a name elsewhere in the
   article), ``q`` two adjacent names ("vladislav shapsha", "betty ford"), ``u`` a number with
   the word after it ("6500 block", "15 year-old", "40 drones"), ``d`` a day of a month
   ("may 2"), ``n`` a bare number, ``w`` any other content word, and ``a`` an anchor fact from
   the extracted claims (``slot=value`` of an exact quantity claim).
2. Vectors. TF-IDF over the articles given (sublinear tf, smoothed idf, family weights from
   the settings), rows L2-normalised, in a ``scipy.sparse`` matrix.
3. Blocking. Candidate pairs are only those that share a *rare* feature (a name, number or
   anchor found in at most ``group_block_df`` articles): a sparse product restricted to those
   columns. Nothing else is compared, so the cost grows with the number of candidate pairs,
   not with the square of the number of articles.
4. Pair score. Cosine of the two vectors, scaled by ``date_penalty`` when both articles carry
   dates further apart than ``date_window_days`` (soft: reports of one incident are often
   written weeks apart), plus a bonus for each shared anchor fact and a penalty when the two
   give disjoint figures for the same slot and agree on none (counter-evidence: another night).
5. Blocks. Pairs scoring at least ``group_threshold`` are the edges of a graph; its connected
   components (``scipy.sparse.csgraph``) are clustered independently. Average linkage never
   joins two clusters with no pair above the threshold, so this split loses nothing. A
   component larger than ``group_max_block`` is split further by raising the edge threshold
   inside it.
6. Clustering. Average linkage (``scipy.cluster.hierarchy``) inside each component on the
   full pair scores, cut at ``1 - group_threshold``.

Events are numbered E1, E2, ... largest first, ties by the smallest article id, and list
their articles sorted by id. ``Event.why`` says what the articles share; ``Event.label`` is
the two or three most telling shared names or facts.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
import tomllib
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.signal import fftconvolve
from scipy.sparse.csgraph import connected_components

from checker.errors import InputError
from checker.model import Article, Claim, Event
from checker.settings import DEFAULT, Settings

# --- words ----------------------------------------------------------------------------------

STOPWORDS = frozenset(
    ["a", "about", "above", "after", "again", "against", "ago", "all", "almost", "also", "although", "always", "am", "among", "an", "and", "another", "any", "anyone", "anything", "are", "around", "as", "at", "away", "back", "be", "became", "because", "become", "been", "before", "being", "below", "between", "both", "but", "by", "can", "cannot", "could", "did", "do", "does", "doing", "done", "down", "during", "each", "either", "else", "even", "ever", "every", "few", "for", "from", "further", "get", "gets", "getting", "got", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "however", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "least", "less", "like", "made", "make", "many", "may", "me", "might", "more", "most", "much", "must", "my", "myself", "near", "need", "neither", "never", "no", "nor", "not", "now", "of", "off", "often", "on", "once", "one", "only", "or", "other", "others", "our", "ours", "ourselves", "out", "over", "own", "per", "perhaps", "please", "rather", "really", "said", "same", "say", "says", "see", "seen", "she", "should", "since", "so", "some", "still", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those", "though", "through", "thus", "to", "too", "toward", "towards", "under", "until", "up", "upon", "us", "very", "via", "was", "way", "we", "well", "were", "what", "whatever", "when", "where", "whether", "which", "while", "who", "whom", "whose", "why", "will", "with", "within", "without", "would", "yet", "you", "your", "yours", "yourself", "mr", "mrs", "ms", "dr", "st", "told", "tell", "according", "just", "also", "new", "news", "com", "www", "http", "https", "read", "more", "share", "said", "says", "photo", "video", "image", "copyright", "reserved", "rights"]
)
MONTHS = {
    m: i + 1
    for i, m in enumerate(
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
    )
}
for _m, _i in list(MONTHS.items()):
    MONTHS[_m[:3]] = _i
MONTHS["sept"] = 9

_TOKEN = re.compile(r"\d+(?:[.,:]\d+)*(?:st|nd|rd|th)?|[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_SENT_END = re.compile(r"(?<=[.!?…])[\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])|\n+")
_POSSESSIVE = re.compile(r"['’]s$")


GENERIC = frozenset(
    """
monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
north south east west northern southern eastern western northeast northwest southeast southwest
street avenue road drive boulevard lane way court place highway parkway block st ave rd blvd
mr mrs ms dr jr sr
""".split()
) | frozenset(MONTHS)
"""Capitalised words that name no one: a single one is an ordinary word (pairs still count)."""

# Phone numbers, web and mail addresses: contact boilerplate, not facts of an event.
_BOILERPLATE = re.compile(
    r"\(?\b\d{3}\)?[ .\-]?\d{3}[ .\-](?:\d{4}|[A-Z]{4})\b"
    r"|\b\d{3}[ .\-][A-Z]{4}\b"
    r"|\bhttps?://\S+|\bwww\.\S+|\S+@\S+\.\w+"
)


@dataclass(slots=True)
class _Doc:
    sentences: list[list[str]]  # tokens of each sentence
    plain: list[bool]  # False for a headline or all-caps line
    names: set[str]  # keys seen capitalised where a capital means a name
    lower: set[str]  # keys seen in lower case
    counts: Counter  # feature -> count (filled by _features)
    surface: dict[str, str]  # feature -> how it was first written


def _sentences(text: str) -> list[str]:
    return [s for s in _SENT_END.split(text) if s.strip()]


def _is_headline(tokens: list[str]) -> bool:
    """A title-case or all-caps line: its capitals say nothing about names."""
    words = [t for t in tokens if t[0].isalpha() and len(t) > 3]
    if len(words) < 3:
        return _all_caps(tokens)
    caps = sum(t[0].isupper() for t in words)
    return caps >= 0.6 * len(words)


def _key(token: str) -> str:
    return _POSSESSIVE.sub("", token.lower()).replace("’", "'")


def _tokenize(article: Article) -> _Doc:
    text = f"{article.title}\n{article.text}" if article.title else article.text
    text = _BOILERPLATE.sub(" ", text)
    sentences = [_TOKEN.findall(s) for s in _sentences(text)]
    plain = [not _is_headline(toks) for toks in sentences]
    names: set[str] = set()
    lower: set[str] = set()
    for toks, ok in zip(sentences, plain, strict=True):
        if not ok:
            continue
        for pos, tok in enumerate(toks):
            if tok[0].isupper():
                if pos:
                    names.add(_key(tok))
            elif tok[0].isalpha():
                lower.add(tok.lower())
    return _Doc(sentences, plain, names, lower, Counter(), {})


def _features(doc: _Doc, common: set[str], lede: int, lede_weight: float) -> None:
    """Fill doc.counts; ``common``: words that are ordinary words even when capitalised;
    a feature in the first ``lede`` sentences counts ``lede_weight`` times."""
    counts, surface = doc.counts, doc.surface
    weight = 1.0

    def add(feature: str, shown: str) -> None:
        counts[feature] += weight
        if feature not in surface:
            surface[feature] = shown

    for number, (toks, ok) in enumerate(zip(doc.sentences, doc.plain, strict=True)):
        weight = lede_weight if number < lede else 1.0
        prev_name = ""
        prev_shown = ""
        n = len(toks)
        for pos, tok in enumerate(toks):
            first = tok[0]
            if first.isdigit():
                prev_name = ""
                num = tok.replace(",", "")
                before = _key(toks[pos - 1]) if pos else ""
                if before in MONTHS and num.isdigit() and int(num) <= 31:
                    add(f"d:{MONTHS[before]:02d}-{int(num):02d}", f"{toks[pos - 1]} {tok}")
                    continue
                add(f"n:{num}", tok)
                if pos + 1 < n and toks[pos + 1][0].isalpha():
                    nxt = _key(toks[pos + 1])
                    if nxt not in STOPWORDS and nxt not in MONTHS:
                        add(f"u:{num} {_singular(nxt)}", f"{tok} {toks[pos + 1]}")
                continue
            key = _key(tok)
            if key in STOPWORDS or len(key) < 2:
                prev_name = ""
                continue
            is_name = first.isupper() and ((pos and ok) or key in doc.names)
            if is_name:
                if key not in common:
                    add(f"p:{key}", tok)
                if prev_name:
                    add(f"q:{prev_name} {key}", f"{prev_shown} {tok}")
                prev_name, prev_shown = key, tok
            else:
                prev_name = ""
                if len(key) > 2:
                    add(f"w:{_singular(key)}", key)


def _all_caps(toks: list[str]) -> bool:
    letters = [t for t in toks if t[0].isalpha()]
    return len(letters) >= 3 and all(t.isupper() for t in letters)


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


# --- claims ---------------------------------------------------------------------------------


def _fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _anchors(claims: Sequence[Claim]) -> dict[str, list[tuple[float, float, float]]]:
    """slot -> list of (value, low, high) of exact quantity claims."""
    out: dict[str, list[tuple[float, float, float]]] = {}
    for c in claims:
        if c.kind != "quantity" or c.vague or c.value is None or not c.slot:
            continue
        low = c.low if c.low is not None else c.value
        high = c.high if c.high is not None else c.value
        out.setdefault(c.slot, []).append((float(c.value), float(low), float(high)))
    return out


def _coarse(slot: str) -> str:
    """What is counted and what happened to it, without the place: "drone|downed"."""
    return "|".join(slot.split("|")[-2:])


def _overlap(va: list[tuple[float, float, float]], vb: list[tuple[float, float, float]]) -> list[float]:
    """Values of one side that the other side's intervals allow."""
    return sorted(
        {v for v, _, _ in va if any(lo <= v <= hi for _, lo, hi in vb)}
        | {v for v, _, _ in vb if any(lo <= v <= hi for _, lo, hi in va)}
    )


def _conflicts(
    a: dict[str, list[tuple[float, float, float]]], b: dict[str, list[tuple[float, float, float]]]
) -> tuple[list[str], list[str]]:
    """Anchor facts two articles share (same slot, a value both allow), and what they count
    differently: a kind of count ("drone|downed") both give, with no value in common."""
    shared = []
    for slot in sorted(a.keys() & b.keys()):
        agree = _overlap(a[slot], b[slot])
        if agree:
            shared.append(f"{slot}={_fmt(agree[0])}")
    ca: dict[str, list[tuple[float, float, float]]] = {}
    cb: dict[str, list[tuple[float, float, float]]] = {}
    for src, dst in ((a, ca), (b, cb)):
        for slot, values in src.items():
            dst.setdefault(_coarse(slot), []).extend(values)
    conflict = [key for key in sorted(ca.keys() & cb.keys()) if not _overlap(ca[key], cb[key])]
    return shared, conflict


# --- the grouping ---------------------------------------------------------------------------

FAMILY_NAMES = {"p": "name", "q": "name", "u": "figure", "d": "date", "n": "number", "w": "word"}


def _family_weights(settings: Settings) -> dict[str, float]:
    return {
        "p": settings.group_weight_name,
        "q": settings.group_weight_name,
        "u": settings.group_weight_figure,
        "d": settings.group_weight_figure,
        "n": settings.group_weight_number,
        "w": settings.group_weight_word,
        "a": settings.group_weight_anchor,
    }


FIXED_SCOPE = False  # experiment
DATE_MODE = 'lr'
IDF_POWER = 1.0
RARE_FAMILIES = frozenset("pqudna")


def _parse_date(value: str | None) -> int | None:
    if not value:
        return None
    try:
        return _dt.date.fromisoformat(str(value)[:10]).toordinal()
    except ValueError:
        return None


class _Model:
    """Vectors and pair scores of one set of articles (already sorted by id)."""

    def __init__(
        self,
        articles: Sequence[Article],
        claims: Mapping[str, Sequence[Claim]],
        settings: Settings,
    ) -> None:
        self.settings = settings
        self.ids = [a.id for a in articles]
        self.n = len(articles)
        docs = [_tokenize(a) for a in articles]
        lower_df = Counter(w for d in docs for w in d.lower)
        common = set(GENERIC) | {w for w, c in lower_df.items() if c >= settings.group_common_df}
        for doc in docs:
            _features(doc, common, settings.group_lede_sentences, settings.group_lede_weight)
        self.anchors = [_anchors(claims.get(a.id, ())) for a in articles]
        for doc, anchors in zip(docs, self.anchors, strict=True):
            for slot, values in anchors.items():
                for value in sorted({v for v, _, _ in values}):
                    feature = f"a:{slot}={_fmt(value)}"
                    doc.counts[feature] += 1
                    doc.surface.setdefault(feature, f"{slot}={_fmt(value)}")
        self.dates = [_parse_date(a.date) for a in articles]
        self.date_factors = _date_factors(self.dates, settings)
        vocab = sorted({f for d in docs for f in d.counts})
        index = {f: i for i, f in enumerate(vocab)}
        self.vocab = vocab
        rows, cols, tfs = [], [], []
        for r, doc in enumerate(docs):
            for f, c in doc.counts.items():
                rows.append(r)
                cols.append(index[f])
                tfs.append(c)
        rows_a = np.asarray(rows, dtype=np.int64)
        cols_a = np.asarray(cols, dtype=np.int64)
        tf = np.asarray(tfs, dtype=np.float64)
        tf = 1.0 + np.log(tf) if settings.group_tf_power <= 0 else tf**settings.group_tf_power
        df = np.bincount(cols_a, minlength=len(vocab))
        self.df = df
        scope = settings.group_idf_scope if FIXED_SCOPE else min(self.n, settings.group_idf_scope)
        idf = np.maximum(np.log((scope + 1.0) / (df + 1.0)), 0.0) ** IDF_POWER + settings.group_idf_floor
        fam = _family_weights(settings)
        fam_w = np.asarray([fam[f[0]] for f in vocab], dtype=np.float64)
        self.col_weight = idf * fam_w
        if settings.group_drop_unshared:
            self.col_weight[df < 2] = 0.0
        vals = tf * self.col_weight[cols_a]
        x = sparse.csr_matrix((vals, (rows_a, cols_a)), shape=(self.n, len(vocab)))
        x = _top_k(x, settings.group_top_features)
        norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        pivot = float(np.median(norms))
        scale = norms**settings.group_length_power * pivot ** (1.0 - settings.group_length_power)
        self.x = sparse.csr_matrix(sparse.diags(1.0 / scale) @ x)
        self.x.sort_indices()
        # Background: each article's mean similarity to all the others (cosine with the sum).
        total = np.asarray(self.x.sum(axis=0)).ravel()
        self_sim = np.asarray(self.x.multiply(self.x).sum(axis=1)).ravel()
        self.background = (self.x @ total - self_sim) / max(self.n - 1, 1)
        # Display forms: the most common way each feature is written.
        shown: dict[str, Counter] = {}
        for doc in docs:
            for f, s in doc.surface.items():
                shown.setdefault(f, Counter())[s] += 1
        self.shown = {f: sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] for f, c in shown.items()}
        self.docs = docs

    # candidate pairs from rare features
    def candidates(self) -> tuple[np.ndarray, np.ndarray]:
        s = self.settings
        rare = np.asarray(
            [
                f[0] in RARE_FAMILIES and 2 <= d <= s.group_block_df
                for f, d in zip(self.vocab, self.df, strict=True)
            ]
        )
        xr = self.x[:, np.flatnonzero(rare)]
        xr = (xr > 0).astype(np.float32)
        c = sparse.triu(xr @ xr.T, k=1).tocoo()
        keep = c.data >= s.group_block_min_shared
        return c.row[keep].astype(np.int64), c.col[keep].astype(np.int64)

    def pair_scores(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        out = np.empty(len(i), dtype=np.float64)
        step = 20000
        for start in range(0, len(i), step):
            a, b = i[start : start + step], j[start : start + step]
            out[start : start + step] = np.asarray(self.x[a].multiply(self.x[b]).sum(axis=1)).ravel()
        return self._adjust(i, j, out)

    def _adjust(self, i: np.ndarray, j: np.ndarray, sim: np.ndarray) -> np.ndarray:
        s = self.settings
        dates = self.dates
        if s.group_background:
            sim = sim - s.group_background * 0.5 * (self.background[i] + self.background[j])
        for k in range(len(i)):
            a, b = int(i[k]), int(j[k])
            da, db = dates[a], dates[b]
            if da is not None and db is not None:
                sim[k] *= self._date_factor(abs(da - db))
            if self.anchors[a] and self.anchors[b]:
                shared, conflict = _conflicts(self.anchors[a], self.anchors[b])
                if len(conflict) > len(shared):
                    sim[k] *= s.group_conflict_penalty
        return sim

    def _date_factor(self, gap: int) -> float:
        if DATE_MODE == "decay":
            return _date_factor(gap, self.settings)
        edges = self.settings.date_gap_edges
        return float(self.date_factors[int(np.searchsorted(edges, gap))])

    def block_scores(self, members: np.ndarray) -> np.ndarray:
        """Dense pair scores inside one block."""
        xb = self.x[members]
        sim = np.asarray((xb @ xb.T).todense(), dtype=np.float64)
        ii, jj = np.triu_indices(len(members), k=1)
        adj = self._adjust(members[ii], members[jj], sim[ii, jj].copy())
        out = np.zeros_like(sim)
        out[ii, jj] = adj
        out[jj, ii] = adj
        return out


def _top_k(x: sparse.csr_matrix, k: int) -> sparse.csr_matrix:
    """Keep the k heaviest features of each row (ties: the earlier column)."""
    if k <= 0:
        return x
    x = x.tocsr()
    x.sort_indices()
    data = x.data.copy()
    for r in range(x.shape[0]):
        lo, hi = x.indptr[r], x.indptr[r + 1]
        if hi - lo <= k:
            continue
        row = data[lo:hi]
        order = np.lexsort((np.arange(hi - lo), -row))
        row[order[k:]] = 0.0
    out = sparse.csr_matrix((data, x.indices, x.indptr), shape=x.shape)
    out.eliminate_zeros()
    return out


def _date_factors(dates: list[int | None], settings: Settings) -> np.ndarray:
    """Score factor for each gap bucket: how much likelier the gap is between reports of one
    event than between any two reports of this collection, relative to gaps within the window."""
    edges = np.asarray(settings.date_gap_edges, dtype=np.int64)
    same = np.asarray(settings.date_gap_same, dtype=np.float64)
    same = same / same.sum()
    known = np.asarray(sorted(d for d in dates if d is not None), dtype=np.int64)
    counts = np.zeros(len(same))
    if len(known) > 1:
        start = known[0]
        hist = np.bincount(known - start).astype(np.float64)
        if len(hist) <= 200_000:
            lags = np.rint(fftconvolve(hist, hist[::-1])).astype(np.int64)[len(hist) - 1 :]
            lags[0] = (lags[0] - len(known)) // 2  # pairs on the same day, each counted once
            gaps = np.arange(len(lags))
            np.add.at(counts, np.searchsorted(edges, gaps), lags)
    prior = settings.date_prior_pairs
    share = (counts + prior * same) / (counts.sum() + prior)
    ratio = same / np.maximum(share, 1e-12)
    near = np.searchsorted(edges, settings.date_window_days, side="right")
    ref = same[:near].sum() / max(share[:near].sum(), 1e-12)
    factor = np.minimum(1.0, ratio / ref) ** settings.date_decay
    factor[:near] = 1.0
    return np.maximum(factor, settings.date_penalty)


def _date_factor(gap: int, settings: Settings) -> float:
    """1 within the window, then decaying as (window / gap) ** date_decay, never below date_penalty."""
    window = max(settings.date_window_days, 1)
    if gap <= window:
        return 1.0
    return max(settings.date_penalty, (window / gap) ** settings.date_decay)


def _components(n: int, i: np.ndarray, j: np.ndarray) -> list[np.ndarray]:
    graph = sparse.coo_matrix((np.ones(len(i)), (i, j)), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    order = np.argsort(labels, kind="stable")
    splits = np.flatnonzero(np.diff(labels[order])) + 1
    return [np.sort(part) for part in np.split(order, splits)]


def _blocks(
    model: _Model, i: np.ndarray, j: np.ndarray, sim: np.ndarray, threshold: float
) -> list[np.ndarray]:
    """Connected components of the graph of pairs scoring >= threshold, capped in size."""
    keep = sim >= threshold
    i, j, sim = i[keep], j[keep], sim[keep]
    out = []
    for comp in _components(model.n, i, j):
        if len(comp) <= model.settings.group_max_block:
            out.append(comp)
            continue
        inside = np.isin(i, comp) & np.isin(j, comp)
        out.extend(_blocks(model, i[inside], j[inside], sim[inside], threshold * 1.25 + 0.01))
    return out


def _cluster(model: _Model, members: np.ndarray, threshold: float) -> list[np.ndarray]:
    if len(members) == 1:
        return [members]
    sim = np.clip(model.block_scores(members), 0.0, 1.0)
    dist = 1.0 - sim[np.triu_indices(len(members), k=1)]
    tree = linkage(dist, method="average")
    labels = fcluster(tree, t=1.0 - threshold + 1e-9, criterion="distance")
    groups: dict[int, list[int]] = {}
    for pos, lab in enumerate(labels):
        groups.setdefault(int(lab), []).append(int(members[pos]))
    return [np.asarray(sorted(g)) for g in groups.values()]


def group_events(
    articles: Sequence[Article],
    claims: Mapping[str, Sequence[Claim]],
    settings: Settings = DEFAULT,
) -> tuple[Event, ...]:
    """Group articles into events; every article is in exactly one event."""
    unique: dict[str, Article] = {}
    for art in sorted(articles, key=lambda a: (a.id, a.title, a.text)):
        unique.setdefault(art.id, art)
    arts = list(unique.values())
    if not arts:
        return ()
    model = _Model(arts, claims, settings)
    threshold = settings.group_threshold
    i, j = model.candidates()
    sim = model.pair_scores(i, j)
    best: dict[int, tuple[float, int]] = {}
    for a, b, s in zip(i.tolist(), j.tolist(), sim.tolist(), strict=True):
        for x, y in ((a, b), (b, a)):
            if x not in best or (s, -y) > (best[x][0], -best[x][1]):
                best[x] = (s, y)
    groups: list[np.ndarray] = []
    for block in _blocks(model, i, j, sim, threshold):
        groups.extend(_cluster(model, block, threshold))
    groups.sort(key=lambda g: (-len(g), model.ids[int(g[0])]))
    events = []
    for k, g in enumerate(groups, start=1):
        label, why = _explain(model, g, best, threshold)
        events.append(
            Event(id=f"E{k}", articles=tuple(model.ids[int(m)] for m in g), label=label, why=why)
        )
    return tuple(events)


# --- explanations ---------------------------------------------------------------------------


def _explain(
    model: _Model, members: np.ndarray, best: dict[int, tuple[float, int]], threshold: float
) -> tuple[str, str]:
    idx = [int(m) for m in members]
    if len(idx) == 1:
        own = _top_features(model, idx, min_share=1)
        label = ", ".join(model.shown[f] for f in own[:3])
        if idx[0] in best:
            s, other = best[idx[0]]
            why = (
                f"alone: closest report {model.ids[other]} scores {s:.2f}, "
                f"below the threshold {threshold:.2f}"
            )
        else:
            why = "alone: no other report shares a rare name, figure or fact"
        return label, why
    shared = _top_features(model, idx, min_share=2)
    anchors = [f for f in shared if f.startswith("a:")]
    names = [f for f in shared if f[0] in "pq"]
    figures = [f for f in shared if f[0] in "ud"]
    names = _drop_parts(names)
    parts = []
    if anchors:
        shown = ", ".join(model.shown[f] for f in anchors[:3])
        more = ", ..." if len(anchors) > 3 else ""
        parts.append(f"share {len(anchors)} anchor facts: {shown}{more}")
    if names:
        parts.append("names: " + ", ".join(model.shown[f] for f in names[:4]))
    if figures:
        parts.append("figures: " + ", ".join(model.shown[f] for f in figures[:3]))
    sims = model.block_scores(np.asarray(idx))
    n = len(idx)
    mean = sims[np.triu_indices(n, k=1)].mean()
    parts.append(f"mean similarity {mean:.2f}")
    label_src = [*anchors[:1], *names[:2]] or [*figures[:2]] or shared[:2]
    label = ", ".join(model.shown[f] for f in label_src[:3])
    return label, "; ".join(parts)


def _drop_parts(names: list[str]) -> list[str]:
    """Drop a one-word name when a two-word name containing it is also listed."""
    pairs = [f[2:].split(" ") for f in names if f.startswith("q:")]
    inside = {w for p in pairs for w in p}
    return [f for f in names if not (f.startswith("p:") and f[2:] in inside)]


def _top_features(model: _Model, idx: list[int], min_share: int) -> list[str]:
    """Features of the members, most widely shared first, then most specific."""
    sub = model.x[idx]
    present = np.asarray((sub > 0).sum(axis=0)).ravel()
    cols = np.flatnonzero(present >= min_share)
    fams = [model.vocab[c][0] for c in cols]
    keep = [c for c, f in zip(cols, fams, strict=True) if f in "pquda"]
    weight = model.col_weight
    keep.sort(key=lambda c: (-present[c], -weight[c], model.vocab[c]))
    return [model.vocab[c] for c in keep]


# --- overrides ------------------------------------------------------------------------------


def load_event_overrides(path) -> tuple[tuple[str, ...], ...]:
    """Article sets that are one event, from a TOML file in the gold format ([[event]])."""
    hint = 'write [[event]] tables with id = "..." and articles = ["id", ...]'
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        raise InputError(str(path), "no such events file", "check the path") from None
    except OSError as exc:
        raise InputError(str(path), f"cannot read the events file: {exc.strerror}", hint) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"not valid TOML: {exc}", hint) from None
    tables = data.get("event", [])
    if not isinstance(tables, list):
        raise InputError(str(path), "'event' must be an array of tables", hint)
    seen: dict[str, int] = {}
    out = []
    for k, table in enumerate(tables, start=1):
        if not isinstance(table, dict):
            raise InputError(str(path), f"event {k} is not a table", hint)
        arts = table.get("articles")
        if not isinstance(arts, list) or not arts or not all(isinstance(a, str) for a in arts):
            raise InputError(str(path), f"event {k} needs a non-empty list of article ids", hint)
        for a in arts:
            if a in seen and seen[a] != k:
                raise InputError(
                    str(path),
                    f"article {a!r} is in event {seen[a]} and event {k}",
                    "name each article in one event only",
                )
            seen[a] = k
        out.append(tuple(dict.fromkeys(arts)))
    return tuple(out)


def apply_overrides(
    events: Sequence[Event], overrides: Sequence[Sequence[str]]
) -> tuple[Event, ...]:
    """Articles named together in an override form exactly one event; others keep theirs."""
    known = {a for e in events for a in e.articles}
    fixed = [tuple(sorted(a for a in group if a in known)) for group in overrides]
    fixed = [g for g in fixed if g]
    taken = {a for g in fixed for a in g}
    kept: list[tuple[tuple[str, ...], str, str]] = []
    for e in events:
        rest = tuple(sorted(a for a in e.articles if a not in taken))
        if not rest:
            continue
        if len(rest) == len(e.articles):
            kept.append((rest, e.label, e.why))
        else:
            kept.append((rest, e.label, e.why + " (some articles moved by the events file)"))
    label_of = {a: e.label for e in events for a in e.articles}
    for g in fixed:
        kept.append((g, label_of.get(g[0], ""), "set by the events file"))
    kept.sort(key=lambda t: (-len(t[0]), t[0][0]))
    return tuple(
        Event(id=f"E{k}", articles=arts, label=label, why=why)
        for k, (arts, label, why) in enumerate(kept, start=1)
    )


_ = math  # keep the import list stable for later use
