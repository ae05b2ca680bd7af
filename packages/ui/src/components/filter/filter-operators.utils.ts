/**
 * How the filter builder sees a PostgreSQL column type; the same families as the engine's query builder
 * (`packages/engine/src/query/column-types.ts`), so the builder offers exactly the operators the engine accepts.
 */
export type ColumnFamily =
  | 'integer'
  | 'numeric'
  | 'float'
  | 'text'
  | 'boolean'
  | 'date'
  | 'timestamp'
  | 'timestamptz'
  | 'time'
  | 'timetz'
  | 'interval'
  | 'uuid'
  | 'json'
  | 'bytea'
  | 'array'
  | 'other'

const FAMILIES: ReadonlyMap<string, ColumnFamily> = new Map(
  Object.entries({
    integer: 'smallint int2 integer int int4 bigint int8',
    numeric: 'numeric decimal',
    float: 'real float4 float8',
    text: 'text varchar char bpchar name citext',
    boolean: 'boolean bool',
    date: 'date',
    timestamp: 'timestamp',
    timestamptz: 'timestamptz',
    time: 'time',
    timetz: 'timetz',
    uuid: 'uuid',
    json: 'json jsonb',
    bytea: 'bytea',
  } satisfies Partial<Record<ColumnFamily, string>>).flatMap(([family, names]) =>
    names.split(' ').map((name): [string, ColumnFamily] => [name, family as ColumnFamily]),
  ),
)

const LONG_NAMES: Readonly<Record<string, string>> = {
  'double precision': 'float8',
  'character varying': 'varchar',
  character: 'bpchar',
  'timestamp without time zone': 'timestamp',
  'timestamp with time zone': 'timestamptz',
  'time without time zone': 'time',
  'time with time zone': 'timetz',
}

/**
 * The family of a type as `format_type` prints it (`integer`, `numeric(10,2)`, `timestamp(3) with time zone`,
 * `text[]`); unknown names (enums, domains, extension types) are `other`.
 */
export function columnFamily(formatType: string): ColumnFamily {
  const name = formatType
    .toLowerCase()
    .replace(/\(\s*\d+\s*(,\s*-?\d+\s*)?\)/g, '')
    .replace(/\s+/g, ' ')
    .trim()
  if (name.endsWith('[]')) return 'array'
  if (/^interval( |$)/.test(name)) return 'interval'
  return FAMILIES.get(LONG_NAMES[name] ?? name) ?? 'other'
}

/** How many values an operator takes: one, a `[low, high]` pair, a list, or a true/false flag. */
export type OperatorArity = 'value' | 'pair' | 'list' | 'flag'

/** An operator of the filter language, as the builder offers it. */
export interface OperatorInfo {
  name: string
  /** Short text in the operator select: `=`, `≥`, `between`, `is null`… */
  label: string
  arity: OperatorArity
  /** What the column type must allow: equality, ordering, text matching, or nothing (null checks). */
  needs: 'equality' | 'ordering' | 'text' | null
  /** `$`-prefixed Mongo style. */
  mongo: boolean
}

const op = (name: string, label: string, arity: OperatorArity, needs: OperatorInfo['needs']): OperatorInfo => ({
  name,
  label,
  arity,
  needs,
  mongo: name.startsWith('$'),
})

/** Every operator of the filter language (design: plain and Mongo style), in the order the builder lists them. */
export const OPERATORS: readonly OperatorInfo[] = [
  op('eq', '=', 'value', 'equality'),
  op('ne', '≠', 'value', 'equality'),
  op('gt', '>', 'value', 'ordering'),
  op('ge', '≥', 'value', 'ordering'),
  op('lt', '<', 'value', 'ordering'),
  op('le', '≤', 'value', 'ordering'),
  op('between', 'between', 'pair', 'ordering'),
  op('in', 'in', 'list', 'equality'),
  op('not_in', 'not in', 'list', 'equality'),
  op('is_null', 'is null', 'flag', null),
  op('is_not_null', 'is not null', 'flag', null),
  op('like', 'like', 'value', 'text'),
  op('ilike', 'ilike', 'value', 'text'),
  op('$eq', '$eq', 'value', 'equality'),
  op('$ne', '$ne', 'value', 'equality'),
  op('$gt', '$gt', 'value', 'ordering'),
  op('$gte', '$gte', 'value', 'ordering'),
  op('$lt', '$lt', 'value', 'ordering'),
  op('$lte', '$lte', 'value', 'ordering'),
  op('$in', '$in', 'list', 'equality'),
  op('$nin', '$nin', 'list', 'equality'),
  op('$regex', '$regex (POSIX)', 'value', 'text'),
  op('$exists', '$exists', 'flag', null),
]

const BY_NAME: ReadonlyMap<string, OperatorInfo> = new Map(OPERATORS.map((info) => [info.name, info]))

const ABILITIES: Readonly<Record<ColumnFamily, readonly string[]>> = {
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

/** The operator named `name` (`gt`, `$gte`…), or undefined. */
export function operatorInfo(name: string): OperatorInfo | undefined {
  return BY_NAME.get(name)
}

/** True when operator `name` applies to a column of `family` (ordering needs an ordered type, like needs text). */
export function operatorApplies(name: string, family: ColumnFamily): boolean {
  const info = BY_NAME.get(name)
  return info !== undefined && (info.needs === null || ABILITIES[family].includes(info.needs))
}

/** The operators that apply to `family`, plain ones first. */
export function operatorsFor(family: ColumnFamily): OperatorInfo[] {
  return OPERATORS.filter((info) => operatorApplies(info.name, family))
}

/** The operator a new condition on a column of `family` starts with: `=`, or `is not null` when nothing compares. */
export function defaultOperator(family: ColumnFamily): string {
  return operatorApplies('eq', family) ? 'eq' : 'is_not_null'
}
