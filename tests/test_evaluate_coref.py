"""Cross-document event coreference scorers, gold rule and the MUC-4 dev benchmark."""

from __future__ import annotations

import pytest

from threatline.evaluate.coref import (
    Synonyms,
    bcubed,
    format_report,
    gold_clusters,
    gold_conflict,
    gold_linked,
    pairwise,
    perfect_merge,
    worst_split,
)
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


def test_coref_perfect_merge_keeps_what_extraction_missed_alone() -> None:
    gold = {("m1", "1"): "g1", ("m2", "1"): "g1", ("m3", "1"): "g1", ("m4", "1"): "g2"}
    # m1 and m2 were found but merged apart (and m2 with m4's incident); m3 was not found.
    predicted = {
        ("m1", "1"): "ev-a",
        ("m2", "1"): "ev-b",
        ("m3", "1"): "alone:m3#1",
        ("m4", "1"): "ev-b",
    }
    ceiling = perfect_merge(gold, predicted)
    assert ceiling["m1", "1"] == ceiling["m2", "1"] != ceiling["m4", "1"]
    assert ceiling["m3", "1"] == "alone:m3#1"
    assert bcubed(gold, ceiling)["p"] == 100.0
    assert bcubed(gold, ceiling)["r"] < 100.0  # m3 is extraction's loss
    assert bcubed(gold, ceiling)["f1"] > bcubed(gold, predicted)["f1"]
    metrics = {
        "bcubed": bcubed(gold, predicted),
        "pairwise": pairwise(gold, predicted),
        "perfect_merge": {
            "bcubed": bcubed(gold, ceiling),
            "pairwise": pairwise(gold, ceiling),
            "max_split": 2,
        },
        **dict.fromkeys(["largest_gold_cluster", "largest_split", "max_split"], 2),
        **dict.fromkeys(["n_messages", "n_items", "n_aligned", "n_predicted_clusters"], 4),
        **dict.fromkeys(["n_gold_clusters", "n_multi_gold_clusters"], 2),
        "worst_split_cluster": "3 templates, first m1",
    }
    assert "a perfect merge of the aligned templates: B-cubed F1" in format_report(metrics)


def test_coref_worst_split_tells_merged_events_from_unaligned_templates() -> None:
    gold = {("m1", "1"): "g1", ("m2", "1"): "g1", ("m3", "1"): "g1", ("m4", "1"): "g1"}
    gold |= {("m5", "1"): "g2", ("m6", "1"): "g2", ("m7", "1"): "g2"}
    # g1 falls into two merged events and two templates none of our mentions found (split
    # 4); g2 into three merged events (split 3): g1 is the worst split, g2 the merge's worst.
    predicted = {
        ("m1", "1"): "ev-a",
        ("m2", "1"): "ev-b",
        ("m3", "1"): "alone:m3#1",
        ("m4", "1"): "alone:m4#1",
        ("m5", "1"): "ev-c",
        ("m6", "1"): "ev-d",
        ("m7", "1"): "ev-e",
    }
    split = worst_split(gold, predicted)
    assert (split["split"], split["events"], split["unaligned"]) == (4, 2, 2)
    assert split["max_merged_split"] == 3
    # One merged event for each gold cluster: no split left to the merge.
    merged = {item: f"ev-{label}" for item, label in gold.items()}
    assert worst_split(gold, merged) == {
        "split": 1,
        "events": 1,
        "unaligned": 0,
        "max_merged_split": 1,
    }
    assert worst_split({}, {})["split"] == 0
    metrics = {
        "bcubed": bcubed(gold, predicted),
        "pairwise": pairwise(gold, predicted),
        **dict.fromkeys(["largest_gold_cluster", "largest_split", "max_split"], 4),
        **dict.fromkeys(["n_messages", "n_items", "n_aligned", "n_predicted_clusters"], 7),
        **dict.fromkeys(["n_gold_clusters", "n_multi_gold_clusters"], 2),
        "worst_split_cluster": "4 templates, first m1",
        "worst_split_events": 2,
        "worst_split_unaligned": 2,
        "max_merged_split": 3,
    }
    assert "2 merged events and 2 templates no mention of ours aligns to" in format_report(metrics)


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
4.  INCIDENT: TYPE                  KIDNAPPING
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
    # Every template naming Ellacuria between 16 and 30 NOV 89 is one cluster, whether it
    # gives the city, only the country, or the university under another name ("UCA").
    in_november = [
        item
        for item in jesuits
        for template in keys[item[0]]
        if template.template_id == item[1]
        and any(f.value.endswith("NOV 89") for f in template.slot(2).fillers)
    ]
    assert len(in_november) >= 15
    assert len({labels[item] for item in in_november}) == 1


