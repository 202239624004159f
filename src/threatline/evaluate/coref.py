"""Cross-document event coreference on the MUC-4 development keys.

The MUC-4 keys describe the same incident in many messages (the killing of six Jesuits in
San Salvador on 16 November 1989 has templates in a dozen). Gold clusters are derived from
the keys, our pipeline and merge run on the raw texts, and our merged events are scored as
a clustering of the gold templates.

**Gold rule** (:func:`gold_clusters`): every key template of a message is an item. Two items
are linked when they have the same incident type (slot 4), dates that are equal or overlap
(slot 2; both must be given; ``- 30 NOV 89``, on or before, covers the 60 days before), the
same country (slot 3), places that share a name or are given only as the country, and
either share a normalized human target name (slot 18) or physical target (slot 12), or
share a perpetrator organization (slot 10) on the same precise day and in the same city.
Names that a key gives as alternatives (``"X" / "Y"``) are one name, slot by slot
(:class:`Synonyms`: never two names some key gives as two fillers of the slot).
Names compare word by word, and a word of at least five letters that differs from the
other's by one letter (changed, added, dropped, or two neighbours swapped) is the same word:
the keys spell one name several ways (FEBE and FEDE ELIZABETH VELASQUEZ, VELAZQUEZ).
Gold clusters are the connected components of these links, save that a cluster never
holds two templates that **conflict** (:func:`facts_conflict`, a cannot-link): both name a
target, no victim or physical target of one is the other's (nor shares its last word, a
surname under another title), and their places differ (country, city or region) or their
precise days lie more than a day apart. Such templates are different incidents, and a
summary that lists the victims of several (three murders over two days and two cities, one
template naming all three with one date) must not chain them. A **summary** is a template
linked to two templates that conflict. The other templates join first, link by link in the
order of the items (message id, template id), each join skipped that would put two
conflicting templates in one cluster; then each summary, in that order, joins the one
cluster it has the most links to (ties: the larger, then the earlier) among those holding
no template it conflicts with, or stays alone. Templates sharing a victim never conflict
(the keys date or place one incident differently: the night's attack or a death in
hospital the next day), and one that names no target conflicts with nothing.

**Alignment** (:func:`align_message`): in each message each of our event mentions becomes a
MUC-4 template (:func:`threatline.evaluate.muc4.event_to_template`) and the official
template alignment of :func:`threatline.evaluate.muc4.align_templates` pairs them with the
key templates. A key template paired with a mention is predicted to be in that mention's
merged event; an unpaired key template is predicted alone (a singleton).

**Scores**, in percent, over the gold items: pairwise precision/recall/F1 over pairs of
items in one cluster, and B-cubed (Bagga & Baldwin 1998) averaged over items; plus the
largest split: into how many of our events the biggest gold cluster falls, and the scores
of a perfect merge of what the extractor found (:func:`perfect_merge`), the ceiling that the
merge alone can reach: what lies below it is extraction's loss.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import combinations
from pathlib import Path
from typing import Any

from threatline.errors import EvalDataError
from threatline.evaluate.muc4 import (
    MucTemplate,
    align_templates,
    event_to_template,
    normalize_entity,
    normalize_fill,
    parse_muc_date,
    read_keys,
    read_messages,
)
from threatline.merge import (
    MentionRecord,
    event_id_for,
    mention_records,
    merge_records,
    one_edit_apart,
)
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


#: MUC-4 incident types (slot 4) by family: an attack with explosives is typed ATTACK in
#: one key and BOMBING in another, and a set fire ATTACK or ARSON.
TYPE_FAMILIES: dict[str, str] = {
    "ATTACK": "violence",
    "BOMBING": "violence",
    "ARSON": "violence",
    "KIDNAPPING": "abduction",
    "ROBBERY": "robbery",
    "FORCED WORK STOPPAGE": "stoppage",
}
#: Place types (in parentheses in slot 3) by level. Places of one level name one place
#: each, so two templates naming different places of a level are different places; other
#: types (a university, a neighborhood, a farm) sit inside a city and conflict with nothing.
PLACE_LEVELS: dict[str, str] = {
    **dict.fromkeys(["CITY", "TOWN", "VILLAGE", "MUNICIPALITY", "CAPITAL", "PORT"], "city"),
    **dict.fromkeys(
        ["DEPARTMENT", "PROVINCE", "REGION", "STATE", "INTENDANCY", "DISTRICT"], "region"
    ),
}
#: Days before its date that an "on or before" date (``- 30 NOV 89``) covers.
ON_OR_BEFORE_DAYS = 60
_MIN_NAME_CHARS = 4
#: Letters a name word needs before a word one letter away is read as its spelling variant.
MIN_VARIANT_CHARS = 5
#: Days apart that two precise incident dates may be and still be one incident's.
CONFLICT_DAYS = 1


#: Slots whose alternatives (``"X" / "Y"``) the gold rule reads as synonyms, each apart:
#: a perpetrator group, a physical target and a victim never share a name class. A
#: location's alternatives are read as its places (:func:`_location`), not as synonyms.
SYNONYM_SLOTS = (10, 12, 18)


class Synonyms:
    """Names that the keys give as alternatives of one filler (``"X" / "Y"``) are one name,
    slot by slot: a union-find per slot over the normalized alternatives of every template
    it is given, in their order. Alternatives also dispute a filler (``THE ARMY / THE
    NORTHERN FRONT``: the key cannot say who did it), and disputes chained across keys
    would make every group of a country one name. So two names that one template gives as
    different fillers of the slot (``THE ARMY | THE NORTHERN FRONT``: two perpetrators)
    name two things, and a union that would put them in one class is not made."""

    def __init__(self, templates: Iterable[MucTemplate]) -> None:
        self._parent: dict[tuple[int, str], tuple[int, str]] = {}
        self._members: dict[tuple[int, str], set[str]] = {}
        self._apart: set[tuple[int, str, str]] = set()
        alternatives = [
            (slot, [[n for n in map(_normal, f.alternatives) if n] for f in t.slot(slot).fillers])
            for t in templates
            for slot in SYNONYM_SLOTS
        ]
        for slot, fillers in alternatives:
            for one, other in combinations(fillers, 2):
                self._apart.update((slot, x, y) for x in one for y in other if x != y)
        for slot, fillers in alternatives:
            for names in fillers:
                for other in names[1:]:
                    self._union((slot, names[0]), (slot, other))

    def _find(self, node: tuple[int, str]) -> tuple[int, str]:
        self._parent.setdefault(node, node)
        while self._parent[node] != node:
            self._parent[node] = self._parent[self._parent[node]]
            node = self._parent[node]
        return node

    def _union(self, a: tuple[int, str], b: tuple[int, str]) -> None:
        root_a, root_b = self._find(a), self._find(b)
        if root_a == root_b:
            return
        slot = a[0]
        names_a = self._members.get(root_a, {root_a[1]})
        names_b = self._members.get(root_b, {root_b[1]})
        if any(
            (slot, x, y) in self._apart or (slot, y, x) in self._apart
            for x in names_a
            for y in names_b
        ):
            return
        keep, gone = min(root_a, root_b), max(root_a, root_b)
        self._parent[gone] = keep
        self._members.pop(gone, None)
        self._members[keep] = names_a | names_b

    def canonical(self, slot: int, name: str) -> str:
        """The representative of ``name``'s synonyms in ``slot`` (``name`` itself when it
        has none)."""
        node = (slot, name)
        return self._find(node)[1] if node in self._parent else name


def _normal(text: str) -> str:
    # Case, accents, punctuation and English articles; "-", "*" and blanks are no name.
    return normalize_entity(text) if text.strip() not in ("", "-", "*") else ""


@dataclass(frozen=True)
class GoldFacts:
    """What the gold rule reads of one key template, normalized."""

    family: str | None
    dates: tuple[dt.date, dt.date] | None
    precise_day: bool
    country: str
    levels: dict[str, frozenset[str]]
    human_names: frozenset[str]
    physical: frozenset[str]
    organizations: frozenset[str]


def _names(template: MucTemplate, slot: int, synonyms: Synonyms) -> frozenset[str]:
    return frozenset(
        synonyms.canonical(slot, name)
        for filler in template.slot(slot).fillers
        for name in map(_normal, filler.alternatives)
        if name
    )


def _location(template: MucTemplate) -> tuple[str, dict[str, frozenset[str]]]:
    """Country and, by level, the places of the first location filler (all alternatives)."""
    fillers = template.slot(3).fillers
    if not fillers:
        return "", {}
    country, levels = "", {}
    for alternative in fillers[0].alternatives:
        parts = [p for p in alternative.split(":") if p.strip()]
        if not parts:
            continue
        country = country or normalize_fill(parts[0])
        for part in parts[1:]:
            kinds = re.findall(r"\(([^)]*)\)", part)
            level = PLACE_LEVELS.get(normalize_fill(kinds[-1]), "other") if kinds else "city"
            for name in re.split(r"\s+-\s+", re.sub(r"\([^)]*\)", " ", part)):
                if _normal(name):
                    levels.setdefault(level, set()).add(_normal(name))
    return country, {level: frozenset(names) for level, names in levels.items()}


def gold_facts(template: MucTemplate, synonyms: Synonyms) -> GoldFacts:
    """The normalized facts of a template that :func:`gold_linked` compares."""
    types = [normalize_fill(f.value) for f in template.slot(4).fillers]
    family = next((TYPE_FAMILIES[t] for t in types if t in TYPE_FAMILIES), None)
    dates, precise = None, False
    fill = template.slot(2)
    date = parse_muc_date(fill.fillers[0].value) if fill.fillers else None
    if date is not None:
        low = date.low or date.high - dt.timedelta(days=ON_OR_BEFORE_DAYS)
        dates, precise = (low, date.high), date.low == date.high
    country, levels = _location(template)
    return GoldFacts(
        family=family,
        dates=dates,
        precise_day=precise,
        country=country,
        levels=levels,
        human_names=_names(template, 18, synonyms),
        physical=_names(template, 12, synonyms),
        organizations=_names(template, 10, synonyms),
    )


def _same_word(a: str, b: str) -> bool:
    """Equal, or one letter apart (:func:`threatline.merge.one_edit_apart`) in words of at
    least :data:`MIN_VARIANT_CHARS` letters. The gold rule keeps its own length, apart from
    the merge's, so that tuning the merge cannot move the gold clusters."""
    return a == b or (min(len(a), len(b)) >= MIN_VARIANT_CHARS and one_edit_apart(a, b))


