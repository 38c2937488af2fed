"""The error an export format raises when a package it needs is not installed.

The core library needs only attrs and cattrs, and so does every format today.
A format that needs more names its extra (`Exporter.extra`) and raises this
error when the package is missing, naming the extra to install, instead of a
bare `ImportError`; the command line reports it as a usage error.
"""

from __future__ import annotations

from claimtrack.errors import ClaimtrackError

__all__ = ["MissingExtraError"]


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
