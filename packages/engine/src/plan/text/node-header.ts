import type { PgJsonObject } from '../parse/plan-from-json.js'

const HEADER = new RegExp(
  '^(?<name>.*?)' +
    '(?:\\s+\\(cost=(?<startup>[\\d.]+)\\.\\.(?<total>[\\d.]+) rows=(?<rows>\\d+) width=(?<width>\\d+)\\))?' +
    '(?:\\s+\\((?:actual (?:time=(?<aStart>[\\d.]+)\\.\\.(?<aTotal>[\\d.]+) )?rows=(?<aRows>[\\d.]+) loops=(?<loops>\\d+)' +
    '|(?<never>never executed))\\))?$',
)

/** Node types whose text name is followed by ` on <relation> [alias]`. */
const RELATION_SCANS = new Set([
  'Seq Scan',
  'Sample Scan',
  'Index Scan',
  'Index Only Scan',
  'Bitmap Heap Scan',
  'Tid Scan',
  'Tid Range Scan',
  'Foreign Scan',
  'ModifyTable',
])

/** Every other node type, longest names first so that `Gather Merge` wins over `Gather`. */
const OTHER_TYPES = [
  'Named Tuplestore Scan',
  'Table Function Scan',
  'Bitmap Index Scan',
  'Incremental Sort',
  'Recursive Union',
  'WorkTable Scan',
  'Subquery Scan',
  'Function Scan',
  'Gather Merge',
  'Merge Append',
  'Values Scan',
  'Materialize',
  'ProjectSet',
  'BitmapAnd',
  'BitmapOr',
  'CTE Scan',
  'WindowAgg',
  'LockRows',
  'Memoize',
  'Append',
  'Gather',
  'Result',
  'Unique',
  'Group',
  'Limit',
  'Sort',
  'Hash',
]

const AGGREGATES: Record<string, string> = {
  Aggregate: 'Plain',
  GroupAggregate: 'Sorted',
  HashAggregate: 'Hashed',
  MixedAggregate: 'Mixed',
}

const JOIN = /^(Nested Loop|Hash|Merge)(?: (Left|Right|Full|Semi|Anti|Right Semi|Right Anti))? Join$/
const SET_OP = /^(HashSetOp|SetOp) (Intersect All|Intersect|Except All|Except)$/
const MODIFY = /^(Foreign )?(Insert|Update|Delete|Merge) on (.+)$/

/** Splits `schema.name alias` (identifiers possibly double-quoted) into its parts, quotes removed. */
export function splitTarget(target: string): { schema: string | null; name: string; alias: string | null } {
  const tokens = target.match(/"(?:[^"]|"")*"|[^\s."]+|\.|\s+/g) ?? []
  const unquote = (token: string): string => (token.startsWith('"') ? token.slice(1, -1).replaceAll('""', '"') : token)
  const words: string[][] = [[]]
  for (const token of tokens) {
    if (/^\s+$/.test(token)) words.push([])
    else if (token !== '.') words[words.length - 1]?.push(unquote(token))
  }
  const [qualified = [], aliasWords = []] = words.filter((word) => word.length > 0)
  const name = qualified[qualified.length - 1] ?? ''
  const schema = qualified.length > 1 ? qualified.slice(0, -1).join('.') : null
  return { schema, name, alias: aliasWords[0] ?? null }
}

function setTarget(node: PgJsonObject, type: string, target: string): void {
  const { schema, name, alias } = splitTarget(target)
  if (RELATION_SCANS.has(type)) {
    node['Relation Name'] = name
    if (schema !== null) node['Schema'] = schema
    node['Alias'] = alias ?? name
  } else if (type === 'Function Scan' || type === 'Table Function Scan') {
    node[type === 'Function Scan' ? 'Function Name' : 'Table Function Name'] = name
    if (schema !== null) node['Schema'] = schema
    node['Alias'] = alias ?? name
  } else if (type === 'CTE Scan' || type === 'WorkTable Scan' || type === 'Named Tuplestore Scan') {
    node[type === 'Named Tuplestore Scan' ? 'Tuplestore Name' : 'CTE Name'] = name
    node['Alias'] = alias ?? name
  } else if (type === 'Bitmap Index Scan') node['Index Name'] = name
  else node['Alias'] = name
}

