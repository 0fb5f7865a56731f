"""Limits and thresholds in one place.

Every number that changes what the checker reports lives here, with the reason it has the
value it has. Pass a modified copy (``dataclasses.replace``) to change one; nothing reads
globals.
"""

from __future__ import annotations

from dataclasses import dataclass

INPUT_FORMATS = ("text", "csv", "jsonl")
DEDUPE = ("error", "first", "suffix")  # stop with an error / keep the first / id-2, id-3, ...
DATE_ORDERS = ("mdy", "dmy")
ROW_FIELDS = ("id", "text", "title", "date", "source", "url")  # what a CSV/JSONL row can give


@dataclass(frozen=True, slots=True)
class Settings:
    # --- load: limits that keep one bad input from stalling an audit ---
    max_file_bytes: int = 20_000_000  # a larger file is refused with a clear message
    max_article_chars: int = 2_000_000  # longer article texts are refused (spaCy-style max_length)
    max_sentence_chars: int = 2_000  # longer "sentences" are cut into pieces for extraction
    encoding: str | None = None  # None: UTF-8 (BOM allowed), else the named codec
    max_errors_per_file: int = 20  # more bad rows in one file: one summary line
    encoding_sample_bytes: int = 1_000_000  # the detector behind --encoding hints reads this much

    # --- load: how rows are read (the CLI's input options) ---
    input_format: str | None = None  # one of INPUT_FORMATS; None: by extension (stdin: sniffed)
    columns: tuple[tuple[str, str], ...] = ()  # (field, column) pairs, e.g. ("text", "body")
    dedupe: str = "error"  # repeated ids, one of DEDUPE: the safe default stops and says so
    date_order: str | None = None  # mdy or dmy for 4/5/2017; None: such a date is not guessed

    # --- group: which articles report the same event (method in checker/group/) ---
    # Chosen on dev only (bench/quality.py: seeds, ECB+ dev topics, GVA dev mixes, GVA dev).
    # The score is a TF-IDF cosine times factors <= 1 (dates, disagreeing addresses, ages and
    # figures), so it is small: reports of one event average 0.05-0.4, look-alike reports of
    # other events mostly below 0.04. At 0.045 every dev corpus is at or near its best (pair F1
    # ECB+ 0.958, GVA mixes 0.899, GVA dev 0.883); ECB+ drops to 0.939 at 0.040, GVA dev to
    # 0.872 at 0.040 and 0.050 (plateau table in bench/README.md).
    group_threshold: float = 0.045  # average-linkage pair score needed to join two clusters
    date_window_days: int = 7  # gaps up to this many days never count against a pair
    date_penalty: float = 0.1  # the lowest date factor: dates are soft evidence, never a cut
    date_decay: float = 0.3  # date factor = (likelihood ratio of the gap) ** this, capped at 1
    date_gap_edges: tuple[int, ...] = (1, 3, 7, 14, 30, 60, 120, 240, 480, 960)  # gap buckets
    # same-event pairs per 1,000 in each gap bucket (the last: > 960 days), from GVA dev gold
    date_gap_same: tuple[float, ...] = (434, 114, 85, 68, 64, 47, 70, 51, 47, 19, 2)
    date_prior_pairs: float = 20.0  # pseudo-pairs smoothing the collection's own gap shares
    group_told_dates: bool = True  # the calendar days a report writes bring it near others ...
    group_told_chars: int = 1500  # ... read in this many first characters, when within ...
    group_told_window: int = 1  # ... this many days of the other's date or written days
    group_text_dates: bool = False  # an article without a date takes the dateline in its text
    group_dateline_chars: int = 300  # ... a full date (with year) in this many first characters
    group_day_sentences: int = 2  # a weekday or "yesterday" in these first sentences dates ...
    group_day_tolerance: int = 1  # ... the main happening; days further apart than this ...
    group_day_penalty: float = 1.0  # ... are another event: pair score factor
    group_weight_name: float = 1.0  # vector weight of a name or a pair of names
    group_weight_figure: float = 1.0  # ... of a number with its word ("6500 block"), a day
    group_weight_number: float = 0.5  # ... of a bare number (0.3 before 2026-12-02)
    group_weight_year: float = 1.0  # ... of a year written in the text, as a name (0.3 before)
    group_weight_word: float = 0.25  # ... of any other content word (0.3 before the recall pass)
    group_weight_anchor: float = 1.0  # ... of an anchor fact (slot=value of a quantity claim)
    group_lede_sentences: int = 1  # the first sentences (title, else headline or lede) ...
    group_lede_weight: float = 3.0  # ... count this many times: they name the event
    group_idf_scope: int = 200  # idf as if among at most this many articles ...
    group_idf_min_articles: int = 5  # ... and at least this many (two reports can match)
    group_common_df: int = 2  # a word written in lower case in this many articles is no name
    group_block_df: int = 60  # a feature in more articles than this makes no candidate pairs
    group_block_min: float = 0.01  # ... and pairs whose rare features add less to the cosine
    group_address_penalty: float = 0.25  # both give street addresses, none in common
    group_age_penalty: float = 0.6  # both give ages, none in common
    # Two reports that agree on a count this large of one kind (49 killed) tell of one large
    # event, whose reports name different victims' ages and streets: no counter-evidence then
    # (5 to 40 give the same figures on dev; the mixes' Orlando reports need it).
    group_large_count: float = 10.0
    group_claimed_ages: bool = False  # ages of age claims ("Jane Doe, 23") count too (measured:
    # GVA dev mixes 0.899 -> 0.896: reports name different people of one incident)
    group_conflict_min_figures: int = 2  # disagreeing figures of one kind that count as ...
    group_conflict_penalty: float = 0.3  # ... another event: pair score factor
    group_place_penalty: float = 0.3  # both ledes name places the other never writes
    group_place_chars: int = 250  # ... the lede: this many first characters of the text
    group_people_gap_days: int = 30  # reports further apart than this (no written day near) ...
    group_people_penalty: float = 0.5  # ... that name no person in common: pair score factor
    group_people_df: int = 8  # ... a person named by more articles than this counts for none
    group_people_chars: int = 3000  # ... people read in this many first characters
    group_headlines_follow: bool = True  # a headline-only page joins an event, never links one
    group_recall_max_size: int = 3  # a cluster this small may join a larger one after ...
    group_recall_threshold: float = 0.035  # ... scoring this much with it on average, ...
    group_recall_floor: float = 0.02  # ... (tried while their candidate pairs average this) ...
    group_recall_date_factor: float = 0.5  # ... and no pair's date factor below this
    group_recall_core_share: float = 0.5  # ... sharing a rare fact this share of it gives
    group_recall_margin: float = 3.0  # else it joins the event it scores this many times ...
    group_recall_margin_floor: float = 0.02  # ... any other's (and this much), naming its person
    group_decisive_sentences: int = 3  # headline and lede: where the event's own figure is
    group_decisive_tolerance: float = 0.04  # relative gap below which two figures agree
    group_decisive_penalty: float = 0.05  # every decisive figure disagrees: another event
    group_measure_split_min_part: int = 2  # an event is cut where this many reports lead with ...
    # ... decisive figures that agree with each other and not with another such group
    group_measure_sentences: int = 5  # ... the figure of the first of these sentences giving one
    group_split_min_size: int = 10  # an event this large is scored by its own frequencies; ...
    group_split_min_part: int = 4  # ... cut in two when both parts are this large and ...
    group_split_core_share: float = 0.8  # ... each has a full name this share of it writes
    group_max_block: int = 1500  # a larger candidate component gets a stricter edge threshold

    # --- align / judge ---
    paraphrase_min_score: float = 82.0  # partial_ratio at which another report carries a quote
    statement_min_score: float = 80.0  # token_sort_ratio of two sentences that say the same thing
    # Sentences of an event are compared only when they share a rare word (align.py,
    # candidate_pairs): a sentence is indexed under its rarest words, all but this share ...
    similar_prefix_share: float = 0.5
    # ... a word in more sentences than this is indexed only while the candidate pairs of
    # the event stay within the budget (which bounds the cost of one event).
    similar_max_postings: int = 50
    similar_pair_budget: int = 2_000_000
    quote_passages: int = 20  # passages of other reports a quotation is looked for in ...
    quote_postings_budget: int = 5_000  # ... chosen from this many word occurrences at most
    # An event with more sentences than this (about 5 x the 2 x 5,000-sentence bench case,
    # which takes ~6 s) has no sentence comparison at all: a report note says so.
    max_event_sentences: int = 50_000
    approx_tolerance: float = 0.10  # "about 40" allows 40 +/- 10 %
    inherit_place_sentences: int = 3  # a sentence without a place inherits one from this far back
    self_similarity: float = 70.0  # token_set_ratio of two sentences stating one fact
    self_pairs: int = 40  # mentions of one person's age per report compared, at most
    # Confidence of a numeric contradiction (checker/claims/count.py: confidence): 1, less a
    # penalty when a figure stands after the lede, less one when one figure is several times the
    # other. Below min_confidence a contradiction is not reported (read on dev audits: such
    # pairs were parts, other incidents or later counts far more often than real conflicts).
    lede_sentences: int = 6  # title + the first paragraphs
    # Two reports whose ledes date their main happenings (first weekday or "yesterday" in these
    # first sentences, against the report's date) to days further apart than the tolerance
    # tell of two happenings: their figures are not compared (checker/claims/happening.py).
    # On the reviewed sample of 753e8e0, 4 of 21 wrong contradictions were such pairs.
    happening_day_sentences: int = 4
    happening_day_tolerance: int = 1
    # Figures of reports published more than this many days apart are not set against each
    # other (two happenings grouped by shared names, or a later count). GVA dev's numeric
    # contradictions span at most 7 days (ECB+ rows have no dates): any value from 7 up gives
    # the same dev contradictions (6 and below drop correct ones). On FA-KES (judged by reading:
    # bench/review) its one correct contradiction spans 2 days and a wrong one 10 (two
    # strikes, on Aleppo and on Damascus): 7 to 9 give the best findings on both, 8 is the
    # middle of that plateau (it was 14 when FA-KES's correct one spanned 11 days).
    figures_days_apart: int = 8
    opening_date_words: int = 3  # a date this near a sentence's start opens it ('Back on July 25,')
    identifying_predicates: tuple[str, ...] = ("magnitude",)
    # Figures that agree but never contradict: running tallies (arrests grow over days), shots
    # fired (each shooter fires his own), multi-party money (every team makes its own offer),
    # rewards (raised over days, offered by several bodies: Crime Stoppers, a governor).
    # On reviewed dev samples every such contradiction was wrong.
    tally_slots: tuple[str, ...] = (
        "arrested",
        "charged",
        "shot|launched",
        "money:usd|deal",
        "reward",
    )
    # An omission needs this many reports, from as many sources, agreeing on the figure, and
    # at least this share of the event's reports: fewer was never useful on dev audits.
    omission_min_reports: int = 3
    omission_share: float = 0.6  # figures naming the happening
    # Reports dated less than this many years apart (about two weeks) give one age for one
    # person: a birthday between them is rarer than a slip (44 vs 45 the next day). On GVA dev,
    # ages a year apart in reports 3-4 weeks apart were trials or motions: left to the slack.
    age_same_time_years: float = 0.04
    # Charges for one death in reports written this many years apart (two weeks) are one
    # stage of one case; later ones may be amended (manslaughter raised to murder).
    charge_same_time_years: float = 0.04
    age_slack_undated: float = 2.0  # years two undated reports' ages of one person may differ
    # A contradiction over an age or a "no injuries" needs the two sentences to say much the
    # same (token_set_ratio): on reviewed dev samples, ages in sentences alike at 50+ were 9
    # of 10 right and below 4 of 12; "no injuries" against a count in unlike sentences 0 of 6.
    age_similarity: float = 50.0
    negation_similarity: float = 50.0
    age_max_gap: int = 15  # ages of one name further apart: two people (a father and son)
    # Records of one fighter or team whose bouts differ by more than this were taken at two
    # different times (before and after a season): never a contradiction. One or two bouts
    # apart is the before/after-this-fight confusion an editor must check.
    record_max_gap: int = 3
    # Clock times (checker/claims/clock.py): a time to the minute allows this many minutes
    # either way (reports round to five minutes), a whole hour or a hedged time this many.
    clock_exact_minutes: int = 5
    clock_rounded_minutes: int = 30
    # "nine days ago" vs "three weeks ago" (checker/claims/ago.py) are compared only when the
    # clauses share this many words of the happening ('suffered a heart attack').
    ago_shared_words: int = 2
    # A figure that names a happening (a magnitude) never contradicts another one, except in
    # two reports' copies of one sentence that differ in nothing else (fuzz.ratio of the rest):
    # an update or correction of the same story ("The 5.9-magnitude quake struck ...").
    restated_similarity: float = 92.0
    # Two scores are of one game only when both sentences name this many of the same teams
    # (capitalised names): one team plays many games, and look-alike stories share one team.
    score_shared_names: int = 2
    confidence_late_penalty: float = 0.2  # per figure after the lede
    confidence_hedge_penalty: float = 0.3  # a side hedges ("looked like", "may have")
    confidence_max_ratio: float = 2.5
    # The sides of a figure conflict are split where one figure is more than this many times
    # the next: each order of magnitude is judged apart (2 vs 5 injured, 50 vs 80 injured).
    conflict_scale_ratio: float = 4.0
    # Embellishments (claims/marker.py):
    marker_quote_span: int = 6  # sentences a quotation runs on for, at most
    marker_fragment_words: int = 3  # words a sentence needs to frame anything
    venue_sentences: int = 2  # first sentences whose 'in PLACE' says where the event was
    venue_words: int = 3  # capitalised words a nesting place ('in Dallas, Texas') has at most
    # A sentence this long that another article carries word for word is copy (wire copy, an
    # agency's background paragraph, page furniture), no report's own framing. FA-KES: 7
    # embellishments in such sentences, all judged or plainly wrong; none on the dev corpora.
    copy_min_words: int = 8
    marker_lede_sentences: int = 2  # sentences that sum up the account told after them
    marker_account_min: int = 2  # sentences credited to officials that make a report theirs ...
    marker_account_share: int = 6  # ... when at least one sentence in this many is (dev
    # census of 220: 5-10 remove the same 7 police hedges judged wrong and 1 right; 3 kept them)
    # sentences either side where a named person's own account (not an official's) covers an
    # unnamed group and a paraphrase of how people lived it (GVA dev: 1 missed most of them,
    # "Neighbors said ... . 'Quote,' Anais Gonzalez said" two sentences on)
    marker_account_span: int = 2
    marker_routine_gap: int = 6  # words between "heard" and the shots ("what they thought were")
    marker_routine_words: int = 22  # a witness's "had just moved in" changes nothing in so few
    marker_bare_words: int = 8  # 'She did not want to be identified.': a note, no account
    # an unnamed source / witness / hedge on what another report also states adds nothing:
    marker_corroboration: float = 75.0  # token_set_ratio, marker phrase cut out (GVA dev:
    # 75-80 kept restated descriptions of the gunman or car; 60-74 pairs shared only words)
    marker_corroboration_words: int = 6  # words left after the cut, and in the other, at least
    marker_corroboration_figures: int = 2  # figures all agreeing with another report
    confidence_ratio_penalty: float = 0.3
    min_confidence: float = 0.6
    # Severity of a finding by "verdict kind" (else by verdict): what an editor must check
    # before publishing leads (conflicting figures, claims nobody stands behind); colour that
    # changes no fact and agreements come last.
    severities: tuple[tuple[str, int], ...] = (
        ("contradiction numeric", 6),
        ("contradiction negation", 6),
        ("contradiction age", 5),
        ("contradiction temporal", 4),
        ("disputed relation", 5),
        ("explained", 2),
        ("embellishment unsourced witness", 5),
        ("embellishment speculation", 5),
        ("embellishment unnamed source", 5),
        ("embellishment intensifier on shared fact", 4),
        ("embellishment intensifier", 2),
        ("embellishment evaluative framing", 1),
        ("agreement numeric", 2),
        ("agreement", 1),
        ("omission", 1),
        ("unique", 0),
    )

    # --- the editor's desk: what a report shows by default ---
    # Verdicts or kinds hidden unless --show-all: details only one report gives are usually
    # just news from another day (the report says how many were hidden).
    hidden_by_default: tuple[str, ...] = ("unique",)
    progress_min_articles: int = 50  # a progress bar (on a terminal) from this many articles

    progress_batch: int = 200  # articles or events per step of the progress bar
    # Words added to the lexicons by a configuration file ([tool.checker.lexicon]):
    # (list name, words), e.g. ("markers.intensifier", ("ghastly",)).
    lexicon_additions: tuple[tuple[str, tuple[str, ...]], ...] = ()

    # --- engines: how the per-article and per-event work is cut up (checker/engine.py) ---
    # Several chunks per worker so that one slow chunk (a long article, a big event) does
    # not leave the other workers idle; each takes 1/(workers x chunks per worker) of the
    # estimated work still to send, so chunks shrink towards the end (engine.chunked), and
    # at most this many items each; few chunks overall so that sending them costs little.
    engine_chunks_per_worker: int = 4
    engine_max_chunk: int = 500
    engine_tail_share: int = 8  # the smallest chunk: 1/8 of an even share (GVA: 24 chunks)
    dask_connect_seconds: int = 10  # give up on an unreachable --scheduler after this long
    # The audit makes millions of small frozen dataclasses and keeps most of them to the end:
    # at Python's default (a young collection every 700 new objects) the collector keeps
    # walking the whole, growing heap (GVA dev+test: ~10 s of the main process's 16 s).
    # During an audit a young collection waits for this many new objects instead
    # (checker/engine.py: young_objects); the setting is restored afterwards.
    gc_young_objects: int = 100_000
    # The local pool's workers (one chunk at a time, nothing else running in them) go without
    # the collector while they work on a chunk: the audit makes no reference cycles (after a
    # whole GVA dev audit with the collector off, a collection finds 0 unreachable objects),
    # so its collections only walked the chunk's results (~5 % of the per-article stage's
    # CPU). Dask workers keep it (they run the scheduler's own work beside the chunk).
    gc_pause_in_workers: bool = True

    def severity(self, verdict: str, kind: str) -> int:
        table = dict(self.severities)
        return table.get(f"{verdict} {kind}", table.get(str(verdict), 1))


DEFAULT = Settings()
