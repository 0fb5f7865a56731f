"""Limits and thresholds in one place.

Every number that changes what the checker reports lives here, with the reason it has the
value it has. Pass a modified copy (``dataclasses.replace``) to change one; nothing reads
globals.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Settings:
    # --- load: limits that keep one bad input from stalling an audit ---
    max_file_bytes: int = 20_000_000  # a larger file is refused with a clear message
    max_article_chars: int = 2_000_000  # longer article texts are refused (spaCy-style max_length)
    max_sentence_chars: int = 2_000  # longer "sentences" are cut into pieces for extraction
    encoding: str | None = None  # None: UTF-8 (BOM allowed), else the named codec
    max_errors_per_file: int = 20  # (added by load) more bad rows in one file: one summary line

    # --- group: which articles report the same event ---
    group_threshold: float = 0.30  # average-linkage similarity needed to join two clusters
    date_window_days: int = 7  # further apart than this, similarity is scaled down ...
    date_penalty: float = 0.1  # lowest date factor (soft, never a hard cut)
    date_decay: float = 0.4  # (see group.py _date_factors)
    date_gap_edges: tuple[int, ...] = (1, 3, 7, 14, 30, 60, 120, 240, 480, 960)
    date_gap_same: tuple[float, ...] = (
        0.434, 0.114, 0.085, 0.068, 0.064, 0.047, 0.070, 0.051, 0.047, 0.019, 0.002
    )
    date_prior_pairs: float = 20.0
    group_weight_name: float = 1.0  # weight of names (capitalised words, name pairs) in a vector
    group_weight_figure: float = 1.0  # weight of a number with its word ("6500 block") and dates
    group_weight_number: float = 0.3  # weight of a bare number
    group_weight_word: float = 0.3  # weight of any other content word
    group_weight_anchor: float = 1.0  # weight of an anchor fact (slot=value of a quantity claim)
    group_idf_scope: int = 60  # idf as if among at most this many articles (see group.py)
    group_top_features: int = 0  # keep only this many heaviest features per article (0: all)
    group_drop_unshared: bool = False  # leave out features found in one article only
    group_common_df: int = 2  # a word written in lower case in this many articles is no name
    group_length_power: float = 1.0  # 1: cosine; below 1 long articles are penalised less
    group_background: float = 0.0  # experiment
    group_lede_sentences: int = 0  # the headline and first sentences: the event's key facts
    group_lede_weight: float = 1.0  # a feature there counts this many times
    group_tf_power: float = 0.0  # 0: tf weighs 1 + log(tf); else tf ** power
    group_idf_floor: float = 0.0  # added to every idf (0: a word in every article weighs 0)
    group_block_df: int = 60  # a feature in more articles than this makes no candidate pairs
    group_block_min_shared: int = 1  # rare features two articles must share to be compared
    group_conflict_penalty: float = 1.0  # pair score factor when figures for a slot disagree
    group_max_block: int = 1500  # larger candidate components get a stricter edge threshold

    # --- align / judge ---
    paraphrase_min_score: float = 82.0  # rapidfuzz token_set_ratio for two phrases to be one fact
    statement_min_score: float = 80.0  # token_sort_ratio of two sentences that say the same thing
    approx_tolerance: float = 0.10  # "about 40" allows 40 +/- 10 %
    inherit_place_sentences: int = 3  # a sentence without a place inherits one from this far back
    # Embellishment kinds, most serious first: what an editor must check before publishing
    # (claims nobody stands behind) leads; colour that changes no fact comes last.
    severities: tuple[tuple[str, int], ...] = (
        ("unsourced witness", 5),
        ("speculation", 5),
        ("intensifier on shared fact", 4),
        ("added quote", 3),
        ("added detail", 3),
        ("intensifier", 2),
        ("evaluative framing", 1),
    )

    def embellishment_severity(self, kind: str) -> int:
        return dict(self.severities).get(kind, 1)


DEFAULT = Settings()
