import { createHash } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import type { RecordBatch } from 'apache-arrow'
import { Table as WasmTable, writeParquet } from 'parquet-wasm'
import type { FileFormat } from '../format-settings.js'
import type { StatementInfo } from '../manifest/dataset-context.js'
import { sqlString } from './duckdb.js'

/** The statement facts of a test export. */
export const STATEMENT: StatementInfo = {
  jobId: null,
  sql: 'SELECT * FROM flights',
  executedSql: 'SELECT * FROM flights',
  parameters: [],
  rename: {},
  cast: {},
  context: { hubVersion: '15.0', sources: [{ name: 'flights', extension: 'postgres_fdw', version: '15.0' }] },
}

/** DuckDB's column types of the flights schema. */
const FLIGHT_COLUMNS =
  "{'date': 'TIMESTAMP', 'delay': 'BIGINT', 'distance': 'BIGINT', 'origin': 'VARCHAR', 'destination': 'VARCHAR'}"

/** SHA-256 of a file, lower-case hex, computed here independently of the export's own. */
export async function sha256Of(file: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(file))
    .digest('hex')
}

/**
 * A DuckDB table expression reading flights files of `format` (`files`: one path or a list). Arrow files are first
 * read by arrow-rs (parquet-wasm reads the IPC stream that follows the file's 8-byte magic) and rewritten as
 * Parquet beside them, so DuckDB, which has no Arrow IPC reader built in, can check their values.
 */
export async function flightsFrom(
  format: FileFormat,
  files: string | string[],
  csv: { delimiter?: string; header?: boolean } = {},
): Promise<string> {
  const list = Array.isArray(files) ? files : [files]
  const paths = `[${list.map(sqlString).join(', ')}]`
  switch (format) {
    case 'csv':
      return `read_csv(${paths}, header = ${csv.header ?? true}, delim = ${sqlString(csv.delimiter ?? ',')}, quote = '"', columns = ${FLIGHT_COLUMNS})`
    case 'jsonl':
      return `read_json(${paths}, format = 'newline_delimited', columns = ${FLIGHT_COLUMNS})`
    case 'parquet':
      return `read_parquet(${paths})`
    case 'arrow':
      return `read_parquet([${(await Promise.all(list.map(arrowAsParquet))).map(sqlString).join(', ')}])`
  }
}

/** Rewrites an Arrow IPC file as Parquet through arrow-rs; answers the Parquet path. */
export async function arrowAsParquet(file: string): Promise<string> {
  const bytes = await readFile(file)
  const table = WasmTable.fromIPCStream(bytes.subarray(8))
  const target = `${file}.check.parquet`
  await writeFile(target, writeParquet(table))
  return target
}

/** Batches replayed from memory, so one result can be exported several times. */
export async function* replay(batches: readonly RecordBatch[]): AsyncGenerator<RecordBatch> {
  yield* batches
}
