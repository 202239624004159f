"""CASE 2021 shared task 2: fine-grained event classification of news snippets.

Each snippet (a sentence or two) has one gold label: one of the 25 ACLED sub-event types,
or one of the types outside ACLED (Haneczok et al. 2021, the task description and the note
on unseen events beside the data):

* subtask 1: the 25 ACLED types (:data:`SUBTASK1_LABELS`);
* subtask 2: those and ORG_CRIME, NATURAL_DISASTER, MAN_MADE_DISASTER (28 labels);
* subtask 3: those and DIPLO, ATTRIB (30 labels).

Items whose gold label is outside a subtask's label set are left out of that subtask: the
task evaluated each subtask "ignoring the entries not belonging to that subtask". A system
answering subtask *k* only chooses among that subtask's labels, so the snippet is
classified once per subtask with that label set.

F1 is computed as scikit-learn's ``f1_score`` does by default: over the labels that occur
as gold or as prediction among the evaluated items; micro F1 (accuracy, for one label per
item), macro F1 (unweighted mean over labels), weighted F1 (mean weighted by gold support).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from threatline.errors import ConfigError, EvalDataError
from threatline.models import ActorKind, Article, ArticleReport, EventMention
from threatline.ontology import case2021_snippet_label

#: The 25 ACLED sub-event types, as the task's files spell them.
SUBTASK1_LABELS: tuple[str, ...] = (
    "ABDUCT_DISSAP",
    "AGREEMENT",
    "AIR_STRIKE",
    "ARMED_CLASH",
    "ARREST",
    "ART_MISS_ATTACK",
    "ATTACK",
    "CHANGE_TO_GROUP_ACT",
    "CHEM_WEAP",
    "DISR_WEAP",
    "FORCE_AGAINST_PROTEST",
    "GOV_REGAINS_TERIT",
    "GRENADE",
    "HQ_ESTABLISHED",
    "MOB_VIOL",
    "NON_STATE_ACTOR_OVERTAKES_TER",
    "NON_VIOL_TERRIT_TRANSFER",
    "OTHER",
    "PEACE_PROTEST",
    "PROPERTY_DISTRUCT",
    "PROTEST_WITH_INTER",
    "REM_EXPLOS",
    "SEX_VIOL",
    "SUIC_BOMB",
    "VIOL_DEMONSTR",
)
SUBTASK2_LABELS: tuple[str, ...] = (
    *SUBTASK1_LABELS,
    "ORG_CRIME",
    "NATURAL_DISASTER",
    "MAN_MADE_DISASTER",
)
SUBTASK3_LABELS: tuple[str, ...] = (*SUBTASK2_LABELS, "DIPLO", "ATTRIB")
SUBTASKS: dict[str, tuple[str, ...]] = {
    "subtask1": SUBTASK1_LABELS,
    "subtask2": SUBTASK2_LABELS,
    "subtask3": SUBTASK3_LABELS,
}

#: The label when no event of the snippet maps to an allowed label.
FALLBACK_LABEL = "OTHER"

# Labels that say little about the event: a more specific one of the same snippet wins;
# among them a clash (both sides armed, as its words say) wins over an attack whose targets
# the text leaves open, and both over Other.
_GENERIC_RANK = {"ARMED_CLASH": 1, "ATTACK": 2, "OTHER": 3}
# Statuses of events that took place (or were stopped in the act), preferred as main event.
_HAPPENED = frozenset({"occurred", "failed", "foiled"})
# Statuses of events that are not (yet) facts: a claim "no group made" is no attribution.
_UNREAL = frozenset({"hypothetical", "planned"})


@dataclass(frozen=True)
class CaseItem:
    """One snippet of the task: its id, text and gold label."""

    id: str
    text: str
    label: str


def load_case_tsv(path: Path | str) -> list[CaseItem]:
    """Read a task file with the columns id, EventSnippet, SubType (tab-separated, with a
    header row; fields may be quoted CSV-style)."""
    path = Path(path)
    if not path.is_file():
        raise EvalDataError(f"CASE 2021 file not found: {path}. Pass the path of dev.tsv.")
    items: list[CaseItem] = []
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle, delimiter="\t")
        header = next(rows, None)
        if header is None or [h.strip() for h in header[:3]] != ["id", "EventSnippet", "SubType"]:
            raise EvalDataError(f"{path}: expected the header 'id, EventSnippet, SubType'")
        for number, row in enumerate(rows, start=2):
            if not row or not any(cell.strip() for cell in row):
                continue
            if len(row) < 3:
                raise EvalDataError(f"{path}:{number}: expected 3 tab-separated columns")
            items.append(CaseItem(id=row[0].strip(), text=row[1].strip(), label=row[2].strip()))
    return items


def event_label(event: EventMention, report: ArticleReport) -> str | None:
    """The task label of one event.

    The ontology maps our type (refined by the trigger, instruments and sentence) through
    its ACLED sub-event type; a claim of responsibility is ATTRIB. The actors then correct
    what the words alone cannot tell, as the ACLED codebook defines the types: territory
    taken by a government or security force is GOV_REGAINS_TERIT and by a non-state group
    NON_STATE_ACTOR_OVERTAKES_TER, whatever the verb ('recaptured' says nothing of who);
    an attack whose targets are all armed (security forces, armed groups) is an
    ARMED_CLASH, since ATTACK is violence against civilians."""
    from threatline.ontology import case2021_label

    if event.type == "claim_of_responsibility":
        return "ATTRIB"
    context = " ".join(
        [
            event.trigger.text,
            *(s.text for s in event.instruments),
            *(s.text for s in event.evidence),
        ]
    )
    label = case2021_label(event.type, context)
    kinds = {a.id: a.kind for a in report.actors}
    if label in _TERRITORY_LABELS:
        perpetrators = [kinds.get(p.actor) for p in event.participants if p.role == "perpetrator"]
        if perpetrators and all(kind in _STATE_KINDS for kind in perpetrators):
            return "GOV_REGAINS_TERIT"
        if perpetrators and all(kind == ActorKind.ARMED_GROUP for kind in perpetrators):
            return "NON_STATE_ACTOR_OVERTAKES_TER"
        if not perpetrators and _mentions_state_forces_only(context):
            return "GOV_REGAINS_TERIT"
    if label == "ATTACK":
        attacked = [
            kinds.get(p.actor) for p in event.participants if p.role in ("target", "victim")
        ]
        if attacked and all(kind in _ARMED_KINDS for kind in attacked):
            return "ARMED_CLASH"
    return label


_TERRITORY_LABELS = frozenset({"NON_STATE_ACTOR_OVERTAKES_TER", "GOV_REGAINS_TERIT"})
_STATE_KINDS = frozenset({ActorKind.GOVERNMENT, ActorKind.SECURITY_FORCE})
_ARMED_KINDS = frozenset({ActorKind.SECURITY_FORCE, ActorKind.ARMED_GROUP})
# Words naming state forces and non-state fighters, for a seizure whose taker the extractor
# did not find: state wording alone says a government took the ground.
_STATE_FORCE_WORDS = re.compile(
    r"\b(?:army|troops|soldiers|government forces|security forces|armed forces|military)\b",
    re.IGNORECASE,
)
_NON_STATE_WORDS = re.compile(
    r"\b(?:militants?|rebels?|insurgents?|fighters|terrorists?|jihadists?|militia|"
    r"militias|guerrillas?|gunmen)\b",
    re.IGNORECASE,
)


def _mentions_state_forces_only(text: str) -> bool:
    return bool(_STATE_FORCE_WORDS.search(text)) and not _NON_STATE_WORDS.search(text)


def classify_report(report: ArticleReport, labels: Sequence[str] = SUBTASK3_LABELS) -> str:
    """One label among ``labels`` for the snippet: the label of its main event.

    The main event, in this order of preference: an event that took place (occurred, failed
    or foiled) over a planned, threatened or hypothetical one; a specific label over a
    generic one (ARMED_CLASH, then ATTACK, then OTHER); the earliest in the text. ATTRIB, where
    allowed, wins over all: a snippet that reports a claim of responsibility is about the
    claim. The cue words of labels that no event type expresses (disasters, crime,
    agreements, diplomacy, statements of responsibility) or that the extractor's generic
    labels miss (protests and their policing, mob violence, looting; see
    :func:`threatline.ontology.case2021_snippet_label`) may replace that label. Without an
    event with an allowed label or a cue: :data:`FALLBACK_LABEL` (or the first label when
    the fallback is not allowed)."""
    allowed = set(labels)
    candidates: list[tuple[tuple[int, int, int, int], str]] = []
    for event in report.events:
        label = event_label(event, report)
        if label is None or label not in allowed:
            continue
        rank = (
            0 if label == "ATTRIB" and event.status not in _UNREAL else 1,
            0 if event.status in _HAPPENED else 1,
            _GENERIC_RANK.get(label, 0),
            event.trigger.start,
        )
        candidates.append((rank, label))
    event_choice = min(candidates)[1] if candidates else None
    cue_label = case2021_snippet_label(report.article.text, allowed, event_choice)
    if cue_label is not None:
        return cue_label
    if event_choice is not None:
        return event_choice
    return FALLBACK_LABEL if FALLBACK_LABEL in allowed else labels[0]


# --------------------------------------------------------------------------- F1


def label_scores(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, dict[str, float]]:
    """Per label: precision, recall, F1 (fractions) and support (gold count), over the labels
    that occur as gold or prediction."""
    if len(gold) != len(predicted):
        raise ValueError("gold and predicted labels differ in length")
    scores: dict[str, dict[str, float]] = {}
    for label in sorted(set(gold) | set(predicted)):
        tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p == label)
        n_pred = sum(1 for p in predicted if p == label)
        n_gold = sum(1 for g in gold if g == label)
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        scores[label] = {"p": p, "r": r, "f": f, "support": n_gold}
    return scores


def f1_scores(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, float]:
    """Micro, macro and weighted F1 (fractions) of single-label predictions."""
    if not gold:
        return {"micro": 0.0, "macro": 0.0, "weighted": 0.0}
    per_label = label_scores(gold, predicted)
    correct = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p)
    # With exactly one label per item, micro P = micro R = accuracy.
    micro = correct / len(gold)
    macro = sum(s["f"] for s in per_label.values()) / len(per_label)
    weighted = sum(s["f"] * s["support"] for s in per_label.values()) / len(gold)
    return {"micro": micro, "macro": macro, "weighted": weighted}


# --------------------------------------------------------------------------- running


class ReportExtractor(Protocol):
    def pipe(self, articles: Iterable[Article]) -> Iterator[ArticleReport]: ...


def score_reports(items: Sequence[CaseItem], reports: Sequence[ArticleReport]) -> dict[str, Any]:
    """Classify each item's report per subtask (the rule backend) and score it; see
    :func:`score_predictions` for the metrics."""
    if len(items) != len(reports):
        raise ValueError("one report per item is needed")
    predictions: dict[str, list[str | None]] = {}
    for name, labels in SUBTASKS.items():
        allowed = set(labels)
        predictions[name] = [
            classify_report(report, labels) if item.label in allowed else None
            for item, report in zip(items, reports, strict=True)
        ]
    return score_predictions(items, predictions)


def score_predictions(
    items: Sequence[CaseItem], predictions: dict[str, Sequence[str | None]]
) -> dict[str, Any]:
    """Score one predicted label per item and subtask (None for the items whose gold label
    is outside the subtask; percent values).

    Returns ``subtaskK_weighted_f1``, ``subtaskK_macro_f1``, ``subtaskK_micro_f1`` and
    ``subtaskK_n`` for K = 1, 2, 3, ``n`` (items), ``per_label`` (subtask 3: {label: {p, r,
    f, support}}) and ``per_label_by_subtask``."""
    metrics: dict[str, Any] = {"n": len(items), "per_label_by_subtask": {}}
    for name, labels in SUBTASKS.items():
        allowed = set(labels)
        pairs: list[tuple[str, str]] = []
        for item, predicted_label in zip(items, predictions[name], strict=True):
            if item.label not in allowed:
                continue
            if predicted_label is None:
                raise ValueError(f"no {name} prediction for item {item.id}")
            pairs.append((item.label, predicted_label))
        gold = [g for g, _ in pairs]
        predicted = [p for _, p in pairs]
        f1 = f1_scores(gold, predicted)
        for average in ("weighted", "macro", "micro"):
            metrics[f"{name}_{average}_f1"] = round(100 * f1[average], 2)
        metrics[f"{name}_n"] = len(pairs)
        metrics["per_label_by_subtask"][name] = {
            label: {k: round(100 * v, 2) if k != "support" else int(v) for k, v in s.items()}
            for label, s in label_scores(gold, predicted).items()
        }
    metrics["per_label"] = metrics["per_label_by_subtask"]["subtask3"]
    return metrics


def extract_reports(
    items: Sequence[CaseItem], extractor: ReportExtractor | None = None
) -> list[ArticleReport]:
    """The rule extractor's report of every snippet (the packaged extractor by default)."""
    articles = [Article.from_text(item.text, title=item.id) for item in items]
    if extractor is None:
        from threatline.extract import Extractor

        extractor = Extractor()
    return list(extractor.pipe(articles))


