"""Run every evaluation on the development sets and compare with eval/floors.json.

Usage: python eval/run_all.py [--data-dir ../shared/bench] [--only timex] [--json]
Prints one row per figure with its floor; exits 1 when a figure is below its floor.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from threatline.evaluate import default_bench_dir
from threatline.evaluate.suite import EVAL_SETS, below_floors, load_floors, run_suite

FLOORS = Path(__file__).resolve().parent / "floors.json"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=default_bench_dir())
    parser.add_argument("--only", default=None, help="run only sets whose name starts so")
    parser.add_argument("--json", action="store_true", help="print all metrics as JSON last")
    args = parser.parse_args()
    floors = load_floors(FLOORS)
    results = run_suite(args.data_dir, only=args.only)
    failures: list[str] = []
    commands = {eval_set.name: eval_set.command for eval_set in EVAL_SETS}
    for name, metrics in results.items():
        print(f"{name}  ({metrics['seconds']} s)\n  $ {commands[name]}")
        for metric, floor in floors.get(name, {}).items():
            value = metrics
            for part in metric.split("."):
                value = value.get(part) if isinstance(value, dict) else None
            print(f"  {metric:<28} {value if value is None else round(value, 2):>8}  floor {floor}")
        failures += below_floors(name, metrics, floors.get(name, {}))
    if args.json:
        print(json.dumps(results, sort_keys=True))
    for failure in failures:
        print("BELOW FLOOR:", failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
