import type { Plan } from '../../api/contract/plan.js'
import { extractPlanLines } from '../text/text-lines.js'
import { textToExplainJson } from '../text/text-to-json.js'
import { planFromJson } from './plan-from-json.js'

/**
 * Reads a plan in any form a user or the runner has: the value `explainQuery` returns (EXPLAIN JSON as parsed by
 * node-postgres), JSON text (also as psql prints it, with header and `+` marks), or EXPLAIN text output from psql,
 * pgAdmin or a log. Returns the plan model with derived times, costs and misestimates.
 * @throws EngineError `BAD_INPUT` when the input is no plan.
 */
export function parsePlan(input: unknown): Plan {
  if (typeof input !== 'string') return planFromJson(input, 'json')
  const trimmed = input.trim()
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) return planFromJson(trimmed, 'json')
  const undecorated = extractPlanLines(input)
    .map((line) => line.text)
    .join('\n')
  if (undecorated.startsWith('[') || undecorated.startsWith('{')) return planFromJson(undecorated, 'json')
  return planFromJson(textToExplainJson(input), 'text')
}
