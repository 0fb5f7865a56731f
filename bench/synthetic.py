"""Synthetic news corpora of any size made from real GVA reports, for bench/scale.py.

    python bench/synthetic.py 8000 /tmp/gva-8k    # a folder of JSONL files

A corpus is built event by event: the GVA dev incidents (gold events, 1,552 of them, 1 to 16
reports each) are drawn in a shuffled order, again and again, until the corpus has the asked
number of articles, so event sizes follow the real distribution. Each draw after the first of
an incident is a *new* incident that reads like the original:

- ids get the draw number (``s003-<id>``), so every id is unique;
- dates move by one random offset per draw (within two years), gaps inside the event kept;
- every name (a capitalised word the source corpus never writes in lower case) gets a suffix
  of the draw ("Sacramento" -> "Sacramentokelo"), the same for all reports of the draw, so
  copies of an incident share their structure but not their names, places or streets, as two
  incidents do; numbers, dates in the text and common words stay as they were;
- the paragraphs after the first are shuffled (the headline and lede stay first).

Deterministic for a given size and seed. Only the dev split is read.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
if not SHARED.exists():
    SHARED = Path("/work/shared")
GVA = SHARED / "corpora" / "gva"

_WORD = re.compile(r"\b[A-Za-z][a-z]{2,}\b")
_CAPITAL = re.compile(r"\b[A-Z][a-z]{2,}\b")
_SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]  # 70 syllables
_NOT_NAMES = frozenset(
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ]
)


def read_source() -> tuple[dict[str, dict], list[list[str]]]:
    """Dev articles by id, and the gold events (lists of article ids) in file order."""
    rows = {}
    with (GVA / "dev.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            rows[row["id"]] = row
    with (GVA / "dev.gold.toml").open("rb") as fh:
        events = [e["articles"] for e in tomllib.load(fh)["event"]]
    return rows, [[a for a in e if a in rows] for e in events if any(a in rows for a in e)]


def proper_names(rows: dict[str, dict]) -> frozenset[str]:
    """Capitalised words never written in lower case anywhere in the corpus."""
    lower, capital = set(), set()
    for row in rows.values():
        for word in _WORD.findall(row["text"] + " " + row.get("title", "")):
            (capital if word[0].isupper() else lower).add(word.lower())
    return frozenset(w for w in capital - lower) - {w.lower() for w in _NOT_NAMES}


def suffix(draw: int) -> str:
    """Two or more syllables naming one draw: 1 -> "bebe", 2 -> "bedi", ..."""
    out, n = [], draw
    while True:
        n, k = divmod(n, len(_SYLLABLES))
        out.append(_SYLLABLES[k])
        if n == 0 and len(out) >= 2:
            break
    return "".join(out)


def _rename(text: str, names: frozenset[str], tail: str) -> str:
    return _CAPITAL.sub(lambda m: m[0] + tail if m[0].lower() in names else m[0], text)


def _shuffle_paragraphs(text: str, rng: random.Random) -> str:
    paragraphs = text.split("\n\n")
    head, body = paragraphs[:1], paragraphs[1:]
    rng.shuffle(body)
    return "\n\n".join(head + body)


def _moved(date: str | None, days: int) -> str | None:
    try:
        return (dt.date.fromisoformat(str(date)[:10]) + dt.timedelta(days=days)).isoformat()
    except (TypeError, ValueError):
        return date


def draw_event(rows, ids, names, draw: int, rng: random.Random) -> list[dict]:
    """The reports of one incident as draw number ``draw`` (0: unchanged but for the id)."""
    tail, days = suffix(draw), rng.randint(-730, 730)
    out = []
    for article_id in ids:
        row = dict(rows[article_id])
        row["id"] = f"s{draw:03d}-{article_id}"
        if draw:
            row["text"] = _shuffle_paragraphs(_rename(row["text"], names, tail), rng)
            row["title"] = _rename(row.get("title", ""), names, tail)
            row["date"] = _moved(row.get("date"), days)
        out.append(row)
    return out


def synthesize(size: int, seed: int = 12) -> list[dict]:
    """A corpus of ``size`` articles (the last event may be cut short)."""
    rows, events = read_source()
    names = proper_names(rows)
    rng = random.Random(seed)
    out: list[dict] = []
    draw = 0
    while len(out) < size:
        order = list(range(len(events)))
        rng.shuffle(order)
        for k in order:
            out.extend(draw_event(rows, events[k], names, draw, rng))
            if len(out) >= size:
                break
        draw += 1
    return out[:size]


def write_corpus(size: int, folder: Path, seed: int = 12, shard: int = 4000) -> Path:
    """The corpus as a folder of JSONL files of ``shard`` articles each (a feed arrives in
    files; one file would pass the 20 MB file size limit of checker/settings.py)."""
    folder.mkdir(parents=True, exist_ok=True)
    rows = synthesize(size, seed)
    for k in range(0, len(rows), shard):
        with (folder / f"part-{k // shard:03d}.jsonl").open("w", encoding="utf-8") as fh:
            for row in rows[k : k + shard]:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return folder


if __name__ == "__main__":
    write_corpus(int(sys.argv[1]), Path(sys.argv[2]))
