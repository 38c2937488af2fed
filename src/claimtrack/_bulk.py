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
from types import TracebackType

__all__ = ["collection_paused"]


def __dir__() -> list[str]:
    return list(__all__)


class _Pause:
    """Pause the collector on entry; on exit, turn it back on."""

    __slots__ = ()

    def __enter__(self) -> None:
        gc.disable()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        _settle()
        gc.enable()


_PAUSE = _Pause()
# The collector is off already, by the caller's choice: leave it as it is.
_UNCHANGED = contextlib.nullcontext()


def collection_paused() -> contextlib.AbstractContextManager[None]:
    """Pause the cyclic garbage collector for a block, then restore its state.

    Blocks nest, and a caller that disabled the collector keeps it disabled.
    Cheap enough to wrap the memoised steps of a graph that run once per claim:
    inside a bulk step, where the collector is already off, it does nothing.
    """
    return _PAUSE if gc.isenabled() else _UNCHANGED


# A block that allocated fewer objects than this leaves them where they are:
# the next young collection costs little, and may find their cycles.
_BULK = 10_000


def _settle() -> None:
    """Move the objects built meanwhile to the oldest generation, unvisited.

    Re-enabled, the collector would find the whole block's allocations in its
    youngest generation and traverse every object built, the whole graph
    included, at the next allocation; then again a few collections later, on
    the way to the oldest generation. Freezing and unfreezing moves every
    tracked object straight to the oldest generation, without visiting any.
    That is done only when nobody else has frozen objects, which unfreezing
    would release. A small block is left alone: its objects cost the next
    young collection little, and may be garbage that collection finds.
    """
    if gc.get_count()[0] >= _BULK and gc.get_freeze_count() == 0:
        gc.freeze()
        gc.unfreeze()