def _same_words(a: Sequence[str], b: Sequence[str]) -> bool:
    return len(a) == len(b) and all(map(_same_word, a, b))


def _same_name(a: frozenset[str], b: frozenset[str]) -> bool:
    """A shared name: equal, or one name's words a contiguous part of the other's (a
    surname alone, "ELLACURIA" in "IGNACIO ELLACURIA") when that part is not too short;
    words compare by :func:`_same_word` (spelling variants)."""
    if a & b:
        return True
    for x in a:
        for y in b:
            short, long_ = sorted((x.split(), y.split()), key=len)
            if len(" ".join(short)) >= _MIN_NAME_CHARS and any(
                _same_words(long_[i : i + len(short)], short)
                for i in range(len(long_) - len(short) + 1)
            ):
                return True
    return False


def _places_compatible(a: GoldFacts, b: GoldFacts) -> bool:
    """Same country, and at each level (city, region) both name a shared place or one
    names none there (it gives only the country, or only a facility)."""
    if not a.country or a.country != b.country:
        return False
    for level in ("city", "region"):
        here, there = a.levels.get(level), b.levels.get(level)
        if here and there and not here & there:
            return False
    return True


def facts_linked(a: GoldFacts, b: GoldFacts) -> bool:
    """The gold rule on the facts of two templates (see the module docstring)."""
    if a.family is None or a.family != b.family or a.dates is None or b.dates is None:
        return False
    if a.dates[0] > b.dates[1] or b.dates[0] > a.dates[1]:
        return False
    if not _places_compatible(a, b):
        return False
    if _same_name(a.human_names, b.human_names) or a.physical & b.physical:
        return True
    # One group carries out many attacks on one day in one country: a shared group links
    # only templates of the same precise day that name the same city.
    return bool(
        a.organizations & b.organizations
        and a.precise_day
        and b.precise_day
        and a.dates == b.dates
        and a.levels.get("city", frozenset()) & b.levels.get("city", frozenset())
    )


