"""The upload panel's result: one summary line, the failures first, files by their own names.

Gradio saves each upload under a temporary folder; a reason that names that path means nothing
to the person who picked the file, so it is said with the file's own name instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ui.render import plural

if TYPE_CHECKING:
    from assistant import IngestReport

_NAMED_ADDED = 10


@dataclass
class UploadTally:
    """What the uploads of one click did, file by file.

    Usage::

        tally = UploadTally()
        for path in uploaded:
            tally.add(path, assistant.ingest([path]))
        tally.summary()  # "20 added, 0 failed, 73 passages, 41 s" and the failures
    """

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    passages: int = 0
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)
    added_files: list[str] = field(default_factory=list)

    def add(self, path: str | Path, report: IngestReport) -> None:
        """Count ``report``, the ingest of the uploaded file at ``path``."""
        name = Path(path).name
        self.added += report.added
        self.updated += report.updated
        self.unchanged += report.unchanged
        self.passages += report.chunks_written
        self.seconds += report.seconds
        for failure in report.failures:
            self.failures.append(f"{name}: {_named(failure.reason, Path(path), name)}")
        if report.added or report.updated:
            self.added_files.append(name)

    def fail(self, path: str | Path, reason: str) -> None:
        """Count a file that was not ingested at all, for ``reason``."""
        name = Path(path).name
        self.failures.append(f"{name}: {_named(reason, Path(path), name)}")

    @property
    def failed(self) -> int:
        """Failures so far (a file can fail in several records)."""
        return len(self.failures)

    def progress(self, done: int, total: int) -> str:
        """The progress bar's text: files read and what they added so far."""
        return f"Indexing {done}/{total} files: {self.added} added, {self.failed} failed"

    def summary(self) -> str:
        """One line of counts, then each failure, then the files indexed."""
        counts = [f"{self.added} added"]
        if self.updated:
            counts.append(f"{self.updated} updated")
        if self.unchanged:
            counts.append(f"{self.unchanged} unchanged")
        counts += [f"{self.failed} failed", plural(self.passages, "passage")]
        seconds = f"{self.seconds:.1f}" if self.seconds < 10 else f"{self.seconds:.0f}"
        lines = [", ".join(counts) + f", {seconds} s"]
        lines += [f"failed: {failure}" for failure in self.failures]
        if self.added_files:
            shown = ", ".join(self.added_files[:_NAMED_ADDED])
            more = len(self.added_files) - _NAMED_ADDED
            lines.append(f"indexed: {shown}" + (f" and {more} more" if more > 0 else ""))
        return "\n".join(lines)


def _named(reason: str, path: Path, name: str) -> str:
    """``reason`` with the upload's temporary path (and its folder) replaced by ``name``;
    a reason that starts with the file's name does not say it twice."""
    for spelling in sorted({str(path.resolve()), str(path)}, key=len, reverse=True):
        reason = reason.replace(spelling, name)
    reason = reason.replace(str(path.parent.resolve()) + "/", "")
    return reason.removeprefix(f"{name}: ")
