"""Dumps of the published dataset: files beside the store, one set per publication state.

names: which files a state has and what they are called; state: the fingerprint of a
publication state; making: writing one state's files; shelf: finding or making the files of
the store's current state, and throwing away those of earlier states.
"""

from kg.dumps.making import DumpFile, Manifest
from kg.dumps.names import DUMP_FORMATS, DumpFormat, file_name, file_names
from kg.dumps.shelf import DumpShelf, dump_dir
from kg.dumps.state import PublicationState, publication_state

__all__ = ["DUMP_FORMATS", "DumpFile", "DumpFormat", "DumpShelf", "Manifest", "PublicationState",
           "dump_dir", "file_name", "file_names", "publication_state"]
