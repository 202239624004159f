"""Score :func:`threatline.timex.find_timexes` on TimeML documents, as TempEval-3 Task A does.

Input: a folder of TimeML ``.tml`` files (TE3-Platinum: UzZaman et al. 2013, annotations CC BY
3.0). The TIMEX3 with ``functionInDocument="CREATION_TIME"`` gives the publication date and is
not scored; every TIMEX3 inside ``<TEXT>`` is gold. Gold offsets index into the raw text: the
content of ``<TEXT>`` with the tags removed and entities decoded.

Metrics (TempEval-3): relaxed match = any overlap, strict match = the same extent; precision,
recall and F1 of each; value F1 = relaxed F1 x the accuracy of the normalized value over the
relaxed matches (the task's attribute F1); type accuracy over the same matches.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from threatline.errors import EvalDataError
from threatline.models import TimeSpan

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = [
    "DocumentErrors",
    "Mention",
    "TimeMLDocument",
    "document_errors",
    "format_report",
    "read_timeml",
    "run",
    "score",
]


@dataclass(frozen=True)
class Mention:
    """One temporal expression, gold or predicted: [start, end) offsets, TIMEX3 type and value."""

    start: int
    end: int
    type: str
    value: str | None
    text: str = ""

    @classmethod
    def from_span(cls, span: TimeSpan) -> Mention:
        assert span.char_start is not None and span.char_end is not None
        return cls(span.char_start, span.char_end, span.timex_type, span.value, span.text)


@dataclass
class TimeMLDocument:
    """A TimeML file read back: raw text, creation date, and the gold expressions of the text."""

    name: str
    text: str
    dct: dt.date | None
    gold: list[Mention] = field(default_factory=list)


_TAG = re.compile(r"<[^>]+>")
_ATTR = re.compile(r'([\w:]+)\s*=\s*"([^"]*)"')
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_TIMEX_TAG = re.compile(r"<TIMEX3\b([^>]*)>", re.S)


def read_timeml(path: Path) -> TimeMLDocument:
    """Parse one .tml file (regex over the markup: TimeML files are flat, tags never nest)."""
    raw = path.read_text(encoding="utf-8")
    dct = None
    for m in _TIMEX_TAG.finditer(raw):
        attrs = dict(_ATTR.findall(m.group(1)))
        if attrs.get("functionInDocument") == "CREATION_TIME":
            value = attrs.get("value", "")
            try:
                dct = dt.date.fromisoformat(value[:10])
            except ValueError:
                dct = None
            break
    body = _TEXT.search(raw)
    if body is None:
        raise EvalDataError(f"{path.name}: no <TEXT> element; is this a TimeML file?")
    pieces: list[str] = []
    offset = 0
    gold: list[Mention] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    pos = 0
    content = body.group(1)
    for tag in _TAG.finditer(content):
        chunk = html.unescape(content[pos : tag.start()])
        pieces.append(chunk)
        offset += len(chunk)
        pos = tag.end()
        name = tag.group(0)
        if name.startswith("<TIMEX3"):
            open_timex = (offset, dict(_ATTR.findall(name)))
        elif name.startswith("</TIMEX3") and open_timex is not None:
            start, attrs = open_timex
            gold.append(
                Mention(
                    start,
                    offset,
                    attrs.get("type", "DATE"),
                    attrs.get("value"),
                    "".join(pieces)[start:offset],
                )
            )
            open_timex = None
    pieces.append(html.unescape(content[pos:]))
    return TimeMLDocument(path.stem, "".join(pieces), dct, gold)


def _read_folder(data_dir: Path) -> list[TimeMLDocument]:
    files = sorted(Path(data_dir).glob("*.tml"))
    if not files:
        raise EvalDataError(
            f"no .tml files in {data_dir}; point it at a TimeML folder such as te3-platinum"
        )
    return [read_timeml(f) for f in files]


# --------------------------------------------------------------------------- matching


def _overlap(a: Mention, b: Mention) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def _match(gold: list[Mention], pred: list[Mention]) -> list[tuple[Mention, Mention]]:
    """One-to-one relaxed matching: each gold takes the exact prediction if there is one,
    else the free prediction it overlaps most."""
    used: set[int] = set()
    pairs: list[tuple[Mention, Mention]] = []
    for g in gold:
        best: tuple[int, int] | None = None
        for i, p in enumerate(pred):
            if i in used or _overlap(g, p) <= 0:
                continue
            key = (1 if (p.start, p.end) == (g.start, g.end) else 0) * 10**9 + _overlap(g, p)
            if best is None or key > best[0]:
                best = (key, i)
        if best is not None:
            used.add(best[1])
            pairs.append((g, pred[best[1]]))
    return pairs


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return 100 * p, 100 * r, 100 * f


def score(gold_docs: list[list[Mention]], pred_docs: list[list[Mention]]) -> dict:
    """TempEval-3 Task A scores (percentages) for parallel lists of per-document mentions."""
    if len(gold_docs) != len(pred_docs):
        raise ValueError("gold and predictions must list the same documents")
    n_gold = sum(len(g) for g in gold_docs)
    n_pred = sum(len(p) for p in pred_docs)
    relaxed = strict = value_ok = type_ok = 0
    for gold, pred in zip(gold_docs, pred_docs, strict=True):
        for g, p in _match(gold, pred):
            relaxed += 1
            strict += (g.start, g.end) == (p.start, p.end)
            value_ok += g.value == p.value
            type_ok += g.type == p.type
    rp, rr, rf = _prf(relaxed, n_pred, n_gold)
    sp, sr, sf = _prf(strict, n_pred, n_gold)
    value_accuracy = value_ok / relaxed if relaxed else 0.0
    return {
        "relaxed_p": rp,
        "relaxed_r": rr,
        "relaxed_f1": rf,
        "strict_p": sp,
        "strict_r": sr,
        "strict_f1": sf,
        "value_f1": rf * value_accuracy,
        "value_accuracy": 100 * value_accuracy,
        "type_accuracy": 100 * (type_ok / relaxed if relaxed else 0.0),
        "n_gold": n_gold,
        "n_pred": n_pred,
        "n_docs": len(gold_docs),
    }


# --------------------------------------------------------------------------- running


def _predict(doc: TimeMLDocument, nlp: Language | None) -> list[Mention]:
    from threatline.timex import find_timexes

    parsed = nlp(doc.text) if nlp is not None else None
    # TimeML annotates every expression of the text, a dateline's date included
    spans = find_timexes(doc.text, doc.dct, doc=parsed, keep_dateline=True)
    return [Mention.from_span(s) for s in spans]


def run(data_dir: Path, nlp: Language | None = None) -> dict:
    """Evaluate find_timexes on every .tml file of `data_dir`; percent metrics plus counts.

    With `nlp`, each text is parsed first so that tense comes from the parse. The result also
    has ``seconds`` (time spent finding expressions) and ``docs_per_second``.
    """
    docs = _read_folder(data_dir)
    started = time.perf_counter()
    preds = [_predict(d, nlp) for d in docs]
    seconds = time.perf_counter() - started
    metrics = score([d.gold for d in docs], preds)
    metrics["seconds"] = seconds
    metrics["docs_per_second"] = len(docs) / seconds if seconds > 0 else 0.0
    return metrics


def format_report(metrics: dict) -> str:
    """A readable table of the metrics returned by :func:`run` or :func:`score`."""
    lines = [
        f"TIMEX3 (TempEval-3 Task A): {metrics['n_docs']} documents, "
        f"{metrics['n_gold']} gold, {metrics['n_pred']} predicted",
        f"{'':10}{'P':>8}{'R':>8}{'F1':>8}",
        f"{'relaxed':10}{metrics['relaxed_p']:8.2f}{metrics['relaxed_r']:8.2f}"
        f"{metrics['relaxed_f1']:8.2f}",
        f"{'strict':10}{metrics['strict_p']:8.2f}{metrics['strict_r']:8.2f}"
        f"{metrics['strict_f1']:8.2f}",
        f"{'value':10}{'':16}{metrics['value_f1']:8.2f}"
        f"   (value accuracy {metrics.get('value_accuracy', 0.0):.2f})",
        f"type accuracy {metrics['type_accuracy']:.2f}",
    ]
    if "docs_per_second" in metrics:
        lines.append(
            f"speed {metrics['docs_per_second']:.1f} documents/s ({metrics['seconds']:.3f} s)"
        )
    return "\n".join(lines)


@dataclass
class DocumentErrors:
    """What went wrong in one document: missed gold, spurious predictions, and bad matches."""

    name: str
    dct: dt.date | None
    missed: list[Mention] = field(default_factory=list)
    spurious: list[Mention] = field(default_factory=list)
    wrong_value: list[tuple[Mention, Mention]] = field(default_factory=list)
    wrong_extent: list[tuple[Mention, Mention]] = field(default_factory=list)


def document_errors(data_dir: Path, nlp: Language | None = None) -> list[DocumentErrors]:
    """Per-document errors for error analysis: (gold, predicted) pairs where they differ."""
    out: list[DocumentErrors] = []
    for doc in _read_folder(data_dir):
        pred = _predict(doc, nlp)
        pairs = _match(doc.gold, pred)
        matched_gold = {id(g) for g, _ in pairs}
        matched_pred = {id(p) for _, p in pairs}
        out.append(
            DocumentErrors(
                name=doc.name,
                dct=doc.dct,
                missed=[g for g in doc.gold if id(g) not in matched_gold],
                spurious=[p for p in pred if id(p) not in matched_pred],
                wrong_value=[(g, p) for g, p in pairs if g.value != p.value],
                wrong_extent=[(g, p) for g, p in pairs if (g.start, g.end) != (p.start, p.end)],
            )
        )
    return out
