import { z } from 'zod'
import { SelectSpecSchema } from '../../query/select-spec.js'
import { ExplainAnalysis } from './plan.js'

/** A relation of the catalog by schema and name, e.g. `{ schema: 'flights', name: 'flights' }`. */
export const TableRef = z.object({ schema: z.string().min(1), name: z.string().min(1) })
export type TableRef = z.infer<typeof TableRef>

/** A filter-built query on one table: the table and its `SelectSpec` (filters, columns, order_by, limit, offset). */
export const TableSelectInput = z.object({ table: TableRef, select: SelectSpecSchema.default({}) })
export type TableSelectInput = z.input<typeof TableSelectInput>

/**
 * `query/build` output: the parameterized SQL the engine runs (`sql` with `$1…`, `parameters`) and `inlineSql`, the
 * same statement with each parameter written as a quoted literal, for "open as SQL" in the editor.
 */
export const BuiltQuery = z.object({ sql: z.string(), parameters: z.array(z.unknown()), inlineSql: z.string() })
export type BuiltQuery = z.infer<typeof BuiltQuery>

/** `table/select` stream input: run a filter-built query; same cap, id and timeout fields as `query/run`. */
export const TableRunInput = TableSelectInput.extend({
  queryId: z.string().min(1).max(100).optional(),
  maxRows: z.number().int().positive().nullable().optional(),
  timeoutMs: z.number().int().min(0).optional(),
})
export type TableRunInput = z.input<typeof TableRunInput>

/**
 * `plan/explain` input: either `sql` or a `table` with its `select`. `analyze: true` RUNS the statement
 * (EXPLAIN ANALYZE) — the UI asks once before doing so; `buffers` adds buffer counts (with analyze).
 */
export const ExplainInput = z
  .object({
    sql: z.string().min(1).optional(),
    table: TableRef.optional(),
    select: SelectSpecSchema.optional(),
    analyze: z.boolean().default(false),
    buffers: z.boolean().default(false),
  })
  .refine((input) => (input.sql === undefined) !== (input.table === undefined), {
    message: 'give either sql or table (with an optional select), not both',
  })
export type ExplainInput = z.input<typeof ExplainInput>

/** `plan/explain` output: the analysis plus the statement that was explained and whether it ran. */
export const ExplainOutput = ExplainAnalysis.extend({
  sql: z.string(),
  parameters: z.array(z.unknown()),
  analyzed: z.boolean(),
})
export type ExplainOutput = z.infer<typeof ExplainOutput>

/** `plan/parse` input: a plan pasted as text (psql, pgAdmin, logs) or EXPLAIN JSON text. */
export const PlanParseInput = z.object({ text: z.string().min(1, 'paste an EXPLAIN output') })
export type PlanParseInput = z.infer<typeof PlanParseInput>