def run(path: Path | str, extractor: ReportExtractor | None = None) -> dict[str, Any]:
    """Extract events from every snippet of the task file and score the three subtasks
    with the rule backend (see :func:`score_predictions`; percent values)."""
    items = load_case_tsv(path)
    return score_reports(items, extract_reports(items, extractor))


#: Cross-validation of the fitted backend: folds and the seed that fixes them.
DEFAULT_FOLDS = 5
DEFAULT_SEED = 0


#: The example sentences that join the training sets of every fitted backend, and those
#: that only the backends over sentence embeddings add: on the folds of seed 0 the n-gram
#: model did no better with them, the embedding model did.
EXAMPLE_FILES = ("data/case2021_examples.tsv",)
EMBED_EXAMPLE_FILES = (*EXAMPLE_FILES, "data/case2021_examples_embed.tsv")


def example_items(backend: str = "fitted") -> list[CaseItem]:
    """The labelled example sentences shipped with threatline, written from the ACLED
    codebook's definitions, that ``backend`` adds to every training set: ten per label
    (``data/case2021_examples.tsv``); for ``embed``, also five or ten more per ACLED
    sub-event type (``data/case2021_examples_embed.tsv``)."""
    from importlib import resources

    items: list[CaseItem] = []
    for name in EMBED_EXAMPLE_FILES if backend == "embed" else EXAMPLE_FILES:
        with resources.as_file(resources.files("threatline").joinpath(name)) as file:
            items += load_case_tsv(file)
    return items


