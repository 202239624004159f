"""Extract: an Article becomes an ArticleReport (the ``threatline.extract/1`` document).

:class:`Extractor` is the one entry point. It takes its spaCy pipeline, gazetteer and actor
knowledge base as arguments (each loaded once, by default the packaged ones), so tests and
users can swap any of them. The order of the stages matters and is fixed here:

1. annotate (spaCy; upper-case texts truecased first),
2. time expressions (on the article text, against the publication date),
3. actors (knowledge base, ad-hoc names, coreference),
4. places (recognition, gazetteer resolution in the article's context),
5. events (they refer to the actors, places and times found above),
6. facts about actors.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from threatline.actors import ActorKB, find_actors
from threatline.annotate import DEFAULT_MODEL, annotate, annotate_many, load_pipeline
from threatline.events import extract_events
from threatline.facts import extract_facts
from threatline.geo import Gazetteer, find_toponyms, geocode
from threatline.models import Actor, ActorKind, Article, ArticleReport, Skip, Span
from threatline.timex import find_timexes


class Extractor:
    """Runs every per-article stage. Build once, call :meth:`extract` or :meth:`pipe`."""

    def __init__(
        self,
        nlp: Language | None = None,
        gazetteer: Gazetteer | None = None,
        actor_kb: ActorKB | None = None,
        model: str = DEFAULT_MODEL,
    ) -> None:
        self.nlp = nlp if nlp is not None else load_pipeline(model)
        self.gazetteer = gazetteer if gazetteer is not None else Gazetteer.load()
        self.actor_kb = actor_kb if actor_kb is not None else ActorKB.load()

    def extract(self, article: Article) -> ArticleReport:
        """Everything the article reports, every value with its evidence span."""
        return self.report(article, annotate(article, self.nlp))

    def pipe(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[ArticleReport]:
        """Extract a stream of articles, batching the spaCy work."""
        for article, doc in annotate_many(articles, self.nlp, batch_size=batch_size):
            yield self.report(article, doc)

    def report(self, article: Article, doc: Doc) -> ArticleReport:
        """The stages after annotation, over an article and its Doc."""
        timexes = find_timexes(article.text, article.published, doc=doc)
        actors = find_actors(doc, self.actor_kb, gazetteer=self.gazetteer)
        toponyms = find_toponyms(doc, self.gazetteer)
        places = geocode(doc, self.gazetteer, toponyms=_not_actors(toponyms, actors, doc.text))
        events = extract_events(doc, article, actors, places, timexes)
        facts = extract_facts(doc, article, actors, timexes)
        return ArticleReport(
            article=article,
            actors=actors,
            places=places,
            events=events,
            facts=facts,
            timexes=timexes,
        )

    def extract_safe(self, article: Article) -> ArticleReport | Skip:
        """Like :meth:`extract`, but a failure becomes a recorded Skip, not a crash.
        (Batches, limits and time budgets are :mod:`threatline.pipeline`'s.)"""
        if not article.text.strip():
            return Skip(origin=article.origin or article.id, code="empty", reason="no text")
        try:
            return self.extract(article)
        except Exception as exc:  # a bug on one article must not stop a batch
            return _failed(article, exc)


def _not_actors(toponyms: list[Span], actors: list[Actor], text: str = "") -> list[Span]:
    """Toponyms that are not an actor's name: "Washington also assumes" names the US
    government (a metonym the actors stage resolved), not a place. A word of a person's
    name is no place either ("Pedro Valdivia" holds a town's name)."""
    taken = {
        mention for actor in actors if actor.kind != ActorKind.COUNTRY for mention in actor.mentions
    }
    # Only the mentions that spell the name: a description ("mayor of X") holds real places.
    names = [
        (s, e)
        for actor in actors
        if actor.kind == ActorKind.PERSON
        for s, e in actor.mentions
        if text[s:e].casefold() == actor.name.casefold()
    ]

    def in_a_name(span: Span) -> bool:
        return any(
            s <= span.start and span.end <= e and (s, e) != (span.start, span.end) for s, e in names
        )

    return [
        span for span in toponyms if (span.start, span.end) not in taken and not in_a_name(span)
    ]


def _failed(article: Article, exc: Exception) -> Skip:
    return Skip(
        origin=article.origin or article.id,
        code="extract_error",
        reason=f"extraction failed: {type(exc).__name__}: {exc}",
    )


def dangling_references(report: ArticleReport) -> list[str]:
    """Ids that a report refers to but does not define (empty for a consistent report)."""
    actor_ids = {actor.id for actor in report.actors}
    place_ids = {place.id for place in report.places}
    event_ids = {event.id for event in report.events}
    problems: list[str] = []
    for actor in report.actors:
        if actor.parent and actor.parent not in actor_ids:
            problems.append(f"actor {actor.id}: parent {actor.parent}")
    for event in report.events:
        for participant in event.participants:
            if participant.actor not in actor_ids:
                problems.append(f"event {event.id}: participant {participant.actor}")
        if event.place and event.place.id and event.place.id not in place_ids:
            problems.append(f"event {event.id}: place {event.place.id}")
        for link in event.links:
            if link.event not in event_ids:
                problems.append(f"event {event.id}: link to {link.event}")
    for fact in report.facts:
        if fact.subject not in actor_ids:
            problems.append(f"fact {fact.id}: subject {fact.subject}")
    return problems
