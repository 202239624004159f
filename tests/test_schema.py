import json
from pathlib import Path

import jsonschema

from threatline.models import (
    Actor,
    Article,
    ArticleReport,
    EventMention,
    Participant,
    Quantity,
    Span,
)
from threatline.schema import extract_schema

COMMITTED = Path(__file__).resolve().parents[1] / "schemas" / "threatline.extract-1.schema.json"


def test_schema_committed_file_matches_the_models():
    assert json.loads(COMMITTED.read_text()) == extract_schema(), (
        "the models changed: regenerate with `threatline schema > " + COMMITTED.name + "`"
    )


def test_schema_accepts_a_report_and_rejects_a_broken_one():
    article = Article.from_text("Gunmen killed six people.")
    report = ArticleReport(
        article=article,
        actors=[Actor(id="gunmen", name="gunmen", mentions=[(0, 6)])],
        events=[
            EventMention(
                id="E1",
                type="armed_assault",
                trigger=Span(start=7, end=13, text="killed"),
                participants=[Participant(actor="gunmen", role="perpetrator")],
                fatalities=Quantity(min=6, max=6, text="six people"),
                evidence=[Span(start=0, end=25, text=article.text)],
            )
        ],
    )
    document = report.to_json_dict()
    jsonschema.validate(document, extract_schema())
    document["events"][0]["type"] = "picnic"
    try:
        jsonschema.validate(document, extract_schema())
    except jsonschema.ValidationError:
        pass
    else:
        raise AssertionError("an unknown event type passed the schema")
