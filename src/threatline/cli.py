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
    places = {place.id: place for place in report.places}
    for event in report.events:
        when = "?"
        if event.time and event.time.start:
            when = str(event.time.start)
            if event.time.end and event.time.end != event.time.start:
                when += f"..{event.time.end}"
        where = "?"
        if event.place:
            place = places.get(event.place.id or "")
            where = f"{event.place.relation} {event.place.text}"
            if place and place.country:
                where += f", {place.country}"
            where += f" (precision {event.place.precision})"
        counts = ""
        for label, quantity in (("killed", event.fatalities), ("injured", event.injuries)):
            if quantity:
                high = "" if quantity.max is None else quantity.max
                counts += f" {label}={quantity.min if quantity.min is not None else ''}..{high}"
        who = ", ".join(f"{actors.get(p.actor, p.actor)} ({p.role})" for p in event.participants)
        said = ", ".join(f"{a.source}:{a.stance}" for a in event.attributions)
        lines.append(f"{event.id} {event.type} [{event.status}] {when} {where}{counts}")
        if who:
            lines.append(f"    who: {who}")
        if said:
            lines.append(f"    according to: {said}")
        if event.links:
            lines.append("    links: " + ", ".join(f"{k.type} {k.event}" for k in event.links))
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
    from threatline.pipeline import IngestLimits, route_article

    try:
        extractor = Extractor(model=model) if model else Extractor()
        for item in _read_articles(file, _date(published)):
            if isinstance(item, Skip):
                click.echo(f"skipped {item.origin}: [{item.code}] {item.reason}", err=True)
                continue
            routed = route_article(item, IngestLimits())  # language and size, as ingest does
            result = routed if isinstance(routed, Skip) else extractor.extract_safe(routed)
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
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="local: this process; dask: shards on a Dask cluster, then merged into the store.",
)
@click.option(
    "--scheduler", default=None, help="Dask scheduler address (default: a local cluster)."
)
@click.option("--workers", type=int, default=2, show_default=True, help="Local Dask workers.")
@click.option(
    "--shards-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where the Dask engine writes its Parquet shards (default: a temporary folder).",
)
@click.option("--max-bytes", type=int, default=None, help="Skip input files larger than this.")
@click.option("--max-chars", type=int, default=None, help="Skip articles longer than this.")
@click.option("--max-events", type=int, default=None, help="Keep at most N events per article.")
@click.option("--max-seconds", type=float, default=None, help="Time budget per article.")
def ingest(
    paths: tuple[Path, ...],
    db: str,
    published: dt.datetime | None,
    model: str | None,
    progress: bool | None,
    engine: str,
    scheduler: str | None,
    workers: int,
    shards_dir: Path | None,
    max_bytes: int | None,
    max_chars: int | None,
    max_events: int | None,
    max_seconds: float | None,
) -> None:
    """Read articles from PATHS, extract them and store them in the database.

    An article already stored (same normalized text) is not stored twice; bad input is
    recorded as a skip with its reason and the batch goes on; a limit that is hit is
    reported. A killed run, rerun, ends as if it had never been interrupted.

    Example: threatline ingest samples/ --db events.sqlite
    """
    import dataclasses
    import tempfile

    from threatline.pipeline import IngestLimits, ingest_paths

    given = {
        "max_bytes": max_bytes,
        "max_chars": max_chars,
        "max_events": max_events,
        "max_seconds": max_seconds,
    }
    limits = dataclasses.replace(
        IngestLimits(), **{key: value for key, value in given.items() if value is not None}
    )
    try:
        if engine == "dask":
            from threatline.annotate import DEFAULT_MODEL
            from threatline.scale import ingest_dask

            with tempfile.TemporaryDirectory(prefix="threatline-shards-") as scratch:
                run, stats = ingest_dask(
                    list(paths),
                    db,
                    shards_dir or scratch,
                    scheduler=scheduler,
                    workers=workers,
                    model=model or DEFAULT_MODEL,
                    published=_date(published),
                    limits=limits,
                )
            click.echo(f"dask: {len(run.shards)} shards on {run.workers} workers", err=True)
        else:
            stats = ingest_paths(
                list(paths),
                db,
                published=_date(published),
                model=model,
                progress=sys.stderr.isatty() if progress is None else progress,
                limits=limits,
            )
    except ThreatlineError as exc:
        raise _fail(exc) from exc
    for label, items in (("skipped", stats.skips), ("limit", stats.notices)):
        for skip in items[:20]:
            click.echo(f"{label} {skip.origin}: [{skip.code}] {skip.reason}", err=True)
        if len(items) > 20:
            click.echo(f"... and {len(items) - 20} more (see the skips table)", err=True)
    click.echo(stats.summary())


# --------------------------------------------------------------------------- events


