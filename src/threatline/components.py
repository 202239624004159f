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
    paragraph's first sentence, and after a paragraph's dateline ("SAN SALVADOR, 12 MAY 89
    -- ...", "KABUL, March 3 (Reuters) - ..."), so the parser never takes the dateline's
    place for the subject of the first sentence (threatline.paragraphs.v1). Add it before
    the parser."""

    def paragraph_component(doc: Doc) -> Doc:
        starts = [0]
        for token in doc[:-1]:
            if token.is_space and "\n\n" in token.text_with_ws + doc[token.i + 1].text_with_ws:
                doc[token.i + 1].is_sent_start = True
                starts.append(token.i + 1)
        for start in starts:
            end = _dateline_end(doc, start)
            if end is not None:
                doc[end].is_sent_start = True
        _keep_brackets_in_their_sentence(doc)
        return doc

    return paragraph_component


#: Tokens after which a bracket may open a new sentence.
_BEFORE_SENTENCE = frozenset({".", "!", "?", "]", ")", ":", "--", "-", "\u2014", "\u2013"})
#: How many tokens a bracket kept in its sentence may hold.
_BRACKET_TOKENS = 12


def _keep_brackets_in_their_sentence(doc: Doc) -> None:
    """A square bracket that follows a word and after which the sentence goes on in lower case
    ("... COMMITTED BY THE NORTHERN FRONT [NF] GUERRILLAS AGAINST ...") is an insertion
    in that sentence: neither it nor the word after it starts a sentence. An editorial
    note that stands before a new sentence ("[TEXT] The army ...") may still start one."""
    for token in doc[1:-1]:
        if token.text != "[":
            continue
        before = token.i - 1
        while before > 0 and doc[before].is_space:
            before -= 1
        if "\n\n" in doc[before : token.i].text_with_ws or doc[before].text in _BEFORE_SENTENCE:
            continue
        if not (doc[before].is_alpha or doc[before].like_num):
            continue
        end = next(
            (t.i for t in doc[token.i + 1 : token.i + 1 + _BRACKET_TOKENS] if t.text == "]"),
            None,
        )
        if end is None or end + 1 >= len(doc):
            continue
        after = end + 1
        while after < len(doc) - 1 and doc[after].is_space and "\n\n" not in doc[after].text:
            after += 1
        if not (doc[after].is_alpha and doc[after].text[0].islower()):
            continue
        for inside in doc[token.i : after + 1]:
            if inside.is_sent_start is None:
                inside.is_sent_start = False


#: Dashes that end a dateline (and a hyphen with a space after it).
_DATELINE_DASHES = frozenset({"--", "\u2014", "\u2013"})
#: How many tokens a dateline may span.
_DATELINE_TOKENS = 16


def _dateline_end(doc: Doc, start: int) -> int | None:
    """The token after the dash of a dateline opening the paragraph at ``start``, or None
    when there is none. A dateline is a place, a comma, a date with a number and an
    optional source in brackets, the dash right after the date or the bracket; or, with
    no date, names only, the first in capitals ("PESHAWAR, Pakistan -")."""
    seen_comma = seen_number = False
    first = doc[start]
    opens_in_capitals = len(first.text) > 1 and first.is_upper and not first.is_punct
    for token in doc[start : min(len(doc) - 1, start + _DATELINE_TOKENS)]:
        if token.is_space and "\n" in token.text:
            return None
        dash = token.text in _DATELINE_DASHES or (
            token.text == "-" and bool(token.whitespace_) and token.i > start
        )
        if dash:
            before = doc[token.i - 1]
            dated = seen_number and (before.like_num or before.text == ")")
            # "PESHAWAR, Pakistan - ...", "ISLAMABAD - ...": a place in capitals, no date
            words = doc[start : token.i]
            named = opens_in_capitals and (
                all(t.is_punct or t.is_upper for t in words)
                or (seen_comma and all(t.is_punct or t.is_title or t.is_upper for t in words))
            )
            return token.i + 1 if dated or named else None
        if token.text in (".", "!", "?"):
            return None
        seen_comma = seen_comma or token.text == ","
        seen_number = seen_number or (seen_comma and token.like_num)
    return None
