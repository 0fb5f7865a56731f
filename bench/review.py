"""Precision by reading: a fixed, seeded random sample of findings to judge by hand.

    python bench/review.py draw  -o bench/review/sample-<commit>.md   # draw a sample
    python bench/review.py draw --census embellishment -o bench/review/census-<commit>.md
    python bench/review.py score bench/review/sample-<commit>.md      # precision of a judged one
    python bench/review.py carry NEW.md OLD.md...   # calls of identical blocks judged before
    python bench/review.py draw --corpus ../shared/corpora/fa-kes/fa-kes.jsonl -o FILE  # elsewhere

Each quote is shown with its article and its sentence number (from 1, as the checker splits
the text), not a line number. ``draw`` audits GVA dev and ECB+ dev (each ECB+ topic on its
own, as an editor would run one story; the whole GVA dev split in one run) and draws 40
contradictions and 40 embellishments (seed 2026) from all of them. Each finding is written
as a block with its quotes and the sentences they stand in, and a line ``judgement: ?`` to
replace with ``correct``, ``wrong`` or ``debatable``, followed by ``reason: ...``. ``score``
counts them: debatable counts as wrong. ``--census VERDICT`` writes every finding of that
verdict instead (in finding order), so that a population's precision is known, not estimated.
``carry`` fills a new draw's blocks with the calls of identical blocks (same verdict, kind,
explanation and quoted sentences; finding numbers aside) in earlier judged files, marked with
the file they come from, and lists the blocks still to judge: after a change that only removes
findings, a census judged before scores the new population without a second reading.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.load import load_paths  # noqa: E402
from checker.pipeline import run  # noqa: E402

SHARED = ROOT.parent / "shared" / "corpora"
SEED = 2026
PER_VERDICT = 40
VERDICTS = ("contradiction", "embellishment")


def _corpora() -> list[tuple[str, list[str]]]:
    topics = sorted((SHARED / "ecbplus" / "dev").glob("*.jsonl"))
    return [("gva-dev", [str(SHARED / "gva" / "dev.jsonl")])] + [
        (f"ecbplus-dev/{p.stem}", [str(p)]) for p in topics
    ]


def _findings(corpora: list[str] | None = None):
    chosen = [(Path(c).stem, [c]) for c in corpora] if corpora else _corpora()
    for name, paths in chosen:
        report = run(load_paths(paths).articles)
        for f in report.findings:
            if f.verdict in VERDICTS:
                yield name, f


def _block(name: str, f) -> str:
    lines = [f"## {name} {f.id}: {f.verdict} ({f.kind})", "", f"explanation: {f.explanation}", ""]
    for c in f.claims:
        text = " ".join(c.text.split())
        lines.append(f"- `{c.article}` sentence {c.sentence + 1} **{c.quote}** — {text}")
    lines += ["", "judgement: ?", "reason: ", ""]
    return "\n".join(lines)


def draw(out: Path, census: str | None = None, corpora: list[str] | None = None) -> None:
    pool = {v: [] for v in VERDICTS}
    for name, f in _findings(corpora):
        pool[f.verdict].append((name, f))
    rng = random.Random(SEED)
    head = f"every {census}" if census else f"seed {SEED}, {PER_VERDICT} per verdict"
    parts = [f"# Review {'census' if census else 'sample'} ({head})\n"]
    for verdict in VERDICTS:
        found = pool[verdict]
        if census:
            if verdict != census:
                continue
            picked = found
        else:
            picked = rng.sample(found, min(PER_VERDICT, len(found)))
        parts.append(f"# {verdict}: {len(picked)} of {len(found)}\n")
        parts.extend(_block(name, f) for name, f in picked)
    out.write_text("\n".join(parts), encoding="utf-8")
    print(f"wrote {out}")


def score(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for verdict in VERDICTS:
        marks = re.findall(rf"^## .*: {verdict} \(.*?\n(?:.*\n)*?judgement: (\w+|\?)", text, re.M)
        judged = [m for m in marks if m != "?"]
        if not marks:
            continue  # a census of the other verdict
        right = sum(m == "correct" for m in judged)
        share = right / len(judged) if judged else 0.0
        print(f"{verdict}: {right}/{len(judged)} correct ({share:.0%}); debatable counts as wrong")


def _blocks(text: str) -> tuple[str, list[str]]:
    head, *blocks = re.split(r"(?m)^(?=## )", text)
    return head, blocks


def _block_key(block: str) -> str:
    """The block without its calls and its finding number, which shifts when others move."""
    kept = [line for line in block.splitlines() if line.strip() and not line.startswith(_CALLS)]
    kept[0] = re.sub(r" F\d+:", ":", kept[0])
    return "\n".join(kept)


_CALLS = ("judgement:", "reason:", "# ")


def carry(path: Path, judged: list[Path]) -> None:
    known: dict[str, tuple[str, str, str]] = {}
    for old in judged:
        for block in _blocks(old.read_text(encoding="utf-8"))[1]:
            call = re.search(r"(?m)^judgement: (\w+)$", block)
            reason = re.search(r"(?m)^reason: (.*)$", block)
            if call and call.group(1) != "?":
                why = reason.group(1) if reason else ""
                known.setdefault(_block_key(block), (call.group(1), why, old.name))
    head, blocks = _blocks(path.read_text(encoding="utf-8"))
    out, left = [head], 0
    for block in blocks:
        found = known.get(_block_key(block))
        if not re.search(r"(?m)^judgement: \?$", block):
            pass  # judged already
        elif found:
            call, why, source = found
            block = re.sub(r"(?m)^judgement: \?$", f"judgement: {call}", block)
            if not why.endswith(".md)"):  # a call carried before keeps its first source
                why = f"{why} (from {source})"
            block = re.sub(r"(?m)^reason:.*$", lambda _, why=why: f"reason: {why}", block)
        else:
            left += 1
            print(f"to judge: {block.splitlines()[0][3:]}")
        out.append(block)
    path.write_text("".join(out), encoding="utf-8")
    print(f"{len(blocks) - left} of {len(blocks)} blocks judged; {left} to judge")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("draw")
    d.add_argument("-o", "--output", type=Path, required=True)
    d.add_argument("--census", choices=VERDICTS, help="every finding of this verdict")
    d.add_argument(
        "--corpus", action="append", help="audit this file instead of the dev corpora (repeat)"
    )
    s = sub.add_parser("score")
    s.add_argument("file", type=Path)
    c = sub.add_parser("carry")
    c.add_argument("file", type=Path)
    c.add_argument("judged", type=Path, nargs="+")
    args = parser.parse_args()
    if args.command == "draw":
        draw(args.output, args.census, args.corpus)
    elif args.command == "carry":
        carry(args.file, args.judged)
    else:
        score(args.file)


if __name__ == "__main__":
    main()
