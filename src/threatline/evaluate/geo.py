"""Scorer for toponym resolution and recognition on LGL, TR-News and GeoVirus XML files.

Metrics follow Gritta et al. (2018), "What's missing in geographical parsing?":

- ``acc161``: percent of scored toponyms resolved within 161 km (100 miles) of the gold point;
- ``mean_km`` / ``median_km``: error distance (haversine) in km;
- ``auc``: area under the curve of the scaled log error, lower is better. Each error
  ``e`` (km) is mapped to ``ln(1 + e) / ln(20039)`` (20039 km is the largest distance on
  Earth), the mapped errors are sorted ascending as ``y_0..y_{n-1}`` at ``x = 0..n-1``, and
  the area is integrated with the trapezoid rule and divided by the width ``n - 1``:
  ``auc = sum_{k=1}^{n-1} (y_{k-1} + y_k) / 2 / (n - 1)`` (for ``n = 1`` it is ``y_0``);
- a toponym left unresolved counts as the maximum error, 20039 km; with ``fallback``
  (the default, as :func:`threatline.geo.geocode` does) a name the gazetteer lacks is
  scored at the position of its containing place, and ``fallback=False`` gives the strict
  gazetteer-only figures;
- gold toponyms without coordinates are not scored.

End to end (``mode="e2e"``) our recognition runs on the annotated text: a predicted span
matches a gold span when they overlap (each gold span matched at most once), giving
``toponym_p``, ``toponym_r``, ``toponym_f1``; resolution metrics are then over matched
toponyms.
"""

from __future__ import annotations

import math
import statistics
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from threatline.errors import EvalDataError
from threatline.geo import GazetteerBackend, find_toponyms, haversine_km, resolve_toponyms
from threatline.models import Span

MAX_ERROR_KM = 20039.0
ACCURACY_KM = 161.0


@dataclass
class GoldToponym:
    start: int
    end: int
    name: str
    lat: float | None
    lon: float | None


@dataclass
class GoldDocument:
    doc_id: str
    text: str
    toponyms: list[GoldToponym] = field(default_factory=list)


def _float(node: ET.Element | None) -> float | None:
    if node is None or node.text is None or not node.text.strip():
        return None
    try:
        return float(node.text)
    except ValueError:
        return None


def _aligned(text: str, start: int, end: int, name: str) -> tuple[int, int]:
    """Offsets that cover ``name`` in ``text``: the given ones, else the nearest shift
    within 5 characters (GeoVirus offsets are one past the text's), else the given ones."""
    if text[start:end] == name:
        return start, end
    for delta in (-1, 1, -2, 2, -3, 3, -4, 4, -5, 5):
        if text[start + delta : end + delta] == name:
            return start + delta, end + delta
    return start, end


