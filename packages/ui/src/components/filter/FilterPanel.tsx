import { useCallback, useMemo, useState } from 'react'
import { formatCompactCount } from '../../format/format.utils'
import { filterColumns } from '../../stores/filter-slice'
import { useWorkbench } from '../../stores/workbench-context'
import { Icon } from '../common/Icon'
import { Spinner } from '../common/Spinner'
import { formatRemoteSql } from '../plan/remote-sql.utils'
import { SqlText } from '../plan/SqlText'
import { appendEmpty } from './filter-edit.utils'
import { FilterGroupView } from './FilterGroupView'
import { FilterJsonEditor } from './FilterJsonEditor'
import type { FilterGroup, FilterProblem } from './filter-state.utils'
import { SelectOptions } from './SelectOptions'

let rowIds = 0
/** Ids for rows added in the builder (the slice numbers the rows it reads from JSON itself). */
const newRowId = (): string => `row${++rowIds}`

/**
 * The filter builder on one table (`filter-builder`): visual rows or the JSON editor, the output options, and
 * the SQL the engine built, with Run (`table/select` into the grid) and Open as SQL.
 */
export function FilterPanel() {
  const table = useWorkbench((s) => s.filter.table)
  const mode = useWorkbench((s) => s.filter.mode)
  const draft = useWorkbench((s) => s.filter.draft)
  const columns = useWorkbench(filterColumns)
  const estimatedRows = useWorkbench((s) => findEstimate(s.catalog.sources, s.filter.table))
  const jsonBroken = useWorkbench((s) => s.filter.jsonSyntaxError !== null || s.filter.jsonProblems.length > 0)
  const running = useWorkbench((s) => s.result.status === 'running' || s.plan.previewing)
  const editFilter = useWorkbench((s) => s.editFilter)
  const setFilterMode = useWorkbench((s) => s.setFilterMode)
  const runFilter = useWorkbench((s) => s.runFilter)
  const openFilterAsSql = useWorkbench((s) => s.openFilterAsSql)
  const setRoot = useCallback((root: FilterGroup) => editFilter((d) => ({ ...d, root })), [editFilter])
  if (table === null) return null

  return (
    <div className="filter-panel" data-testid="filter-builder">
      <div className="filter-panel__bar">
        <div className="segmented" role="tablist" aria-label="Filter editor">
          <button
            type="button"
            role="tab"
            aria-selected={mode === 'visual'}
            className={mode === 'visual' ? 'segmented__on' : ''}
            disabled={mode === 'json' && jsonBroken}
            title={jsonBroken ? 'Fix the JSON first' : 'Build the filter with rows'}
            onClick={() => setFilterMode('visual')}
            data-testid="filter-mode-visual"
          >
            <Icon name="filter" size={12} /> Visual
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={mode === 'json'}
            className={mode === 'json' ? 'segmented__on' : ''}
            onClick={() => setFilterMode('json')}
            data-testid="filter-mode-json"
          >
            <Icon name="braces" size={12} /> JSON
          </button>
        </div>
        <span className="filter-panel__table">
          <Icon name="table" size={13} />
          {table.schema}.{table.name}
          {estimatedRows === null ? null : (
            <span className="filter-panel__rows">~{formatCompactCount(estimatedRows)} rows</span>
          )}
        </span>
        {mode === 'visual' ? (
          <>
            <button
              type="button"
              className="button button--small"
              data-testid="filter-add-condition"
              onClick={() => setRoot(appendEmpty(draft.root, draft.root.id, newRowId, 'condition'))}
            >
              <Icon name="plus" size={11} /> Condition
            </button>
            <button
              type="button"
              className="button button--small"
              data-testid="filter-add-group"
              onClick={() => setRoot(appendEmpty(draft.root, draft.root.id, newRowId, 'group'))}
            >
              <Icon name="plus" size={11} /> Group
            </button>
          </>
        ) : null}
        <span className="pane-toolbar__spacer" />
        <button
          type="button"
          className="button button--small"
          data-testid="filter-open-sql"
          onClick={() => void openFilterAsSql()}
        >
          <Icon name="code" size={12} /> Open as SQL
        </button>
        <button
          type="button"
          className="button button--small button--primary"
          data-testid="filter-run"
          disabled={running}
          onClick={() => void runFilter()}
        >
          <Icon name="play" size={11} /> Run filter
        </button>
      </div>
      <div className="filter-panel__body">
        <div className="filter-panel__main">
          {mode === 'visual' ? (
            <div className="filter-panel__rows-scroll">
              <FilterGroupView
                group={draft.root}
                columns={columns}
                root={draft.root}
                onRootChange={setRoot}
                newId={newRowId}
                depth={0}
              />
            </div>
          ) : (
            <FilterJsonEditor />
          )}
          <BuiltSql />
        </div>
        <SelectOptions draft={draft} columns={columns} newId={newRowId} onChange={(next) => editFilter(() => next)} />
      </div>
    </div>
  )
}