def _may_be_one_name(a: frozenset[str], b: frozenset[str]) -> bool:
    """:func:`_same_name`, or two names that end in the same word: one surname under
    another title or first name (DR and FATHER X Y), which may be one person."""
    return _same_name(a, b) or any(_same_word(x.split()[-1], y.split()[-1]) for x in a for y in b)


def facts_conflict(a: GoldFacts, b: GoldFacts) -> bool:
    """Two templates that cannot be one incident: both name a target (a victim or a
    physical target), none in common, and they differ in place (another country, city or
    region) or in day (precise days more than :data:`CONFLICT_DAYS` apart: a key may date
    a night's attack or a death in hospital a day later). Templates naming one victim that
    disagree on the day or the place are the keys disagreeing about one incident, and a
    template naming no target can tell no incident from another: neither is a conflict."""
    if not (a.human_names or a.physical) or not (b.human_names or b.physical):
        return False
    if _may_be_one_name(a.human_names, b.human_names) or a.physical & b.physical:
        return False
    if not _places_compatible(a, b):
        return True
    return bool(
        a.dates
        and b.dates
        and a.precise_day
        and b.precise_day
        and abs((a.dates[0] - b.dates[0]).days) > CONFLICT_DAYS
    )


def gold_linked(a: MucTemplate, b: MucTemplate, synonyms: Synonyms | None = None) -> bool:
    """The gold rule of the module docstring for two key templates (synonyms from the two
    templates themselves unless given)."""
    synonyms = synonyms or Synonyms([a, b])
    return facts_linked(gold_facts(a, synonyms), gold_facts(b, synonyms))


