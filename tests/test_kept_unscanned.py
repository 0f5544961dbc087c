"""``build.kept_unscanned``: what a build loads to keep goes to the collector's oldest
generation without being walked, and the collector's state is restored."""
import gc

from sitegen.build import kept_unscanned


def test_what_it_loads_goes_to_the_oldest_generation():
    was = gc.isenabled()
    gc.enable()
    try:
        with kept_unscanned():
            assert not gc.isenabled()  # no collection walks the state while it loads
            kept = [[i] for i in range(1000)]
        assert gc.isenabled()
        assert gc.get_freeze_count() == 0  # nothing left out of the collector for good
        oldest = {id(o) for o in gc.get_objects(generation=2)}
        assert all(id(x) in oldest for x in kept)
        assert gc.get_count()[0] < 1000  # the young generation's count does not hold them
    finally:
        if not was:
            gc.disable()


def test_a_paused_collector_stays_paused_and_errors_pass():
    was = gc.isenabled()
    gc.disable()
    try:
        try:
            with kept_unscanned():
                raise KeyError("x")
        except KeyError:
            pass
        assert not gc.isenabled()
        assert gc.get_freeze_count() == 0
    finally:
        if was:
            gc.enable()
