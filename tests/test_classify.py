"""The fitted snippet classifier: fit, predict, save, load, and cross-validation that keeps
each test fold's labels out of the model that labels it."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest
from click.testing import CliRunner

from labelled_snippets import LABELS, SNIPPETS, TEXTS
from threatline import classify
from threatline.classify import (
    CANDIDATE_SETTINGS,
    ModelSetting,
    SnippetClassifier,
    cross_validate,
    fold_indices,
    rule_features,
)
from threatline.errors import ConfigError
from threatline.models import Article, ArticleReport, EventMention, Span


def _fake_features(texts: Sequence[str]) -> list[list[str]]:
    """Stands in for the rule extractor: one token per cue word present."""
    cues = {"earthquake": "quake", "suicide": "suicide", "march": "march"}
    return [[f"cue={tok}" for word, tok in cues.items() if word in t.lower()] or ["none"]
            for t in texts]  # fmt: skip


def _model(**kwargs) -> SnippetClassifier:
    return SnippetClassifier(feature_function=_fake_features, **kwargs)


def test_classify_fit_predicts_the_labels_of_new_sentences() -> None:
    model = _model(settings=(ModelSetting("svm", 1.0),)).fit(TEXTS, LABELS)
    assert set(model.labels_) == set(LABELS)
    predicted = model.predict(
        [
            "An earthquake and floods struck the province.",
            "A suicide bomber blew himself up near the police.",
        ]
    )
    assert predicted == ["NATURAL_DISASTER", "SUIC_BOMB"]


def test_classify_predict_chooses_only_among_allowed_labels() -> None:
    model = _model(settings=(ModelSetting("svm", 1.0),)).fit(TEXTS, LABELS)
    text = ["A suicide bomber blew himself up."]
    assert model.predict(text, allowed=["PEACE_PROTEST", "NATURAL_DISASTER"])[0] != "SUIC_BOMB"
    assert model.predict(text, allowed=["ARREST"]) == ["ARREST"]  # a label it never saw


def test_classify_save_and_load_give_the_same_predictions(tmp_path) -> None:
    model = _model(settings=(ModelSetting("logreg", 10.0),)).fit(TEXTS, LABELS)
    path = tmp_path / "model.joblib"
    model.save(path)
    loaded = SnippetClassifier.load(path)
    loaded.feature_function = _fake_features
    new = ["Heavy rain and a cyclone hit the coast.", "Crowds marched in the capital."]
    assert loaded.predict(new) == model.predict(new)
    assert np.allclose(loaded.decision_scores(new), model.decision_scores(new))
    assert loaded.chosen == ModelSetting("logreg", 10.0)


def test_classify_load_refuses_other_files_and_unfitted_models(tmp_path) -> None:
    import joblib

    path = tmp_path / "other.joblib"
    joblib.dump({"something": "else"}, path)
    with pytest.raises(ConfigError):
        SnippetClassifier.load(path)
    with pytest.raises(ConfigError):
        _model().predict(["text"])
    with pytest.raises(ConfigError):
        _model().save(tmp_path / "none.joblib")


def test_classify_inner_cross_validation_chooses_a_candidate_setting() -> None:
    model = _model(inner_folds=2).fit(TEXTS, LABELS)
    assert model.chosen in CANDIDATE_SETTINGS


def test_classify_fold_indices_are_stratified_disjoint_and_fixed_by_the_seed() -> None:
    folds = fold_indices(LABELS, 4, seed=0)
    assert len(folds) == 4
    tested = np.concatenate([test for _, test in folds])
    assert sorted(tested.tolist()) == list(range(len(LABELS)))  # each item tested once
    for train, test in folds:
        assert set(train.tolist()).isdisjoint(test.tolist())
        assert sorted([*train.tolist(), *test.tolist()]) == list(range(len(LABELS)))
        # stratified: one item of each label (4 each, 4 folds) per test fold
        assert sorted(LABELS[i] for i in test) == sorted(set(LABELS))
    again = fold_indices(LABELS, 4, seed=0)
    assert all(np.array_equal(a[1], b[1]) for a, b in zip(folds, again, strict=True))
    other = fold_indices(LABELS, 4, seed=1)
    assert not all(np.array_equal(a[1], b[1]) for a, b in zip(folds, other, strict=True))


def test_classify_cross_validation_never_fits_on_the_test_fold(monkeypatch) -> None:
    seen: list[set[str]] = []
    original_fit = SnippetClassifier.fit

    def spy_fit(self, texts, labels, features=None):
        seen.append(set(texts))
        return original_fit(self, texts, labels, features)

    monkeypatch.setattr(classify.SnippetClassifier, "fit", spy_fit)
    subtasks = {"all": sorted(set(LABELS)), "no_protest": ["NATURAL_DISASTER", "SUIC_BOMB"]}
    result = cross_validate(
        TEXTS,
        LABELS,
        _fake_features(TEXTS),
        subtasks,
        folds=4,
        seed=0,
        settings=(ModelSetting("svm", 1.0),),
    )
    assert len(seen) == 4
    for (_, test), trained_on in zip(result.folds, seen, strict=True):
        test_texts = {TEXTS[i] for i in test}
        assert trained_on.isdisjoint(test_texts)
        assert trained_on | test_texts == set(TEXTS)
    # every item labelled once per subtask whose labels hold its gold label
    assert all(label is not None for label in result.predictions["all"])
    for gold, predicted in zip(LABELS, result.predictions["no_protest"], strict=True):
        assert (predicted is None) == (gold == "PEACE_PROTEST")
        assert predicted in (None, "NATURAL_DISASTER", "SUIC_BOMB")


def test_classify_rule_features_read_the_extractor_report() -> None:
    text = "A grenade exploded at the market."
    article = Article.from_text(text)
    start = text.index("exploded")
    event = EventMention(
        id="E1",
        type="bombing",
        trigger=Span(start=start, end=start + 8, text="exploded"),
        evidence=[Span(start=0, end=len(text), text=text)],
        instruments=[Span(start=2, end=9, text="grenade")],
    )
    tokens = rule_features(ArticleReport(article=article, events=[event]))
    assert {"type=bombing", "label=GRENADE", "trigger=exploded", "instrument=grenade"} <= set(
        tokens
    )
    assert "rule_subtask1=GRENADE" in tokens
    assert "no_event" in rule_features(ArticleReport(article=Article.from_text("Quiet day.")))


@pytest.mark.model
def test_classify_cli_trains_and_cross_validates_on_a_task_file(tmp_path) -> None:
    from threatline.cli import main

    data = tmp_path / "snippets.tsv"
    rows = [f"{number}\t{text}\t{label}" for number, (text, label) in enumerate(SNIPPETS)]
    data.write_text("id\tEventSnippet\tSubType\n" + "\n".join(rows) + "\n", encoding="utf-8")
    runner = CliRunner()
    out = tmp_path / "model.joblib"
    trained = runner.invoke(main, ["train", "case2021", "--data", str(data), "--out", str(out)])
    assert trained.exit_code == 0, trained.output
    assert out.is_file() and "wrote" in trained.output
    model = SnippetClassifier.load(out)
    assert model.predict(["A suicide bomber struck a police station."]) == ["SUIC_BOMB"]
    args = ["eval", "case2021", "--data", str(data), "--backend", "fitted", "--folds", "2"]
    result = runner.invoke(main, [*args, "--json"])
    assert result.exit_code == 0, result.output
    assert "2-fold cross-validation" in result.output
    import json

    metrics = json.loads(result.output.strip().splitlines()[-1])
    assert metrics["folds"] == 2 and metrics["subtask1_n"] == 8 and metrics["subtask2_n"] == 12
    scored = runner.invoke(main, [*args[:6], "--model", str(out), "--json"])
    assert scored.exit_code == 0, scored.output
    assert "saved model" in scored.output
    assert json.loads(scored.output.strip().splitlines()[-1])["subtask1_n"] == 8
    refused = runner.invoke(main, [*args[:4], "--model", str(out)])
    assert refused.exit_code != 0 and "--backend fitted" in refused.output


def test_classify_prior_snippets_join_training_but_are_never_scored() -> None:
    from threatline.classify import LabelledSnippets

    prior = LabelledSnippets(
        texts=("Police arrested two suspects at their home.", "Officers detained a man."),
        labels=("ARREST", "ARREST"),
    )
    model = _model(settings=(ModelSetting("svm", 1.0),), prior=prior).fit(TEXTS, LABELS)
    assert "ARREST" in model.labels_  # learnt from the prior snippets only
    result = cross_validate(
        TEXTS,
        LABELS,
        _fake_features(TEXTS),
        {"all": [*sorted(set(LABELS)), "ARREST"]},
        folds=4,
        seed=0,
        settings=(ModelSetting("svm", 1.0),),
        prior=LabelledSnippets(prior.texts, prior.labels, (("none",), ("none",))),
    )
    scored = [i for i, label in enumerate(result.predictions["all"]) if label is not None]
    assert scored == list(range(len(TEXTS)))


def test_classify_example_sentences_cover_every_label_evenly() -> None:
    from collections import Counter

    from threatline.evaluate.case2021 import SUBTASK3_LABELS, example_items

    counts = Counter(item.label for item in example_items())
    assert set(counts) == set(SUBTASK3_LABELS)
    assert set(counts.values()) == {10}
    texts = [item.text for item in example_items()]
    assert len(set(texts)) == len(texts)


def test_classify_embed_backend_adds_more_example_sentences_of_acled_types() -> None:
    from collections import Counter

    from threatline.evaluate.case2021 import SUBTASK1_LABELS, example_items

    shared, embed = example_items("fitted"), example_items("embed")
    assert embed[: len(shared)] == shared
    added = Counter(item.label for item in embed[len(shared) :])
    assert set(added) == set(SUBTASK1_LABELS)  # only the ACLED types get more
    assert set(added.values()) == {5, 10}
    texts = [item.text for item in embed]
    assert len(set(texts)) == len(texts)
    assert len({item.id for item in embed}) == len(embed)


def test_classify_pool_weights_favour_the_informative_model() -> None:
    rng = np.random.default_rng(0)
    gold = rng.integers(0, 3, size=300)
    informative = np.eye(3)[gold] + rng.normal(0, 0.3, size=(300, 3))
    noise = rng.normal(0, 1.0, size=(300, 3))
    weights = classify.fit_pool_weights([noise, informative], gold)
    assert weights.shape == (2,)
    assert weights[1] > 1.0
    assert weights[0] < 0.2 * weights[1]
    assert (weights >= 0).all()
