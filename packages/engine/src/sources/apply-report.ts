import type { SourceApplyResult } from './apply-sources.js'

/** What `idw apply` answers: every source's result, planned (`dryRun`) or applied. */
export interface ApplyReport {
  dryRun: boolean
  results: SourceApplyResult[]
}

/** True when a source failed: `idw apply` then exits non-zero. */
export function applyFailed(report: ApplyReport): boolean {
  return report.results.some((r) => r.outcome === 'failed')
}

/** `+` creates, `~` alters, `-` drops: a statement as a diff line. */
function diffLine(statement: string): string {
  const mark = /^(DROP|DELETE)/.test(statement) ? '-' : /^ALTER/.test(statement) ? '~' : '+'
  return `    ${mark} ${statement};`
}

const MARKS: Record<SourceApplyResult['action'], string> = {
  create: '+',
  update: '~',
  rebuild: '±',
  none: '=',
  remove: '-',
  keep: '?',
}

function header(r: SourceApplyResult): string {
  const where = [r.fdw, r.location].filter(Boolean).join(', ')
  const mark = r.outcome === 'failed' ? '!' : MARKS[r.action]
  return `${mark} ${r.name}${where ? ` (${where})` : ''}`
}

function describe(r: SourceApplyResult, dryRun: boolean): string[] {
  if (r.outcome === 'failed') return [`${header(r)}: ${r.error?.code ?? 'FAILED'}: ${r.error?.message ?? 'failed'}`]
  if (r.action === 'none') return [`${header(r)}: no changes`]
  if (r.action === 'keep') return [`${header(r)}: in the hub but not in the config; kept (--prune removes it)`]
  const verb = dryRun ? r.action : `${r.outcome} in ${r.ms} ms`
  return [`${header(r)}: ${verb}`, ...r.changes.map((c) => `    ${c}`), ...r.statements.map(diffLine)]
}

function count(results: readonly SourceApplyResult[], test: (r: SourceApplyResult) => boolean): number {
  return results.filter(test).length
}

/**
 * The report as text: one block per source (its action, what differs, its DDL as `+`/`~`/`-` lines, secrets as
 * `***`), then a summary line. When nothing differs it says `no changes`.
 */
export function formatApplyReport(report: ApplyReport): string {
  const { results, dryRun } = report
  const ok = (r: SourceApplyResult): boolean => r.outcome !== 'failed'
  const summary = dryRun
    ? [
        `${count(results, (r) => ok(r) && r.action === 'create')} to create`,
        `${count(results, (r) => ok(r) && r.action === 'update')} to update`,
        `${count(results, (r) => ok(r) && r.action === 'rebuild')} to rebuild`,
        `${count(results, (r) => r.action === 'remove')} to remove`,
      ]
    : (['created', 'updated', 'rebuilt', 'removed'] as const).map(
        (o) => `${count(results, (r) => r.outcome === o)} ${o}`,
      )
  const kept = count(results, (r) => r.action === 'keep')
  summary.push(
    `${count(results, (r) => ok(r) && r.action === 'none')} unchanged`,
    ...(kept > 0 ? [`${kept} kept`] : []),
    `${count(results, (r) => !ok(r))} failed`,
  )
  const changed = results.some((r) => r.action !== 'none' && r.action !== 'keep') || results.some((r) => !ok(r))
  if (!changed) {
    const keptLines = results.filter((r) => r.action === 'keep').flatMap((r) => describe(r, dryRun))
    return [
      `no changes: the hub matches the config (${count(results, (r) => r.action === 'none')} sources)`,
      ...keptLines,
    ].join('\n')
  }
  const title = dryRun ? 'Plan (dry run: nothing was changed):' : 'Applied:'
  return [
    title,
    '',
    ...results.flatMap((r) => describe(r, dryRun)),
    '',
    `${dryRun ? 'Plan' : 'Result'}: ${summary.join(', ')}.`,
  ].join('\n')
}
