"""Optional dependencies of the export formats, and the error when one is missing.

The core library needs only attrs and cattrs. A format that needs more (PROV-O
Turtle needs the ``prov`` package) imports it through `require`, which names the
extra to install instead of surfacing a bare `ImportError`.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from claimtrack.errors import ClaimtrackError

__all__ = ["MissingExtraError", "require"]


def __dir__() -> list[str]:
    return list(__all__)


class MissingExtraError(ClaimtrackError, ImportError):
    """An export format needs a package that is not installed.

    Attributes:
        extra: The name of the claimtrack extra that installs it (``"prov"``).
        package: The missing import name (``"prov"``).
    """

    extra: str
    package: str

    def __init__(self, *, extra: str, package: str, purpose: str) -> None:
        self.extra = extra
        self.package = package
        msg = (
            f"{purpose} needs the optional package {package!r}, which is not "
            f"installed; install it with: pip install 'claimtrack[{extra}]'"
        )
        super().__init__(msg, name=package)

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (self.extra, self.package, str(self)))


def _rebuild(extra: str, package: str, message: str) -> MissingExtraError:
    error = MissingExtraError.__new__(MissingExtraError)
    ImportError.__init__(error, message, name=package)
    error.extra = extra
    error.package = package
    return error


def require(module: str, *, extra: str, purpose: str) -> ModuleType:
    """Import *module*, or raise `MissingExtraError` naming *extra*.

    Args:
        module: The dotted name to import (``"prov.model"``).
        extra: The claimtrack extra that provides it.
        purpose: What needs it, for the message ("PROV-O Turtle export").
    """
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as error:
        package = (error.name or module).partition(".")[0]
        raise MissingExtraError(extra=extra, package=package, purpose=purpose) from None
