import type { ExplainAnalysis } from '../api/contract/plan.js'
import { parsePlan } from './parse/parse-plan.js'
import { analyzePushdown } from './pushdown/analyze-pushdown.js'
import type { PushdownOptions } from './pushdown/analyze-pushdown.js'
import { planWarnings, type FetchSizes } from './warnings/plan-warnings.js'

/** What the analysis may know about the hub besides the plan. */
export interface AnalyzeOptions extends PushdownOptions {
  /** postgres_fdw servers' `fetch_size` (rows), so transfer advice is given only where it helps. */
  fetchSizes?: FetchSizes
}

/**
 * Reads a plan (EXPLAIN JSON as `explainQuery` returns it, JSON text, or EXPLAIN text pasted from psql, pgAdmin
 * or a log) and answers `{ plan, foreignScans, warnings }`: the plan model, the pushdown verdicts per Foreign
 * Scan and the warnings per node — the shape of `POST /api/v1/explain` (`ExplainAnalysis`). Pure: no database.
 * @throws EngineError `BAD_INPUT` when `input` is no EXPLAIN output.
 */
export function analyzePlan(input: unknown, options: AnalyzeOptions = {}): ExplainAnalysis {
  const plan = parsePlan(input)
  const foreignScans = analyzePushdown(plan, options)
  return { plan, foreignScans, warnings: planWarnings(plan, foreignScans, options.fetchSizes) }
}
