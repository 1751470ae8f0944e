"""The collector is paused only while a run builds its data: a long-lived process (the Excel
panel's Python) must get it back as it was, even when the block fails."""

from __future__ import annotations

import gc

import pytest

from evalreport.store.collector_pause import collector_paused


def test_the_collector_is_back_after_the_block_even_when_it_fails():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("a damaged cache")
    assert gc.isenabled()


def test_a_collector_switched_off_by_the_caller_stays_off():
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
