"""Building many objects at once, without the cyclic garbage collector.

Loading a file, building a graph's derived structures, running the checks and
assessing every claim each allocate hundreds of thousands of small objects and
free few. Collections that run meanwhile find nothing to free, yet each one
traverses every object alive, the whole graph included. Neither JSON values nor
records hold reference cycles, and reference counting still frees everything
else, so these bulk steps pause the collector.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["collection_paused"]


def __dir__() -> list[str]:
    return list(__all__)


@contextlib.contextmanager
def collection_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector, then restore its previous state.

    The previous state is restored on the way out, so blocks nest and a caller
    that disabled the collector keeps it disabled.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            _settle()
            gc.enable()


def _settle() -> None:
    """Move the objects built meanwhile to the oldest generation, unvisited.

    Re-enabled, the collector would find the whole block's allocations in its
    youngest generation and traverse every object built, the whole graph
    included, at the next allocation; then again a few collections later, on
    the way to the oldest generation. Freezing and unfreezing moves every
    tracked object straight to the oldest generation, without visiting any.
    That is done only when nobody else has frozen objects, which unfreezing
    would release.
    """
    if gc.get_freeze_count() == 0:
        gc.freeze()
        gc.unfreeze()
