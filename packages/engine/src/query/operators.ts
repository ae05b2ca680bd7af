import type { ColumnFamily } from './column-types.js'
import type { ComparisonOperator } from './filter-nodes.js'

/** An operator allowed inside a column condition, and how it compiles. */
export type ColumnOperator =
  | { readonly name: string; readonly kind: 'compare'; readonly sql: ComparisonOperator }
  | { readonly name: string; readonly kind: 'between' }
  | { readonly name: string; readonly kind: 'list'; readonly negated: boolean }
  | { readonly name: string; readonly kind: 'null'; readonly isNull: boolean }
  | { readonly name: string; readonly kind: 'exists' }
  | { readonly name: string; readonly kind: 'pattern'; readonly sql: 'LIKE' | 'ILIKE' }
  | { readonly name: string; readonly kind: 'regex' }

const PLAIN: readonly ColumnOperator[] = [
  { name: 'eq', kind: 'compare', sql: '=' },
  { name: 'ne', kind: 'compare', sql: '<>' },
  { name: 'gt', kind: 'compare', sql: '>' },
  { name: 'ge', kind: 'compare', sql: '>=' },
  { name: 'lt', kind: 'compare', sql: '<' },
  { name: 'le', kind: 'compare', sql: '<=' },
  { name: 'between', kind: 'between' },
  { name: 'in', kind: 'list', negated: false },
  { name: 'not_in', kind: 'list', negated: true },
  { name: 'is_null', kind: 'null', isNull: true },
  { name: 'is_not_null', kind: 'null', isNull: false },
  { name: 'like', kind: 'pattern', sql: 'LIKE' },
  { name: 'ilike', kind: 'pattern', sql: 'ILIKE' },
]

const MONGO: readonly ColumnOperator[] = [
  { name: '$eq', kind: 'compare', sql: '=' },
  { name: '$ne', kind: 'compare', sql: '<>' },
  { name: '$gt', kind: 'compare', sql: '>' },
  { name: '$gte', kind: 'compare', sql: '>=' },
  { name: '$lt', kind: 'compare', sql: '<' },
  { name: '$lte', kind: 'compare', sql: '<=' },
  { name: '$in', kind: 'list', negated: false },
  { name: '$nin', kind: 'list', negated: true },
  { name: '$regex', kind: 'regex' },
  { name: '$exists', kind: 'exists' },
]

/** Keys of a column condition that modify or wrap operators rather than being one. */
export const REGEX_OPTIONS_KEY = '$options'
/** `$not` inside a column condition: negates the operators beside it (`{ delay: { $not: { $gt: 5 } } }`). */
export const COLUMN_NOT_KEY = '$not'

const BY_NAME: ReadonlyMap<string, ColumnOperator> = new Map([...PLAIN, ...MONGO].map((op) => [op.name, op]))

/** The operator named `name` (`gt`, `$gte`…), or undefined. */
export function findColumnOperator(name: string): ColumnOperator | undefined {
  return BY_NAME.get(name)
}

type Ability = 'equality' | 'ordering' | 'text'

const ABILITIES: Readonly<Record<ColumnFamily, readonly Ability[]>> = {
  integer: ['equality', 'ordering'],
  numeric: ['equality', 'ordering'],
  float: ['equality', 'ordering'],
  text: ['equality', 'ordering', 'text'],
  boolean: ['equality'],
  date: ['equality', 'ordering'],
  timestamp: ['equality', 'ordering'],
  timestamptz: ['equality', 'ordering'],
  time: ['equality', 'ordering'],
  timetz: ['equality', 'ordering'],
  interval: ['equality', 'ordering'],
  uuid: ['equality', 'ordering'],
  json: [],
  bytea: [],
  array: [],
  other: ['equality', 'ordering'],
}

function requiredAbility(op: ColumnOperator): Ability | null {
  switch (op.kind) {
    case 'compare':
      return op.sql === '=' || op.sql === '<>' ? 'equality' : 'ordering'
    case 'between':
      return 'ordering'
    case 'list':
      return 'equality'
    case 'null':
    case 'exists':
      return null
    case 'pattern':
    case 'regex':
      return 'text'
  }
}

/**
 * True when `op` applies to columns of `family`: ordering operators need an ordered type, `like`/`ilike`/
 * `$regex` need text, and json, bytea and array columns take only null checks.
 */
export function appliesTo(op: ColumnOperator, family: ColumnFamily): boolean {
  const ability = requiredAbility(op)
  return ability === null || ABILITIES[family].includes(ability)
}

/** Names of the operators of one style (`$`-prefixed Mongo style or plain) that apply to `family`. */
export function listOperators(family: ColumnFamily, mongo: boolean): string[] {
  return (mongo ? MONGO : PLAIN).filter((op) => appliesTo(op, family)).map((op) => op.name)
}

const ALIASES: Readonly<Record<string, string>> = {
  neq: 'ne',
  gte: 'ge',
  lte: 'le',
  nin: 'not_in',
  notin: 'not_in',
  isnull: 'is_null',
  notnull: 'is_not_null',
  exists: '$exists',
  regex: '$regex',
  $like: 'like',
  $ilike: 'ilike',
  $ge: '$gte',
  $le: '$lte',
}

/** A close known operator for a misspelt one (`gte` → `ge`, `$like` → `like`, `EQ` → `eq`), or undefined. */
export function suggestOperator(name: string): string | undefined {
  const lower = name.toLowerCase()
  const candidates = [ALIASES[lower], lower, `$${lower}`, lower.replace(/^\$/, '')]
  return candidates.find((candidate) => candidate !== undefined && candidate !== name && BY_NAME.has(candidate))
}
