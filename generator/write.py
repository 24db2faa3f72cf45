"""Safe file writes: atomic replacement, so a reader or an interrupted build never sees half a file."""
from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path


def write_text(path: Path, text: str) -> bool:
    """Write ``text`` (UTF-8, ``\\n`` line ends) to ``path`` atomically: temp file + ``os.replace``.

    Returns False and leaves the file untouched when it already holds exactly ``text``, so
    unchanged outputs keep their modification time (``mkdocs serve`` then rebuilds less).
    """
    path = Path(path)
    data = text.encode("utf-8")
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


#: Names of ``write_text``'s temporary files: ``.NAME.XXXXXXXX.tmp`` (``tempfile.mkstemp``).
TEMP_NAME = re.compile(r"^\..+\.[a-z0-9_]{8}\.tmp$")


def remove_stale_temps(folder: Path) -> int:
    """Delete temporary files that a killed ``write_text`` left under ``folder``.

    Only names of the ``TEMP_NAME`` form are touched. Returns how many were removed.
    """
    removed = 0
    for path in Path(folder).rglob(".*.tmp"):
        if path.is_file() and TEMP_NAME.match(path.name):
            path.unlink(missing_ok=True)
            removed += 1
    return removed
