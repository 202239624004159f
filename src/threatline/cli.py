"""The command line: a thin layer over the Python API. Each command parses its options,
calls library functions and turns library errors into clear messages."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import click

from threatline import __version__
from threatline.errors import ThreatlineError
from threatline.models import Article, ArticleReport, Skip

DATE = click.DateTime(formats=["%Y-%m-%d"])


class ManyValues(click.Option):
    """An option that takes every following value up to the next option:
    ``--texts a b --keys c d`` (as well as ``--texts a --texts b``)."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("multiple", True)
        super().__init__(*args, **kwargs)

    def add_to_parser(self, parser, ctx) -> None:
        super().add_to_parser(parser, ctx)
        for name in self.opts:
            option = parser._long_opt.get(name) or parser._short_opt.get(name)
            if option is None:
                continue
            original = option.process

            def process(value, state, original=original) -> None:
                original(value, state)
                while state.rargs and not state.rargs[0].startswith("-"):
                    original(state.rargs.pop(0), state)

            option.process = process


def _date(value: dt.datetime | None) -> dt.date | None:
    return value.date() if value else None


def _fail(exc: ThreatlineError) -> click.ClickException:
    return click.ClickException(str(exc))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="threatline")
def main() -> None:
    """threatline: sourced, time-resolved, geocoded event data from news reports."""


# --------------------------------------------------------------------------- extract


def _read_articles(path: Path, published: dt.date | None) -> Iterator[Article | Skip]:
    from threatline.ingest import read_path

    yield from read_path(path, published=published)


def _event_table(report: ArticleReport) -> str:
    actors = {actor.id: actor.name for actor in report.actors}
    lines = [
        f"# {report.article.title or report.article.origin or report.article.id[:12]}"
        f"  (published {report.article.published or 'unknown'})",
        f"{len(report.events)} events, {len(report.actors)} actors, "
        f"{len(report.places)} places, {len(report.facts)} facts",
        "",
    ]
    for event in report.events:
        when = "?"
        if event.time and event.time.start:
            when = str(event.time.start)
            if event.time.end and event.time.end != event.time.start:
                when += f"..{event.time.end}"
        where = event.place.text if event.place else "?"
        who = ", ".join(f"{actors.get(p.actor, p.actor)} ({p.role})" for p in event.participants)
        dead = ""
        if event.fatalities:
            dead = f" killed={event.fatalities.min}..{event.fatalities.max or ''}"
        said = ", ".join(f"{a.source}:{a.stance}" for a in event.attributions)
        lines.append(f"{event.id} {event.type} [{event.status}] {when} @ {where}{dead}")
        if who:
            lines.append(f"    who: {who}")
        if said:
            lines.append(f"    according to: {said}")
        if event.evidence:
            lines.append(f"    \u201c{event.evidence[0].text.strip()}\u201d")
    for fact in report.facts:
        subject = actors.get(fact.subject, fact.subject)
        lines.append(f"{fact.id} {subject} {fact.predicate} {fact.value}")
    return "\n".join(lines)


