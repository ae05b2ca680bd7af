import { DuckDBInstance } from '@duckdb/node-api'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmbeddedTestHub, TEST_DATA_DIR, type TestHub } from '../../test/embedded-hub.js'
import { readCatalog } from '../catalog/index.js'
import { startHub } from '../hub/index.js'
import { applySources } from '../sources/index.js'
import { demoSourcesConfig } from './demo-sources.js'
import { ensureDemoWorkspace } from './ensure-demo.js'
import { vegaDataFile } from './vega-data.js'

const logger = pino({ level: 'silent' })
const FLIGHTS_PER_STATE = `SELECT a.state, count(*) AS flights, avg(f.delay) AS avg_delay
  FROM flights.flights f JOIN files.airports a ON a.iata = f.origin
  GROUP BY a.state ORDER BY flights DESC`

/** A hub of its own: these tests stop and restart it, which the shared test hub must never see. */
const DEMO_DATA_DIR = `${TEST_DATA_DIR}-demo`
let test: TestHub

beforeAll(async () => {
  test = await startEmbeddedTestHub({ logger, dataDir: DEMO_DATA_DIR })
})

afterAll(async () => {
  await test?.hub.stop()
})

describe('demo workspace', () => {
  it('answers "flights and average delay per origin state" across postgres_fdw and file_fdw', async () => {
    const started = Date.now()
    const { rows } = await test.hub.pool.query<{ state: string | null; flights: string; avg_delay: string }>(
      FLIGHTS_PER_STATE,
    )
    const ms = Date.now() - started
    expect(rows).toHaveLength(52)
    expect(rows.reduce((sum, r) => sum + Number(r.flights), 0)).toBe(3_000_000)
    expect(rows.slice(0, 3).map((r) => [r.state, Number(r.flights)])).toEqual([
      ['CA', 370248],
      ['TX', 355905],
      ['FL', 202119],
    ])
    expect(Number(rows[0]?.avg_delay)).toBeCloseTo(7.361031, 5)
    expect(rows.filter((r) => r.state === null).map((r) => Number(r.flights))).toEqual([108])
    expect(ms).toBeLessThan(30_000)
  })

  it('holds the same flights as the Parquet file, read independently with DuckDB', async () => {
    const duck = await (await DuckDBInstance.create(':memory:')).connect()
    const reader = await duck.runAndReadAll(
      `SELECT count(*)::VARCHAR AS n, sum(delay)::VARCHAR AS delay, sum(distance)::VARCHAR AS distance,
              min(date)::VARCHAR AS first, max(date)::VARCHAR AS last, count(DISTINCT origin)::VARCHAR AS origins,
              count(*) FILTER (WHERE destination = 'SFO')::VARCHAR AS to_sfo
         FROM read_parquet('${vegaDataFile('flights-3m.parquet')}')`,
    )
    const expected = reader.getRowObjectsJson()[0]
    duck.closeSync()
    const { rows } = await test.hub.pool.query(
      `SELECT count(*)::text AS n, sum(delay)::text AS delay, sum(distance)::text AS distance,
              min(date)::text AS first, max(date)::text AS last, count(DISTINCT origin)::text AS origins,
              count(*) FILTER (WHERE destination = 'SFO')::text AS to_sfo
         FROM flights.flights`,
    )
    expect(rows[0]).toEqual(expected)
    expect(rows[0]).toMatchObject({ n: '3000000', first: '2001-01-01 00:01:00', last: '2001-07-01 00:00:00' })
  })

  it('reads airports.csv through file_fdw with NA as NULL', async () => {
    const { rows } = await test.hub.pool.query(
      `SELECT count(*)::int AS n, count(state)::int AS with_state, count(DISTINCT state)::int AS states FROM files.airports`,
    )
    expect(rows[0]).toEqual({ n: 3376, with_state: 3364, states: 56 })
    const sfo = await test.hub.pool.query(`SELECT iata, city, state, latitude FROM files.airports WHERE iata = 'SFO'`)
    expect(sfo.rows).toEqual([{ iata: 'SFO', city: 'San Francisco', state: 'CA', latitude: 37.61900194 }])
  })

  it('lists the demo tables in the catalog with row estimates', async () => {
    const catalog = await readCatalog(test.hub.pool)
    const flights = catalog.sources.find((s) => s.name === 'flights')
    const files = catalog.sources.find((s) => s.name === 'files')
    expect(flights?.tables.map((t) => [t.name, t.kind, t.columns.map((c) => `${c.name}:${c.type}`)])).toEqual([
      [
        'flights',
        'view',
        ['date:timestamp without time zone', 'delay:bigint', 'distance:bigint', 'origin:text', 'destination:text'],
      ],
    ])
    expect(flights?.tables[0]?.estimatedRows).toBeGreaterThan(2_900_000)
    expect(files?.tables.map((t) => [t.name, t.estimatedRows])).toEqual([['airports', 3376]])
  })

  it('skips the load on the next start and keeps the loopback port current', async () => {
    const again = await ensureDemoWorkspace(test.hub, logger)
    expect(again.flights).toMatchObject({ loadedNow: false, rows: 3_000_000 })
    expect(again.flights.ms).toBeLessThan(1_000)
    const unchanged = await applySources(test.hub.pool, { sources: demoSourcesConfig(test.hub) }, { logger })
    expect(unchanged.map((r) => [r.name, r.outcome, r.statements.length])).toEqual([
      ['flights', 'unchanged', 0],
      ['files', 'unchanged', 0],
    ])

    const oldPort = test.hub.connectionParams().port
    await test.hub.stop()
    const moved = await startHub({ dataDir: test.hub.dataDir, logger, port: oldPort + 11 })
    try {
      const newPort = moved.connectionParams().port
      expect(newPort).not.toBe(oldPort)
      const results = await applySources(moved.pool, { sources: demoSourcesConfig(moved) }, { logger })
      expect(results.map((r) => [r.name, r.outcome])).toEqual([
        ['flights', 'updated'],
        ['files', 'unchanged'],
      ])
      expect(results[0]?.statements).toEqual([`ALTER SERVER "flights" OPTIONS (SET "port" '${newPort}')`])
      expect((await moved.pool.query('SELECT count(*)::int AS n FROM flights.flights')).rows[0]).toEqual({
        n: 3_000_000,
      })
    } finally {
      await moved.stop()
    }
    test = await startEmbeddedTestHub({ logger, dataDir: DEMO_DATA_DIR })
  })
})
