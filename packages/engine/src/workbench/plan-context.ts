import type { Pool } from 'pg'
import { EngineError } from '../api/contract/errors.js'
import type { AnalyzeOptions, ForeignRelationInfo } from '../plan/index.js'

/**
 * In one round trip: every foreign table of the hub with its server and FDW; every view (or materialized view)
 * reading foreign tables of exactly one server — the `<source>.<table>` views over `raw_<source>` — with that
 * server (through `pg_depend` on the view's rewrite rule); the views created WITH (security_barrier); the servers'
 * `fetch_size` (only that option is read); the major version.
 */
const PLAN_CONTEXT_SQL = `
WITH foreign_tables AS (
  SELECT c.oid, n.nspname AS schema, c.relname AS name, s.srvname AS server, w.fdwname AS fdw
    FROM pg_catalog.pg_foreign_table ft
    JOIN pg_catalog.pg_class c ON c.oid = ft.ftrelid
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_catalog.pg_foreign_server s ON s.oid = ft.ftserver
    JOIN pg_catalog.pg_foreign_data_wrapper w ON w.oid = s.srvfdw
), views AS (
  SELECT vn.nspname AS schema, v.relname AS name, min(f.server) AS server, min(f.fdw) AS fdw
    FROM foreign_tables f
    JOIN pg_catalog.pg_depend d
      ON d.refclassid = 'pg_catalog.pg_class'::regclass AND d.refobjid = f.oid
     AND d.classid = 'pg_catalog.pg_rewrite'::regclass
    JOIN pg_catalog.pg_rewrite r ON r.oid = d.objid
    JOIN pg_catalog.pg_class v ON v.oid = r.ev_class AND v.relkind IN ('v', 'm')
    JOIN pg_catalog.pg_namespace vn ON vn.oid = v.relnamespace
   GROUP BY vn.nspname, v.relname
  HAVING count(DISTINCT f.server) = 1
)
SELECT
  (SELECT coalesce(json_agg(json_build_array(schema || '.' || name, server, fdw)), '[]')
     FROM (SELECT schema, name, server, fdw FROM foreign_tables
           UNION ALL SELECT schema, name, server, fdw FROM views) AS relation) AS relations,
  (SELECT coalesce(json_agg(n.nspname || '.' || c.relname), '[]')
     FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind = 'v'
      AND EXISTS (SELECT 1 FROM unnest(c.reloptions) AS o WHERE o ~* '^security_barrier=(true|on|yes|1)$')) AS barriers,
  (SELECT coalesce(json_object_agg(s.srvname, o.option_value::int), '{}')
     FROM pg_catalog.pg_foreign_server s CROSS JOIN LATERAL pg_catalog.pg_options_to_table(s.srvoptions) AS o
    WHERE o.option_name = 'fetch_size' AND o.option_value ~ '^[0-9]{1,9}$') AS fetch_sizes,
  current_setting('server_version_num')::int / 10000 AS version`

interface ContextRow {
  relations: [string, string, string][]
  barriers: string[]
  fetch_sizes: Record<string, number>
  version: number
}

/**
 * What the plan analysis should know about this hub (`AnalyzeOptions`): foreign table → server and FDW, keyed
 * `schema.name` (views over one server's foreign tables included, so a pasted plan naming `flights.flights` finds
 * its server too), the security_barrier views (`schema.name`), the servers' fetch_size and the hub's major version.
 * @throws EngineError `HUB_QUERY_FAILED` when the hub's catalogs cannot be read.
 */
export async function readPlanContext(pool: Pool): Promise<AnalyzeOptions> {
  let row: ContextRow | undefined
  try {
    row = (await pool.query<ContextRow>(PLAN_CONTEXT_SQL)).rows[0]
  } catch (err) {
    const sqlstate = (err as { code?: string }).code
    throw new EngineError(
      'HUB_QUERY_FAILED',
      `could not read the hub's foreign tables: ${(err as Error).message}`,
      sqlstate ? { sqlstate } : undefined,
      { cause: err },
    )
  }
  const relations: Record<string, ForeignRelationInfo> = {}
  for (const [name, server, fdw] of row?.relations ?? []) relations[name] = { server, fdw }
  return {
    relations,
    securityBarrierViews: row?.barriers ?? [],
    fetchSizes: row?.fetch_sizes ?? {},
    hubVersion: row?.version,
  }
}
