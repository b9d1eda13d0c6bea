"""One worker process of test_embedding_backlog.py: waits until its siblings are up, then embeds from
the shared backlog with an embedder that writes down every text it was given, and the process it ran in.

Run as `python -m tests.search.changes.backlog_worker DIRECTORY WORKERS`, with DATABASE_URL naming the
test database.
"""

import hashlib
import os
import sys
import time
from pathlib import Path

import numpy as np

from search.vectors.embedding import Embedder

RECORD = "BACKLOG_RECORD"  # the file every worker appends its embedded texts to


class RecordingEmbedder(Embedder):
    model_name = "recording-v1"
    dimensions = 8

    def _vector(self, text):
        raw = np.frombuffer(hashlib.sha256(text.encode()).digest()[: self.dimensions], dtype=np.uint8)
        vector = raw.astype(np.float32) + 1
        return vector / np.linalg.norm(vector)

    def embed_query(self, text):
        return self._vector(text)

    def embed_passages(self, texts):
        texts = list(texts)
        time.sleep(0.05)  # a model takes a while: the other workers claim meanwhile
        with open(os.environ[RECORD], "a", encoding="utf-8") as record:
            record.writelines(f"{os.getpid()}\t{hashlib.sha256(text.encode()).hexdigest()}\n" for text in texts)
        return np.stack([self._vector(text) for text in texts])


def main(directory, workers):
    import django

    django.setup()
    from django.conf import settings

    from search.changes.backlog import BacklogWorker

    settings.SEARCH_EMBEDDER = f"{__name__}.RecordingEmbedder"
    directory = Path(directory)
    (directory / f"ready-{os.getpid()}").touch()
    deadline = time.monotonic() + 60
    while len(list(directory.glob("ready-*"))) < workers and time.monotonic() < deadline:
        time.sleep(0.01)
    BacklogWorker().run()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