@main.command()
@click.argument("file", type=click.Path(exists=True, path_type=Path))
@click.option("--published", type=DATE, help="Publication date YYYY-MM-DD (sets or overrides).")
@click.option(
    "--json", "as_json", is_flag=True, help="One threatline.extract/1 JSON document per article."
)
@click.option("--indent", type=int, default=None, help="Indent JSON output by N spaces.")
@click.option("--text", "with_text", is_flag=True, help="Include the normalized article text.")
@click.option("--model", default=None, help="spaCy pipeline to load (package name or path).")
def extract(
    file: Path,
    published: dt.datetime | None,
    as_json: bool,
    indent: int | None,
    with_text: bool,
    model: str | None,
) -> None:
    """Extract events, actors, places and facts from the article(s) in FILE.

    FILE may be text, HTML, JSON Lines, RSS/Atom, WARC or a MUC-4 message file.

    Example: threatline extract article.txt --published 2024-03-24 --json
    """
    from threatline.extract import Extractor

    try:
        extractor = Extractor(model=model) if model else Extractor()
        for item in _read_articles(file, _date(published)):
            if isinstance(item, Skip):
                click.echo(f"skipped {item.origin}: [{item.code}] {item.reason}", err=True)
                continue
            result = extractor.extract_safe(item)
            if isinstance(result, Skip):
                click.echo(f"skipped {result.origin}: [{result.code}] {result.reason}", err=True)
                continue
            if as_json:
                document = result.to_json_dict(include_text=with_text)
                click.echo(json.dumps(document, ensure_ascii=False, indent=indent))
            else:
                if with_text:
                    click.echo(result.article.text + "\n")
                click.echo(_event_table(result) + "\n")
    except ThreatlineError as exc:
        raise _fail(exc) from exc


# --------------------------------------------------------------------------- ingest


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--db", required=True, help="SQLite file or SQLAlchemy URL.")
@click.option("--published", type=DATE, help="Publication date for every article read.")
@click.option("--model", default=None, help="spaCy pipeline to load (package name or path).")
@click.option(
    "--progress/--no-progress", default=None, help="Progress bar (default: on a terminal)."
)
def ingest(
    paths: tuple[Path, ...],
    db: str,
    published: dt.datetime | None,
    model: str | None,
    progress: bool | None,
) -> None:
    """Read articles from PATHS, extract them and store them in the database.

    An article already stored (same normalized text) is not stored twice; bad input is
    recorded as a skip with its reason and the batch goes on.

    Example: threatline ingest samples/ --db events.sqlite
    """
    from threatline.pipeline import ingest_paths

    try:
        stats = ingest_paths(
            list(paths),
            db,
            published=_date(published),
            model=model,
            progress=sys.stderr.isatty() if progress is None else progress,
        )
    except ThreatlineError as exc:
        raise _fail(exc) from exc
    for skip in stats.skips[:20]:
        click.echo(f"skipped {skip.origin}: [{skip.code}] {skip.reason}", err=True)
    if len(stats.skips) > 20:
        click.echo(f"... and {len(stats.skips) - 20} more skips (see the skips table)", err=True)
    click.echo(stats.summary())


# --------------------------------------------------------------------------- events


