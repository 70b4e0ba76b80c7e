"""The build collects garbage less often, and gives the caller's thresholds back."""

from __future__ import annotations

import gc

import pytest

from generator.pipeline import GC_THRESHOLD, _fewer_collections


def test_thresholds_are_raised_in_the_build_and_restored_after_a_failure():
    before = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        with pytest.raises(RuntimeError), _fewer_collections():
            assert gc.get_threshold() == (GC_THRESHOLD, 10, 10)
            raise RuntimeError("a failed build")
        assert gc.get_threshold() == (700, 10, 10)
        gc.set_threshold(50_000, 5, 5)  # a caller's higher threshold is kept
        with _fewer_collections():
            assert gc.get_threshold() == (50_000, 5, 5)
        assert gc.get_threshold() == (50_000, 5, 5)
    finally:
        gc.set_threshold(*before)
