import type { SourceTestResult, TestVerdict } from '@idw/engine/api'
import { formatDuration } from '../../format/format.utils'

/** A connection test's answer as the verdict panel shows it. */
export interface VerdictView {
  tone: 'ok' | 'warn' | 'error'
  /** Two to four words: "Connected", "Authentication failed". */
  title: string
  /** The engine's sentence about what happened. */
  message: string
  /** What to do about it; null when connected. */
  action: string | null
  /** "42 ms". */
  latency: string
  /** The engine's `detail`: the FDW's own words, hint, SQLSTATE, statement (secrets are masked by the engine). */
  facts: Array<{ label: string; value: string }>
}

const TITLES: Record<TestVerdict, string> = {
  ok: 'Connected',
  fdw_missing: 'FDW not installed',
  host_unreachable: 'Host unreachable',
  timeout: 'No answer (timed out)',
  auth_failed: 'Authentication failed',
  permission_denied: 'Permission denied',
  database_missing: 'Database not found',
  schema_missing: 'Schema not found',
  table_missing: 'Table not found',
  file_missing: 'File not found',
  option_invalid: 'Invalid option',
  data_invalid: 'Data does not fit the columns',
  failed: 'Connection failed',
}

/** Verdicts about something the user can fix in the form (a name, a path, an option), not a broken service. */
const FIXABLE: ReadonlySet<TestVerdict> = new Set(['schema_missing', 'table_missing', 'option_invalid', 'data_invalid'])

/** Labels of the engine's `detail` keys, in the order shown; other keys follow under their own name. */
const DETAIL_LABELS: Record<string, string> = {
  pgMessage: 'FDW says',
  pgDetail: 'Detail',
  hint: 'Hint',
  file: 'File',
  sqlstate: 'SQLSTATE',
  statement: 'Statement',
}

function detailFacts(detail: Record<string, string> | null): VerdictView['facts'] {
  const entries = Object.entries(detail ?? {}).filter(([, value]) => value !== '')
  const order = Object.keys(DETAIL_LABELS)
  const rank = (key: string): number => (order.includes(key) ? order.indexOf(key) : order.length)
  return entries
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([key, value]) => ({ label: DETAIL_LABELS[key] ?? key, value }))
}

/** Title, tone, message, action and facts of a `sources/test` answer. */
export function verdictView(result: SourceTestResult): VerdictView {
  const facts = detailFacts(result.detail)
  return {
    tone: result.ok ? 'ok' : FIXABLE.has(result.verdict) ? 'warn' : 'error',
    title: TITLES[result.verdict],
    message: result.message,
    action: result.action,
    latency: formatDuration(result.latencyMs),
    facts,
  }
}
