"""A progress bar for long management commands: drawn in place on a terminal, silent in logs and cron."""

import time


class ProgressBar:
    WIDTH = 30

    def __init__(self, stream, total, label, enabled=None):
        self.stream = stream
        self.total = max(total, 0)
        self.label = label
        self.done = 0
        self.started = time.monotonic()
        self.enabled = stream.isatty() if enabled is None else enabled
        self._last_draw = 0.0
        self.detail = lambda: ""  # more to say after the counts (e.g. embedding throughput)

    @property
    def elapsed(self):
        return time.monotonic() - self.started

    def advance(self, count=1):
        self.done += count
        now = time.monotonic()
        # Redrawing ten times a second is smooth enough and costs nothing next to indexing.
        if self.enabled and (now - self._last_draw >= 0.1 or (count and self.done >= self.total)):
            self._last_draw = now
            self.draw()

    def draw(self):
        fraction = min(self.done / self.total, 1.0) if self.total else 1.0
        filled = int(fraction * self.WIDTH)
        bar = "█" * filled + "·" * (self.WIDTH - filled)
        self.stream.write(
            f"\r{self.label} [{bar}] {fraction:4.0%} {self.done}/{self.total} {self.elapsed:5.1f} s"
            f"{self.eta()}{self.detail()}",
            ending="",
        )
        self.stream.flush()

    def eta(self):
        """The " · about 3 min left" part, from the rate so far; empty before the first item and after the last."""
        if not self.done or self.done >= self.total:
            return ""
        return f" · about {duration(self.elapsed / self.done * (self.total - self.done))} left"

    def finish(self):
        if self.enabled:
            self.draw()
            self.stream.write("")  # end the line the bar was drawn on


def duration(seconds):
    """A rough human duration: "40 s", "12 min", "3 h 20 min"."""
    if seconds < 90:
        return f"{seconds:.0f} s"
    minutes = round(seconds / 60)
    if minutes < 90:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60} min"