SPELLING_KEYS = """\
0.  MESSAGE: ID                     TST-10
1.  MESSAGE: TEMPLATE               1
2.  INCIDENT: DATE                  31 OCT 89
3.  INCIDENT: LOCATION              EL SALVADOR: SAN SALVADOR (CITY)
4.  INCIDENT: TYPE                  BOMBING
18. HUM TGT: NAME                   "FEBE ELIZABETH VELASQUEZ"
0.  MESSAGE: ID                     TST-11
1.  MESSAGE: TEMPLATE               1
2.  INCIDENT: DATE                  - 03 NOV 89
3.  INCIDENT: LOCATION              EL SALVADOR
4.  INCIDENT: TYPE                  ATTACK
18. HUM TGT: NAME                   "ELIZABETH VELAZQUEZ"
0.  MESSAGE: ID                     TST-12
1.  MESSAGE: TEMPLATE               1
2.  INCIDENT: DATE                  31 OCT 89
3.  INCIDENT: LOCATION              EL SALVADOR: SAN SALVADOR (CITY)
4.  INCIDENT: TYPE                  BOMBING
18. HUM TGT: NAME                   "FEBE ELIZABETH VASQUEZ"
0.  MESSAGE: ID                     TST-13
1.  MESSAGE: TEMPLATE               1
2.  INCIDENT: DATE                  31 OCT 89
3.  INCIDENT: LOCATION              EL SALVADOR: SAN SALVADOR (CITY)
4.  INCIDENT: TYPE                  BOMBING
18. HUM TGT: NAME                   "FEDE ELIZABETH VELASQUEZ"
"""


def test_coref_gold_rule_spelling_variants_are_one_name() -> None:
    keys = parse_keys(SPELLING_KEYS)
    first, variant, other = keys["TST-10"][0], keys["TST-11"][0], keys["TST-12"][0]
    # ELIZABETH VELAZQUEZ, one letter from the end of the first name, is part of it (an
    # "on or before" date, an attack and a bombing, a country: the rest agrees).
    assert gold_linked(first, variant)
    # VASQUEZ is another surname; a four-letter word is too short to read FEDE as FEBE.
    assert not gold_linked(first, other)
    assert not gold_linked(variant, other)
    assert not gold_linked(first, keys["TST-13"][0])


LOCATION_KEYS = """\
0.  MESSAGE: ID                     TST-5
1.  MESSAGE: TEMPLATE               1
2.  INCIDENT: DATE                  3 MAR 90
3.  INCIDENT: LOCATION              PERU: LIMA (CITY)
4.  INCIDENT: TYPE                  BOMBING
12. PHYS TGT: ID                    "NATIONAL TELEPHONE COMPANY" / "ENTEL"
0.  MESSAGE: ID                     TST-6
1.  MESSAGE: TEMPLATE               1
2.  INCIDENT: DATE                  3 MAR 90
3.  INCIDENT: LOCATION              PERU: ENTEL BUILDING (BUILDING)
4.  INCIDENT: TYPE                  ATTACK
12. PHYS TGT: ID                    "ENTEL"
0.  MESSAGE: ID                     TST-7
1.  MESSAGE: TEMPLATE               1
2.  INCIDENT: DATE                  3 MAR 90
3.  INCIDENT: LOCATION              PERU: CUZCO (CITY)
4.  INCIDENT: TYPE                  BOMBING
12. PHYS TGT: ID                    "ENTEL"
0.  MESSAGE: ID                     TST-8
1.  MESSAGE: TEMPLATE               1
2.  INCIDENT: DATE                  3 MAR 90
3.  INCIDENT: LOCATION              PERU: LIMA (CITY)
4.  INCIDENT: TYPE                  BOMBING
10. PERP: ORGANIZATION ID           "SHINING PATH"
0.  MESSAGE: ID                     TST-9
1.  MESSAGE: TEMPLATE               1
2.  INCIDENT: DATE                  3 MAR 90
3.  INCIDENT: LOCATION              PERU
4.  INCIDENT: TYPE                  BOMBING
10. PERP: ORGANIZATION ID           "SHINING PATH"
"""


