import { Table } from 'apache-arrow'
import type { Pool } from 'pg'
import type { CatalogTable } from '../api/contract/catalog.js'
import { EngineError } from '../api/contract/errors.js'
import type { ExplainAnalysis } from '../api/contract/plan.js'
import type { BuiltQuery, ExplainInput, ExplainOutput, TableSelectInput } from '../api/contract/table.js'
import { readCatalog } from '../catalog/index.js'
import { describeParameterTypes, encodeParameters, openQueryStream, type QueryStream } from '../exec/index.js'
import { analyzePlan } from '../plan/index.js'
import { buildSelectQuery, type CompiledQuery, type SelectSpec } from '../query/index.js'
import { explainStatement, isPushDownEligible } from './explain-statement.js'
import { inlineParameters } from './inline-sql.js'
import { readPlanContext } from './plan-context.js'
import { findCatalogTable, toTableRef, type TableName } from './table-lookup.js'
import type { LoadTableOptions, OptimizedQuery, SelectQuery, TableQuery } from './workbench.types.js'

/**
 * Filters, plans and reads of catalog tables on one hub: the library API (`lazyLoadTable`, `buildSelectQuery`,
 * `optimizeQuery`, the seed connector's) and the engine's `query/build`, `table/select`, `plan/explain` and
 * `plan/parse`. Holds nothing but the hub pool (a principal's pool runs everything as that principal); every call
 * reads the catalog afresh, so sources applied meanwhile are seen. `Engine` exposes one as `engine.workbench`.
 *
 * ```ts
 * const workbench = new Workbench(pool) // a pg.Pool on the hub, or engine.workbench
 * const late = await workbench.lazyLoadTable('flights.flights', { filters: { delay: { gt: 60 } }, limit: 100 })
 * ```
 */
export class Workbench {
  constructor(readonly pool: Pool) {}

  /**
   * The catalog table `table` names, with its columns.
   * @throws EngineError `NOT_FOUND` (with the tables to pick from), `BAD_INPUT` for a malformed name.
   */
  async findTable(table: TableName): Promise<CatalogTable> {
    return findCatalogTable(await readCatalog(this.pool), toTableRef(table))
  }

  /**
   * The parameterized statement of a filter on a table: catalog lookup, then `buildSelectQuery` (names checked and
   * quoted, values bound as `$n`).
   * @throws EngineError `NOT_FOUND` (unknown table), `BAD_INPUT` (every problem of the spec, with its path).
   */
  async compileSelect(table: TableName, select: SelectSpec = {}): Promise<CompiledQuery> {
    return buildSelectQuery(await this.findTable(table), select)
  }

  /**
   * `query/build`: the statement the engine runs (`sql`, `parameters`) and `inlineSql`, the same with each value
   * written as a literal cast to the type the hub infers for it (`describeParameterTypes`), for the SQL editor.
   * @throws EngineError as `compileSelect`; `HUB_QUERY_FAILED` when the hub rejects the statement.
   */
  async buildQuery(input: TableSelectInput): Promise<BuiltQuery> {
    const { sql, parameters } = await this.compileSelect(input.table, input.select)
    const types = parameters.length > 0 ? await describeParameterTypes(this.pool, sql) : []
    return { sql, parameters: [...parameters], inlineSql: inlineParameters(sql, encodeParameters(parameters), types) }
  }

  /**
   * `plan/explain`: EXPLAIN of `sql`, or of the filter-built statement on `table` (parameters bound), with the
   * pushdown report and warnings. `analyze: true` runs the statement.
   * @throws EngineError `BAD_INPUT` unless exactly one of `sql` and `table` is given; see `explainStatement`.
   */
  async explain(input: ExplainInput): Promise<ExplainOutput> {
    const options = { analyze: input.analyze ?? false, buffers: input.buffers ?? false }
    if (input.sql !== undefined && input.table === undefined) {
      return explainStatement(this.pool, { sql: input.sql, parameters: [] }, options)
    }
    if (input.table === undefined || input.sql !== undefined) {
      throw new EngineError('BAD_INPUT', 'give either sql or table (with an optional select), not both')
    }
    return explainStatement(this.pool, await this.compileSelect(input.table, input.select), options)
  }