def _prior(examples: Sequence[CaseItem], reports: Sequence[ArticleReport]) -> Any:
    from threatline.classify import LabelledSnippets, rule_features

    return LabelledSnippets(
        texts=tuple(item.text for item in examples),
        labels=tuple(item.label for item in examples),
        features=tuple(tuple(rule_features(report)) for report in reports),
    )


def cross_validate_fitted(
    items: Sequence[CaseItem],
    reports: Sequence[ArticleReport],
    example_reports: Sequence[ArticleReport] | None = None,
    folds: int = DEFAULT_FOLDS,
    seed: int = DEFAULT_SEED,
    backend: str = "fitted",
) -> dict[str, Any]:
    """Stratified k-fold cross-validated scores of a fitted backend (``fitted`` or
    ``embed``; :class:`threatline.classify.SnippetClassifier` with that backend's
    candidate settings): each fold is labelled by a model
    fitted on the other folds only (and, given their reports, the backend's
    :func:`example_items`),
    its setting chosen by cross-validation inside those; the rule extractor's features are
    computed once, from ``reports``. Adds ``folds``, ``seed``, ``examples`` (how many
    example sentences joined the training sets), ``backend`` and ``chosen`` (the setting
    of each fold) to the metrics of :func:`score_predictions`. Needs scikit-learn (and,
    for ``embed``, the extra ``embed``)."""
    from threatline.classify import cross_validate, rule_features

    settings = _backend_settings(backend)

    if len(items) != len(reports):
        raise ValueError("one report per item is needed")
    prior = None
    if example_reports is not None:
        prior = _prior(example_items(backend), example_reports)
    result = cross_validate(
        [item.text for item in items],
        [item.label for item in items],
        [rule_features(report) for report in reports],
        SUBTASKS,
        folds=folds,
        seed=seed,
        settings=settings,
        prior=prior,
    )
    metrics = score_predictions(items, result.predictions)
    metrics.update(
        backend=backend,
        folds=folds,
        seed=seed,
        examples=len(prior.texts) if prior is not None else 0,
        chosen=[setting.describe() for setting in result.chosen],
    )
    return metrics


