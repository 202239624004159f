"""A fitted classifier of the ACLED sub-event type (CASE 2021 task 2 label) of a snippet.

The rule extractor (:mod:`threatline.extract`) types events from a trigger lexicon; this
module learns, from labelled snippets, a linear model on top of it. The features of a
snippet are

* word n-grams (1-2) and character n-grams (2-5, within words), TF-IDF weighted;
* the rule extractor's reading of the snippet as tokens (:func:`rule_features`): each
  event's type, status, task label and trigger word, the kinds of its perpetrators and
  targets, the kinds of facts found, and the label that the rule backend would choose.

The model is a multinomial logistic regression or a linear SVM; which one and its
regularisation are chosen by cross-validation on the training data among
:data:`CANDIDATE_SETTINGS` (fixed in advance), so that :func:`cross_validate` is nested:
no setting is chosen on the fold it is scored on.

The ``embed`` backend (:data:`EMBED_SETTINGS`, :class:`EmbeddingFusion`) pools that
model's label scores with the log-probabilities of a logistic regression over the
snippet's sentence embedding (:mod:`threatline.embeddings`), each weighted by a factor
fitted on out-of-fold scores of the training data (inner cross-validation again).

This module needs scikit-learn (``pip install threatline[fit]``); the embed backend also
needs the extra ``embed``; the rest of threatline needs neither.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import joblib
import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.compose import ColumnTransformer
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from sklearn.pipeline import Pipeline
from sklearn.svm import LinearSVC

from threatline.errors import ConfigError
from threatline.models import ArticleReport

__all__ = [
    "ARTEFACT_FORMAT",
    "BACKEND_SETTINGS",
    "CANDIDATE_SETTINGS",
    "EMBED_SETTINGS",
    "CrossValidation",
    "EmbeddingFusion",
    "LabelledSnippets",
    "ModelSetting",
    "SnippetClassifier",
    "cross_validate",
    "fit_pool_weights",
    "fold_indices",
    "rule_features",
]

#: Written into every saved model; :meth:`SnippetClassifier.load` refuses other formats.
ARTEFACT_FORMAT = "threatline.snippet-classifier/2"


@dataclass(frozen=True)
class ModelSetting:
    """One linear model: ``logreg`` (multinomial logistic regression) or ``svm`` (linear
    SVM, one-vs-rest), with its inverse regularisation strength ``c``, and the weight of the
    rule extractor's features against the n-gram features (``rule_weight``)."""

    model: str
    c: float
    rule_weight: float = 1.0
    #: Pool the model with a model of the snippet's sentence embedding
    #: (:class:`EmbeddingFusion`; the ``embed`` backend).
    embeddings: bool = False

    def describe(self) -> str:
        text = f"{self.model} C={self.c:g} rules x{self.rule_weight:g}"
        if self.embeddings:
            text += ", pooled with sentence embeddings"
        return text

    def estimator(self, seed: int) -> ClassifierMixin:
        if self.model == "logreg":
            return LogisticRegression(C=self.c, max_iter=2000, class_weight="balanced")
        if self.model == "svm":
            return LinearSVC(C=self.c, class_weight="balanced", random_state=seed)
        raise ConfigError(f"unknown model {self.model!r}: use 'logreg' or 'svm'")


#: The settings compared by inner cross-validation. (Logistic regression is available but
#: not among them: on a few hundred snippets it fits 50 times slower than the SVM.)
CANDIDATE_SETTINGS: tuple[ModelSetting, ...] = (
    ModelSetting("svm", 0.3),
    ModelSetting("svm", 1.0),
    ModelSetting("svm", 3.0),
)

#: The setting of the ``embed`` backend (:class:`EmbeddingFusion`, which fits its own
#: pooling weights by inner cross-validation). The rule extractor's features weigh half as
#: much as in the fitted backend: the embedding model carries part of what they say, and
#: the less the backend leans on them, the less its figure moves when the extractor changes.
EMBED_SETTINGS: tuple[ModelSetting, ...] = (
    ModelSetting("svm", 1.0, rule_weight=0.5, embeddings=True),
)

#: The candidate settings of each fitted backend, by the name the command line uses.
BACKEND_SETTINGS: dict[str, tuple[ModelSetting, ...]] = {
    "fitted": CANDIDATE_SETTINGS,
    "embed": EMBED_SETTINGS,
}


