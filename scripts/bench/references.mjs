import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { DuckDBInstance } from '@duckdb/node-api'

const run = promisify(execFile)
/** psql may take this long before the bench gives up on it (ms). */
const PSQL_TIMEOUT_MS = 600_000

/** `text` as a SQL string literal. */
const literal = (text) => `'${text.replaceAll("'", "''")}'`

/**
 * The reference for streaming and CSV export: `psql -c "\copy (<sql>) TO '<file>' (FORMAT csv, HEADER)"` with
 * Debian's psql client (libpq), timed from spawn to exit (psql's connection start is included: ~10 ms).
 * @param {NodeJS.ProcessEnv} env libpq environment of the hub (`libpqEnv`)
 * @returns {Promise<{ rows: number, ms: number }>}
 * @throws Error with psql's stderr when it fails or does not report `COPY <n>`
 */
export async function psqlCopyCsv(env, sql, file) {
  const command = `\\copy (${sql}) TO ${literal(file)} (FORMAT csv, HEADER)`
  const started = performance.now()
  const { stdout } = await run('psql', ['-X', '-v', 'ON_ERROR_STOP=1', '-c', command], {
    env,
    timeout: PSQL_TIMEOUT_MS,
  }).catch((err) => {
    throw new Error(`psql \\copy failed: ${err.stderr || err.message}`, { cause: err })
  })
  const ms = performance.now() - started
  const rows = Number(stdout.match(/COPY (\d+)/)?.[1] ?? Number.NaN)
  if (!Number.isFinite(rows)) throw new Error(`psql \\copy did not report its row count: ${stdout}`)
  return { rows, ms }
}

/**
 * DuckDB's Parquet writer as the reference for Parquet export: the CSV written by psql is loaded into an
 * in-memory DuckDB table once (not timed); `parquetMs(file)` then times `COPY (SELECT * FROM t) TO file
 * (FORMAT parquet, COMPRESSION zstd)` (zstd and DuckDB's 122,880-row groups: the engine's defaults).
 * @returns {Promise<{ rows: number, types: string, parquetMs: (file: string) => Promise<number>,
 *   close: () => void }>} `types`: the column types DuckDB detected, for the record
 */
export async function openDuckDbReference(csvFile) {
  const instance = await DuckDBInstance.create(':memory:')
  const connection = await instance.connect()
  await connection.run(`CREATE TABLE t AS SELECT * FROM read_csv(${literal(csvFile)}, header = true)`)
  const count = await connection.runAndReadAll('SELECT count(*)::INTEGER AS n FROM t')
  const described = await connection.runAndReadAll('DESCRIBE t')
  const types = described
    .getRowObjectsJson()
    .map((r) => `${r.column_name} ${r.column_type}`)
    .join(', ')
  return {
    rows: Number(count.getRowObjectsJson()[0]?.n),
    types,
    parquetMs: async (file) => {
      const started = performance.now()
      await connection.run(`COPY (SELECT * FROM t) TO ${literal(file)} (FORMAT parquet, COMPRESSION zstd)`)
      return performance.now() - started
    },
    close: () => {
      connection.closeSync()
      instance.closeSync()
    },
  }
}
