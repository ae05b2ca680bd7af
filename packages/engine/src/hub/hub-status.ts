import type pg from 'pg'
import type { ExtensionInfo, HubStatus } from '../api/contract/hub.js'

/** The extensions a hub is asked about: the FDWs the engine has adapters for, plus pgcrypto and pg_stat_statements. */
export const HUB_EXTENSIONS = [
  'postgres_fdw',
  'file_fdw',
  'mysql_fdw',
  'ogr_fdw',
  'tds_fdw',
  'pgcrypto',
  'pg_stat_statements',
] as const

/** What the server says about itself: `server_version` and the state of each of `HUB_EXTENSIONS`. */
export interface ServerFacts {
  version: string
  extensions: ExtensionInfo[]
}

/**
 * Reads `server_version` and `pg_available_extensions` in one round trip. An extension the hub cannot install
 * is listed with `availableVersion: null`.
 */
export async function readServerFacts(pool: pg.Pool): Promise<ServerFacts> {
  const { rows } = await pool.query<{
    version: string
    name: string | null
    available: string | null
    installed: string | null
  }>(
    `SELECT current_setting('server_version') AS version, e.name, e.default_version AS available,
            e.installed_version AS installed
       FROM (SELECT 1) one
       LEFT JOIN pg_available_extensions e ON e.name = ANY($1::text[])`,
    [HUB_EXTENSIONS],
  )
  const byName = new Map(rows.filter((r) => r.name !== null).map((r) => [r.name, r]))
  return {
    version: rows[0]?.version ?? 'unknown',
    extensions: HUB_EXTENSIONS.map((name) => ({
      name,
      availableVersion: byName.get(name)?.available ?? null,
      installedVersion: byName.get(name)?.installed ?? null,
    })),
  }
}

/** Where a hub is, as `hub/status` reports it besides the server facts. */
export interface HubLocation {
  kind: HubStatus['kind']
  host: string
  port: number
  database: string
  dataDir: string | null
}

/**
 * Builds `hub/status`: `ready` with the server facts when the hub answers, `stopped` after `stop()`, `error`
 * with pg's message (which never holds the password) when it does not answer.
 */
export async function readHubStatus(pool: pg.Pool, where: HubLocation, stopped: boolean): Promise<HubStatus> {
  const base = { ...where, version: null, extensions: [], error: null }
  if (stopped) return { ...base, status: 'stopped' }
  try {
    const facts = await readServerFacts(pool)
    return { ...base, status: 'ready', version: facts.version, extensions: facts.extensions }
  } catch (err) {
    return { ...base, status: 'error', error: err instanceof Error ? err.message : String(err) }
  }
}
