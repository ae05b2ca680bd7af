import { closingParen, splitConjuncts, splitTopLevel, stripOuterParens, stripQuoted } from '../expression.js'
import type { ClauseKind } from '../../api/contract/plan.js'

/** A clause found in the text an FDW sent to its source. */
export interface RemoteClause {
  kind: ClauseKind
  text: string
  /** Set when the clause is parameterized by the outer side of a local Nested Loop (`$1`). */
  parameterized?: boolean
}

const SECTIONS = ['FROM', 'WHERE', 'GROUP BY', 'HAVING', 'ORDER BY', 'LIMIT', 'OFFSET', 'FOR UPDATE', 'FOR SHARE']
const AGGREGATE_CALL =
  /^(count|sum|avg|min|max|string_agg|array_agg|bool_and|bool_or|every|stddev\w*|var_\w+|variance|jsonb?_agg|jsonb?_object_agg|bit_\w+|percentile_\w+|mode|corr|covar_\w+|regr_\w+)\s*\(/i

/** Splits a SELECT at its top-level clause keywords: `{ SELECT: '…', FROM: '…', WHERE: '…', … }`. */
function sectionsOf(sql: string): Record<string, string> {
  const blank = stripQuoted(sql)
  const depthAt: number[] = []
  let depth = 0
  for (const ch of blank) {
    if (ch === '(') depth++
    else if (ch === ')') depth--
    depthAt.push(depth)
  }
  const marks: { name: string; at: number; end: number }[] = []
  const keyword = new RegExp(`\\b(${SECTIONS.map((s) => s.replace(' ', '\\s+')).join('|')})\\b`, 'gi')
  for (const match of blank.matchAll(keyword)) {
    if (depthAt[match.index] === 0) {
      marks.push({
        name: match[1]!.toUpperCase().replace(/\s+/, ' '),
        at: match.index,
        end: match.index + match[0].length,
      })
    }
  }
  const start = /^\s*SELECT\s+/i.exec(sql)
  const result: Record<string, string> = {}
  result['SELECT'] = sql.slice(start?.[0].length ?? 0, marks[0]?.at ?? sql.length).trim()
  marks.forEach((mark, i) => (result[mark.name] = sql.slice(mark.end, marks[i + 1]?.at ?? sql.length).trim()))
  return result
}

/** Alias-like qualifiers used in `text` (`r1` in `r1.id`), leaving out the schemas named in FROM. */
function qualifiers(text: string, schemas: Set<string>): Set<string> {
  const found = new Set<string>()
  for (const match of stripQuoted(text).matchAll(/(?<![\w.`"$])([A-Za-z_][\w$]*)\.(?=[\w`"])/g)) {
    if (!schemas.has(match[1]!)) found.add(match[1]!)
  }
  return found
}

function schemasOf(from: string): Set<string> {
  const schemas = new Set<string>()
  for (const match of from.matchAll(/(?:^|[\s(])([\w$]+|`[^`]*`|"[^"]*")\.(?:[\w$]+|`[^`]*`|"[^"]*")\s+[A-Za-z_]/g)) {
    schemas.add(match[1]!)
  }
  return schemas
}

function joinClauses(from: string, schemas: Set<string>): RemoteClause[] {
  const blank = stripQuoted(from)
  const clauses: RemoteClause[] = []
  for (const match of blank.matchAll(/\b(?:(INNER|LEFT|RIGHT|FULL|CROSS)\s+(?:OUTER\s+)?)?JOIN\b/gi)) {
    const type = (match[1] ?? 'INNER').toUpperCase()
    const on = /\bON\s*\(/i.exec(blank.slice(match.index))
    if (on === null) continue
    const open = match.index + on.index + on[0].length - 1
    const close = closingParen(from, open)
    if (close === -1) continue
    for (const conjunct of splitConjuncts(from.slice(open, close + 1))) {
      const joins = qualifiers(conjunct, schemas).size >= 2
      clauses.push(joins ? { kind: 'join', text: `${type} JOIN ON ${conjunct}` } : { kind: 'filter', text: conjunct })
    }
  }
  return clauses
}

/** `EXISTS (SELECT NULL FROM t r2 WHERE …)`: a semi join (anti with NOT) pushed as a sub-select. */
function existsClauses(conjunct: string, schemas: Set<string>): RemoteClause[] | null {
  const match = /^(NOT\s+)?EXISTS\s*\(/i.exec(conjunct)
  if (match === null) return null
  const open = match[0].length - 1
  const inner = conjunct.slice(open + 1, closingParen(conjunct, open))
  const type = match[1] === undefined ? 'SEMI' : 'ANTI'
  const innerSections = sectionsOf(inner)
  const innerSchemas = new Set([...schemas, ...schemasOf(innerSections['FROM'] ?? '')])
  return splitConjuncts(innerSections['WHERE'] ?? '').map((condition) =>
    qualifiers(condition, innerSchemas).size >= 2
      ? { kind: 'join', text: `${type} JOIN ON ${condition}` }
      : { kind: 'filter', text: condition },
  )
}

function aggregateClause(sections: Record<string, string>): RemoteClause | null {
  const select = splitTopLevel(sections['SELECT'] ?? '')
  const groupBy = sections['GROUP BY'] === undefined ? [] : splitTopLevel(sections['GROUP BY'])
  const groups = groupBy.map((item) => (/^\d+$/.test(item) ? (select[Number(item) - 1] ?? item) : item))
  const aggregates = select.filter((item) => AGGREGATE_CALL.test(item.replace(/^r\d+\./, '')))
  if (groups.length === 0 && aggregates.length === 0) return null
  const text = [aggregates.join(', '), groups.length > 0 ? `GROUP BY ${groups.join(', ')}` : ''].filter(Boolean)
  return { kind: 'aggregate', text: text.join(' ') }
}

/**
 * The clauses a SELECT sent by an FDW carries, as pushed-down verdicts: WHERE conjuncts (filters, or joins when
 * they tie two aliases), JOIN … ON conditions, EXISTS sub-selects (semi/anti joins), GROUP BY with its aggregates
 * (positional `GROUP BY 1` resolved), HAVING, ORDER BY, LIMIT/OFFSET. Works on postgres_fdw's Remote SQL and
 * mysql_fdw's / tds_fdw's Remote query; any other text gives what it can.
 */
export function remoteClauses(sql: string): RemoteClause[] {
  const sections = sectionsOf(sql.trim())
  const from = sections['FROM'] ?? ''
  const schemas = schemasOf(from)
  const clauses: RemoteClause[] = joinClauses(from, schemas)
  for (const conjunct of splitConjuncts(sections['WHERE'] ?? '')) {
    const exists = existsClauses(conjunct, schemas)
    if (exists !== null) clauses.push(...exists)
    else clauses.push({ kind: qualifiers(conjunct, schemas).size >= 2 ? 'join' : 'filter', text: conjunct })
  }
  const aggregate = aggregateClause(sections)
  if (aggregate !== null) clauses.push(aggregate)
  for (const conjunct of splitConjuncts(sections['HAVING'] ?? ''))
    clauses.push({ kind: 'filter', text: `HAVING ${conjunct}` })
  if (sections['ORDER BY'] !== undefined) clauses.push({ kind: 'sort', text: `ORDER BY ${sections['ORDER BY']}` })
  const limit = [
    sections['LIMIT'] === undefined ? '' : `LIMIT ${stripOuterParens(sections['LIMIT'].replace(/::bigint$/, ''))}`,
    sections['OFFSET'] === undefined ? '' : `OFFSET ${sections['OFFSET'].replace(/::bigint$/, '')}`,
  ].filter(Boolean)
  if (limit.length > 0) clauses.push({ kind: 'limit', text: limit.join(' ') })
  return clauses.map((clause) => (/\$\d+/.test(clause.text) ? { ...clause, parameterized: true } : clause))
}
