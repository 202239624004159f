"""The JSON Schema of the ``threatline.extract/1`` document.

It is derived from the models, committed as ``schemas/threatline.extract-1.schema.json``,
and a test keeps the two equal, so the contract cannot drift from the code.
"""

from __future__ import annotations

from typing import Any

from threatline.models import EXTRACT_SCHEMA, ArticleReport

SCHEMA_ID = "urn:threatline:schema:extract:1"


def extract_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of what ``threatline extract --json`` prints."""
    schema = ArticleReport.model_json_schema(by_alias=True, mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_ID
    schema["title"] = EXTRACT_SCHEMA
    # The article text is printed only with --text.
    article = schema["$defs"]["Article"]
    article["required"] = [name for name in article.get("required", []) if name != "text"]
    return schema
