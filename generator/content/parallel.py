"""How the loader runs: across the machine's cores, and without the cycle collector.

Nothing here knows about stories; :mod:`generator.content.load` says what to run and how much
work makes a worker worth starting.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import TypeVar

_Item = TypeVar("_Item")
_Result = TypeVar("_Result")


def map_shared(
    function: Callable[[_Item], _Result],
    items: Sequence[_Item],
    *,
    per_worker: int,
    workers: int | None = None,
) -> list[_Result]:
    """``[function(item) for item in items]``, shared between worker processes when it pays.

    On Linux, with at least two workers (by default one per core, as long as each has
    ``per_worker`` items or more), forked processes take an equal share of the items
    each: nothing is imported again, and only the results travel back. Elsewhere, and
    for fewer items, this process does it all. The results keep the items' order.
    """
    if workers is None:
        workers = min(cores(), len(items) // per_worker)
    if workers < 2 or sys.platform != "linux":
        return [function(item) for item in items]
    fork = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(workers, mp_context=fork) as pool:
        return list(pool.map(function, items, chunksize=-(-len(items) // workers)))


def cores() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        return os.cpu_count() or 1


@contextmanager
def cycle_collection_paused() -> Iterator[None]:
    """Pause Python's cycle collector in the block.

    Loading creates millions of objects that stay alive and no reference cycles, so the
    collector would only scan them again and again (a quarter of the loading time).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
