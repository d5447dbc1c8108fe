"""The one kind of error an import raises: it says which paper, where, and what was expected."""


class PaperError(Exception):
    """A paper could not be imported. Nothing has been written when this is raised."""

    def __init__(self, message: str, *, source: str | None = None, page: int | None = None,
                 line: int | None = None, expected: str | None = None):
        super().__init__(message)
        self.message = message
        self.source = source
        self.page = page
        self.line = line
        self.expected = expected

    def located(self, source: str) -> "PaperError":
        """The same error, naming the paper it came from."""
        if self.source is None:
            self.source = source
        return self

    def __str__(self) -> str:
        where = ", ".join(
            part for part in (
                self.source,
                f"page {self.page}" if self.page is not None else None,
                f"line {self.line}" if self.line is not None else None,
            ) if part
        )
        text = f"{where}: {self.message}" if where else self.message
        if self.expected:
            text += f" (expected {self.expected})"
        return text


class UnsupportedFormat(PaperError):
    """The bytes are not text, HTML, PDF or DOCX, or are damaged."""


class PaperTooLarge(PaperError):
    """The paper is larger than the configured limit."""


class UnrecognisedPaper(PaperError):
    """The paper is readable but is not one of the kinds Scrutiny Desk imports."""


class MalformedPaper(PaperError):
    """The paper is of a known kind but a part of it could not be read."""