@main.command()
@click.option("--db", required=True, help="SQLite file or SQLAlchemy URL.")
@click.option("--json", "as_json", is_flag=True, help="JSON Lines, one event per line.")
@click.option("--csv", "as_csv", is_flag=True, help="CSV with a header row.")
@click.option("--limit", type=int, default=None, help="At most N events.")
def events(db: str, as_json: bool, as_csv: bool, limit: int | None) -> None:
    """List the stored events, oldest first, with their evidence.

    Example: threatline events --db events.sqlite --csv
    """
    from threatline.store import Store

    try:
        with Store.open(db) as store:
            rows = store.list_events(limit=limit)
    except ThreatlineError as exc:
        raise _fail(exc) from exc
    if as_json:
        for row in rows:
            click.echo(row.model_dump_json())
        return
    if as_csv:
        if not rows:
            return
        fields = [f for f in type(rows[0]).model_fields if f != "json"]
        writer = csv.DictWriter(sys.stdout, fieldnames=fields, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow(row.model_dump(mode="json", include=set(fields)))
        return
    if not rows:
        click.echo("no events")
        return
    for row in rows:
        when = str(row.date_start or "?")
        if row.date_end and row.date_end != row.date_start:
            when += f"..{row.date_end}"
        dead = f" killed={row.fatalities_min}" if row.fatalities_min is not None else ""
        click.echo(
            f"{when:<23} {row.type:<24} {row.status:<9} "
            f"{(row.place_name or '?')[:28]:<28} {row.country or '--'}{dead}"
        )
        if row.perpetrators:
            click.echo(f"{'':<23} by {row.perpetrators}")
        if row.evidence:
            click.echo(f"{'':<23} \u201c{row.evidence.strip()[:160]}\u201d")
        click.echo(f"{'':<23} [{row.article_title or row.article_id[:12]}]")


# --------------------------------------------------------------------------- eval


@main.group(name="eval")
def eval_group() -> None:
    """Score a component on a published benchmark (metrics in percent)."""


def _print_metrics(metrics: dict, report: str, as_json: bool) -> None:
    click.echo(report)
    if as_json:
        click.echo(json.dumps(metrics, sort_keys=True))


@eval_group.command(name="timex")
@click.option(
    "--data",
    required=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Folder of TimeML .tml files with a creation time.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as one JSON object last.")
def eval_timex(data: Path, as_json: bool) -> None:
    """TempEval-3 Task A on a folder of TimeML files: relaxed/strict span F1 and value F1.

    Example: threatline eval timex --data ../shared/bench/tempeval3/te3-platinum --json
    """
    from threatline.evaluate import timex

    metrics = timex.run(data)
    _print_metrics(metrics, timex.format_report(metrics), as_json)


@eval_group.command(name="geo")
@click.option(
    "--data",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="LGL / TR-News or GeoVirus XML file (format detected).",
)
@click.option(
    "--mode",
    type=click.Choice(["gold", "e2e"]),
    default="gold",
    show_default=True,
    help="gold: resolve the gold toponym spans; e2e: our own recognition too.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as one JSON object last.")
def eval_geo(data: Path, mode: str, as_json: bool) -> None:
    """Toponym resolution on LGL / TR-News / GeoVirus XML: accuracy@161 km, errors, AUC.

    Example: threatline eval geo --data ../shared/bench/geo/lgl.xml --json
    """
    from threatline.evaluate import geo

    metrics = geo.run(data, mode=mode)
    _print_metrics(metrics, geo.format_report(metrics), as_json)


@eval_group.command(name="muc4")
@click.option(
    "--texts",
    cls=ManyValues,
    required=True,
    type=click.Path(exists=True, path_type=Path),
    help="MUC-4 message files.",
)
@click.option(
    "--keys",
    cls=ManyValues,
    required=True,
    type=click.Path(exists=True, path_type=Path),
    help="MUC-4 answer-key files.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as one JSON object last.")
def eval_muc4(texts: tuple[Path, ...], keys: tuple[Path, ...], as_json: bool) -> None:
    """MUC-4 template filling: per-slot recall, precision, F and role-filler-entity F1.

    Example: threatline eval muc4 --texts ../shared/bench/muc4/tst1/tst1-muc3
    --keys ../shared/bench/muc4/tst1/key-tst1.v7 --json
    """
    from threatline.evaluate import muc4

    metrics = muc4.run(list(texts), list(keys))
    _print_metrics(metrics, muc4.format_report(metrics), as_json)


@eval_group.command(name="case2021")
@click.option(
    "--data",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="TSV file with columns id, EventSnippet, SubType.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as one JSON object last.")
def eval_case2021(data: Path, as_json: bool) -> None:
    """CASE 2021 task 2 event typing: micro, macro and weighted F1 for subtasks 1-3.

    Example: threatline eval case2021 --data ../shared/bench/case2021-task2/dev.tsv --json
    """
    from threatline.evaluate import case2021

    metrics = case2021.run(data)
    _print_metrics(metrics, case2021.format_report(metrics), as_json)


# --------------------------------------------------------------------------- schema


@main.command()
def schema() -> None:
    """Print the JSON Schema of the threatline.extract/1 document.

    Example: threatline schema > extract.schema.json
    """
    from threatline.schema import extract_schema

    click.echo(json.dumps(extract_schema(), indent=2, sort_keys=True))


if __name__ == "__main__":
    main()
