"""Exceptions raised by newscorp's library code; the CLI turns them into one-line messages."""


class NewscorpError(Exception):
    """Base class of every error newscorp reports to a user."""

    exit_code = 1


class InputError(NewscorpError):
    """A file or directory could not be used as input."""


class ModelError(NewscorpError):
    """A spaCy pipeline could not be found or loaded."""


class UsageError(NewscorpError):
    """An option or argument has a value newscorp cannot use."""

    exit_code = 2


class OutputError(NewscorpError):
    """An output file could not be written."""