/** The SQL the engine built from the draft (values inlined), or why it refused it. */
function BuiltSql() {
  const status = useWorkbench((s) => s.filter.buildStatus)
  const built = useWorkbench((s) => s.filter.built)
  const error = useWorkbench((s) => s.filter.buildError)
  const jsonText = useWorkbench((s) => s.filter.jsonText)
  const syntax = useWorkbench((s) => (s.filter.mode === 'json' ? s.filter.jsonSyntaxError : null))
  const problems = useWorkbench((s) => (s.filter.mode === 'json' ? s.filter.jsonProblems : NO_PROBLEMS))
  const [expanded, setExpanded] = useState(false)
  const formatted = useMemo(
    () => (built === null ? '' : expanded ? formatRemoteSql(built.inlineSql, 'postgres_fdw') : built.inlineSql),
    [built, expanded],
  )

  return (
    <div
      className={`built-sql built-sql--${status}${expanded ? ' built-sql--expanded' : ''}`}
      data-testid="filter-sql-preview"
    >
      <div className="built-sql__label">
        {status === 'building' ? <Spinner /> : <Icon name={status === 'failed' ? 'warning' : 'code'} size={12} />}
        {syntax !== null ? 'JSON syntax' : status === 'failed' ? 'The engine refused this filter' : 'SQL'}
        {problems.length > 0 && syntax === null ? (
          <span className="built-sql__stale">the visual builder cannot show this JSON: {problems[0]!.message}</span>
        ) : null}
        {built !== null && status !== 'failed' ? (
          <>
            <span className="built-sql__params">
              {built.parameters.length} {built.parameters.length === 1 ? 'value' : 'values'} sent as bind parameters
            </span>
            <button type="button" className="link-button" onClick={() => setExpanded(!expanded)}>
              {expanded ? 'compact' : 'format'}
            </button>
          </>
        ) : null}
      </div>
      {syntax !== null ? (
        <p className="built-sql__syntax">{describeSyntaxError(jsonText, syntax.offset, syntax.message)}</p>
      ) : status === 'failed' && error !== null ? (
        <ul className="built-sql__issues">
          {issuesOf(error.detail, error.message).map((issue, index) => (
            <li key={index}>
              {issue.path === '' ? null : <code>{issue.path}</code>} {issue.message}
            </li>
          ))}
        </ul>
      ) : built === null ? (
        <p className="built-sql__hint">The SQL appears here as you build the filter.</p>
      ) : (
        <SqlText sql={formatted} className="built-sql__text" />
      )}
    </div>
  )
}

const NO_PROBLEMS: readonly FilterProblem[] = []

/** `Line 3, column 7: expected "," or "}"` for a syntax error at `offset` of `text`. */
function describeSyntaxError(text: string, offset: number, message: string): string {
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  const column = offset - before.lastIndexOf('\n')
  return `Line ${line}, column ${column}: ${message}. Run and Explain use the last valid JSON.`
}

function issuesOf(detail: Record<string, unknown> | undefined, message: string): { path: string; message: string }[] {
  const issues = detail?.issues
  if (!Array.isArray(issues)) return [{ path: typeof detail?.path === 'string' ? detail.path : '', message }]
  return issues.map((issue: { path?: unknown; message?: unknown }) => ({
    path: typeof issue.path === 'string' ? issue.path : '',
    message: typeof issue.message === 'string' ? issue.message : '',
  }))
}

function findEstimate(
  sources: readonly { tables: readonly { schema: string; name: string; estimatedRows: number | null }[] }[],
  table: { schema: string; name: string } | null,
): number | null {
  if (table === null) return null
  for (const source of sources) {
    const found = source.tables.find((t) => t.schema === table.schema && t.name === table.name)
    if (found !== undefined) return found.estimatedRows
  }
  return null
}