# --------------------------------------------------------------------------- features


def rule_features(report: ArticleReport) -> list[str]:
    """The rule extractor's reading of a snippet, as feature tokens (see module docstring)."""
    from threatline.evaluate.case2021 import SUBTASKS, classify_report, event_label

    kinds = {actor.id: str(actor.kind) for actor in report.actors}
    tokens: list[str] = []
    for event in report.events:
        label = event_label(event, report) or "none"
        tokens += [
            f"type={event.type}",
            f"type_status={event.type}/{event.status}",
            f"label={label}",
            f"trigger={_token(event.trigger.text)}",
        ]
        if event.fatalities is not None:
            tokens.append("has_fatalities")
        if event.injuries is not None:
            tokens.append("has_injuries")
        tokens += [
            f"{participant.role}={kinds.get(participant.actor, 'unknown')}"
            for participant in event.participants
        ]
        tokens += [f"instrument={_token(span.text)}" for span in event.instruments]
    tokens += [f"fact={fact.predicate}" for fact in report.facts]
    tokens += [f"actor={kind}" for kind in sorted(set(kinds.values()))]
    if not report.events:
        tokens.append("no_event")
    tokens += [
        f"rule_{name}={classify_report(report, labels)}" for name, labels in SUBTASKS.items()
    ]
    return tokens


def _token(text: str) -> str:
    """A span's words as one feature token."""
    return "_".join(text.lower().split())


def _split_tokens(joined: str) -> list[str]:
    return joined.split()


def _feature_union(rule_weight: float) -> ColumnTransformer:
    """Column 0: the snippet text; column 1: its rule feature tokens joined by spaces."""
    return ColumnTransformer(
        [
            (
                "words",
                TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=1, lowercase=True),
                0,
            ),
            (
                "chars",
                TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True),
                0,
            ),
            (
                "rules",
                TfidfVectorizer(
                    tokenizer=_split_tokens,
                    token_pattern=None,
                    lowercase=False,
                    sublinear_tf=True,
                ),
                1,
            ),
        ],
        transformer_weights={"words": 1.0, "chars": 1.0, "rules": rule_weight},
    )


def _matrix(texts: Sequence[str], tokens: Sequence[Sequence[str]]) -> np.ndarray:
    if len(texts) != len(tokens):
        raise ValueError("one list of rule features per text is needed")
    return np.array([[text, " ".join(toks)] for text, toks in zip(texts, tokens, strict=True)],
                    dtype=object)  # fmt: skip


# --------------------------------------------------------------------------- embeddings

#: Inverse regularisation of the logistic regression over sentence embeddings.
EMBEDDING_C = 10.0
#: The pooling weights (n-gram model's scores, embedding model's log-probabilities) when
#: too few snippets of every label are there to fit them by inner cross-validation.
DEFAULT_POOL_WEIGHTS = (3.0, 1.0)
#: Floor of a probability before its logarithm (and the log-probability of a label that a
#: model fitted on an inner fold never saw).
_PROBABILITY_FLOOR = 1e-9


def _softmax(scores: np.ndarray) -> np.ndarray:
    shifted = np.exp(scores - scores.max(axis=1, keepdims=True))
    return shifted / shifted.sum(axis=1, keepdims=True)


def fit_pool_weights(score_sets: Sequence[np.ndarray], gold: np.ndarray) -> np.ndarray:
    """Non-negative weights ``w`` that make ``softmax(sum_i w_i * score_sets[i])`` the most
    likely labelling of ``gold`` (column indices): a log-linear pool of the models' scores,
    its weights fitted by minimising the log loss (with one weight per model, it calibrates
    each model's scale and weighs them against each other in one step)."""
    from scipy.optimize import minimize

    rows = np.arange(len(gold))

    def log_loss(weights: np.ndarray) -> float:
        pooled = sum(w * scores for w, scores in zip(weights, score_sets, strict=True))
        pooled = pooled - pooled.max(axis=1, keepdims=True)
        return float(-(pooled[rows, gold] - np.log(np.exp(pooled).sum(axis=1))).mean())

    start = np.ones(len(score_sets))
    bounds = [(0.0, 50.0)] * len(score_sets)
    return np.asarray(minimize(log_loss, start, method="L-BFGS-B", bounds=bounds).x)


