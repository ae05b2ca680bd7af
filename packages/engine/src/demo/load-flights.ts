import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { PoolClient } from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import type { Logger } from 'pino'
import type { Hub } from '../hub/index.js'
import { quoteIdent } from '../sources/index.js'
import { COPY_BINARY_HEADER, COPY_BINARY_TRAILER, encodeCopyRows, pgColumnsFor } from './copy-binary.js'
import { readParquetBatches } from './parquet-batches.js'
import { vegaDataFile } from './vega-data.js'

/** Database of the hub standing in for a remote PostgreSQL in the demo. */
export const DEMO_DATABASE = 'demo_remote'

/** Name under which a completed load is recorded in `public.demo_datasets`. */
const DATASET = 'flights-3m'

/** What `ensureFlightsLoaded` did. */
export interface FlightsLoad {
  /** True when the rows were loaded now; false when an earlier load had completed. */
  loadedNow: boolean
  rows: number
  ms: number
}

async function ensureDatabase(hub: Hub): Promise<void> {
  const { rowCount } = await hub.pool.query('SELECT 1 FROM pg_database WHERE datname = $1', [DEMO_DATABASE])
  if (rowCount) return
  await hub.pool.query(`CREATE DATABASE ${quoteIdent(DEMO_DATABASE)}`).catch((err: { code?: string }) => {
    if (err.code !== '42P04') throw err
  })
}

/** Streams the Parquet file into `public.flights` with binary COPY, logging progress per row group. */
async function copyFlights(client: PoolClient, file: string, logger: Logger): Promise<number> {
  let rows = 0
  const batches = readParquetBatches(file)
  const first = await batches.next()
  if (first.done) throw new Error(`${file} holds no rows`)
  const columns = pgColumnsFor(first.value.batch.schema)
  await client.query(
    `CREATE TABLE public.flights (${columns.map((c) => `${quoteIdent(c.name)} ${c.type}`).join(', ')})`,
  )
  async function* tuples(): AsyncGenerator<Buffer> {
    yield COPY_BINARY_HEADER
    let lastGroup = -1
    for (let next = first; !next.done; next = await batches.next()) {
      const { batch, rowGroup, rowGroups, totalRows } = next.value
      if (rowGroup !== lastGroup && lastGroup >= 0) {
        logger.info(
          { rows, totalRows, percent: Math.round((rows / totalRows) * 100), rowGroup: lastGroup + 1, rowGroups },
          'loading demo flights',
        )
      }
      lastGroup = rowGroup
      yield encodeCopyRows(batch)
      rows += batch.numRows
    }
    yield COPY_BINARY_TRAILER
  }
  await pipeline(Readable.from(tuples()), client.query(copyFrom('COPY public.flights FROM STDIN (FORMAT binary)')))
  return rows
}

/**
 * Loads `flights-3m.parquet` (vega-datasets; 3 000 000 rows: date timestamp, delay bigint, distance bigint,
 * origin text, destination text) into `demo_remote.public.flights` once. The load runs in one transaction that
 * also records its completion in `public.demo_datasets`, so an interrupted load leaves nothing and is redone
 * on the next start; a completed one is detected with one query. Memory stays at about one row group.
 * @throws Error (pg or file errors) when the load fails; the transaction is rolled back.
 */
export async function ensureFlightsLoaded(hub: Hub, logger: Logger): Promise<FlightsLoad> {
  const started = Date.now()
  await ensureDatabase(hub)
  const pool = hub.openPool(DEMO_DATABASE, 1)
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`idw.demo:${DATASET}`])
    await client.query(
      'CREATE TABLE IF NOT EXISTS public.demo_datasets (name text PRIMARY KEY, rows bigint NOT NULL, loaded_at timestamptz NOT NULL DEFAULT now())',
    )
    const done = await client.query<{ rows: string }>('SELECT rows FROM public.demo_datasets WHERE name = $1', [
      DATASET,
    ])
    if (done.rows[0]) {
      await client.query('COMMIT')
      return { loadedNow: false, rows: Number(done.rows[0].rows), ms: Date.now() - started }
    }
    const file = vegaDataFile('flights-3m.parquet')
    logger.info({ file, database: DEMO_DATABASE }, 'loading the demo flights (first start only)')
    await client.query('DROP TABLE IF EXISTS public.flights')
    const rows = await copyFlights(client, file, logger)
    await client.query('INSERT INTO public.demo_datasets (name, rows) VALUES ($1, $2)', [DATASET, rows])
    await client.query('COMMIT')
    await client.query('ANALYZE public.flights')
    logger.info({ rows, ms: Date.now() - started }, 'demo flights loaded')
    return { loadedNow: true, rows, ms: Date.now() - started }
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw err
  } finally {
    client.release()
    await pool.end()
  }
}
