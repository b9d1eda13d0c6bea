"""Each web host keeps its own backup copy of the search index, following the change log.

With app containers on several machines there is no shared disk for one embedded index file (and
SQLite must not live on a network filesystem), so every host keeps a local copy in its
SEARCH_EMBEDDED_PATH: a daemon thread in each web process tries to follow the change log every second,
and a file lock lets exactly one process per host do it. A copy that is missing, has another layout or
fell behind the purged part of the log is rebuilt from the database (on first start of a new host,
say), and it is compared with the database every SEARCH_CHECK_INTERVAL seconds and repaired.

Started from hub/wsgi.py when SEARCH_BACKUP_FEEDER is on (the production image); management
commands and tests never start it. Each gunicorn worker starts it after the fork, so do not run
gunicorn with --preload.
"""

import fcntl
import logging
import threading

from django.conf import settings

logger = logging.getLogger(__name__)
_started = threading.Lock()
_thread = None


def start_backup_feeder():
    """Start the feeder thread once per process (no-op without a backup copy or when turned off)."""
    global _thread
    if not settings.SEARCH_BACKUP_FEEDER:
        return None
    with _started:
        if _thread is None or not _thread.is_alive():
            _thread = threading.Thread(target=_run, name="search-backup-feeder", daemon=True)
            _thread.start()
    return _thread


def _run():
    from search.changes.consumers import LocalCopyConsumer
    from search.changes.worker import Worker
    from search.engines import get_backup_backend

    backup = get_backup_backend()
    if backup is None:
        return
    backup.path.parent.mkdir(parents=True, exist_ok=True)
    # One active feeder per host: the other processes' threads wait here as stand-bys and one takes
    # over when the holder's process ends (the kernel drops its lock).
    with open(f"{backup.path}.feeder", "a") as standby:
        fcntl.flock(standby, fcntl.LOCK_EX)
        logger.info("Backup search copy %s: this process keeps it following the change log", backup.path)
        Worker(
            find_consumers=lambda: [LocalCopyConsumer(backup)], slow_step=False, report=logger.info
        ).run()
