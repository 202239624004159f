"""Where extraction spends its time: a pyinstrument profile of ``pipeline.extract_batch``.

Usage::

    python bench/hotspots.py                  # 200 articles of the benchmark corpus
    python bench/hotspots.py --articles 400 --html profile.html

Loading the model and the gazetteer happens before the profile starts, so the report
shows the steady state of a long ingest. Needs the ``dev`` extra (pyinstrument).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import extract_in_batches, load_corpus, mixed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--html", type=Path, default=None, help="also write an HTML report")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: the project's)")
    args = parser.parse_args()

    from pyinstrument import Profiler

    from threatline.extract import Extractor

    articles = mixed(load_corpus(), args.articles)
    extractor = Extractor(model=args.model) if args.model else Extractor()
    list(extract_in_batches(extractor, articles[:4]))  # warm: model, gazetteer, lazy tables

    profiler = Profiler(interval=0.002)
    profiler.start()
    for _ in extract_in_batches(extractor, articles):
        pass
    profiler.stop()
    print(profiler.output_text(unicode=False, color=False, show_all=False, timeline=False))
    if args.html:
        args.html.write_text(profiler.output_html(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
