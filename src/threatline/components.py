"""Our spaCy components, registered factories usable in anyone's pipeline.

``nlp.add_pipe("threatline_timex")`` etc. They call the stage functions lazily so that
importing this module (spaCy does on every ``Language`` start) stays cheap.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

for _name in ("timexes", "actors"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@Language.factory(
    "threatline_timex",
    default_config={"published": None},
    assigns=["doc._.timexes"],
)
def make_timex(nlp: Language, name: str, published: str | None):
    """Temporal expressions with normalized values (threatline.timex.v1)."""
    import datetime as dt

    from threatline.timex import find_timexes

    anchor = dt.date.fromisoformat(published) if published else None

    def timex_component(doc: Doc) -> Doc:
        doc._.timexes = find_timexes(doc.text, anchor, doc=doc)
        return doc

    return timex_component


@Language.factory("threatline_actors", default_config={}, assigns=["doc._.actors"])
def make_actors(nlp: Language, name: str):
    """Actors from the packaged knowledge base plus ad-hoc ones (threatline.actors.v1)."""
    from threatline.actors import ActorKB, find_actors

    kb = ActorKB.load()

    def actor_component(doc: Doc) -> Doc:
        doc._.actors = find_actors(doc, kb)
        return doc

    return actor_component


@Language.factory("threatline_paragraphs", default_config={})
def make_paragraphs(nlp: Language, name: str):
    """Start a sentence after every blank line, so a heading never runs into the next
    paragraph's first sentence (threatline.paragraphs.v1). Add it before the parser."""

    def paragraph_component(doc: Doc) -> Doc:
        for token in doc[:-1]:
            if token.is_space and "\n\n" in token.text_with_ws + doc[token.i + 1].text_with_ws:
                doc[token.i + 1].is_sent_start = True
        return doc

    return paragraph_component
