"""The dumps of the store's current publication state: found on disk, or made on first request.

Layout: `<store>.dumps/<fingerprint>/` holds one state's files and its manifest. A state is
made in `making-<fingerprint>-<pid>/` and renamed into place when complete, so a reader never
sees half a file or half a set. When a state is complete the folders of earlier states go: a
download already under way keeps its open file (POSIX keeps an unlinked file until closed).

The serving process is the store's one writer and makes the dumps from the store itself, not
through the query workers: reading every quad is no public query (no deadline could be right
for it), and the seqlock of EmbeddedStore.write_generation shows whether a write came between.
"""

from __future__ import annotations

import os
import shutil
import threading
import time
from pathlib import Path

from kg.dumps.making import Manifest, make_dumps, read_manifest
from kg.dumps.state import publication_state
from kg.errors import Unavailable
from kg.store.base import Store

_TEMP_PREFIX = "making-"
_ATTEMPTS = 5


def dump_dir(store_path: Path) -> Path:
    return store_path.with_name(store_path.name + ".dumps")


class DumpShelf:
    def __init__(self, store: Store, directory: Path) -> None:
        self.store, self.directory = store, directory
        # One maker at a time: concurrent first requests for a state wait for its files.
        self._lock = threading.Lock()

    def current(self) -> Manifest:
        """The manifest of the dumps of the state the store is in now, made if need be."""
        state = publication_state(self.store)
        manifest = read_manifest(self.path(state.fingerprint), state)
        if manifest is not None:
            return manifest
        with self._lock:
            return self._make()

    def path(self, fingerprint: str) -> Path:
        return self.directory / fingerprint

    def _make(self) -> Manifest:
        for _ in range(_ATTEMPTS):
            generation = self.store.write_generation()
            if generation % 2:  # a write is under way; its state is the one to dump
                time.sleep(0.05)
                continue
            state = publication_state(self.store)
            final = self.path(state.fingerprint)
            manifest = read_manifest(final, state)  # made while this thread waited for the lock
            if manifest is not None:
                return manifest
            temporary = self.directory / f"{_TEMP_PREFIX}{state.fingerprint}-{os.getpid()}"
            shutil.rmtree(temporary, ignore_errors=True)
            temporary.mkdir(parents=True)
            try:
                manifest = make_dumps(self.store, state, temporary)
                if self.store.write_generation() != generation:
                    continue  # a write came in between: the files may mix two states
                temporary.rename(final)
            finally:
                shutil.rmtree(temporary, ignore_errors=True)
            self._prune(keep=final)
            return manifest
        raise Unavailable(messages={
            "en": "The data changed while the dumps were being written, several times over; "
                  "try again in a moment.",
            "de": "Die Daten haben sich mehrmals geändert, während die Abzüge geschrieben "
                  "wurden; versuchen Sie es gleich noch einmal."})

    def _prune(self, keep: Path) -> None:
        for path in self.directory.iterdir():
            if path != keep and path.is_dir() and not path.name.startswith(_TEMP_PREFIX):
                shutil.rmtree(path, ignore_errors=True)