def _backend_settings(backend: str) -> Any:
    from threatline.classify import BACKEND_SETTINGS

    if backend not in BACKEND_SETTINGS:
        raise ConfigError(f"unknown backend {backend!r}: use one of {', '.join(BACKEND_SETTINGS)}")
    if backend == "embed":
        from threatline.embeddings import require_embed_extra

        require_embed_extra()
    return BACKEND_SETTINGS[backend]


def _extractor(extractor: ReportExtractor | None) -> ReportExtractor:
    if extractor is not None:
        return extractor
    from threatline.extract import Extractor

    return Extractor()


def train_fitted(
    path: Path | str,
    out: Path | str,
    seed: int = DEFAULT_SEED,
    examples: bool = True,
    extractor: ReportExtractor | None = None,
    backend: str = "fitted",
) -> Any:
    """Fit a fitted backend (``fitted`` or ``embed``) on every snippet of a task file (and
    the :func:`example_items`, unless ``examples`` is False; its setting chosen by
    cross-validation) and save it to ``out``; returns the
    :class:`~threatline.classify.SnippetClassifier`."""
    from threatline.classify import SnippetClassifier, rule_features

    settings = _backend_settings(backend)
    extractor = _extractor(extractor)
    items = load_case_tsv(path)
    features = [rule_features(report) for report in extract_reports(items, extractor)]
    prior = None
    if examples:
        shipped = example_items(backend)
        prior = _prior(shipped, extract_reports(shipped, extractor))
    model = SnippetClassifier(settings=settings, seed=seed, prior=prior).fit(
        [item.text for item in items], [item.label for item in items], features=features
    )
    model.save(out)
    return model