def test_coref_gold_rule_places_synonyms_and_groups() -> None:
    keys = parse_keys(LOCATION_KEYS)
    labels = gold_clusters(keys)
    # An attack and a bombing are one family; a facility conflicts with no city; the
    # key's own "X" / "Y" alternatives make ENTEL the telephone company.
    assert labels["TST-5", "1"] == labels["TST-6", "1"]
    # Another city is another incident, whatever the target (the closure may still join
    # them through TST-6, which gives no city: the rule links, the closure chains).
    assert not gold_linked(keys["TST-5"][0], keys["TST-7"][0])
    # A group alone links only the same city on the same day: not a country-only template.
    assert not gold_linked(keys["TST-8"][0], keys["TST-9"][0])


CHAIN_KEYS = """\
0.  MESSAGE: ID                     TST-20
1.  MESSAGE: TEMPLATE               1
2.  INCIDENT: DATE                  - 17 AUG 89
3.  INCIDENT: LOCATION              COLOMBIA
4.  INCIDENT: TYPE                  ATTACK
18. HUM TGT: NAME                   "ROSA MENDIETA CAMPOS"
0.  MESSAGE: ID                     TST-21
1.  MESSAGE: TEMPLATE               1
2.  INCIDENT: DATE                  18 AUG 89
3.  INCIDENT: LOCATION              COLOMBIA: CALI (CITY)
4.  INCIDENT: TYPE                  ATTACK
18. HUM TGT: NAME                   "ARTURO BELTRAN ROJAS"
0.  MESSAGE: ID                     TST-22
1.  MESSAGE: TEMPLATE               1
2.  INCIDENT: DATE                  18 AUG 89
3.  INCIDENT: LOCATION              COLOMBIA: PEREIRA (CITY)
4.  INCIDENT: TYPE                  ATTACK
18. HUM TGT: NAME                   "TOMAS ECHEVERRI LUNA"
0.  MESSAGE: ID                     TST-23
1.  MESSAGE: TEMPLATE               1
2.  INCIDENT: DATE                  19 AUG 89
3.  INCIDENT: LOCATION              COLOMBIA: MANIZALES (CITY)
4.  INCIDENT: TYPE                  ATTACK
18. HUM TGT: NAME                   "TOMAS ECHEVERRI"
0.  MESSAGE: ID                     TST-24
1.  MESSAGE: TEMPLATE               1
2.  INCIDENT: DATE                  - 21 AUG 89
3.  INCIDENT: LOCATION              COLOMBIA
4.  INCIDENT: TYPE                  ATTACK
18. HUM TGT: NAME                   "ROSA MENDIETA CAMPOS"
                                    "ARTURO BELTRAN ROJAS"
                                    "TOMAS ECHEVERRI LUNA"
0.  MESSAGE: ID                     TST-25
1.  MESSAGE: TEMPLATE               1
2.  INCIDENT: DATE                  - 22 AUG 89
3.  INCIDENT: LOCATION              COLOMBIA
4.  INCIDENT: TYPE                  ATTACK
18. HUM TGT: NAME                   "TOMAS ECHEVERRI LUNA"
0.  MESSAGE: ID                     TST-26
1.  MESSAGE: TEMPLATE               1
2.  INCIDENT: DATE                  20 AUG 89
3.  INCIDENT: LOCATION              COLOMBIA: PEREIRA (CITY)
4.  INCIDENT: TYPE                  ATTACK
18. HUM TGT: NAME                   "JULIAN OSPINA"
"""