_EVENT_CSV_FIELDS = [
    "id", "type", "status", "date_start", "date_end", "granularity", "place_name", "country",
    "lat", "lon", "fatalities", "injuries", "perpetrators", "certainty", "n_reports",
    "n_articles", "first_reported", "latest_reported",
]  # fmt: skip


def _when(start: dt.date | None, end: dt.date | None, granularity: str | None = None) -> str:
    if granularity == "unknown":
        # The report gave no date: the span is only the days before its publication.
        return f"undated (<= {end})" if end else "undated"
    when = str(start or "?")
    if end and end != start:
        when += f"..{end}"
    return when


@main.command()
@click.option("--db", required=True, help="SQLite file or SQLAlchemy URL.")
@click.option("--json", "as_json", is_flag=True, help="JSON Lines, one merged event per line.")
@click.option("--csv", "as_csv", is_flag=True, help="CSV with a header row.")
@click.option("--limit", type=int, default=None, help="At most N events.")
@click.option("--type", "event_type", default=None, help="Only events of this type.")
@click.option("--country", default=None, help="Only events in this country (ISO alpha-2).")
@click.option("--actor", default=None, help="Only events with this actor (id, name or alias).")
@click.option("--since", type=DATE, default=None, help="Only events on or after YYYY-MM-DD.")
@click.option("--until", type=DATE, default=None, help="Only events on or before YYYY-MM-DD.")
def events(
    db: str,
    as_json: bool,
    as_csv: bool,
    limit: int | None,
    event_type: str | None,
    country: str | None,
    actor: str | None,
    since: dt.datetime | None,
    until: dt.datetime | None,
) -> None:
    """List the stored events, one per real-world event however many articles report it,
    oldest first, with the number of reports.

    Example: threatline events --db events.sqlite --country AF --csv
    """
    from threatline.store import Store

    try:
        with Store.open(db) as store:
            rows = store.list_merged_events(
                start=_date(since),
                end=_date(until),
                type=event_type,
                country=country,
                actor=actor,
                limit=limit,
            )
    except ThreatlineError as exc:
        raise _fail(exc) from exc
    if as_json:
        for row in rows:
            click.echo(row.model_dump_json())
        return
    if as_csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=_EVENT_CSV_FIELDS, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            data = row.model_dump(mode="json")
            data["fatalities"] = row.fatalities.text if row.fatalities else None
            data["injuries"] = row.injuries.text if row.injuries else None
            data["perpetrators"] = "; ".join(row.perpetrators)
            writer.writerow(data)
        return
    if not rows:
        click.echo("no events")
        return
    for row in rows:
        dead = f" killed={row.fatalities.text}" if row.fatalities else ""
        click.echo(
            f"{row.id}  {_when(row.date_start, row.date_end, row.granularity):<23} {row.type:<24} "
            f"{(row.place_name or '?')[:24]:<24} {row.country or '--'}{dead}  "
            f"[{row.n_reports} reports, {row.n_articles} articles]"
        )
        if row.perpetrators:
            click.echo(f"{'':<17}by {', '.join(row.perpetrators)} ({row.certainty})")


@main.command(name="event")
@click.argument("event_id")
@click.option("--db", required=True, help="SQLite file or SQLAlchemy URL.")
@click.option("--json", "as_json", is_flag=True, help="The merged event as one JSON object.")
def event_command(event_id: str, db: str, as_json: bool) -> None:
    """Show one merged event: its consensus values, every report with its source and date,
    the values the reports disagree on side by side, and the evidence sentences.

    EVENT_ID is a merged event id (ev-...) or a stored mention id (<article>:E1).

    Example: threatline event ev-0123456789ab --db events.sqlite
    """
    from threatline.store import Store

    try:
        with Store.open(db) as store:
            found = store.get_event(event_id)
    except ThreatlineError as exc:
        raise _fail(exc) from exc
    if found is None:
        raise click.ClickException(f"No event {event_id}: list them with `threatline events`.")
    if as_json:
        click.echo(found.model_dump_json())
        return
    click.echo(
        f"{found.id} {found.type} [{found.status}, {found.certainty}] "
        f"{_when(found.date_start, found.date_end, found.granularity)} @ {found.place_name or '?'} "
        f"{found.country or ''}"
    )
    if found.fatalities:
        click.echo(f"  killed: {found.fatalities.text} (consensus)")
    if found.perpetrators:
        click.echo(f"  by: {', '.join(found.perpetrators)}")
    click.echo(
        f"  {found.n_reports} reports in {found.n_articles} articles, first {found.first_reported}"
        f", latest {found.latest_reported}"
    )
    for field, reports in found.reports.items():
        values = {report.value for report in reports}
        marker = "disagree" if len(values) > 1 else "agree"
        click.echo(f"{field} ({marker}):")
        for report in reports:
            said = f" according to {', '.join(report.according_to)}" if report.according_to else ""
            words = f" \u201c{report.text}\u201d" if report.text else ""
            click.echo(
                f"  {report.value + words:<28} {report.outlet or '?'}, "
                f"{report.published or '?'}{said}"
            )
    click.echo("evidence:")
    for evidence in found.evidence:
        click.echo(
            f"  \u201c{evidence.text[:200]}\u201d ({evidence.outlet or '?'}, "
            f"{evidence.published or '?'})"
        )


