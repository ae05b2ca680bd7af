"""Read Instant Data Workbench results from Python.

Usage: IDW_URL=http://127.0.0.1:5177 IDW_TOKEN=<token> python3 read_results.py

Needs pyarrow and pandas (`pip install pyarrow pandas`). Uses only the standard library for HTTP.
1. POST /api/v1/query answers an Arrow IPC stream: pyarrow.ipc.open_stream reads it batch by batch.
2. POST /api/v1/export with format "parquet" answers the finished file: pandas.read_parquet reads it.
"""

import io
import json
import os
import urllib.request

import pandas
import pyarrow.ipc

BASE = os.environ.get("IDW_URL", "http://127.0.0.1:5177")
TOKEN = os.environ["IDW_TOKEN"]
SQL = (
    "SELECT a.state, count(*) AS flights, round(avg(f.delay), 2)::numeric(8,2) AS avg_delay "
    "FROM flights.flights f JOIN files.airports a ON a.iata = f.origin "
    "GROUP BY a.state ORDER BY flights DESC, a.state"
)


def post(path: str, body: dict) -> urllib.request.addinfourl:
    request = urllib.request.Request(
        BASE + path,
        data=json.dumps(body).encode(),
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"},
    )
    return urllib.request.urlopen(request)


with post("/api/v1/query", {"sql": SQL}) as response:
    reader = pyarrow.ipc.open_stream(response)
    table = reader.read_all()
print(f"stream: {table.num_rows} rows, schema {table.schema.types}")
print(table.to_pandas().head(3).to_string(index=False))

with post("/api/v1/export", {"sql": SQL, "format": "parquet", "fileName": "states.parquet"}) as response:
    frame = pandas.read_parquet(io.BytesIO(response.read()))
print(f"parquet: {len(frame)} rows, dtypes {dict(frame.dtypes.astype(str))}")