def test_coref_gold_rule_summary_does_not_chain_different_incidents() -> None:
    keys = parse_keys(CHAIN_KEYS)
    judge, senator, summary = keys["TST-21"][0], keys["TST-22"][0], keys["TST-24"][0]
    # Different victims, the same day, another city: two incidents.
    assert gold_conflict(judge, senator)
    # One victim told a day later in another city: the keys disagree about one incident.
    assert not gold_conflict(senator, keys["TST-23"][0])
    # The summary names every victim with one "on or before" date: it links to all three.
    assert all(gold_linked(summary, keys[m][0]) for m in ("TST-20", "TST-21", "TST-22"))
    labels = gold_clusters(keys)
    # The summary joins the incident it has the most links to (TST-22, 23 and 25)...
    assert labels["TST-24", "1"] == labels["TST-22", "1"] == labels["TST-25", "1"]
    assert labels["TST-22", "1"] == labels["TST-23", "1"]
    # ...and no longer chains the two other murders into it, nor them together.
    assert len({labels["TST-20", "1"], labels["TST-21", "1"], labels["TST-22", "1"]}) == 3
    # Another victim two days later in the same city: a conflict too.
    assert gold_conflict(senator, keys["TST-26"][0])


ONE_INCIDENT_KEYS = """\
0.  MESSAGE: ID                     TST-30
1.  MESSAGE: TEMPLATE               1
2.  INCIDENT: DATE                  16 NOV 89
3.  INCIDENT: LOCATION              EL SALVADOR: SANTA TECLA (CITY)
4.  INCIDENT: TYPE                  ATTACK
18. HUM TGT: NAME                   "FATHER ANSELMO IRIARTE"
0.  MESSAGE: ID                     TST-31
1.  MESSAGE: TEMPLATE               1
2.  INCIDENT: DATE                  17 NOV 89
3.  INCIDENT: LOCATION              EL SALVADOR: SANTA TECLA (CITY)
4.  INCIDENT: TYPE                  ATTACK
18. HUM TGT: NAME                   "MARTA QUIROGA"
0.  MESSAGE: ID                     TST-32
1.  MESSAGE: TEMPLATE               1
2.  INCIDENT: DATE                  - 20 NOV 89
3.  INCIDENT: LOCATION              EL SALVADOR
4.  INCIDENT: TYPE                  ATTACK
18. HUM TGT: NAME                   "ANSELMO IRIARTE"
                                    "MARTA QUIROGA"
0.  MESSAGE: ID                     TST-33
1.  MESSAGE: TEMPLATE               1
2.  INCIDENT: DATE                  16 NOV 89
3.  INCIDENT: LOCATION              EL SALVADOR: SANTA TECLA (CITY)
4.  INCIDENT: TYPE                  ATTACK
10. PERP: ORGANIZATION ID           "THE NORTHERN FRONT"
0.  MESSAGE: ID                     TST-34
1.  MESSAGE: TEMPLATE               1
2.  INCIDENT: DATE                  16 NOV 89
3.  INCIDENT: LOCATION              EL SALVADOR: SANTA TECLA (CITY)
4.  INCIDENT: TYPE                  ATTACK
10. PERP: ORGANIZATION ID           "THE NORTHERN FRONT"
18. HUM TGT: NAME                   "DR ANSELMO IRIARTE"
0.  MESSAGE: ID                     TST-35
1.  MESSAGE: TEMPLATE               1
2.  INCIDENT: DATE                  18 NOV 89
3.  INCIDENT: LOCATION              EL SALVADOR: SANTA TECLA (CITY)
4.  INCIDENT: TYPE                  ATTACK
18. HUM TGT: NAME                   "FATHER ANSELMO IRIARTE"
0.  MESSAGE: ID                     TST-36
1.  MESSAGE: TEMPLATE               1
2.  INCIDENT: DATE                  16 NOV 89
3.  INCIDENT: LOCATION              EL SALVADOR: SAN MIGUEL (CITY)
4.  INCIDENT: TYPE                  ATTACK
18. HUM TGT: NAME                   "LUCIA ARCE"
"""


