"""Error classes. Each carries a code and says what to do, like ``[E012] ...``."""

from __future__ import annotations


class ThreatlineError(Exception):
    """Base of all threatline errors."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(f"[{self.code}] {message}")


class InputError(ThreatlineError):
    """An input file or record that cannot be read as an article."""

    code = "E001"


class ConfigError(ThreatlineError):
    """A missing model, data file or bad option."""

    code = "E002"


class StoreError(ThreatlineError):
    """The database cannot be opened or written."""

    code = "E003"


class EvalDataError(ThreatlineError):
    """Evaluation data missing or in an unknown format."""

    code = "E004"
