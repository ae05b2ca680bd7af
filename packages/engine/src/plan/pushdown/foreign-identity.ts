import type { PlanNode } from '../../api/contract/plan.js'
import { splitTarget } from '../text/node-header.js'

/** The foreign server and FDW of one foreign table. */
export interface ForeignRelationInfo {
  server: string
  fdw: string
}

/**
 * Foreign tables of the hub → their server and FDW. Keys are schema-qualified (`raw_shop.orders`) or bare
 * (`orders`) relation names, as `pg_foreign_table` joined with `pg_foreign_server` gives them.
 */
export type ForeignRelationMap = Readonly<Record<string, ForeignRelationInfo>>

/** A Foreign Scan's tables, server and FDW, as far as the plan and the lookup map tell. */
export interface ForeignIdentity {
  server: string | null
  fdw: string | null
  /** Tables as the plan names them (`raw_shop.orders`; mysql_fdw names remote tables `db.table` in Relations). */
  tables: string[]
  /** Aliases the scan's columns are qualified with in the plan (`o`, `c`). */
  aliases: string[]
  aggregate: boolean
}

/** `(raw_shop.orders o) INNER JOIN (raw_shop.customers c)` / `Aggregate on (…)` → tables and aliases. */
function parseRelations(text: string): { tables: string[]; aliases: string[]; aggregate: boolean } {
  const tables: string[] = []
  const aliases: string[] = []
  for (const match of text.matchAll(/\(([^()]+)\)/g)) {
    const { schema, name, alias } = splitTarget(match[1] as string)
    tables.push(schema === null ? name : `${schema}.${name}`)
    aliases.push(alias ?? name)
  }
  return { tables, aliases, aggregate: text.trimStart().startsWith('Aggregate on') }
}

function lookup(table: string, map: ForeignRelationMap): ForeignRelationInfo | undefined {
  const exact = map[table]
  if (exact !== undefined) return exact
  const bare = table.slice(table.lastIndexOf('.') + 1)
  if (map[bare] !== undefined) return map[bare]
  const candidates = Object.entries(map).filter(([key]) => key.slice(key.lastIndexOf('.') + 1) === bare)
  const distinct = new Set(candidates.map(([, info]) => `${info.server}\u0000${info.fdw}`))
  return distinct.size === 1 ? candidates[0]?.[1] : undefined
}

/** The FDW a scan's EXPLAIN lines betray when the lookup map does not know its table. */
function fdwFromProperties(node: PlanNode): string | null {
  const props = node.properties
  if (node.foreignFile !== undefined) return 'file_fdw'
  if (node.remoteSql !== undefined) return 'postgres_fdw'
  if ('Local server startup cost' in props || 'Remote server startup cost' in props) return 'mysql_fdw'
  if ('Row estimate method' in props || 'Use remote estimate' in props) return 'tds_fdw'
  return null
}

/**
 * Finds the tables, server and FDW of a Foreign Scan: its `Relation Name` (plain scan) or the tables in
 * `Relations` (pushed join or aggregate), looked up in `map` (qualified name, then bare name, then the bare
 * matches when they all name one server, as a view `shop.orders` and its foreign table `raw_shop.orders` do);
 * when the map has none of them, the FDW is guessed from the lines only it prints (postgres_fdw `Remote SQL`,
 * mysql_fdw `Local/Remote server startup cost`, tds_fdw `Row estimate method`, file_fdw `Foreign File`).
 */
export function identifyForeignScan(node: PlanNode, map: ForeignRelationMap): ForeignIdentity {
  const parsed =
    node.relation !== null
      ? {
          tables: [node.schema === null ? node.relation : `${node.schema}.${node.relation}`],
          aliases: [node.alias ?? node.relation],
          aggregate: false,
        }
      : parseRelations(node.relations ?? '')
  const found = parsed.tables.map((table) => lookup(table, map)).find((info) => info !== undefined)
  return { server: found?.server ?? null, fdw: found?.fdw ?? fdwFromProperties(node), ...parsed }
}