@main.command()
@click.argument("name")
@click.option("--db", required=True, help="SQLite file or SQLAlchemy URL.")
@click.option("--json", "as_json", is_flag=True, help="The profile as one JSON object.")
def actor(name: str, db: str, as_json: bool) -> None:
    """Show an actor's profile: aliases, kind, parent and branches, facts with their sources
    and dates, and its events as perpetrator, target or claimant.

    NAME is an actor id, name or alias.

    Example: threatline actor "Islamic State" --db events.sqlite
    """
    from threatline.store import Store

    try:
        with Store.open(db) as store:
            profile = store.get_actor(name)
            events_by_id = {}
            if profile is not None:
                for ids in profile.events.values():
                    for event_id in ids:
                        events_by_id[event_id] = store.get_event(event_id)
    except ThreatlineError as exc:
        raise _fail(exc) from exc
    if profile is None:
        raise click.ClickException(f"No actor {name!r} in {db}.")
    if as_json:
        click.echo(profile.model_dump_json())
        return
    click.echo(f"{profile.name} ({profile.kind}) id={profile.id}")
    if profile.aliases:
        click.echo(f"  aliases: {', '.join(profile.aliases)}")
    if profile.parent:
        click.echo(f"  parent: {profile.parent}")
    if profile.branches:
        click.echo(f"  branches: {', '.join(profile.branches)}")
    if len(profile.ids) > 1:
        click.echo(f"  merged from: {', '.join(profile.ids)}")
    for item in profile.facts:
        click.echo(
            f"  {item.fact.predicate}: {item.fact.value} ({item.outlet or '?'}, "
            f"{item.published or '?'})"
        )
    for role, ids in profile.events.items():
        click.echo(f"  as {role}:")
        for event_id in ids:
            found = events_by_id.get(event_id)
            if found is not None:
                click.echo(
                    f"    {found.id} "
                    f"{_when(found.date_start, found.date_end, found.granularity)} {found.type} @ "
                    f"{found.place_name or '?'} [{found.n_reports} reports]"
                )


# --------------------------------------------------------------------------- serve, export


@main.command()
@click.option("--db", required=True, help="SQLite file or SQLAlchemy URL (opened read-only).")
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; the default is reachable from this computer only.",
)
@click.option(
    "--port",
    type=click.IntRange(1, 65535),
    default=8000,
    show_default=True,
    help="Port to listen on.",
)
@click.option(
    "--token",
    envvar="THREATLINE_TOKEN",
    default=None,
    help="Require 'Authorization: Bearer TOKEN' on /api/ (env THREATLINE_TOKEN).",
)
def serve(db: str, host: str, port: int, token: str | None) -> None:
    """Serve the web page (timeline, map, events, actors) and the read-only HTTP API with
    its OpenAPI description at /openapi.json.

    Example: threatline serve --db events.sqlite --port 8000
    """
    from threatline.serve import run

    click.echo(f"threatline: open http://{host}:{port}/ (Ctrl+C stops)", err=True)
    try:
        run(db, host=host, port=port, token=token)
    except ThreatlineError as exc:
        raise _fail(exc) from exc


@main.command(name="export")
@click.option("--db", required=True, help="SQLite file or SQLAlchemy URL.")
@click.option(
    "--format",
    "fmt",
    required=True,
    type=click.Choice(["json", "jsonl", "csv", "geojson", "parquet", "acled", "gtd"]),
    help="Output format; acled and gtd follow those datasets' columns (docs/exports.md).",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="File to write (default: standard output).",
)
def export_command(db: str, fmt: str, out: Path | None) -> None:
    """Export the merged events, one row per real-world event, in a format statistics tools
    read; unknown values are left empty.

    Example: threatline export --db events.sqlite --format acled --out events-acled.csv
    """
    from threatline.export import export

    try:
        count = export(db, fmt, out)
    except ThreatlineError as exc:
        raise _fail(exc) from exc
    if out is not None:
        click.echo(f"wrote {count} events to {out}", err=True)


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
@click.option(
    "--backend",
    type=click.Choice(["rules", "fitted", "embed"]),
    default="rules",
    show_default=True,
    help="rules: the extractor's event types mapped to the labels; fitted: a linear model "
    "on the snippet and the extractor's output, scored by cross-validation on --data; "
    "embed: fitted, mixed with a model of the snippet's sentence embedding (extra 'embed').",
)
@click.option(
    "--folds",
    type=click.IntRange(min=2),
    default=5,
    show_default=True,
    help="Stratified folds of the cross-validation (fitted backend).",
)
@click.option(
    "--seed", type=int, default=0, show_default=True, help="Seed that fixes the folds (fitted)."
)
@click.option(
    "--examples/--no-examples",
    default=True,
    show_default=True,
    help="Add the labelled example sentences shipped with threatline to every training set "
    "(fitted backend).",
)
@click.option(
    "--model",
    "model_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="A model saved by 'threatline train case2021': score it on --data instead of "
    "cross-validating (fitted backend; --data must be snippets it was not fitted on).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as one JSON object last.")
