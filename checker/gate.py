"""The CI gate: which verdicts make ``--fail-on`` fail, and the one-line reason why."""

from __future__ import annotations

from collections.abc import Sequence

from checker.model import Finding, Verdict

# --fail-on X fails on X and on everything more serious than X.
FAIL_ON: dict[str, tuple[str, ...]] = {
    "never": (),
    "contradiction": (Verdict.CONTRADICTION,),
    "disputed": (Verdict.CONTRADICTION, Verdict.DISPUTED),
    "embellishment": (Verdict.CONTRADICTION, Verdict.DISPUTED, Verdict.EMBELLISHMENT),
}
_PLURAL = {"contradiction": "contradictions", "disputed": "disputed",
           "embellishment": "embellishments"}  # fmt: skip
MAX_IDS = 10


def failing(findings: Sequence[Finding], fail_on: str) -> list[Finding]:
    verdicts = FAIL_ON[fail_on]
    return [f for f in findings if f.verdict in verdicts]


def reason(findings: Sequence[Finding]) -> str:
    """``2 contradictions: F3, F7; 1 disputed: F1`` (most serious first)."""
    parts = []
    for verdict in (Verdict.CONTRADICTION, Verdict.DISPUTED, Verdict.EMBELLISHMENT):
        ids = [f.id for f in findings if f.verdict == verdict]
        if not ids:
            continue
        name = verdict.value if len(ids) == 1 else _PLURAL[verdict.value]
        shown = ", ".join(ids[:MAX_IDS]) + (
            f" (+{len(ids) - MAX_IDS} more)" if len(ids) > MAX_IDS else ""
        )
        parts.append(f"{len(ids)} {name}: {shown}")
    return "; ".join(parts)
