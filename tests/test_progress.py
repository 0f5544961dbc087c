import io

from sitegen.progress import ProgressBar, Reporter


class Tty(io.StringIO):
    def isatty(self):
        return True


def test_bar_draws_on_a_terminal_and_ends_the_line():
    stream = Tty()
    bar = ProgressBar(3, "translate", stream=stream, unit="sentences")
    for _ in range(3):
        bar.update()
    bar.close()
    text = stream.getvalue()
    assert "3/3 sentences" in text and text.endswith("\n")


def test_bar_is_silent_when_not_a_terminal():
    quiet = io.StringIO()
    bar = ProgressBar(3, "translate", stream=quiet)
    bar.update(3)
    bar.close()
    assert quiet.getvalue() == ""


def test_custom_counter_format():
    stream = Tty()
    bar = ProgressBar(4 << 20, "download", stream=stream, fmt=lambda d, t: f"{d >> 20}/{t >> 20} MiB")
    bar.update(4 << 20)
    bar.close()
    assert "4/4 MiB" in stream.getvalue()


def test_reporter_progress_yields_everything_and_respects_quiet():
    quiet = Reporter(0, stream=Tty())
    assert list(quiet.progress(iter(range(5)), 5, "parse")) == [0, 1, 2, 3, 4]
    assert quiet.stream.getvalue() == ""
    loud = Reporter(1, stream=Tty())
    assert list(loud.progress(iter(range(5)), 5, "parse")) == [0, 1, 2, 3, 4]
    assert "5/5" in loud.stream.getvalue()
