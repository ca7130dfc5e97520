"""parsers.sharing.in_order: work shared with a forked helper, every result once and in order."""
import gc
import multiprocessing
import os
import signal
import time

from parsers.sharing import in_order


def where(index):
    time.sleep(0.01)  # long enough that the helper, started at once, takes some items
    return index, os.getpid()


def test_results_come_in_order_whoever_did_them():
    for count in (0, 1, 2, 7, 40):
        assert [index for index, _ in in_order(count, where)] == list(range(count))


def test_this_process_takes_the_front_and_the_helper_the_back():
    workers = [pid for _, pid in in_order(40, where)]
    here = os.getpid()
    mine = workers.count(here)
    assert 0 < mine < 40
    assert workers[:mine] == [here] * mine  # one run from the front ...
    assert len(set(workers[mine:])) == 1 and workers[-1] != here  # ... and the helper's from the back


def test_items_the_helper_took_when_it_died_are_done_here():
    parent = os.getpid()

    def work(index):
        if os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)  # the helper is killed on its first item
        return index * index

    assert list(in_order(10, work)) == [i * i for i in range(10)]


def test_the_helper_is_gone_and_nothing_stays_frozen_even_when_the_reader_stops_early():
    results = in_order(40, where)
    assert next(results)[0] == 0
    results.close()
    assert multiprocessing.active_children() == []
    assert gc.get_freeze_count() == 0
    list(in_order(5, where))
    assert multiprocessing.active_children() == []
    assert gc.get_freeze_count() == 0
