import { z } from 'zod'
import { describeValue } from './column-values.js'
import { isPlainObject } from './is-plain-object.js'

/** A value a filter compares with; dates, times, UUIDs and big integers are strings. */
export type FilterScalar = string | number | boolean

/**
 * The operators of one column, both styles; several in one object are ANDed. `eq`/`$eq` with null is
 * IS NULL, `ne`/`$ne` with null is IS NOT NULL; `ne`, `not_in` and `$nin` never match NULL (SQL semantics).
 */
export interface ColumnOperatorsInput {
  eq?: FilterScalar | null
  ne?: FilterScalar | null
  gt?: FilterScalar
  ge?: FilterScalar
  lt?: FilterScalar
  le?: FilterScalar
  between?: readonly [FilterScalar, FilterScalar]
  in?: readonly FilterScalar[]
  not_in?: readonly FilterScalar[]
  is_null?: boolean
  is_not_null?: boolean
  like?: string
  ilike?: string
  $eq?: FilterScalar | null
  $ne?: FilterScalar | null
  $gt?: FilterScalar
  $gte?: FilterScalar
  $lt?: FilterScalar
  $lte?: FilterScalar
  $in?: readonly FilterScalar[]
  $nin?: readonly FilterScalar[]
  /** A POSIX regular expression (PostgreSQL `~`), not a JavaScript or PCRE one. */
  $regex?: string
  /** `"i"`: case-insensitive (`~*`). */
  $options?: 'i' | ''
  $exists?: boolean
  $not?: ColumnOperatorsInput
}

/** The condition on one column: a value (eq), null (IS NULL) or an operator object. */
export type ColumnConditionInput = FilterScalar | null | ColumnOperatorsInput

/** A filter object: column conditions and logical operators, all ANDed. See `parseFilter`. */
export interface FilterInput {
  $and?: readonly FilterInput[]
  $or?: readonly FilterInput[]
  $not?: FilterInput
  [column: string]: ColumnConditionInput | readonly FilterInput[] | FilterInput | undefined
}

/** The message of a strict object's unknown keys; other issues keep their own message. */
function unknownField(accepted: string): (issue: { code?: string; input?: unknown }) => string | undefined {
  return (issue) => {
    if (issue.code === 'unrecognized_keys') return `unknown field; accepted: ${accepted}`
    if (issue.code === 'invalid_type') return `expected an object with ${accepted}; got ${describeValue(issue.input)}`
    return undefined
  }
}

/** One sort key in object form. `nulls` absent = PostgreSQL's default (last for asc, first for desc). */
export const OrderByItemSchema = z.strictObject(
  {
    column: z.string({ error: 'column is the name of a column' }).min(1, 'column is empty'),
    direction: z.enum(['asc', 'desc'], { error: 'direction is "asc" or "desc"' }).optional(),
    nulls: z.enum(['first', 'last'], { error: 'nulls is "first" or "last"' }).optional(),
  },
  { error: unknownField('column, direction, nulls') },
)
export type OrderByItem = z.infer<typeof OrderByItemSchema>

const ORDER_BY_FORMS =
  'order_by takes "column", "-column" (descending), { column, direction, nulls } or an array of those'
const OrderByKeySchema = z.union([z.string().min(1, 'a sort key is empty'), OrderByItemSchema], {
  error: ORDER_BY_FORMS,
})
const RowCount = (name: string) =>
  z
    .number({ error: `${name} is a number of rows` })
    .int(`${name} is a whole number of rows`)
    .min(0, `${name} cannot be negative`)

/**
 * The JSON shape of a select on one table, as the API receives it:
 * `{ filters?, columns?, order_by?, limit?, offset? }`. Checks the shape only: names, operators and values
 * are checked against the catalog by `buildSelectQuery`, which reports each problem with its path.
 * - `filters`: a filter object (`FilterInput`), default every row.
 * - `columns`: the projection in output order; default every catalog column.
 * - `order_by`: `"col"`, `"-col"` (descending), `{ column, direction, nulls }`, or an array of those.
 * - `limit`, `offset`: rows, whole numbers ≥ 0.
 */
export const SelectSpecSchema = z.strictObject(
  {
    filters: z
      .custom<FilterInput>(isPlainObject, { error: 'filters is an object such as { "delay": { "gt": 10 } }' })
      .optional(),
    columns: z
      .array(z.string().min(1, 'a column name is empty'), { error: 'columns is an array of column names' })
      .min(1, 'columns lists no column; leave it out to select every column')
      .optional(),
    order_by: z.union([OrderByKeySchema, z.array(OrderByKeySchema)], { error: ORDER_BY_FORMS }).optional(),
    limit: RowCount('limit').optional(),
    offset: RowCount('offset').optional(),
  },
  { error: unknownField('filters, columns, order_by, limit, offset') },
)
export type SelectSpec = z.infer<typeof SelectSpecSchema>
