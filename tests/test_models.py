import datetime as dt

import pytest
from pydantic import ValidationError

from threatline.models import Article, ArticleReport, Quantity, article_id, normalize_text


def test_models_normalize_text_collapses_spaces_and_blank_lines():
    raw = "  Title\r\n\r\n\r\n\r\nFirst  line\u00a0here \nsecond\tline\x00  "
    assert normalize_text(raw) == "Title\n\nFirst line here\nsecond line"


def test_models_article_id_is_stable_under_whitespace_changes():
    assert article_id("A  bomb\r\nexploded.") == article_id("A bomb\nexploded.  ")
    assert article_id("A bomb exploded.") != article_id("A bomb exploded!")
    assert len(article_id("x")) == 64


def test_models_article_from_text_normalizes_and_keeps_fields():
    article = Article.from_text("Gunmen  attacked.", published=dt.date(2024, 3, 24), url="u")
    assert article.text == "Gunmen attacked."
    assert article.id == article_id("Gunmen attacked.")
    assert article.published == dt.date(2024, 3, 24)


def test_models_reject_unknown_fields():
    with pytest.raises(ValidationError):
        Quantity(min=1, max=2, text="two", mistake=True)


def test_models_report_json_omits_text_unless_asked():
    report = ArticleReport(article=Article.from_text("Text."))
    assert "text" not in report.to_json_dict()["article"]
    assert report.to_json_dict(include_text=True)["article"]["text"] == "Text."
    assert report.to_json_dict()["schema"] == "threatline.extract/1"