class EmbeddingFusion(ClassifierMixin, BaseEstimator):
    """Two models of one snippet matrix (:func:`_matrix`), their label scores pooled: the
    linear model of ``setting`` over the n-gram and rule features (an SVM's margins, a
    logistic regression's log-probabilities), and a multinomial logistic regression over
    the snippet's sentence embedding (:mod:`threatline.embeddings`; its log-probabilities).
    The pooled score of a label is ``weights_[0] * ngram + weights_[1] * embedding``; the
    weights are fitted (:func:`fit_pool_weights`) on the two models' out-of-fold scores of
    the training snippets in ``inner_folds`` stratified folds (``prior`` snippets join every
    training set and are never scored), so no fixed share or margin scale is assumed.

    The embeddings come from :func:`threatline.embeddings.default_encoder` at fit and at
    prediction; a saved model holds only the two linear models and the weights."""

    def __init__(self, setting: ModelSetting, seed: int = 0, inner_folds: int = 3) -> None:
        self.setting = setting
        self.seed = seed
        self.inner_folds = inner_folds

    def fit(
        self,
        matrix: np.ndarray,
        labels: np.ndarray,
        prior_matrix: np.ndarray | None = None,
        prior_labels: np.ndarray | None = None,
    ) -> EmbeddingFusion:
        if prior_matrix is None or prior_labels is None:
            prior_matrix, prior_labels = np.empty((0, 2), dtype=object), np.empty(0, dtype=object)
        all_matrix = np.concatenate([matrix, prior_matrix])
        all_labels = np.concatenate([labels, prior_labels])
        all_embeddings = self._embed(all_matrix)
        self.classes_ = np.unique(all_labels)
        self.weights_ = self._fit_weights(
            matrix, labels, all_embeddings, prior_matrix, prior_labels
        )
        self.ngram_model_, self.embedding_model_ = self._fit_models(
            all_matrix, all_labels, all_embeddings
        )
        return self

    def decision_function(self, matrix: np.ndarray) -> np.ndarray:
        """Pooled label scores, one column per :attr:`classes_`."""
        ngram, embedding = self._scores(
            self.ngram_model_, self.embedding_model_, matrix, self._embed(matrix)
        )
        return self.weights_[0] * ngram + self.weights_[1] * embedding

    def predict(self, matrix: np.ndarray) -> np.ndarray:
        return self.classes_[np.argmax(self.decision_function(matrix), axis=1)]

    # ----------------------------------------------------------------- internals

    def _fit_models(
        self, matrix: np.ndarray, labels: np.ndarray, embeddings: np.ndarray
    ) -> tuple[Pipeline, LogisticRegression]:
        ngram_model = Pipeline(
            [
                ("features", _feature_union(self.setting.rule_weight)),
                ("model", self.setting.estimator(self.seed)),
            ]
        )
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            ngram_model.fit(matrix, labels)
            # newton-cg: on a few hundred dense rows it converges ten times faster than lbfgs
            embedding_model = LogisticRegression(
                C=EMBEDDING_C, max_iter=3000, class_weight="balanced", solver="newton-cg"
            ).fit(embeddings, labels)
        return ngram_model, embedding_model

    def _fit_weights(
        self,
        matrix: np.ndarray,
        labels: np.ndarray,
        all_embeddings: np.ndarray,
        prior_matrix: np.ndarray,
        prior_labels: np.ndarray,
    ) -> np.ndarray:
        """Pool weights fitted on out-of-fold scores of the (non-prior) training snippets."""
        _, counts = np.unique(labels, return_counts=True)
        if len(labels) == 0 or counts.max() < self.inner_folds:
            return np.array(DEFAULT_POOL_WEIGHTS)
        embeddings = all_embeddings[: len(matrix)]
        prior_embeddings = all_embeddings[len(matrix) :]
        ngram = np.zeros((len(labels), len(self.classes_)))
        embedding = np.zeros((len(labels), len(self.classes_)))
        for train, test in fold_indices(list(labels), self.inner_folds, self.seed):
            models = self._fit_models(
                np.concatenate([matrix[train], prior_matrix]),
                np.concatenate([labels[train], prior_labels]),
                np.concatenate([embeddings[train], prior_embeddings]),
            )
            ngram[test], embedding[test] = self._scores(
                *models, matrix[test], embeddings[test], self.classes_
            )
        gold = np.searchsorted(self.classes_, labels)
        return fit_pool_weights([ngram, embedding], gold)

    def _scores(
        self,
        ngram_model: Pipeline,
        embedding_model: LogisticRegression,
        matrix: np.ndarray,
        embeddings: np.ndarray,
        classes: np.ndarray | None = None,
    ) -> tuple[np.ndarray, np.ndarray]:
        """The two models' label scores, with one column per label of ``classes`` (a label
        that a model never saw scores lowest: its rows' minimum, or the floored log-probability)."""
        if self.setting.model == "logreg":
            ngram = np.log(np.maximum(ngram_model.predict_proba(matrix), _PROBABILITY_FLOOR))
        else:
            ngram = np.asarray(ngram_model.decision_function(matrix))
            if ngram.ndim == 1:  # two classes: one column, positive for the second
                ngram = np.column_stack([-ngram, ngram])
        embedding = np.log(
            np.maximum(embedding_model.predict_proba(embeddings), _PROBABILITY_FLOOR)
        )
        if classes is None:
            return ngram, embedding
        return (
            _align(ngram, ngram_model.classes_, classes, ngram.min(axis=1)),
            _align(embedding, embedding_model.classes_, classes, np.log(_PROBABILITY_FLOOR)),
        )

    @staticmethod
    def _embed(matrix: np.ndarray) -> np.ndarray:
        from threatline.embeddings import default_encoder

        return default_encoder().encode([str(text) for text in matrix[:, 0]])


