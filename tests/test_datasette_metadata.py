"""The Datasette metadata file describes every table and column of the schema, and Datasette reads it."""
import asyncio
import concurrent.futures
import json

import pytest

from lib.paths import ROOT
from lib.store import schema
from tests.helpers_db import build_seed_db

METADATA = ROOT / "datasette-metadata.json"


def described() -> dict:
    return json.loads(METADATA.read_text(encoding="utf-8"))["databases"]["atlas"]["tables"]


@pytest.mark.parametrize("table", sorted(schema.TABLES))
def test_every_table_and_column_of_the_schema_is_described(table):
    tables = described()
    assert tables.get(table, {}).get("description"), f"{table} has no description"
    columns = tables[table].get("columns", {})
    missing = [c for c in schema.TABLES[table][0] if not columns.get(c)]
    assert not missing, f"{table}: no description for {missing}"
    extra = [c for c in columns if c not in schema.TABLES[table][0]]
    assert not extra, f"{table}: described columns that do not exist: {extra}"


def test_datasette_shows_the_descriptions_for_the_database(tmp_path):
    from datasette.app import Datasette

    path = build_seed_db(tmp_path / "atlas.db")
    ds = Datasette([str(path)], metadata=json.loads(METADATA.read_text(encoding="utf-8")))

    async def fetch():
        await ds.invoke_startup()
        table = await ds.client.get("/atlas/incidents.json?_shape=objects&_extra=columns")
        page = await ds.client.get("/atlas/incidents")
        return table, page

    # in a thread of its own: the browser tests' sync driver may leave an event loop running in this one
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        table, page = pool.submit(asyncio.run, fetch()).result(timeout=120)
    assert table.status_code == 200 and table.json()["rows"][0]["type"] == "bombing"
    assert described()["incidents"]["columns"]["event_id"][:40] in page.text
