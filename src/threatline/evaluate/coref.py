"""Cross-document event coreference on the MUC-4 development keys.

The MUC-4 keys describe the same incident in many messages (the killing of six Jesuits in
San Salvador on 16 November 1989 has templates in a dozen). Gold clusters are derived from
the keys, our pipeline and merge run on the raw texts, and our merged events are scored as
a clustering of the gold templates.

**Gold rule** (:func:`gold_clusters`): every key template of a message is an item. Two items
are linked when they have the same incident type (slot 4), dates that are equal or overlap
(slot 2; both must be given; ``- 30 NOV 89``, on or before, covers the 60 days before), the
same country (slot 3), and either share a normalized human target name (slot 18) or
physical target (slot 12) with places that share a name or are given only as the country,
or share a perpetrator organization (slot 10) with one's places within the other's.
Gold clusters are the connected components of these links.

**Alignment** (:func:`align_message`): in each message each of our event mentions becomes a
MUC-4 template (:func:`threatline.evaluate.muc4.event_to_template`) and the official
template alignment of :func:`threatline.evaluate.muc4.align_templates` pairs them with the
key templates. A key template paired with a mention is predicted to be in that mention's
merged event; an unpaired key template is predicted alone (a singleton).

**Scores**, in percent, over the gold items: pairwise precision/recall/F1 over pairs of
items in one cluster, and B-cubed (Bagga & Baldwin 1998) averaged over items; plus the
largest split: into how many of our events the biggest gold cluster falls.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Mapping, Sequence
from itertools import combinations
from pathlib import Path
from typing import Any

from threatline.errors import EvalDataError
from threatline.evaluate.muc4 import (
    MucTemplate,
    align_templates,
    event_to_template,
    normalize_entity,
    parse_muc_date,
    parse_muc_location,
    read_keys,
    read_messages,
)
from threatline.merge import MentionRecord, event_id_for, mention_records, merge_records
from threatline.models import ArticleReport

Item = tuple[str, str]  # (message id, template id)


# --------------------------------------------------------------------------- scorers


def _prf(p: float, r: float) -> dict[str, float]:
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(100 * p, 2), "r": round(100 * r, 2), "f1": round(100 * f, 2)}


def bcubed(gold: Mapping[Hashable, Hashable], predicted: Mapping[Hashable, Hashable]) -> dict:
    """B-cubed precision, recall, F1 (percent) of ``predicted`` against ``gold``, both maps
    from item to cluster label over the same items."""
    if set(gold) != set(predicted):
        raise ValueError("gold and predicted must label the same items")
    if not gold:
        return _prf(0.0, 0.0)
    gold_members: dict[Hashable, set] = {}
    pred_members: dict[Hashable, set] = {}
    for item in gold:
        gold_members.setdefault(gold[item], set()).add(item)
        pred_members.setdefault(predicted[item], set()).add(item)
    precision = recall = 0.0
    for item in gold:
        g, p = gold_members[gold[item]], pred_members[predicted[item]]
        both = len(g & p)
        precision += both / len(p)
        recall += both / len(g)
    return _prf(precision / len(gold), recall / len(gold))


def pairwise(gold: Mapping[Hashable, Hashable], predicted: Mapping[Hashable, Hashable]) -> dict:
    """Pairwise precision, recall, F1 (percent): over unordered pairs of items, a pair is
    positive when both are in one cluster. No positive pairs on a side gives 0 for it."""
    if set(gold) != set(predicted):
        raise ValueError("gold and predicted must label the same items")
    items = sorted(gold, key=repr)
    tp = fp = fn = 0
    for a, b in combinations(items, 2):
        same_gold, same_pred = gold[a] == gold[b], predicted[a] == predicted[b]
        tp += same_gold and same_pred
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return {**_prf(precision, recall), "tp": tp, "fp": fp, "fn": fn}


# --------------------------------------------------------------------------- gold


def _values(template: MucTemplate, slot: int) -> set[str]:
    return {
        normalize_entity(alternative)
        for filler in template.slot(slot).fillers
        for alternative in filler.alternatives
        if alternative.strip() and alternative.strip() != "-"
    } - {""}


def _dates(template: MucTemplate) -> tuple[dt.date, dt.date] | None:
    fill = template.slot(2)
    if not fill.fillers:
        return None
    date = parse_muc_date(fill.fillers[0].value)
    if date is None:
        return None
    # "- 30 NOV 89" (on or before): taken as the 60 days before.
    return (date.low or date.high - dt.timedelta(days=60)), date.high


def _same_place(a: MucTemplate, b: MucTemplate, exact: bool) -> bool:
    """Same country and, when ``exact``, one's places within the other's; otherwise places
    that share a name, or a side that gives only the country."""
    fa, fb = a.slot(3).fillers, b.slot(3).fillers
    if not fa or not fb:
        return False
    la, lb = parse_muc_location(fa[0].value), parse_muc_location(fb[0].value)
    if la.country != lb.country:
        return False
    if not la.places or not lb.places:
        return not exact
    small, large = sorted((set(la.places), set(lb.places)), key=len)
    return small <= large or (not exact and bool(small & large))


def gold_linked(a: MucTemplate, b: MucTemplate) -> bool:
    """The gold rule of the module docstring for two key templates."""
    if not _values(a, 4) & _values(b, 4):
        return False
    da, db = _dates(a), _dates(b)
    if da is None or db is None or da[0] > db[1] or db[0] > da[1]:
        return False
    if (_values(a, 18) & _values(b, 18) or _values(a, 12) & _values(b, 12)) and _same_place(
        a, b, exact=False
    ):
        return True
    return bool(_values(a, 10) & _values(b, 10)) and _same_place(a, b, exact=True)


def gold_clusters(keys: Mapping[str, Sequence[MucTemplate]]) -> dict[Item, str]:
    """Each key template (message id, template id) -> its gold cluster label (the first
    item of the cluster)."""
    items = [
        ((message_id, template.template_id), template)
        for message_id, templates in sorted(keys.items())
        for template in templates
    ]
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in combinations(range(len(items)), 2):
        if items[i][0][0] != items[j][0][0] and gold_linked(items[i][1], items[j][1]):
            parent[find(i)] = find(j)
    roots: dict[int, str] = {}
    for i, (item, _) in enumerate(items):
        roots.setdefault(find(i), f"{item[0]}#{item[1]}")
    return {item: roots[find(i)] for i, (item, _) in enumerate(items)}


# --------------------------------------------------------------------------- ours


def align_message(report: ArticleReport, key_templates: Sequence[MucTemplate]) -> dict[str, str]:
    """Key template id -> our event mention id, by the MUC-4 template alignment."""
    article = report.article
    actors = {a.id: a for a in report.actors}
    places = {p.id: p for p in report.places}
    mention_ids, templates = [], []
    for mention in report.events:
        template = event_to_template(mention, article, actors, places, article.title or "")
        if template is not None:
            mention_ids.append(mention.id)
            templates.append(template)
    return {
        key_templates[ki].template_id: mention_ids[ri]
        for ri, ki in align_templates(templates, key_templates)
        if ri is not None and ki is not None
    }


def predicted_clusters(
    reports: Sequence[ArticleReport], keys: Mapping[str, Sequence[MucTemplate]]
) -> dict[Item, str]:
    """Each key template -> the id of our merged event it aligns to, or a singleton label."""
    records: list[MentionRecord] = [r for report in reports for r in mention_records(report)]
    event_of: dict[str, str] = {}
    for cluster in merge_records(records):
        label = event_id_for(cluster)
        for record in cluster:
            event_of[record.key] = label
    by_title = {report.article.title: report for report in reports}
    predicted: dict[Item, str] = {}
    for message_id, templates in keys.items():
        report = by_title.get(message_id)
        aligned = align_message(report, templates) if report else {}
        for template in templates:
            mention = aligned.get(template.template_id)
            key = f"{report.article.id[:16]}:{mention}" if report and mention else None
            predicted[message_id, template.template_id] = event_of.get(
                key or "", f"alone:{message_id}#{template.template_id}"
            )
    return predicted


# --------------------------------------------------------------------------- running


def run(
    dev_dir: Path | str,
    limit: int | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    extractor: Any = None,
) -> dict[str, Any]:
    """Extract and merge the MUC-4 dev messages (``dev-muc3-*``) and score the merge
    against the gold clusters of ``key-dev-*.muc4``. ``since``/``until`` keep messages
    whose dateline date is in that range; ``limit`` the first N messages (by id) after that.
    Only the non-OPTIONAL key templates of the kept messages are items."""
    dev = Path(dev_dir)
    texts, key_files = sorted(dev.glob("dev-muc3-*")), sorted(dev.glob("key-dev-*.muc4"))
    if not texts or not key_files:
        raise EvalDataError(f"No MUC-4 dev texts and keys in {dev}: see shared/bench/README.md")
    all_keys = read_keys(key_files)
    articles = [a for a in read_messages(texts) if a.title in all_keys]
    if since is not None:
        articles = [a for a in articles if a.published and a.published >= since]
    if until is not None:
        articles = [a for a in articles if a.published and a.published <= until]
    articles = sorted(articles, key=lambda a: a.title or "")[:limit]
    keys = {
        a.title: [t for t in all_keys[a.title] if not t.optional]
        for a in articles
        if a.title is not None
    }
    keys = {message_id: templates for message_id, templates in keys.items() if templates}
    if extractor is None:
        from threatline.extract import Extractor

        extractor = Extractor()
    reports = list(extractor.pipe(articles))
    gold = gold_clusters(keys)
    predicted = predicted_clusters(reports, keys)
    gold_sizes: dict[str, list[Item]] = {}
    for item, label in gold.items():
        gold_sizes.setdefault(label, []).append(item)
    biggest = max(gold_sizes.values(), key=len, default=[])
    splits = [len({predicted[i] for i in members}) for members in gold_sizes.values()]
    return {
        "bcubed": bcubed(gold, predicted),
        "pairwise": pairwise(gold, predicted),
        "largest_gold_cluster": len(biggest),
        "largest_split": len({predicted[i] for i in biggest}),
        "max_split": max(splits, default=0),
        "n_messages": len(articles),
        "n_items": len(gold),
        "n_gold_clusters": len(gold_sizes),
        "n_predicted_clusters": len(set(predicted.values())),
        "n_aligned": sum(not label.startswith("alone:") for label in predicted.values()),
    }


def format_report(metrics: dict[str, Any]) -> str:
    """The coreference scores as a short table."""
    lines = [f"{'':<10}{'P':>8}{'R':>8}{'F1':>8}"]
    for name in ("bcubed", "pairwise"):
        m = metrics[name]
        lines.append(f"{name:<10}{m['p']:>8.1f}{m['r']:>8.1f}{m['f1']:>8.1f}")
    lines.append(
        f"messages {metrics['n_messages']}, key templates {metrics['n_items']} "
        f"({metrics['n_aligned']} aligned to our events), gold clusters "
        f"{metrics['n_gold_clusters']}, our clusters {metrics['n_predicted_clusters']}; "
        f"largest gold cluster {metrics['largest_gold_cluster']} templates split into "
        f"{metrics['largest_split']} of our events (worst split {metrics['max_split']})"
    )
    return "\n".join(lines)
