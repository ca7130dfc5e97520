"""Work over numbered items shared between this process and one forked helper, results in order.

`in_order(count, work)` yields work(0), work(1), ... work(count - 1). This process takes items
from the front, a helper forked now takes them from the back, each claiming its next item under
a shared lock, so neither waits while the other still has items to take (work stealing: no
fixed halves, however unequal the items). The helper inherits everything the items need through
the fork (the documents read, the loaded models), so only its results cross a pipe; a thread
here receives them as they come, so the helper never waits on a full pipe.

Everything alive at the fork is frozen for the collector first (gc.freeze): neither process
scans the models again, and the helper does not copy the pages it would touch doing so.
If the helper dies (killed, out of memory), the items it took are done here. `work` must
not raise (the pipeline's catches every error of a file); Ctrl+C stops both processes.
"""
from __future__ import annotations

import gc
import os
import threading
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

T = TypeVar("T")
_MISSING: Any = object()


def in_order(count: int, work: Callable[[int], T]) -> Iterator[T]:
    """work(i) for i in range(count), in order, on this process and a forked helper."""
    import multiprocessing

    if count <= 0:
        return
    context = multiprocessing.get_context("fork")
    front = context.RawValue("i", 0)  # the next item this process takes
    back = context.RawValue("i", count - 1)  # the next item the helper takes
    lock = context.Lock()
    receive, send = context.Pipe(duplex=False)
    gc.freeze()
    try:
        helper = context.Process(target=_help, args=(work, front, back, lock, send), daemon=True)
        helper.start()
    except OSError:  # no process could start: everything here
        gc.unfreeze()
        receive.close()
        send.close()
        yield from (work(index) for index in range(count))
        return
    send.close()  # the helper's end: when the helper ends, this end reads EOF
    results: dict[int, T] = {}
    arrived = threading.Condition()
    gone = threading.Event()

    def collect() -> None:
        try:
            while True:
                index, value = receive.recv()
                with arrived:
                    results[index] = value
                    arrived.notify_all()
        except (EOFError, OSError):
            pass
        finally:
            with arrived:
                gone.set()
                arrived.notify_all()

    collector = threading.Thread(target=collect, name="sharing-results", daemon=True)
    collector.start()
    finished = False
    try:
        while True:
            with lock:
                index = front.value
                if index > back.value:
                    break
                front.value = index + 1
            yield work(index)
        for index in range(front.value, count):  # the helper's items, in order
            with arrived:
                while index not in results and not gone.is_set():
                    arrived.wait()
                value = results.pop(index, _MISSING)
            yield work(index) if value is _MISSING else value  # the helper died before this one
        finished = True
    finally:
        if not finished and helper.is_alive():
            helper.terminate()
        helper.join()
        receive.close()
        collector.join(timeout=1)
        gc.unfreeze()


def _help(work: Callable[[int], Any], front: Any, back: Any, lock: Any, send: Any) -> None:
    """The helper: take items from the back until the two ends meet; send each result."""
    try:
        while True:
            with lock:
                index = back.value
                if index < front.value:
                    break
                back.value = index - 1
            send.send((index, work(index)))
        send.close()
    except (KeyboardInterrupt, BrokenPipeError):
        pass
    os._exit(0)  # nothing of the parent's to tear down or flush twice
