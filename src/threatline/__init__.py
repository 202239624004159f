"""threatline: sourced, time-resolved, geocoded event data from news reports."""

import os
from pathlib import Path

__version__ = "0.1.0"


def cache_root(cache_dir: Path | str | None = None) -> Path:
    """Where threatline keeps what it builds once (gazetteer index, unpacked models):
    ``cache_dir`` if given, else ``$THREATLINE_CACHE``, else ``threatline`` under the user's
    cache folder (``$XDG_CACHE_HOME`` or ``~/.cache``)."""
    if cache_dir:
        return Path(cache_dir)
    if os.environ.get("THREATLINE_CACHE"):
        return Path(os.environ["THREATLINE_CACHE"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "threatline"
