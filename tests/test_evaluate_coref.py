"""Cross-document event coreference scorers, gold rule and the MUC-4 dev benchmark."""

from __future__ import annotations

import pytest

from threatline.evaluate.coref import bcubed, gold_clusters, gold_linked, pairwise
from threatline.evaluate.muc4 import parse_keys

# Gold {a, b, c}, {d}; predicted {a, b}, {c, d}.
GOLD = {"a": 1, "b": 1, "c": 1, "d": 2}
PREDICTED = {"a": "x", "b": "x", "c": "y", "d": "y"}


def test_coref_bcubed_hand_computed() -> None:
    # Precision per item: a 2/2, b 2/2, c 1/2, d 1/2 -> 3/4.
    # Recall per item: a 2/3, b 2/3, c 1/3, d 1/1 -> (2/3 + 2/3 + 1/3 + 1) / 4 = 2/3.
    scores = bcubed(GOLD, PREDICTED)
    assert scores["p"] == 75.0
    assert scores["r"] == pytest.approx(66.67, abs=0.01)
    assert scores["f1"] == pytest.approx(100 * 2 * 0.75 * (2 / 3) / (0.75 + 2 / 3), abs=0.01)


def test_coref_pairwise_hand_computed() -> None:
    # Gold pairs ab ac bc; predicted pairs ab cd: tp 1 (ab), fp 1 (cd), fn 2 (ac, bc).
    scores = pairwise(GOLD, PREDICTED)
    assert (scores["tp"], scores["fp"], scores["fn"]) == (1, 1, 2)
    assert scores["p"] == 50.0
    assert scores["r"] == pytest.approx(33.33, abs=0.01)
    assert scores["f1"] == 40.0


def test_coref_perfect_and_singletons() -> None:
    assert bcubed(GOLD, GOLD)["f1"] == 100.0
    alone = {item: item for item in GOLD}
    assert bcubed(GOLD, alone)["p"] == 100.0
    assert pairwise(GOLD, alone)["r"] == 0.0
    with pytest.raises(ValueError):
        bcubed(GOLD, {"a": 1})


KEYS = """\
0.  MESSAGE: ID                     TST-1
1.  MESSAGE: TEMPLATE               1
2.  INCIDENT: DATE                  16 NOV 89
3.  INCIDENT: LOCATION              EL SALVADOR: SAN SALVADOR (CITY)
4.  INCIDENT: TYPE                  ATTACK
18. HUM TGT: NAME                   "PEDRO PEREZ"
0.  MESSAGE: ID                     TST-2
1.  MESSAGE: TEMPLATE               1
2.  INCIDENT: DATE                  - 17 NOV 89
3.  INCIDENT: LOCATION              EL SALVADOR: SAN SALVADOR (CITY)
4.  INCIDENT: TYPE                  ATTACK
18. HUM TGT: NAME                   "PEDRO PEREZ"
0.  MESSAGE: ID                     TST-3
1.  MESSAGE: TEMPLATE               1
2.  INCIDENT: DATE                  16 NOV 89
3.  INCIDENT: LOCATION              EL SALVADOR: SAN SALVADOR (CITY)
4.  INCIDENT: TYPE                  BOMBING
18. HUM TGT: NAME                   "PEDRO PEREZ"
0.  MESSAGE: ID                     TST-4
1.  MESSAGE: TEMPLATE               1
2.  INCIDENT: DATE                  16 NOV 89
3.  INCIDENT: LOCATION              EL SALVADOR: SAN MIGUEL (CITY)
4.  INCIDENT: TYPE                  ATTACK
18. HUM TGT: NAME                   "PEDRO PEREZ"
"""


def test_coref_gold_rule_links_same_incident_only() -> None:
    keys = parse_keys(KEYS)
    first, second = keys["TST-1"][0], keys["TST-2"][0]
    assert gold_linked(first, second)  # "on or before 17 NOV" overlaps 16 NOV
    assert not gold_linked(first, keys["TST-3"][0])  # another incident type
    assert not gold_linked(first, keys["TST-4"][0])  # another town
    labels = gold_clusters(keys)
    assert labels["TST-1", "1"] == labels["TST-2", "1"]
    assert len(set(labels.values())) == 3


@pytest.mark.xfail(
    strict=True,
    reason="known gap: the gold rule still splits the 16 NOV 89 Jesuit templates in two",
)
def test_coref_muc4_dev_jesuit_killings_one_gold_cluster(bench_dir) -> None:
    from threatline.evaluate.muc4 import read_keys

    dev = bench_dir / "muc4" / "dev"
    keys = read_keys(sorted(dev.glob("key-dev-*.muc4")))
    keys = {m: [t for t in ts if not t.optional] for m, ts in keys.items()}
    labels = gold_clusters(keys)
    jesuits = [
        item
        for item, template in (((m, t.template_id), t) for m, ts in keys.items() for t in ts)
        if any("ELLACURIA" in f.value for f in template.slot(18).fillers)
    ]
    # The templates dated 16 NOV 89 are one cluster (templates giving only "on or before"
    # dates or another name of the university can still fall outside it: a known gap).
    on_the_day = [
        item
        for item in jesuits
        for template in keys[item[0]]
        if template.template_id == item[1]
        and any(f.value == "16 NOV 89" for f in template.slot(2).fillers)
    ]
    assert len(on_the_day) >= 8
    assert len({labels[item] for item in on_the_day}) == 1