def gold_conflict(a: MucTemplate, b: MucTemplate, synonyms: Synonyms | None = None) -> bool:
    """:func:`facts_conflict` for two key templates (synonyms as in :func:`gold_linked`)."""
    synonyms = synonyms or Synonyms([a, b])
    return facts_conflict(gold_facts(a, synonyms), gold_facts(b, synonyms))


def gold_clusters(keys: Mapping[str, Sequence[MucTemplate]]) -> dict[Item, str]:
    """Each key template (message id, template id) -> its gold cluster label (the first
    item of the cluster): the closure of :func:`facts_linked` across messages, with
    synonyms from all of ``keys``, that never puts two templates in :func:`facts_conflict`
    in one cluster; a summary (a template linked to two that conflict) joins last, the
    cluster it has the most links to (see the module docstring)."""
    items = [
        ((message_id, template.template_id), template)
        for message_id, templates in sorted(keys.items())
        for template in templates
    ]
    synonyms = Synonyms(template for _, template in items)
    facts = [gold_facts(template, synonyms) for _, template in items]
    links: dict[int, set[int]] = {i: set() for i in range(len(items))}
    for i, j in combinations(range(len(items)), 2):
        if items[i][0][0] != items[j][0][0] and facts_linked(facts[i], facts[j]):
            links[i].add(j)
            links[j].add(i)

    @cache
    def conflicting(i: int, j: int) -> bool:
        return facts_conflict(facts[i], facts[j])

    summaries = {
        i
        for i, linked in links.items()
        if any(conflicting(j, k) for j, k in combinations(sorted(linked), 2))
    }
    members = {i: {i} for i in range(len(items))}
    cluster_of = list(range(len(items)))

    def join(i: int, j: int) -> None:
        # Merge the clusters of i and j unless a template of one conflicts with one of the
        # other (cannot-link).
        ci, cj = cluster_of[i], cluster_of[j]
        if ci == cj or any(conflicting(x, y) for x in members[ci] for y in members[cj]):
            return
        keep, gone = min(ci, cj), max(ci, cj)
        for x in members.pop(gone):
            cluster_of[x] = keep
            members[keep].add(x)

    for i, j in combinations(range(len(items)), 2):
        if j in links[i] and i not in summaries and j not in summaries:
            join(i, j)
    for i in sorted(summaries):
        counts: dict[int, int] = {}
        for j in links[i]:
            counts[cluster_of[j]] = counts.get(cluster_of[j], 0) + 1
        fitting = [c for c in counts if not any(conflicting(i, x) for x in members[c])]
        if fitting:
            # Most links, then the larger cluster, then the earlier one.
            best = max(fitting, key=lambda c: (counts[c], len(members[c]), -c))
            join(i, best)
    return {
        item: "{}#{}".format(*items[min(members[cluster_of[i]])][0])
        for i, (item, _) in enumerate(items)
    }


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