def load_geo_xml(path: str | Path) -> list[GoldDocument]:
    """Read LGL / TR-News (``<toponym>`` with ``<phrase>``, ``<start>``, ``<end>``,
    ``<gaztag>``) or GeoVirus (``<location>`` with ``<name>``, ``<start>``, ``<end>``,
    ``<lat>``, ``<lon>``), detected from the elements present. Offsets are checked against
    the text and realigned when they are shifted by a few characters."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise EvalDataError(f"Cannot read geoparsing gold file {path}: {exc}") from exc
    docs: list[GoldDocument] = []
    for n, article in enumerate(root.iter("article")):
        text_node = article.find("text")
        text = text_node.text if text_node is not None and text_node.text else ""
        doc = GoldDocument(doc_id=article.get("docid") or str(n), text=text)
        toponyms = article.findall("./toponyms/toponym")
        locations = article.findall("./locations/location")
        for node in toponyms:
            gaz = node.find("gaztag")
            name = (node.findtext("phrase") or "").strip()
            lat = _float(gaz.find("lat")) if gaz is not None else None
            lon = _float(gaz.find("lon")) if gaz is not None else None
            start, end = _aligned(
                text, int(node.findtext("start") or 0), int(node.findtext("end") or 0), name
            )
            doc.toponyms.append(GoldToponym(start, end, name, lat, lon))
        for node in locations:
            name = (node.findtext("name") or "").strip()
            start, end = _aligned(
                text, int(node.findtext("start") or 0), int(node.findtext("end") or 0), name
            )
            doc.toponyms.append(
                GoldToponym(start, end, name, _float(node.find("lat")), _float(node.find("lon")))
            )
        if (
            not toponyms
            and not locations
            and article.find("toponyms") is None
            and article.find("locations") is None
        ):
            raise EvalDataError(
                f"{path}: article {doc.doc_id} has neither <toponyms> nor <locations>"
            )
        doc.toponyms.sort(key=lambda t: t.start)
        docs.append(doc)
    if not docs:
        raise EvalDataError(f"{path}: no <article> elements: not an LGL/GeoVirus file")
    return docs


def auc_of_errors(errors_km: list[float]) -> float:
    """Area under the curve of scaled log errors (see the module docstring), in [0, 1]."""
    if not errors_km:
        return 0.0
    ys = sorted(math.log1p(min(e, MAX_ERROR_KM)) / math.log(MAX_ERROR_KM) for e in errors_km)
    if len(ys) == 1:
        return ys[0]
    area = sum((ys[k - 1] + ys[k]) / 2 for k in range(1, len(ys)))
    return area / (len(ys) - 1)


def resolution_metrics(errors_km: list[float]) -> dict:
    """acc161, mean_km, median_km, auc and n of a list of error distances."""
    if not errors_km:
        return {"acc161": 0.0, "mean_km": 0.0, "median_km": 0.0, "auc": 0.0, "n": 0}
    return {
        "acc161": 100.0 * sum(e <= ACCURACY_KM for e in errors_km) / len(errors_km),
        "mean_km": statistics.fmean(errors_km),
        "median_km": statistics.median(errors_km),
        "auc": auc_of_errors(errors_km),
        "n": len(errors_km),
    }


def _error(entry, gold: GoldToponym) -> float:
    if entry is None:
        return MAX_ERROR_KM
    return haversine_km(entry.lat, entry.lon, gold.lat, gold.lon)  # type: ignore[arg-type]


def run(
    path: str | Path,
    mode: str = "gold",
    nlp=None,
    gazetteer: GazetteerBackend | None = None,
    limit: int | None = None,
    fallback: bool = True,
) -> dict:
    """Score resolution on gold spans (``mode="gold"``) or recognition + resolution
    (``mode="e2e"``, needs ``nlp``; loaded with the default pipeline when None).
    ``limit`` scores only the first documents."""
    if mode not in ("gold", "e2e"):
        raise ValueError(f"mode must be 'gold' or 'e2e', not {mode!r}")
    if gazetteer is None:
        from threatline.geo import Gazetteer

        gazetteer = Gazetteer.load()
    docs = load_geo_xml(path)[:limit]
    errors: list[float] = []
    tp = fp = fn = 0
    if mode == "e2e" and nlp is None:
        from threatline.annotate import load_pipeline

        nlp = load_pipeline()
    for doc in docs:
        if mode == "gold":
            spans = [
                Span(start=t.start, end=t.end, text=doc.text[t.start : t.end]) for t in doc.toponyms
            ]
            resolved = resolve_toponyms(doc.text, spans, gazetteer, fallback=fallback)
            errors += [
                _error(e, t)
                for e, t in zip(resolved, doc.toponyms, strict=True)
                if t.lat is not None and t.lon is not None
            ]
            continue
        from threatline.annotate import annotate
        from threatline.models import Article

        article = Article(id=doc.doc_id, text=doc.text)
        spacy_doc = annotate(article, nlp)
        predicted = find_toponyms(spacy_doc, gazetteer)
        resolved = resolve_toponyms(doc.text, predicted, gazetteer, fallback=fallback)
        used: set[int] = set()
        for span, entry in zip(predicted, resolved, strict=True):
            match = next(
                (
                    k
                    for k, g in enumerate(doc.toponyms)
                    if k not in used and g.start < span.end and span.start < g.end
                ),
                None,
            )
            if match is None:
                fp += 1
                continue
            used.add(match)
            tp += 1
            gold = doc.toponyms[match]
            if gold.lat is not None and gold.lon is not None:
                errors.append(_error(entry, gold))
        fn += len(doc.toponyms) - len(used)
    metrics = {"mode": mode, "documents": len(docs), **resolution_metrics(errors)}
    if mode == "e2e":
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        metrics.update(
            toponym_p=100 * p,
            toponym_r=100 * r,
            toponym_f1=100 * (2 * p * r / (p + r) if p + r else 0.0),
        )
    return metrics


def format_report(metrics: dict) -> str:
    """A short human-readable summary of :func:`run`'s metrics."""
    lines = [
        f"mode {metrics.get('mode', 'gold')}, {metrics.get('documents', '?')} documents, "
        f"{metrics['n']} toponyms scored",
        f"Acc@161 {metrics['acc161']:.1f}%  mean {metrics['mean_km']:.0f} km  "
        f"median {metrics['median_km']:.0f} km  AUC {metrics['auc']:.3f}",
    ]
    if "toponym_f1" in metrics:
        lines.append(
            f"toponyms P {metrics['toponym_p']:.1f}  R {metrics['toponym_r']:.1f}  "
            f"F1 {metrics['toponym_f1']:.1f}"
        )
    return "\n".join(lines)