  /**
   * `plan/parse`: a plan pasted as text (psql in any border style, pgAdmin, a log) or JSON, analyzed like
   * `plan/explain`'s with this hub's foreign tables, security_barrier views and version.
   * @throws EngineError `BAD_INPUT` when the text is no EXPLAIN output; `HUB_QUERY_FAILED` if the hub's catalogs
   *   cannot be read.
   */
  async analyzePlanText(text: string): Promise<ExplainAnalysis> {
    return analyzePlan(text, await readPlanContext(this.pool))
  }

  /**
   * Runs a filter on a table and streams its rows as Arrow RecordBatches (the binary portal when the statement has
   * parameters, else binary COPY). Close the stream when done.
   * @throws EngineError as `compileSelect` and `openQueryStream`.
   */
  async openTableStream(table: TableName, options: LoadTableOptions = {}): Promise<QueryStream> {
    const { sql, parameters } = await this.compileSelect(table, toSelectSpec(options))
    const { maxRows, timeoutMs, signal, batchRows } = options
    return openQueryStream(this.pool, sql, { parameters, maxRows, timeoutMs, signal, batchRows })
  }

  /**
   * Reads the rows of `table` matching `options.filters` (projected on `columns`, sorted by `orderBy`, sliced by
   * `offset`/`limit`) into one Arrow `Table`; the filter, sort and limit go to the source where its FDW can run
   * them. The whole result is held in memory: cap it with `limit` or `maxRows`, or iterate `openTableStream`.
   * @throws EngineError `NOT_FOUND`, `BAD_INPUT` (the filter's problems with their paths), `HUB_QUERY_FAILED`,
   *   `QUERY_CANCELED`, `HUB_UNAVAILABLE`.
   */
  async lazyLoadTable(table: TableName, options: LoadTableOptions = {}): Promise<Table> {
    const stream = await this.openTableStream(table, options)
    try {
      const batches = []
      for await (const batch of stream.batches()) batches.push(batch)
      return new Table(stream.schema, batches)
    } finally {
      await stream.close()
    }
  }

  /**
   * The parameterized SQL of a filter on a table, as the seed connector returned it: `{ sql, params }`.
   * @throws EngineError `NOT_FOUND`, `BAD_INPUT`.
   */
  async buildSelectQuery(table: TableName, spec: TableQuery = {}): Promise<SelectQuery> {
    const { sql, parameters } = await this.compileSelect(table, toSelectSpec(spec))
    return { sql, params: parameters }
  }

  /**
   * Plain EXPLAIN of `query` (nothing runs): its estimated cost and rows, the plan, the pushdown report per Foreign
   * Scan and `pushDownEligible` (every filter clause sent to its source).
   * @throws EngineError `HUB_QUERY_FAILED` (sqlstate, position), `HUB_UNAVAILABLE`, `BAD_INPUT`.
   */
  async optimizeQuery(query: SelectQuery): Promise<OptimizedQuery> {
    const { plan, foreignScans, warnings } = await explainStatement(this.pool, {
      sql: query.sql,
      parameters: query.params,
    })
    return {
      sql: query.sql,
      params: query.params,
      costEstimate: plan.root.totalCost,
      estimatedRows: plan.root.planRows,
      pushDownEligible: isPushDownEligible(foreignScans),
      plan,
      foreignScans,
      warnings,
    }
  }
}

function toSelectSpec(query: TableQuery): SelectSpec {
  const { filters, columns, orderBy, limit, offset } = query
  return { filters, columns, order_by: orderBy, limit, offset }
}
