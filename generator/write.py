"""Safe file writes: atomic replacement, so a reader or an interrupted build never sees half a file."""
from __future__ import annotations

import os
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