def _align(
    scores: np.ndarray, known: np.ndarray, classes: np.ndarray, missing: np.ndarray | float
) -> np.ndarray:
    """``scores`` (columns: ``known`` labels) with one column per label of ``classes``; the
    labels not in ``known`` score ``missing`` (per row, or one value)."""
    aligned = np.empty((len(scores), len(classes)))
    aligned[:] = np.asarray(missing).reshape(-1, 1) if np.ndim(missing) else missing
    columns = np.searchsorted(classes, known)
    aligned[:, columns] = scores
    return aligned


# --------------------------------------------------------------------------- the model


FeatureFunction = Callable[[Sequence[str]], list[list[str]]]


@dataclass(frozen=True)
class LabelledSnippets:
    """Labelled snippets added to every training set and never scored (the example
    sentences shipped with threatline), with their rule features (None: computed at fit)."""

    texts: tuple[str, ...]
    labels: tuple[str, ...]
    features: tuple[tuple[str, ...], ...] | None = None

    def __post_init__(self) -> None:
        if len(self.texts) != len(self.labels) or (
            self.features is not None and len(self.features) != len(self.texts)
        ):
            raise ValueError("one label (and one feature list) per text is needed")


@cache
def _default_extractor() -> Any:
    """The packaged rule extractor, loaded once (spaCy, gazetteer and actors take seconds)."""
    from threatline.extract import Extractor

    return Extractor()


def _extractor_features(texts: Sequence[str]) -> list[list[str]]:
    """Run the packaged rule extractor over the texts and read its features."""
    from threatline.models import Article

    reports = _default_extractor().pipe(Article.from_text(text) for text in texts)
    return [rule_features(report) for report in reports]