def perfect_merge(gold: Mapping[Item, str], predicted: Mapping[Item, str]) -> dict[Item, str]:
    """The prediction of a perfect merge: every aligned item in its gold cluster, every
    unaligned one (``alone:``, no mention of ours found it) still on its own."""
    return {
        item: label if label.startswith("alone:") else f"gold:{gold[item]}"
        for item, label in predicted.items()
    }


def worst_split(gold: Mapping[Item, str], predicted: Mapping[Item, str]) -> dict[str, Any]:
    """The gold cluster split into the most of our clusters (ties: the larger), told apart
    by cause: ``events``, the merged events its aligned templates fall into (the merge's
    part), and ``unaligned``, its templates that no mention of ours aligns to (each counts
    as a cluster of its own: extraction's part); ``max_merged_split``, the most merged
    events any gold cluster's aligned templates fall into."""
    members: dict[str, list[Item]] = {}
    for item, label in gold.items():
        members.setdefault(label, []).append(item)

    def events(items: Sequence[Item]) -> int:
        return len({predicted[i] for i in items if not predicted[i].startswith("alone:")})

    worst = max(
        members.values(), key=lambda m: (len({predicted[i] for i in m}), len(m)), default=[]
    )
    return {
        "split": len({predicted[i] for i in worst}),
        "events": events(worst),
        "unaligned": sum(predicted[i].startswith("alone:") for i in worst),
        "max_merged_split": max(map(events, members.values()), default=0),
    }


# --------------------------------------------------------------------------- running


def run(
    dev_dir: Path | str,
    limit: int | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    extractor: Any = None,
    windows: Sequence[tuple[dt.date, dt.date]] | None = None,
) -> dict[str, Any]:
    """Extract and merge the MUC-4 dev messages (``dev-muc3-*``) and score the merge
    against the gold clusters of ``key-dev-*.muc4``. ``since``/``until`` keep messages
    whose dateline date is in that range, ``windows`` those in any of these inclusive date
    ranges; ``limit`` the first N messages (by id) after that. Only the non-OPTIONAL key
    templates of the kept messages are items."""
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
    if windows is not None:
        articles = [
            a
            for a in articles
            if a.published and any(lo <= a.published <= hi for lo, hi in windows)
        ]
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
    worst = max(gold_sizes.values(), key=lambda m: (len({predicted[i] for i in m}), len(m)))
    split = worst_split(gold, predicted)
    ceiling = perfect_merge(gold, predicted)
    return {
        "bcubed": bcubed(gold, predicted),
        "pairwise": pairwise(gold, predicted),
        "perfect_merge": {
            "bcubed": bcubed(gold, ceiling),
            "pairwise": pairwise(gold, ceiling),
            "max_split": max(
                (len({ceiling[i] for i in members}) for members in gold_sizes.values()),
                default=0,
            ),
        },
        "largest_gold_cluster": len(biggest),
        "largest_split": len({predicted[i] for i in biggest}),
        "max_split": max(splits, default=0),
        "worst_split_cluster": f"{len(worst)} templates, first {min(worst)[0]}" if worst else "",
        "worst_split_events": split["events"],
        "worst_split_unaligned": split["unaligned"],
        "max_merged_split": split["max_merged_split"],
        "n_multi_gold_clusters": sum(len(m) >= 2 for m in gold_sizes.values()),
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
        f"{metrics['n_gold_clusters']} ({metrics['n_multi_gold_clusters']} with 2+ templates), "
        f"our clusters {metrics['n_predicted_clusters']}; "
        f"largest gold cluster {metrics['largest_gold_cluster']} templates split into "
        f"{metrics['largest_split']} of our events (worst split {metrics['max_split']}: "
        f"{metrics['worst_split_cluster']})"
    )
    if "worst_split_unaligned" in metrics:
        lines.append(
            f"the worst split: {metrics['worst_split_events']} merged events and "
            f"{metrics['worst_split_unaligned']} templates no mention of ours aligns to; "
            f"the most merged events one gold cluster falls into: {metrics['max_merged_split']}"
        )
    if "perfect_merge" in metrics:
        ceiling = metrics["perfect_merge"]
        lines.append(
            f"a perfect merge of the aligned templates: B-cubed F1 {ceiling['bcubed']['f1']:.1f}, "
            f"pairwise F1 {ceiling['pairwise']['f1']:.1f}, worst split {ceiling['max_split']}"
        )
    return "\n".join(lines)
