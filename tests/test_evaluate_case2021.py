"""CASE 2021 task 2 evaluation: reading the task file, choosing a label, F1 averages."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pytest

from threatline.evaluate.case2021 import (
    SUBTASK1_LABELS,
    SUBTASK2_LABELS,
    SUBTASK3_LABELS,
    CaseItem,
    classify_report,
    f1_scores,
    format_report,
    label_scores,
    load_case_tsv,
    run,
    score_reports,
)
from threatline.models import Actor, Article, ArticleReport, EventMention, Participant, Span
from threatline.ontology import case2021_snippet_label


def _report(text: str, *events: tuple[str, str, str], actors: list[Actor] | None = None):
    """A report of ``text`` whose events are (type, trigger word, status)."""
    article = Article.from_text(text)
    mentions = []
    for number, (event_type, trigger, status) in enumerate(events, start=1):
        start = text.index(trigger)
        mentions.append(
            EventMention(
                id=f"E{number}",
                type=event_type,
                status=status,
                trigger=Span(start=start, end=start + len(trigger), text=trigger),
                evidence=[Span(start=0, end=len(text), text=text)],
                participants=[Participant(actor=a.id, role="perpetrator") for a in actors or []],
            )
        )
    return ArticleReport(article=article, events=mentions, actors=actors or [])


def test_case2021_label_sets_have_25_28_and_30_labels() -> None:
    assert (len(SUBTASK1_LABELS), len(SUBTASK2_LABELS), len(SUBTASK3_LABELS)) == (25, 28, 30)
    assert set(SUBTASK2_LABELS) - set(SUBTASK1_LABELS) == {
        "ORG_CRIME",
        "NATURAL_DISASTER",
        "MAN_MADE_DISASTER",
    }
    assert set(SUBTASK3_LABELS) - set(SUBTASK2_LABELS) == {"DIPLO", "ATTRIB"}


def test_case2021_f1_scores_match_hand_computed_values() -> None:
    gold = ["A", "A", "B", "C"]
    predicted = ["A", "B", "B", "A"]
    per_label = label_scores(gold, predicted)
    # A: 1 of 2 predicted, 1 of 2 gold; B: 1 of 2 predicted, 1 of 1 gold; C: none.
    assert per_label["A"] == {"p": 0.5, "r": 0.5, "f": 0.5, "support": 2}
    assert per_label["B"]["f"] == pytest.approx(2 / 3)
    assert per_label["C"]["f"] == 0.0
    scores = f1_scores(gold, predicted)
    assert scores["micro"] == 0.5
    assert scores["macro"] == pytest.approx((0.5 + 2 / 3 + 0) / 3)
    assert scores["weighted"] == pytest.approx((0.5 * 2 + 2 / 3 * 1 + 0 * 1) / 4)


def test_case2021_f1_counts_a_label_only_predicted_in_the_macro_average() -> None:
    scores = f1_scores(["A", "A"], ["A", "B"])
    # A: P 1, R 0.5, F 2/3; B (never gold): F 0; macro over both, weighted over gold only.
    assert scores["macro"] == pytest.approx(1 / 3)
    assert scores["weighted"] == pytest.approx(2 / 3)


def test_case2021_classify_report_picks_the_main_event() -> None:
    text = "Protesters plan a march after militants threw a grenade at a market."
    report = _report(text, ("protest", "march", "planned"), ("bombing", "threw", "occurred"))
    assert classify_report(report) == "GRENADE"  # occurred wins over planned


def test_case2021_classify_report_prefers_a_clash_to_an_attack_on_unknown_targets() -> None:
    text = "Rebels launched attacks on the valley, and fighting went on all night."
    report = _report(text, ("attack", "attacks", "occurred"),
                     ("armed_clash", "fighting", "occurred"))  # fmt: skip
    assert classify_report(report) == "ARMED_CLASH"


def test_case2021_classify_report_prefers_a_claim_where_attrib_is_a_label() -> None:
    text = "The group claimed the bombing of the bridge."
    report = _report(
        text, ("bombing", "bombing", "occurred"), ("claim_of_responsibility", "claimed", "occurred")
    )
    assert classify_report(report, SUBTASK3_LABELS) == "ATTRIB"
    assert classify_report(report, SUBTASK1_LABELS) == "REM_EXPLOS"


def test_case2021_classify_report_uses_the_perpetrator_for_territory() -> None:
    army = Actor(id="army", name="the army", kind="security_force")
    report = _report("The army retook the town.", ("seizure_of_power", "retook", "occurred"),
                     actors=[army])  # fmt: skip
    assert classify_report(report) == "GOV_REGAINS_TERIT"


def test_case2021_classify_report_territory_goes_to_whoever_takes_it() -> None:
    # 'recaptured' does not say who: rebels retaking a town is a non-state takeover
    rebels = Actor(id="rebels", name="the rebels", kind="armed_group")
    report = _report("The rebels recaptured the town.",
                     ("seizure_of_power", "recaptured", "occurred"), actors=[rebels])  # fmt: skip
    assert classify_report(report) == "NON_STATE_ACTOR_OVERTAKES_TER"
    # no taker found: the state wording of the sentence says who
    report = _report("Government troops occupied three hill posts.",
                     ("seizure_of_power", "occupied", "occurred"))  # fmt: skip
    assert classify_report(report) == "GOV_REGAINS_TERIT"


def test_case2021_classify_report_a_claim_nobody_made_is_no_attribution() -> None:
    text = "A mine hit the convoy; no group has said it was theirs."
    report = _report(text, ("bombing", "mine", "occurred"),
                     ("claim_of_responsibility", "said", "hypothetical"))  # fmt: skip
    assert classify_report(report, SUBTASK3_LABELS) == "REM_EXPLOS"


def _attack_on(text: str, trigger: str, kind: str) -> ArticleReport:
    report = _report(text, ("attack", trigger, "occurred"))
    attacked = Actor(id="attacked", name="them", kind=kind)
    event = report.events[0].model_copy(
        update={"participants": [Participant(actor="attacked", role="victim")]}
    )
    return report.model_copy(update={"events": [event], "actors": [attacked]})


def test_case2021_classify_report_an_attack_on_armed_men_is_a_clash() -> None:
    # ACLED: violence against civilians is an attack; against soldiers, an armed clash
    assert classify_report(_attack_on("Militants attacked an army post.", "attacked",
                                      "security_force")) == "ARMED_CLASH"  # fmt: skip
    assert classify_report(_attack_on("Militants attacked a village.", "attacked",
                                      "civilians")) == "ATTACK"  # fmt: skip


def test_case2021_classify_report_falls_back_to_other() -> None:
    assert classify_report(_report("Heavy rain fell on the capital.")) == "OTHER"


def test_case2021_load_case_tsv_reads_quoted_snippets(tmp_path) -> None:
    path = tmp_path / "items.tsv"
    path.write_text(
        "id\tEventSnippet\tSubType\n1\tRebels took the town.\tNON_STATE_ACTOR_OVERTAKES_TER\n"
        '2\t"He said ""no"" to the deal"\tDIPLO\n',
        encoding="utf-8",
    )
    items = load_case_tsv(path)
    assert items == [
        CaseItem("1", "Rebels took the town.", "NON_STATE_ACTOR_OVERTAKES_TER"),
        CaseItem("2", 'He said "no" to the deal', "DIPLO"),
    ]


def test_case2021_score_reports_leaves_out_labels_outside_a_subtask() -> None:
    items = [
        CaseItem("1", "Rebels bombed a bridge.", "REM_EXPLOS"),
        CaseItem("2", "Three men were caught.", "ORG_CRIME"),
        CaseItem("3", "The group claimed it.", "ATTRIB"),
    ]
    reports = [
        _report(items[0].text, ("bombing", "bombed", "occurred")),
        _report(items[1].text),
        _report(items[2].text, ("claim_of_responsibility", "claimed", "occurred")),
    ]
    metrics = score_reports(items, reports)
    assert (metrics["subtask1_n"], metrics["subtask2_n"], metrics["subtask3_n"]) == (1, 2, 3)
    assert metrics["subtask1_micro_f1"] == 100.0
    # subtask 2: REM_EXPLOS right, ORG_CRIME predicted OTHER: micro 50; macro over
    # REM_EXPLOS (1), ORG_CRIME (0), OTHER (0) = 33.33; weighted (1*1 + 0*1) / 2 = 50.
    assert metrics["subtask2_micro_f1"] == 50.0
    assert metrics["subtask2_macro_f1"] == 33.33
    assert metrics["subtask2_weighted_f1"] == 50.0
    assert metrics["subtask3_micro_f1"] == pytest.approx(66.67)
    assert metrics["per_label"]["ATTRIB"]["f"] == 100.0
    assert "subtask3" in format_report(metrics)


class _NoEvents:
    def pipe(self, articles: Iterable[Article]) -> Iterator[ArticleReport]:
        for article in articles:
            yield ArticleReport(article=article)


def test_case2021_run_on_dev_with_a_fake_extractor(bench_dir) -> None:
    path = bench_dir / "case2021-task2" / "dev.tsv"
    items = load_case_tsv(path)
    assert len(items) == 332
    assert {item.label for item in items} <= set(SUBTASK3_LABELS)
    metrics = run(path, extractor=_NoEvents())
    n1 = sum(1 for item in items if item.label in SUBTASK1_LABELS)
    n_other = sum(1 for item in items if item.label == "OTHER")
    assert metrics["n"] == 332 and metrics["subtask1_n"] == n1
    # Without events, a snippet is labelled by its cue words, or OTHER.
    allowed = set(SUBTASK1_LABELS)
    right = sum(
        1
        for item in items
        if item.label in allowed
        and item.label == (case2021_snippet_label(item.text, allowed) or "OTHER")
    )
    assert right >= n_other
    assert metrics["subtask1_micro_f1"] == round(100 * right / n1, 2)


def test_case2021_classify_report_reads_cue_words_for_labels_without_an_event_type() -> None:
    text = "Floods swept through three villages, killing twelve people."
    report = _report(text, ("attack", "killing", "occurred"))
    assert classify_report(report, SUBTASK2_LABELS) == "NATURAL_DISASTER"
    assert classify_report(report, SUBTASK1_LABELS) == "ATTACK"  # not a subtask 1 label
    truce = _report("The government and the rebels agreed a ceasefire.")
    assert classify_report(truce, SUBTASK1_LABELS) == "AGREEMENT"
    blame = _report(
        "Officials blamed the bombing on the separatists.", ("bombing", "bombing", "occurred")
    )
    assert classify_report(blame, SUBTASK3_LABELS) == "ATTRIB"
    assert classify_report(blame, SUBTASK2_LABELS) == "REM_EXPLOS"