@dataclass
class SnippetClassifier:
    """A linear classifier of snippets into labels.

    ``fit(texts, labels)`` and ``predict(texts)`` run the rule extractor over the texts to
    compute its features; pass ``features`` (one token list per text, from
    :func:`rule_features`) to compute them once and reuse them (cross-validation does).
    With ``settings`` of one element, that setting is used; with more, the one with the
    best inner cross-validated weighted F1 on the training data (the first one when no
    label has ``inner_folds`` items). ``prior`` snippets join every training set, inner
    ones included, and are never scored.
    """

    settings: tuple[ModelSetting, ...] = CANDIDATE_SETTINGS
    inner_folds: int = 3
    seed: int = 0
    feature_function: FeatureFunction = field(default=_extractor_features, repr=False)
    prior: LabelledSnippets | None = field(default=None, repr=False)
    chosen: ModelSetting | None = None
    labels_: tuple[str, ...] = ()
    _pipeline: Pipeline | None = field(default=None, repr=False)

    def fit(
        self,
        texts: Sequence[str],
        labels: Sequence[str],
        features: Sequence[Sequence[str]] | None = None,
    ) -> SnippetClassifier:
        if len(texts) != len(labels):
            raise ValueError("one label per text is needed")
        if features is None:
            features = self.feature_function(texts)
        matrix = _matrix(texts, features)
        gold = np.array(labels, dtype=object)
        prior_matrix, prior_gold = self._prior_matrix()
        self.chosen = self._choose(matrix, gold, prior_matrix, prior_gold)
        self._pipeline = self._build(self.chosen)
        _fit_pipeline(self._pipeline, self.chosen, matrix, gold, prior_matrix, prior_gold)
        self.labels_ = tuple(str(label) for label in self._pipeline.classes_)
        return self

    def predict(
        self,
        texts: Sequence[str],
        features: Sequence[Sequence[str]] | None = None,
        allowed: Sequence[str] | None = None,
    ) -> list[str]:
        """One label per text; with ``allowed``, the best-scoring label among those (a
        subtask's label set) that the model knows (the first allowed label when none)."""
        scores = self.decision_scores(texts, features)
        labels = self.labels_
        if allowed is not None:
            keep = [i for i, label in enumerate(labels) if label in set(allowed)]
            if not keep:
                return [allowed[0]] * len(texts)
            scores = scores[:, keep]
            labels = tuple(labels[i] for i in keep)
        return [labels[int(i)] for i in np.argmax(scores, axis=1)]

    def decision_scores(
        self, texts: Sequence[str], features: Sequence[Sequence[str]] | None = None
    ) -> np.ndarray:
        """A (texts x :attr:`labels_`) array: the larger, the more likely the label."""
        if self._pipeline is None:
            raise ConfigError("the classifier is not fitted: call fit() or load() first")
        if features is None:
            features = self.feature_function(texts)
        scores = np.asarray(self._pipeline.decision_function(_matrix(texts, features)))
        if scores.ndim == 1:  # two classes: one column, positive for the second
            scores = np.column_stack([-scores, scores])
        return scores

    def save(self, path: Path | str) -> None:
        """Write the fitted model (scikit-learn objects, joblib format)."""
        if self._pipeline is None:
            raise ConfigError("the classifier is not fitted: nothing to save")
        state = {
            "format": ARTEFACT_FORMAT,
            "chosen": self.chosen,
            "labels": self.labels_,
            "seed": self.seed,
            "pipeline": self._pipeline,
        }
        joblib.dump(state, Path(path))

    @classmethod
    def load(cls, path: Path | str) -> SnippetClassifier:
        """A model written by :meth:`save` (only load files you trust: joblib unpickles)."""
        state: dict[str, Any] = joblib.load(Path(path))
        if not isinstance(state, dict) or state.get("format") != ARTEFACT_FORMAT:
            raise ConfigError(f"{path}: not a threatline snippet classifier")
        model = cls(settings=(state["chosen"],), seed=state["seed"], chosen=state["chosen"])
        model.labels_ = tuple(state["labels"])
        model._pipeline = state["pipeline"]
        return model

    # ----------------------------------------------------------------- internals

    def _build(self, setting: ModelSetting) -> Pipeline:
        if setting.embeddings:
            return Pipeline([("model", EmbeddingFusion(setting, self.seed, self.inner_folds))])
        return Pipeline(
            [
                ("features", _feature_union(setting.rule_weight)),
                ("model", setting.estimator(self.seed)),
            ]
        )

    def _prior_matrix(self) -> tuple[np.ndarray, np.ndarray]:
        if self.prior is None or not self.prior.texts:
            return np.empty((0, 2), dtype=object), np.empty(0, dtype=object)
        features = self.prior.features
        if features is None:
            features = tuple(tuple(f) for f in self.feature_function(self.prior.texts))
            self.prior = LabelledSnippets(self.prior.texts, self.prior.labels, features)
        return (
            _matrix(self.prior.texts, features),
            np.array(self.prior.labels, dtype=object),
        )

    def _choose(
        self,
        matrix: np.ndarray,
        gold: np.ndarray,
        prior_matrix: np.ndarray,
        prior_gold: np.ndarray,
    ) -> ModelSetting:
        """The setting with the best inner cross-validated weighted F1 (ties: the first)."""
        _, counts = np.unique(gold, return_counts=True)
        if len(self.settings) == 1 or counts.max() < self.inner_folds:
            # Too few items of every label to split them: the first setting, untested.
            return self.settings[0]
        from threatline.evaluate.case2021 import f1_scores

        folds = fold_indices(list(gold), self.inner_folds, self.seed)
        best: tuple[float, int] | None = None
        for number, setting in enumerate(self.settings):
            predicted = np.empty(len(gold), dtype=object)
            for train, test in folds:
                pipeline = self._build(setting)
                _fit_pipeline(
                    pipeline, setting, matrix[train], gold[train], prior_matrix, prior_gold
                )
                predicted[test] = pipeline.predict(matrix[test])
            score = f1_scores(list(gold), list(predicted))["weighted"]
            if best is None or score > best[0]:
                best = (score, number)
        assert best is not None
        return self.settings[best[1]]