def eval_case2021(
    data: Path,
    backend: str,
    folds: int,
    seed: int,
    examples: bool,
    model_path: Path | None,
    as_json: bool,
) -> None:
    """CASE 2021 task 2 event typing: micro, macro and weighted F1 for subtasks 1-3.

    With --backend fitted or embed, each fold is labelled by a model fitted on the other
    folds only (needs scikit-learn: pip install threatline[fit]; embed also needs
    pip install threatline[embed]); with --model, a saved model labels the snippets of --data.

    Example: threatline eval case2021 --data ../shared/bench/case2021-task2/dev.tsv --json
    """
    from threatline.evaluate import case2021

    if model_path is not None and backend == "rules":
        raise click.UsageError("--model needs --backend fitted or embed")
    if backend != "rules":
        _require_fit_extra(backend)
        try:
            if model_path is not None:
                metrics = case2021.run_model(data, model_path)
            else:
                metrics = case2021.run_fitted(
                    data, folds=folds, seed=seed, examples=examples, backend=backend
                )
        except ThreatlineError as exc:
            raise _fail(exc) from exc
    else:
        metrics = case2021.run(data)
    _print_metrics(metrics, case2021.format_report(metrics), as_json)


@eval_group.command(name="coref")
@click.option(
    "--data",
    required=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="MUC-4 dev folder: dev-muc3-* messages and key-dev-*.muc4 answer keys.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as one JSON object last.")
def eval_coref(data: Path, as_json: bool) -> None:
    """Cross-article event merging on MUC-4 dev: B-cubed and pairwise F1 of our merged
    events against incident clusters derived from the keys, on the messages of the
    evaluation suite's date windows.

    Example: threatline eval coref --data ../shared/bench/muc4/dev --json
    """
    from threatline.evaluate import coref
    from threatline.evaluate.suite import coref_windows

    try:
        metrics = coref.run(data, windows=coref_windows())
    except ThreatlineError as exc:
        raise _fail(exc) from exc
    _print_metrics(metrics, coref.format_report(metrics), as_json)


def _require_fit_extra(backend: str = "fitted") -> None:
    try:
        import sklearn  # noqa: F401
    except ImportError as exc:
        raise click.ClickException(
            f"the {backend} backend needs scikit-learn: pip install 'threatline[fit]'"
        ) from exc
    if backend == "embed":
        from threatline.embeddings import require_embed_extra

        try:
            require_embed_extra()
        except ThreatlineError as exc:
            raise click.ClickException(str(exc)) from exc


@main.group(name="train")
def train_group() -> None:
    """Fit a model on labelled data (needs scikit-learn: pip install threatline[fit])."""


@train_group.command(name="case2021")
@click.option(
    "--data",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="TSV file with columns id, EventSnippet, SubType.",
)
@click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the fitted model (joblib).",
)
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the inner folds.")
@click.option(
    "--examples/--no-examples",
    default=True,
    show_default=True,
    help="Add the labelled example sentences shipped with threatline to every training set "
    "(fitted backend).",
)
@click.option(
    "--backend",
    type=click.Choice(["fitted", "embed"]),
    default="fitted",
    show_default=True,
    help="fitted: n-gram and rule features; embed: also the snippet's sentence embedding "
    "(extra 'embed'; the saved model needs it to predict).",
)
def train_case2021(data: Path, out: Path, seed: int, examples: bool, backend: str) -> None:
    """Fit the snippet classifier of ACLED sub-event types on a CASE 2021 task 2 file.

    Example: threatline train case2021 --data ../shared/bench/case2021-task2/dev.tsv
    --out model.joblib
    """
    _require_fit_extra(backend)
    from threatline.evaluate import case2021

    model = case2021.train_fitted(data, out, seed=seed, examples=examples, backend=backend)
    setting = model.chosen
    assert setting is not None
    click.echo(f"fitted on {data} ({len(model.labels_)} labels, {setting.describe()}); wrote {out}")


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
