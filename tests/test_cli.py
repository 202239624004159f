import json

import jsonschema
import pytest
from click.testing import CliRunner

from threatline.cli import main
from threatline.schema import extract_schema

ARTICLE = """Title: Checkpoint bombing in Peshawar
Source: threatline test desk
Published: 2024-05-14

A car bomb exploded at a police checkpoint in Peshawar on Monday, killing six people and
wounding 20 others, police said. The Pakistani Taliban claimed responsibility for the attack
in a statement on Tuesday.
"""


def _commands(group, prefix=()):
    for name, command in group.commands.items():
        if hasattr(command, "commands"):
            yield from _commands(command, (*prefix, name))
        else:
            yield (*prefix, name), command


@pytest.mark.parametrize("path,command", list(_commands(main)), ids=lambda x: str(x))
def test_cli_every_command_is_documented_with_an_example(path, command):
    assert command.help and "Example:" in command.help, f"{' '.join(path)} lacks an example"
    for param in command.params:
        if param.param_type_name == "option":
            assert param.help, f"{' '.join(path)} {param.opts[0]} has no help"


def test_cli_readme_mentions_every_command():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    for path, _ in _commands(main):
        assert f"threatline {path[0]}" in readme


@pytest.mark.model
def test_cli_extract_json_follows_the_schema(tmp_path):
    source = tmp_path / "article.txt"
    source.write_text(ARTICLE)
    result = CliRunner().invoke(main, ["extract", str(source), "--json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.output.strip().splitlines()[0])
    jsonschema.validate(document, extract_schema())
    assert document["article"]["published"] == "2024-05-14"
    types = {event["type"] for event in document["events"]}
    assert "claim_of_responsibility" in types
    assert types & {"bombing", "attack"}


@pytest.mark.model
def test_cli_extract_published_overrides_the_header(tmp_path):
    source = tmp_path / "article.txt"
    source.write_text(ARTICLE)
    args = ["extract", str(source), "--json", "--published", "2024-06-01"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert json.loads(result.output.splitlines()[0])["article"]["published"] == "2024-06-01"


@pytest.mark.model
def test_cli_ingest_is_idempotent_and_events_lists_csv(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE)
    (folder / "empty.txt").write_text("")
    db = str(tmp_path / "t.sqlite")
    runner = CliRunner()
    first = runner.invoke(main, ["ingest", str(folder), "--db", db, "--no-progress"])
    assert first.exit_code == 0, first.output
    assert "stored 1 articles" in first.output
    second = runner.invoke(main, ["ingest", str(folder), "--db", db, "--no-progress"])
    assert "stored 0 articles" in second.output and "1 duplicates" in second.output
    listing = runner.invoke(main, ["events", "--db", db, "--csv"])
    assert listing.exit_code == 0
    header, *rows = listing.output.strip().splitlines()
    assert "type" in header.split(",") and rows


def test_cli_eval_options_take_several_files_after_one_flag():
    import click

    from threatline.cli import ManyValues

    @click.command()
    @click.option("--texts", cls=ManyValues, required=True)
    @click.option("--keys", cls=ManyValues, required=True)
    @click.option("--json", "as_json", is_flag=True)
    def command(texts, keys, as_json):
        click.echo(f"{texts}|{keys}|{as_json}")

    runner = CliRunner()
    result = runner.invoke(command, ["--texts", "a", "b", "--keys", "c", "d", "--json"])
    assert result.output.strip() == "('a', 'b')|('c', 'd')|True"
    result = runner.invoke(command, ["--texts", "a", "--texts", "b", "--keys", "c"])
    assert result.output.strip() == "('a', 'b')|('c',)|False"


def test_cli_eval_coref_runs_the_suite_windows(tmp_path, monkeypatch):
    import datetime as dt

    from threatline.evaluate import coref
    from threatline.evaluate.suite import COREF_WINDOWS

    calls = []
    metrics = {
        "bcubed": {"p": 90.0, "r": 80.0, "f1": 84.71},
        "pairwise": {"p": 50.0, "r": 25.0, "f1": 33.33, "tp": 1, "fp": 1, "fn": 3},
        "largest_gold_cluster": 3,
        "largest_split": 2,
        "max_split": 2,
        "worst_split_cluster": "3 templates, first DEV-1",
        "n_multi_gold_clusters": 1,
        "n_messages": 4,
        "n_items": 5,
        "n_gold_clusters": 3,
        "n_predicted_clusters": 3,
        "n_aligned": 4,
    }

    def fake_run(dev_dir, windows=None, **_):
        calls.append((dev_dir, windows))
        return metrics

    monkeypatch.setattr(coref, "run", fake_run)
    result = CliRunner().invoke(main, ["eval", "coref", "--data", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    [(data, windows)] = calls
    assert data == tmp_path
    # The windows of the evaluation suite, as dates, so both commands score one subset.
    assert [(a.isoformat(), b.isoformat()) for a, b in windows] == list(COREF_WINDOWS)
    assert all(isinstance(a, dt.date) for a, _ in windows)
    lines = result.output.strip().splitlines()
    assert lines[1].split() == ["bcubed", "90.0", "80.0", "84.7"]
    assert json.loads(lines[-1])["bcubed"]["f1"] == 84.71


def test_cli_eval_coref_without_data_says_what_to_do(tmp_path):
    result = CliRunner().invoke(main, ["eval", "coref", "--data", str(tmp_path)])
    assert result.exit_code != 0
    assert "No MUC-4 dev texts" in result.output