def test_coref_gold_rule_one_incident_told_differently_stays_one() -> None:
    keys = parse_keys(ONE_INCIDENT_KEYS)
    priest, cook, group = keys["TST-30"][0], keys["TST-31"][0], keys["TST-33"][0]
    doctor, later = keys["TST-34"][0], keys["TST-35"][0]
    # Two victims of one night, dated a day apart in one town: no conflict.
    assert not gold_conflict(priest, cook)
    # One surname under two titles, two days apart, may be one man: no conflict.
    assert not gold_conflict(doctor, later)
    # A template naming no victim (only the group) tells no incident from another.
    assert not gold_conflict(group, keys["TST-36"][0])
    # Another victim in another town: a conflict.
    assert gold_conflict(cook, keys["TST-36"][0])
    labels = gold_clusters(keys)
    one = {labels[m, "1"] for m in ("TST-30", "TST-31", "TST-32", "TST-33", "TST-34", "TST-35")}
    assert len(one) == 1
    assert labels["TST-36", "1"] not in one


def _group_key(message: str, groups: str) -> str:
    return f"""\
0.  MESSAGE: ID                     {message}
1.  MESSAGE: TEMPLATE               1
2.  INCIDENT: DATE                  5 MAY 90
3.  INCIDENT: LOCATION              VALDORIA: PUERTO LEVE (CITY)
4.  INCIDENT: TYPE                  ATTACK
10. PERP: ORGANIZATION ID           {groups}
"""


def test_coref_gold_synonyms_keep_disputed_groups_apart() -> None:
    keys = parse_keys(
        _group_key("TST-40", '"NORTHERN FRONT" / "NF"')
        + _group_key("TST-41", '"NF"')
        + _group_key("TST-42", '"NORTHERN FRONT"')
        # A key that disputes the doer gives both groups as alternatives of one filler...
        + _group_key("TST-43", '"HILL RANGERS" / "NORTHERN FRONT"')
        + _group_key("TST-44", '"HILL RANGERS"')
    )
    rangers, front = keys["TST-44"][0], keys["TST-42"][0]
    every = [t for ts in keys.values() for t in ts]
    # Alternatives are one group's names: the acronym and the full name link.
    assert gold_linked(keys["TST-41"][0], front, Synonyms(every))
    # With no key telling the two groups apart, the dispute reads as a synonym.
    assert gold_linked(rangers, front, Synonyms(every))
    # ...and a key that names both as two fillers says they are two groups.
    both = parse_keys(
        _group_key("TST-45", '"HILL RANGERS"\n                                    "NF"')
    )
    assert not gold_linked(rangers, front, Synonyms(every + both["TST-45"]))
    assert gold_linked(keys["TST-41"][0], front, Synonyms(every + both["TST-45"]))


def test_coref_gold_synonyms_are_per_slot() -> None:
    keys = parse_keys(
        _group_key("TST-46", '"CONDOR" / "CONDOR COMMAND"')
        + """\
0.  MESSAGE: ID                     TST-47
1.  MESSAGE: TEMPLATE               1
2.  INCIDENT: DATE                  5 MAY 90
3.  INCIDENT: LOCATION              VALDORIA
4.  INCIDENT: TYPE                  BOMBING
12. PHYS TGT: ID                    "CONDOR" / "CONDOR HOTEL"
"""
    )
    synonyms = Synonyms(t for ts in keys.values() for t in ts)
    assert synonyms.canonical(10, "condor command") == synonyms.canonical(10, "condor")
    assert synonyms.canonical(12, "condor hotel") == synonyms.canonical(12, "condor")
    # A group and a building that share a word are not one name.
    assert synonyms.canonical(12, "condor command") == "condor command"
    assert synonyms.canonical(10, "condor hotel") == "condor hotel"
