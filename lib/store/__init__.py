"""The SQLite database; the only package that knows SQL.

schema: the tables, opening the database, StoreError. write: what the loader stores (articles and their
extractions, geocoder answers, corrections). queries: what the dashboard reads (filters in, DataFrames out).
The loader's names are re-exported here, so ``from lib import store; store.connect(...)`` keeps working.
"""
from lib.store.schema import DEFAULT_DB, SCHEMA_VERSION, StoreError, check_schema, connect, ensure_schema, now
from lib.store.write import (add_correction, cached_answer, corrections, document_status, place, save_answer,
                             write_document)
from lib.store.queries import counts

__all__ = ["DEFAULT_DB", "SCHEMA_VERSION", "StoreError", "add_correction", "cached_answer", "check_schema",
           "connect", "corrections", "counts", "document_status", "ensure_schema", "now", "place", "save_answer",
           "write_document"]
