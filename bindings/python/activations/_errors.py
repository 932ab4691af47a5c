"""Exceptions for the library's non-zero act_status codes."""

from __future__ import annotations

from typing import Dict, Optional, Type


class ActivationsError(Exception):
    """A non-zero act_status returned by libactivations.

    Attributes: ``status`` (the act_status code), ``message`` (the library's
    act_status_message text) and ``function`` (the C symbol that returned it).
    """

    #: The act_status code this class stands for (None: any unknown code).
    code: Optional[int] = None

    def __init__(self, status: int, message: str, function: str) -> None:
        super().__init__(f"{function}: {message}")
        self.status = status
        self.message = message
        self.function = function


class NullPointerError(ActivationsError, ValueError):
    """ACT_ERR_NULL_POINTER: a required pointer is NULL while there is work."""

    code = -1


class SizeError(ActivationsError, ValueError):
    """ACT_ERR_SIZE: a count or shape out of range."""

    code = -2


class ParameterError(ActivationsError, ValueError):
    """ACT_ERR_PARAMETER: a parameter outside its domain (e.g. alpha = nan)."""

    code = -3


class OverlapError(ActivationsError, ValueError):
    """ACT_ERR_OVERLAP: an output partially overlaps an input."""

    code = -4


class AlignmentError(ActivationsError, ValueError):
    """ACT_ERR_ALIGNMENT: a pointer not aligned to its element type."""

    code = -5


class OutOfMemoryError(ActivationsError, MemoryError):
    """ACT_ERR_MEMORY: the library could not allocate its working memory (only the
    float16/bfloat16 row functions allocate: float scratch for their rows)."""

    code = -6


_BY_CODE: Dict[Optional[int], Type[ActivationsError]] = {cls.code: cls for cls in ActivationsError.__subclasses__()}


def error_class(status: int) -> Type[ActivationsError]:
    """The exception class for an act_status code (ActivationsError if unknown)."""
    return _BY_CODE.get(status, ActivationsError)
