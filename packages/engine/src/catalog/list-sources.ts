import type { Pool } from 'pg'
import { EngineError } from '../api/contract/errors.js'
import type { SourceCard } from '../api/contract/sources.js'
import { fdwAdapter } from '../sources/fdw/index.js'

interface CardRow {
  name: string
  fdw: string
  location: string | null
  origin: SourceCard['origin']
  tags: string[]
  applied_at: Date
  refreshed_at: Date | null
  last_error: string | null
  has_server: boolean
  has_raw: boolean
  has_views: boolean
  tables: number
}

/**
 * The source cards: each source recorded in `idw.sources` with its type, location (never credentials), the
 * number of relations people query in schema `<name>`, and a status read from the hub — `failed` when its last
 * refresh failed, `incomplete` when its server or a schema is missing, else `ready`. One query; `name` limits
 * it to one source. A hub with no source answers none.
 * @throws EngineError `HUB_QUERY_FAILED` when the hub cannot be read.
 */
export async function listSourceCards(pool: Pool, name?: string): Promise<SourceCard[]> {
  try {
    const { rows } = await pool.query<CardRow>(
      `SELECT s.name, s.fdw, s.location, s.origin, s.tags, s.applied_at, s.refreshed_at, s.last_error,
              EXISTS (SELECT 1 FROM pg_foreign_server fs WHERE fs.srvname = s.server) AS has_server,
              EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'raw_' || s.name) AS has_raw,
              EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = s.name) AS has_views,
              (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = s.name AND c.relkind IN ('v', 'f', 'm', 'r', 'p'))::int AS tables
         FROM idw.sources s
        WHERE $1::text IS NULL OR s.name = $1
        ORDER BY s.name`,
      [name ?? null],
    )
    return rows.map((r) => ({
      name: r.name,
      fdw: r.fdw,
      typeLabel: fdwAdapter(r.fdw).label,
      location: r.location,
      tables: r.tables,
      status: r.last_error !== null ? 'failed' : r.has_server && r.has_raw && r.has_views ? 'ready' : 'incomplete',
      statusMessage:
        r.last_error ??
        (r.has_server && r.has_raw && r.has_views
          ? null
          : 'some of its hub objects are missing: refresh it (or apply the config again)'),
      origin: r.origin,
      tags: r.tags,
      appliedAt: r.applied_at.toISOString(),
      refreshedAt: r.refreshed_at?.toISOString() ?? null,
    }))
  } catch (err) {
    const sqlstate = (err as { code?: string }).code
    if (sqlstate === '42P01' || sqlstate === '42703') return []
    throw new EngineError(
      'HUB_QUERY_FAILED',
      `could not read the sources: ${(err as Error).message}`,
      sqlstate ? { sqlstate } : undefined,
      { cause: err },
    )
  }
}