function parseIndexScan(node: PgJsonObject, rest: string): void {
  const match = /^(Backward )?using ("(?:[^"]|"")*"|\S+)(?: on (.+))?$/.exec(rest)
  if (match === null) return
  node['Scan Direction'] = match[1] === undefined ? 'Forward' : 'Backward'
  node['Index Name'] = splitTarget(match[2] as string).name
  if (match[3] !== undefined) setTarget(node, 'Index Scan', match[3])
}

/** Fills the fields the node's text name holds; false when the name is no known node type. */
function parseName(node: PgJsonObject, fullName: string): boolean {
  let name = fullName
  node['Parallel Aware'] = name.startsWith('Parallel ')
  if (name.startsWith('Parallel ')) name = name.slice('Parallel '.length)
  node['Async Capable'] = name.startsWith('Async ')
  if (name.startsWith('Async ')) name = name.slice('Async '.length)
  const partial = /^(Partial|Finalize) (\w*Aggregate)$/.exec(name)
  if (partial !== null) {
    node['Partial Mode'] = partial[1]
    name = partial[2] as string
  }
  const join = JOIN.exec(name)
  const setOp = SET_OP.exec(name)
  const modify = MODIFY.exec(name)
  if (AGGREGATES[name] !== undefined) {
    node['Node Type'] = 'Aggregate'
    node['Strategy'] = AGGREGATES[name]
    node['Partial Mode'] ??= 'Simple'
  } else if (name === 'Nested Loop' || join !== null) {
    node['Node Type'] = join === null || join[1] === 'Nested Loop' ? 'Nested Loop' : `${join[1]} Join`
    node['Join Type'] = join?.[2] ?? 'Inner'
  } else if (setOp !== null) {
    node['Node Type'] = 'SetOp'
    node['Strategy'] = setOp[1] === 'HashSetOp' ? 'Hashed' : 'Sorted'
    node['Command'] = setOp[2]
  } else if (modify !== null) {
    node['Node Type'] = modify[1] === undefined ? 'ModifyTable' : 'Foreign Scan'
    node['Operation'] = modify[2]
    setTarget(node, 'ModifyTable', modify[3] as string)
  } else if (name.startsWith('Custom Scan (')) {
    const close = name.indexOf(')')
    node['Node Type'] = 'Custom Scan'
    node['Custom Plan Provider'] = name.slice('Custom Scan ('.length, close)
    const rest = name.slice(close + 1).trim()
    if (rest.startsWith('on ')) setTarget(node, 'Seq Scan', rest.slice(3))
  } else {
    const type = [...RELATION_SCANS, ...OTHER_TYPES].find((t) => name === t || name.startsWith(`${t} `))
    node['Node Type'] = type ?? name
    if (type === undefined) return false
    if (type === 'Foreign Scan') node['Operation'] = 'Select'
    const rest = name.slice(type.length).trim()
    if (type === 'Index Scan' || type === 'Index Only Scan') parseIndexScan(node, rest)
    else if (rest.startsWith('on ')) setTarget(node, type, rest.slice(3))
  }
  return true
}

/**
 * Parses the line of one node of a text plan (without its `->  ` arrow) into EXPLAIN JSON fields: `Node Type`
 * and the fields the text name folds in (join type, aggregate strategy, partial mode, parallel, relation, schema,
 * alias, index), costs, estimated rows and width, and actual time, rows and loops. Null when it is not one: a
 * line without costs or actuals must name a known node type unless `isNode` (an arrow line) says it is one.
 */
export function parseNodeHeader(line: string, isNode = false): PgJsonObject | null {
  const match = HEADER.exec(line)
  const groups = match?.groups
  if (groups === undefined || groups['name'] === undefined || groups['name'].includes(': ')) return null
  const node: PgJsonObject = {}
  const known = parseName(node, groups['name'].trim())
  if (!known && !isNode && groups['startup'] === undefined && groups['loops'] === undefined) return null
  if (groups['startup'] !== undefined) {
    node['Startup Cost'] = Number(groups['startup'])
    node['Total Cost'] = Number(groups['total'])
    node['Plan Rows'] = Number(groups['rows'])
    node['Plan Width'] = Number(groups['width'])
  }
  if (groups['loops'] !== undefined) {
    if (groups['aStart'] !== undefined) {
      node['Actual Startup Time'] = Number(groups['aStart'])
      node['Actual Total Time'] = Number(groups['aTotal'])
    }
    node['Actual Rows'] = Number(groups['aRows'])
    node['Actual Loops'] = Number(groups['loops'])
  } else if (groups['never'] !== undefined) {
    node['Actual Rows'] = 0
    node['Actual Loops'] = 0
  }
  return node
}
