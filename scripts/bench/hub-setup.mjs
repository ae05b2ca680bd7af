import { importEngine } from './engine-dist.mjs'

/** The generated table: the demo flights' 5 columns, 10,000,000 rows, in the hub database. */
export const TABLE_10M = 'bench.flights_10m'
const ROWS_10M = 10_000_000
const MARKER = `idw bench: ${ROWS_10M} rows`

/**
 * Starts the bench's own embedded hub (PostgreSQL 18, run as the `postgres` user under root) in `dataDir`.
 * The web host is then pointed at it with `IDW_HUB_URL`, so the bench knows how to reach it with psql.
 * @param {string} dataDir
 * @returns {Promise<{ hub: any, url: string, params: { host: string, port: number, user: string,
 *   password?: string, database: string } }>} `url` carries the password: never print it
 */
export async function startBenchHub(dataDir) {
  const { startHub } = await importEngine('hub/index.js')
  const { createLogger } = await importEngine('index.js')
  const hub = await startHub({ dataDir, logger: createLogger({ level: 'warn' }) })
  const params = hub.connectionParams()
  const auth = params.password ? `${params.user}:${encodeURIComponent(params.password)}` : params.user
  return { hub, params, url: `postgresql://${auth}@${params.host}:${params.port}/${params.database}` }
}

/**
 * Environment for psql and other libpq clients of the hub: the password travels in `PGPASSWORD`, never argv.
 * @param {{ host: string, port: number, user: string, password?: string, database: string }} params
 */
export function libpqEnv(params) {
  return {
    ...process.env,
    PGHOST: params.host,
    PGPORT: String(params.port),
    PGUSER: params.user,
    PGDATABASE: params.database,
    ...(params.password ? { PGPASSWORD: params.password } : {}),
  }
}

/**
 * Creates `bench.flights_10m` once (kept between runs, recognised by its table comment): the demo's 3M flights
 * copied locally, then repeated with dates shifted by 1, 2 and 3 years up to 10,000,000 rows; frozen and
 * analyzed so the first measured read does not set hint bits. Needs the demo's `flights.flights` view (the web
 * host applies it). Takes about a minute the first time.
 * @param {import('pg').Pool} pool admin pool on the hub database
 * @param {(msg: string) => void} log
 * @returns {Promise<boolean>} true when the table was generated now
 */
export async function ensureTable10m(pool, log) {
  const found = await pool.query(`SELECT obj_description(to_regclass($1), 'pg_class') AS comment`, [TABLE_10M])
  if (found.rows[0]?.comment === MARKER) return false
  log(`generating ${TABLE_10M} (${ROWS_10M.toLocaleString('en-US')} rows, once)…`)
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    await client.query('DROP SCHEMA IF EXISTS bench CASCADE')
    await client.query('CREATE SCHEMA bench')
    await client.query('CREATE TABLE bench.seed AS SELECT * FROM flights.flights')
    const shifted = (years) =>
      `SELECT "date" + interval '${years} years' AS "date", delay, distance, origin, destination FROM bench.seed`
    await client.query(
      `CREATE TABLE ${TABLE_10M} AS ${shifted(0)} UNION ALL ${shifted(1)} UNION ALL ${shifted(2)} ` +
        `UNION ALL (${shifted(3)} LIMIT ${ROWS_10M - 3 * 3_000_000})`,
    )
    await client.query('DROP TABLE bench.seed')
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM ${TABLE_10M}`)
    if (rows[0].n !== ROWS_10M) throw new Error(`${TABLE_10M} got ${rows[0].n} rows, expected ${ROWS_10M}`)
    await client.query(`COMMENT ON TABLE ${TABLE_10M} IS '${MARKER}'`)
    await client.query('COMMIT')
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw err
  } finally {
    client.release()
  }
  await pool.query(`VACUUM (FREEZE, ANALYZE) ${TABLE_10M}`)
  return true
}
