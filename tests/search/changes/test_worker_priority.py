import os
import threading

import pytest

from search.changes.worker import lower_this_threads_priority

pytestmark = pytest.mark.skipif(os.uname().sysname != "Linux", reason="niceness is per thread on Linux only")


def niceness():
    return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())


def test_the_slow_step_and_the_threads_it_starts_yield_while_the_web_threads_keep_their_priority():
    web = niceness()
    seen = {}

    def slow_step():
        lower_this_threads_priority(10)
        seen["slow step"] = niceness()
        # The model's OpenMP threads are started by its first call, from this thread.
        model = threading.Thread(target=lambda: seen.setdefault("model thread", niceness()))
        model.start()
        model.join()
        lower_this_threads_priority(5)  # never raised again
        seen["after"] = niceness()

    thread = threading.Thread(target=slow_step)
    thread.start()
    thread.join()
    lowered = max(web, 10)
    assert seen == {"slow step": lowered, "model thread": lowered, "after": lowered}
    assert niceness() == web