def _fit_pipeline(
    pipeline: Pipeline,
    setting: ModelSetting,
    matrix: np.ndarray,
    gold: np.ndarray,
    prior_matrix: np.ndarray,
    prior_gold: np.ndarray,
) -> None:
    """Fit on the snippets and the prior ones; an :class:`EmbeddingFusion` is told which
    are which (it scores only the former when it fits its pooling weights)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        if setting.embeddings:
            prior = {"model__prior_matrix": prior_matrix, "model__prior_labels": prior_gold}
            pipeline.fit(matrix, gold, **prior)
        else:
            pipeline.fit(np.concatenate([matrix, prior_matrix]), np.concatenate([gold, prior_gold]))


# --------------------------------------------------------------------------- cross-validation


def fold_indices(
    labels: Sequence[str], folds: int, seed: int
) -> list[tuple[np.ndarray, np.ndarray]]:
    """Stratified k-fold (train, test) index arrays, shuffled by ``seed``: the same labels,
    folds and seed always give the same split. A label with fewer items than folds is
    spread over as many folds as it has items (scikit-learn warns; the split is valid)."""
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return [
            (train, test) for train, test in splitter.split(np.zeros(len(labels)), np.array(labels))
        ]


@dataclass
class CrossValidation:
    """Out-of-fold predictions of :func:`cross_validate`: per subtask name, one predicted
    label per item (None where the item's gold label is outside that subtask), and the
    setting chosen in each fold."""

    predictions: dict[str, list[str | None]]
    chosen: list[ModelSetting]
    folds: list[tuple[np.ndarray, np.ndarray]]


def cross_validate(
    texts: Sequence[str],
    labels: Sequence[str],
    features: Sequence[Sequence[str]],
    subtasks: dict[str, Sequence[str]],
    folds: int = 5,
    seed: int = 0,
    settings: tuple[ModelSetting, ...] = CANDIDATE_SETTINGS,
    prior: LabelledSnippets | None = None,
) -> CrossValidation:
    """Stratified k-fold cross-validation: each fold is predicted by a model fitted on the
    other folds only (and ``prior``; its setting chosen by inner cross-validation on
    those), among the labels of each subtask, for the items whose gold label belongs to
    that subtask."""
    split = fold_indices(labels, folds, seed)
    predictions: dict[str, list[str | None]] = {name: [None] * len(texts) for name in subtasks}
    chosen: list[ModelSetting] = []
    for train, test in split:
        model = SnippetClassifier(settings=settings, seed=seed, prior=prior)
        model.fit(
            [texts[i] for i in train],
            [labels[i] for i in train],
            features=[features[i] for i in train],
        )
        assert model.chosen is not None
        chosen.append(model.chosen)
        test_texts = [texts[i] for i in test]
        test_features = [features[i] for i in test]
        for name, allowed in subtasks.items():
            predicted = model.predict(test_texts, test_features, allowed=allowed)
            for index, label in zip(test, predicted, strict=True):
                if labels[index] in set(allowed):
                    predictions[name][index] = label
    return CrossValidation(predictions=predictions, chosen=chosen, folds=split)
