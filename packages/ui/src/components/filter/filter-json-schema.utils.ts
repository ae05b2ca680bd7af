import type { CatalogColumn } from '@idw/engine/api'
import { columnFamily, operatorsFor } from './filter-operators.utils'
import type { ColumnFamily, OperatorInfo } from './filter-operators.utils'

/** A JSON Schema (draft 7) object, as Monaco's JSON language service reads it. */
export type JsonSchema = Record<string, unknown>

const VALUE_SCHEMAS: Readonly<Record<ColumnFamily, JsonSchema>> = {
  integer: {
    type: ['integer', 'string'],
    pattern: '^[+-]?\\d+$',
    description: 'an integer (a string keeps int8 exact)',
  },
  numeric: { type: ['number', 'string'], description: 'a number (a decimal string keeps every digit)' },
  float: { type: ['number', 'string'], description: 'a number' },
  text: { type: 'string' },
  boolean: { type: 'boolean' },
  date: { type: 'string', description: 'a date "YYYY-MM-DD"', defaultSnippets: [{ body: '${1:2001-01-01}' }] },
  timestamp: { type: 'string', description: 'a date-time "YYYY-MM-DD HH:MM[:SS]" without offset' },
  timestamptz: { type: 'string', description: 'a date-time "YYYY-MM-DDTHH:MM[:SS]" with an optional offset' },
  time: { type: 'string', description: 'a time "HH:MM[:SS]"' },
  timetz: { type: 'string', description: 'a time "HH:MM[:SS]" with an optional offset' },
  interval: { type: 'string', description: 'an interval such as "1 day 02:00:00"' },
  uuid: { type: 'string', description: 'a UUID' },
  json: { not: {}, description: 'json columns take only is_null, is_not_null and $exists' },
  bytea: { not: {}, description: 'bytea columns take only is_null, is_not_null and $exists' },
  array: { not: {}, description: 'array columns take only is_null, is_not_null and $exists' },
  other: { type: ['string', 'number', 'boolean'] },
}

const OPERATOR_TEXT: Readonly<Record<string, string>> = {
  eq: 'equals (null: IS NULL)',
  ne: 'differs from (null: IS NOT NULL); never matches NULL',
  gt: 'greater than',
  ge: 'greater than or equal',
  lt: 'less than',
  le: 'less than or equal',
  between: '[low, high], both included',
  in: 'one of a list',
  not_in: 'none of a list; never matches NULL',
  is_null: 'true: IS NULL, false: IS NOT NULL',
  is_not_null: 'true: IS NOT NULL, false: IS NULL',
  like: 'SQL LIKE pattern (% any text, _ one character)',
  ilike: 'case-insensitive LIKE',
  $regex: 'POSIX regular expression (PostgreSQL ~); $options "i" ignores case',
  $exists: 'true: IS NOT NULL, false: IS NULL',
  $gte: 'greater than or equal',
  $lte: 'less than or equal',
  $in: 'one of a list',
  $nin: 'none of a list; never matches NULL',
}

/**
 * The JSON Schema of a select spec on a table with `columns`, for Monaco's JSON language service: it completes
 * the spec's fields, column names (as filter keys, in `columns` and `order_by`), the operators that apply to
 * each column's type, and flags values of the wrong JSON type. The engine still has the last word (`query/build`).
 */
export function selectJsonSchema(columns: readonly CatalogColumn[]): JsonSchema {
  const names = columns.map((column) => column.name)
  const definitions: Record<string, JsonSchema> = { filter: filterSchema(columns) }
  columns.forEach((column, i) => {
    definitions[`ops${i}`] = operatorsSchema(columnFamily(column.type), `#/definitions/ops${i}`)
  })
  const sortKey: JsonSchema = {
    anyOf: [
      { enum: [...names, ...names.map((name) => `-${name}`)], description: '"column" ascending, "-column" descending' },
      {
        type: 'object',
        properties: {
          column: { enum: names },
          direction: { enum: ['asc', 'desc'] },
          nulls: { enum: ['first', 'last'] },
        },
        required: ['column'],
        additionalProperties: false,
      },
    ],
  }
  return {
    type: 'object',
    properties: {
      filters: { $ref: '#/definitions/filter', description: 'conditions on columns, all ANDed; $and, $or, $not nest' },
      columns: { type: 'array', items: { enum: names }, minItems: 1, uniqueItems: true, description: 'output columns' },
      order_by: { anyOf: [sortKey, { type: 'array', items: sortKey }], description: 'sort keys' },
      limit: { type: 'integer', minimum: 0, description: 'rows at most' },
      offset: { type: 'integer', minimum: 0, description: 'rows skipped' },
    },
    additionalProperties: false,
    definitions,
  }
}

function filterSchema(columns: readonly CatalogColumn[]): JsonSchema {
  const properties: Record<string, JsonSchema> = {
    $and: { type: 'array', minItems: 1, items: { $ref: '#/definitions/filter' }, description: 'all of these' },
    $or: { type: 'array', minItems: 1, items: { $ref: '#/definitions/filter' }, description: 'any of these' },
    $not: { $ref: '#/definitions/filter', description: 'not this' },
  }
  columns.forEach((column, i) => {
    const family = columnFamily(column.type)
    const first = operatorsFor(family)[0]?.name ?? 'is_null'
    properties[column.name] = {
      description: `${column.type}${column.nullable ? '' : ' not null'}`,
      anyOf: [{ $ref: `#/definitions/ops${i}` }, { type: 'null' }, VALUE_SCHEMAS[family]],
      defaultSnippets: [{ label: `{ "${first}": … }`, body: { [first]: '$1' } }],
    }
  })
  return { type: 'object', properties, additionalProperties: false }
}

function operatorsSchema(family: ColumnFamily, self: string): JsonSchema {
  const value = VALUE_SCHEMAS[family]
  const properties: Record<string, JsonSchema> = { $not: { $ref: self, description: 'negates these operators' } }
  for (const info of operatorsFor(family)) properties[info.name] = operandSchema(info, value)
  if (family === 'text') properties.$options = { enum: ['i', ''], description: 'with $regex: "i" ignores case' }
  return { type: 'object', properties, additionalProperties: false, minProperties: 1 }
}

function operandSchema(info: OperatorInfo, value: JsonSchema): JsonSchema {
  const description = OPERATOR_TEXT[info.name] ?? OPERATOR_TEXT[info.name.slice(1)] ?? info.label
  const text: JsonSchema = info.needs === 'text' ? { type: 'string' } : value
  switch (info.arity) {
    case 'flag':
      return { type: 'boolean', description }
    case 'pair':
      return { type: 'array', items: text, minItems: 2, maxItems: 2, description }
    case 'list':
      return { type: 'array', items: text, minItems: 1, description }
    case 'value':
      return info.needs === 'equality' ? { anyOf: [text, { type: 'null' }], description } : { ...text, description }
  }
}
