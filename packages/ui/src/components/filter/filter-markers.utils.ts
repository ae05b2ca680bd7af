import type { ErrorView } from '../../stores/error-view'
import type { FilterProblem } from './filter-state.utils'
import { locateJsonPath, parseIssuePath, parseJsonRanges } from './json-locate.utils'
import type { TextRange } from './json-locate.utils'

/** A squiggle for the JSON editor: where, what, how bad. */
export interface MarkerSpec {
  range: TextRange
  message: string
  severity: 'error' | 'warning'
}

interface IssueLike {
  path?: unknown
  at?: unknown
  message?: unknown
}

/**
 * The squiggles of an engine error on the select spec shown as `text`: one per `detail.issues` entry (the
 * engine's `QueryIssue`: `at` segments, or its `path` such as `filters.$and[1].delay.$gt`), else one at
 * `detail.path`, else one over the whole text. A path deeper than the text (a missing field) marks its deepest
 * existing parent and says which field. None while the text is not JSON: its syntax error comes first.
 */
export function engineErrorMarkers(text: string, error: ErrorView): MarkerSpec[] {
  if (parseJsonRanges(text).error !== null) return []
  const detail = error.detail ?? {}
  const issues: IssueLike[] = Array.isArray(detail.issues)
    ? (detail.issues as IssueLike[])
    : [{ path: detail.path, message: error.message }]
  return issues.map((issue) => {
    const at = issueSegments(issue)
    const message = typeof issue.message === 'string' ? issue.message : error.message
    return marker(text, at, message, 'error')
  })
}

/** The squiggles of what the builder cannot show (from `selectToDraft`), as warnings. */
export function problemMarkers(text: string, problems: readonly FilterProblem[]): MarkerSpec[] {
  return problems.map((problem) => marker(text, problem.at, problem.message, 'warning'))
}

function marker(
  text: string,
  at: readonly (string | number)[],
  message: string,
  severity: MarkerSpec['severity'],
): MarkerSpec {
  const found = locateJsonPath(text, at)
  const path = formatSegments(at)
  if (found === null) return { range: { start: 0, end: text.length }, message, severity }
  const where = found.exact || path === '' ? '' : ` (at ${path})`
  return { range: found.range, message: `${message}${where}`, severity }
}

function issueSegments(issue: IssueLike): (string | number)[] {
  if (Array.isArray(issue.at) && issue.at.every((s) => typeof s === 'string' || typeof s === 'number')) {
    return issue.at as (string | number)[]
  }
  return typeof issue.path === 'string' ? parseIssuePath(issue.path) : []
}

function formatSegments(at: readonly (string | number)[]): string {
  return at
    .map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : i === 0 ? segment : `.${segment}`))
    .join('')
}
