import type { Pool } from 'pg'
import type { SourceType, SourceTypesOutput } from '../../api/contract/sources.js'
import { FDW_ADAPTERS, optionsFor, type FdwAdapter } from '../fdw/index.js'
import { quoteIdent } from '../sql-quote.js'
import { inThrowawayTransaction } from '../probe/throwaway.js'

/** Budget of reading the FDW libraries' versions, ms. */
const DETECT_TIMEOUT_MS = 10_000

interface ExtensionRow {
  version: string
  major: number
  name: string | null
  available: string | null
  installed: string | null
}

/** `20800` (mysql_fdw_version) → `2.8.0`; `OGR_FDW="1.1" GDAL="3.6.2"` → `1.1 (GDAL 3.6.2)`; else as given. */
export function fdwRelease(raw: string): string {
  if (/^\d{5,}$/.test(raw)) {
    const n = Number(raw)
    return `${Math.floor(n / 10000)}.${Math.floor(n / 100) % 100}.${n % 100}`
  }
  const ogr = /OGR_FDW="([^"]+)"\s+GDAL="([^"]+)"/.exec(raw)
  return ogr ? `${ogr[1]} (GDAL ${ogr[2]})` : raw
}

/**
 * Reads each available FDW's library release (and ogr_fdw's GDAL drivers) in a rolled-back transaction on a
 * connection of its own: the extension is created if needed and the version function called. An FDW whose
 * extension cannot be created there (a hub user that is not superuser) answers no version.
 */
async function readReleases(
  pool: Pool,
  adapters: readonly FdwAdapter[],
): Promise<Map<string, { release: string | null; formats: string[] }>> {
  const found = new Map<string, { release: string | null; formats: string[] }>()
  await inThrowawayTransaction(pool, DETECT_TIMEOUT_MS, async (client) => {
    for (const adapter of adapters) {
      if (adapter.versionQuery === null) continue
      try {
        await client.query('SAVEPOINT idw_detect')
        await client.query(`CREATE EXTENSION IF NOT EXISTS ${quoteIdent(adapter.extension)}`)
        const { rows } = await client.query<{ v: string }>(`SELECT (${adapter.versionQuery}) AS v`)
        const formats =
          adapter.extension === 'ogr_fdw'
            ? (await client.query<{ d: string }>('SELECT unnest(ogr_fdw_drivers()) AS d ORDER BY 1')).rows.map(
                (r) => r.d,
              )
            : []
        found.set(adapter.extension, { release: rows[0]?.v ? fdwRelease(rows[0].v) : null, formats })
      } catch {
        await client.query('ROLLBACK TO SAVEPOINT idw_detect')
      }
    }
  })
  return found
}

/**
 * The source types this hub offers (`sources/types`): for each FDW the engine has an adapter for, whether
 * the hub can install it (`pg_available_extensions`) and which versions, the FDW library's release, and
 * when it is missing the Debian/Ubuntu package to install; with its options filtered by the hub's PostgreSQL
 * major and the FDW release.
 * @throws pg errors when the hub cannot be read.
 */
export async function detectSourceTypes(pool: Pool): Promise<SourceTypesOutput> {
  const { rows } = await pool.query<ExtensionRow>(
    `SELECT current_setting('server_version') AS version, current_setting('server_version_num')::int / 10000 AS major,
            e.name, e.default_version AS available, e.installed_version AS installed
       FROM (SELECT 1) one LEFT JOIN pg_available_extensions e ON e.name = ANY($1::text[])`,
    [FDW_ADAPTERS.map((a) => a.extension)],
  )
  const version = rows[0]?.version ?? 'unknown'
  const major = rows[0]?.major ?? 0
  const byName = new Map(rows.filter((r) => r.name !== null).map((r) => [r.name as string, r]))
  const releases = await readReleases(
    pool,
    FDW_ADAPTERS.filter((a) => byName.has(a.extension)),
  ).catch(() => new Map<string, { release: string | null; formats: string[] }>())
  const types = FDW_ADAPTERS.map((adapter): SourceType => {
    const row = byName.get(adapter.extension)
    const release = releases.get(adapter.extension)
    const pkg = adapter.debianPackage(major)
    return {
      extension: adapter.extension as SourceType['extension'],
      label: adapter.label,
      description: adapter.description,
      available: row !== undefined,
      installedVersion: row?.installed ?? null,
      availableVersion: row?.available ?? null,
      fdwVersion: release?.release ?? null,
      package: pkg,
      install: row
        ? null
        : `This hub cannot install ${adapter.extension}: install the ${pkg} package on the hub's server (Debian/Ubuntu: apt-get install ${pkg}), then reload.`,
      supportsImport: adapter.supportsImport,
      explainShowsRemoteSql: adapter.explainShowsRemoteSql,
      pushdown: adapter.pushdown,
      uriSchemes: [...adapter.uriSchemes],
      readOnly: adapter.readOnly,
      formats: release?.formats ?? [],
      options: optionsFor(adapter, major, release?.release ?? null),
    }
  })
  return { hub: { version, major }, types }
}
