"""Sentence embeddings and the embed backend of the snippet classifier.

The tests that encode need the optional extra ``embed`` (torch, sentence-transformers and
the packaged all-MiniLM-L6-v2) and are skipped without it; the others always run."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from labelled_snippets import LABELS, TEXTS
from threatline import embeddings
from threatline.errors import ConfigError


@pytest.fixture(scope="module")
def model_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache folder holding the unpacked model (skips the test without the extra)."""
    pytest.importorskip("torch")
    pytest.importorskip("sentence_transformers")
    pytest.importorskip("all_minilm_l6_v2")
    folder = tmp_path_factory.mktemp("embed-cache")
    embeddings.model_directory(folder)
    return folder


@pytest.fixture
def shared_encoder(model_cache: Path, monkeypatch: pytest.MonkeyPatch):
    """:func:`embeddings.default_encoder` reading and writing ``model_cache``."""
    monkeypatch.setenv("THREATLINE_CACHE", str(model_cache))
    embeddings.default_encoder.cache_clear()
    yield embeddings.default_encoder()
    embeddings.default_encoder.cache_clear()


def _fake_features(texts):
    return [["none"] for _ in texts]


def test_embeddings_model_is_unpacked_once_into_the_cache_folder(model_cache: Path) -> None:
    folder = embeddings.model_directory(model_cache)
    assert folder.parent == model_cache / "models"
    assert (folder / "modules.json").is_file()
    assert (folder / "model.safetensors").stat().st_size > 50_000_000
    stamp = (folder / "model.safetensors").stat().st_mtime_ns
    assert embeddings.model_directory(model_cache) == folder
    assert (folder / "model.safetensors").stat().st_mtime_ns == stamp
    assert not [p for p in (model_cache / "models").iterdir() if p.name.startswith(".")]


def test_embeddings_are_unit_length_and_close_for_sentences_of_one_kind(
    model_cache: Path,
) -> None:
    encoder = embeddings.SentenceEncoder(model_cache, persist=False)
    vectors = encoder.encode([TEXTS[0], TEXTS[2], TEXTS[8]])
    assert vectors.shape == (3, 384)
    assert vectors.dtype.name == "float32"
    assert abs(float((vectors[0] ** 2).sum()) - 1.0) < 1e-4
    quake_cyclone, quake_bomb = float(vectors[0] @ vectors[1]), float(vectors[0] @ vectors[2])
    assert quake_cyclone > quake_bomb
    assert encoder.encode([]).shape == (0, 384)


def test_embeddings_cache_serves_known_texts_without_loading_the_model(
    model_cache: Path,
) -> None:
    first = embeddings.SentenceEncoder(model_cache)
    vectors = first.encode(TEXTS[:4])
    assert (model_cache / "embeddings").is_dir()
    second = embeddings.SentenceEncoder(model_cache)
    assert (second.encode(list(reversed(TEXTS[:4]))) == vectors[::-1]).all()
    assert second._model is None  # read from the disk cache, not encoded again


def test_embeddings_backend_fits_predicts_saves_and_loads(shared_encoder, tmp_path) -> None:
    from threatline.classify import ModelSetting, SnippetClassifier

    setting = ModelSetting("svm", 1.0, embeddings=True)
    model = SnippetClassifier(settings=(setting,), feature_function=_fake_features)
    model.fit(TEXTS, LABELS)
    # No word of these is shared with a training sentence of the same kind but 'the'.
    new = ["Torrential downpours inundated several hamlets.", "Protesters paraded calmly."]
    assert model.predict(new) == ["NATURAL_DISASTER", "PEACE_PROTEST"]
    assert model.decision_scores(new).shape == (2, 3)
    path = tmp_path / "embed.joblib"
    model.save(path)
    assert path.stat().st_size < 5_000_000  # the encoder's weights are not in the artefact
    loaded = SnippetClassifier.load(path)
    loaded.feature_function = _fake_features
    assert loaded.chosen == setting
    assert loaded.predict(new) == model.predict(new)
    assert (loaded.decision_scores(new) == model.decision_scores(new)).all()


def test_embeddings_backend_fits_its_pool_weights_on_scored_snippets_only(
    shared_encoder,
) -> None:
    from threatline.classify import (
        DEFAULT_POOL_WEIGHTS,
        EMBED_SETTINGS,
        LabelledSnippets,
        SnippetClassifier,
    )

    model = SnippetClassifier(settings=EMBED_SETTINGS, feature_function=_fake_features)
    model.fit(TEXTS, LABELS)
    assert model.chosen == EMBED_SETTINGS[0]
    assert "sentence embeddings" in model.chosen.describe()
    fusion = model._pipeline.named_steps["model"]
    assert len(fusion.weights_) == 2
    assert (fusion.weights_ >= 0).all()
    assert tuple(fusion.weights_) != DEFAULT_POOL_WEIGHTS  # fitted: four items per label

    # Two scored snippets per label are too few for three inner folds: prior snippets join
    # the training sets but are not scored, so the weights stay the default ones.
    scored = [0, 1, 4, 5, 8, 9]
    prior = LabelledSnippets(tuple(TEXTS), tuple(LABELS))
    small = SnippetClassifier(settings=EMBED_SETTINGS, feature_function=_fake_features, prior=prior)
    small.fit([TEXTS[i] for i in scored], [LABELS[i] for i in scored])
    assert tuple(small._pipeline.named_steps["model"].weights_) == DEFAULT_POOL_WEIGHTS


def test_embeddings_missing_extra_is_a_clear_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from threatline.cli import main

    monkeypatch.setitem(sys.modules, "sentence_transformers", None)  # import fails
    with pytest.raises(ConfigError, match=r"threatline\[embed\]"):
        embeddings.require_embed_extra()
    task = tmp_path / "task.tsv"
    task.write_text("id\tEventSnippet\tSubType\n1\tA bomb exploded.\tREM_EXPLOS\n")
    for command in (["eval", "case2021"], ["train", "case2021", "--out", str(tmp_path / "m")]):
        result = CliRunner().invoke(main, [*command, "--data", str(task), "--backend", "embed"])
        assert result.exit_code != 0
    assert "pip install 'threatline[embed]'" in result.output


def test_embeddings_backends_are_chosen_by_name() -> None:
    pytest.importorskip("sklearn")
    from threatline.classify import BACKEND_SETTINGS, CANDIDATE_SETTINGS, EMBED_SETTINGS
    from threatline.evaluate import case2021

    assert BACKEND_SETTINGS == {"fitted": CANDIDATE_SETTINGS, "embed": EMBED_SETTINGS}
    assert not any(setting.embeddings for setting in CANDIDATE_SETTINGS)
    assert all(setting.embeddings for setting in EMBED_SETTINGS)
    with pytest.raises(ConfigError, match="unknown backend"):
        case2021.cross_validate_fitted([], [], backend="neural")