def run_fitted(
    path: Path | str,
    folds: int = DEFAULT_FOLDS,
    seed: int = DEFAULT_SEED,
    examples: bool = True,
    extractor: ReportExtractor | None = None,
    backend: str = "fitted",
) -> dict[str, Any]:
    """:func:`cross_validate_fitted` on a task file, with the example sentences unless
    ``examples`` is False."""
    _backend_settings(backend)  # a missing extra fails before the extractor runs
    extractor = _extractor(extractor)
    items = load_case_tsv(path)
    reports = extract_reports(items, extractor)
    example_reports = extract_reports(example_items(backend), extractor) if examples else None
    return cross_validate_fitted(items, reports, example_reports, folds, seed, backend)


def run_model(
    path: Path | str, model_path: Path | str, extractor: ReportExtractor | None = None
) -> dict[str, Any]:
    """Score a fitted model saved by :func:`train_fitted` on a task file (snippets it was
    not fitted on: scoring it on its own training file says nothing), among each subtask's
    labels; the metrics of :func:`score_predictions` and ``model`` (its setting)."""
    from threatline.classify import SnippetClassifier, rule_features

    model = SnippetClassifier.load(model_path)
    items = load_case_tsv(path)
    features = [rule_features(report) for report in extract_reports(items, extractor)]
    texts = [item.text for item in items]
    predictions: dict[str, list[str | None]] = {}
    for name, labels in SUBTASKS.items():
        predicted = model.predict(texts, features, allowed=labels)
        predictions[name] = [
            label if item.label in set(labels) else None
            for item, label in zip(items, predicted, strict=True)
        ]
    metrics = score_predictions(items, predictions)
    metrics["model"] = model.chosen.describe() if model.chosen else None
    metrics["backend"] = "embed" if model.chosen and model.chosen.embeddings else "fitted"
    return metrics


def format_report(metrics: dict[str, Any]) -> str:
    """The three subtasks' F1 figures and the per-label table of subtask 3."""
    lines = []
    if "folds" in metrics:
        lines.append(
            f"{metrics.get('backend', 'fitted')} backend, stratified {metrics['folds']}-fold "
            "cross-validation "
            f"(seed {metrics['seed']}), {metrics['examples']} example sentences in each "
            f"training set; settings by fold: {', '.join(metrics['chosen'])}"
        )
    elif metrics.get("model"):
        lines.append(
            f"{metrics.get('backend', 'fitted')} backend, saved model ({metrics['model']})"
        )
    lines.append(f"{'':<12}{'n':>6}{'weighted F1':>13}{'macro F1':>10}{'micro F1':>10}")
    for name in SUBTASKS:
        lines.append(
            f"{name:<12}{metrics[f'{name}_n']:>6}{metrics[f'{name}_weighted_f1']:>13.1f}"
            f"{metrics[f'{name}_macro_f1']:>10.1f}{metrics[f'{name}_micro_f1']:>10.1f}"
        )
    lines += ["", f"{'label (subtask 3)':<32}{'P':>7}{'R':>7}{'F1':>7}{'n':>5}"]
    for label, s in metrics["per_label"].items():
        lines.append(f"{label:<32}{s['p']:>7.1f}{s['r']:>7.1f}{s['f']:>7.1f}{s['support']:>5}")
    return "\n".join(lines)
