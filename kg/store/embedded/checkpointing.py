"""The embedded store's side of checkpoints (kg.store.checkpoints): one after each committed
write while query workers read the store from other processes, and backups taken from them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox

from kg.errors import InsufficientStorage, no_space
from kg.store.base import StoreStats
from kg.store.checkpoints import Checkpoints, checkpoint_dir

_WRITTEN_NOT_SERVED = {
    "en": "The write was stored, but there is no space left on the disk to make it visible to "
          "queries yet. Free some space (or ask the operators to): the next write shows it, no "
          "restart is needed.",
    "de": "Der Schreibvorgang wurde gespeichert, aber auf dem Datenträger ist kein Platz mehr, "
          "um ihn schon für Abfragen sichtbar zu machen. Schaffen Sie Platz (oder bitten Sie die "
          "Betreiber darum): der nächste Schreibvorgang macht ihn sichtbar, ein Neustart ist "
          "nicht nötig."}


class CheckpointedWrites:
    """Of EmbeddedStore, which calls _committed() after each write it commits."""

    path: Path | None
    read_only: bool
    _ox: ox.Store
    _checkpoints: Checkpoints | None
    _stats: StoreStats | None
    _full_disk: bool
    _checkpoint_owed: bool

    def enable_checkpoints(self) -> Checkpoints:
        """Make a checkpoint now and after each committed write, beside the store."""
        if self.path is None or self.read_only:
            raise ValueError("Checkpoints need the writable on-disk store.")
        if self._checkpoints is None:
            self._checkpoints = Checkpoints(checkpoint_dir(self.path))
            self._checkpoints.make(self._ox)
        return self._checkpoints

    def disable_checkpoints(self) -> None:
        """Stop making checkpoints and delete them (once no worker reads them)."""
        if self._checkpoints is not None:
            self._checkpoints.remove_all()
            self._checkpoints = None

    def _committed(self) -> None:
        # The counts belong to the state a checkpoint shows. While a server reads checkpoints
        # they are taken once per write, so that /health never counts a large store per
        # request; a command that writes and exits (kg load) does not count at all.
        self._stats = None
        checkpoints = self._checkpoints
        if checkpoints is not None:
            try:
                checkpoints.make(self._ox)
            except OSError as exc:
                if not no_space(exc):
                    raise
                # Committed, but readers go on seeing the state before it until a checkpoint
                # can be made: the next write makes one first.
                self._full_disk = self._checkpoint_owed = True
                raise InsufficientStorage(messages=_WRITTEN_NOT_SERVED) from None
            self._checkpoint_owed = False
            self.stats()

    def backup(self, target: Path) -> None:
        """A copy of the committed state in `target` (a new folder). While query workers read
        checkpoints, the newest one is copied: the live store may be in the middle of a bulk
        write, which has no transaction, and a checkpoint is only made once a write is done."""
        checkpoints = self._checkpoints
        if checkpoints is None:
            self._ox.flush()
            self._ox.backup(str(target))
            return
        pinned = checkpoints.acquire()
        try:
            shutil.copytree(pinned, target)
        finally:
            checkpoints.release(pinned)
