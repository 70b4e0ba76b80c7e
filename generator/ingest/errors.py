"""The one error type of ingest."""

from __future__ import annotations


class IngestError(Exception):
    """One input could not be ingested; ``str(e)`` is ``"<origin>: <problem>"`` on one line."""

    def __init__(self, origin: str, problem: str) -> None:
        self.origin = origin
        self.problem = " ".join(str(problem).split())
        super().__init__(f"{origin}: {self.problem}")
