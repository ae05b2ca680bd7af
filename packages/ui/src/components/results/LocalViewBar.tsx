import { formatCount, formatDuration } from '../../format/format.utils'
import { useWorkbench } from '../../stores/workbench-context'
import { Icon } from '../common/Icon'
import { Spinner } from '../common/Spinner'
import type { LocalFilterOp } from './local-view/local-view.types'

const OP_TEXT: Record<LocalFilterOp, string> = {
  contains: 'contains',
  not_contains: 'does not contain',
  eq: '=',
  ne: '≠',
  lt: '<',
  le: '≤',
  gt: '>',
  ge: '≥',
  is_null: 'is NULL',
  is_not_null: 'is not NULL',
}

/**
 * Shown while the loaded rows are sorted or filtered locally: says plainly that this is a view of the rows
 * in the browser (the query was not run again), lists the sort and filters with a way to remove each, and
 * how many loaded rows the view shows.
 */
export function LocalViewBar() {
  const view = useWorkbench((s) => s.resultView)
  const fields = useWorkbench((s) => s.result.schema?.fields)
  const rowCount = useWorkbench((s) => s.result.rowCount)
  const setLocalSort = useWorkbench((s) => s.setLocalSort)
  const removeLocalFilter = useWorkbench((s) => s.removeLocalFilter)
  const clearLocalView = useWorkbench((s) => s.clearLocalView)
  if (view.filters.length === 0 && view.sort === null) return null
  const name = (column: number): string => fields?.[column]?.name ?? `#${column + 1}`
  const shown = view.index === null ? rowCount : view.index.length

  return (
    <div className="local-view-bar" role="status" data-testid="local-view-bar">
      <span
        className="local-view-bar__badge"
        title="Sorted and filtered here in the browser; the query was not run again"
      >
        Local view of loaded rows
      </span>
      {view.sort === null ? null : (
        <span className="view-chip" data-testid="local-sort-chip">
          sorted by <b>{name(view.sort.column)}</b> {view.sort.direction === 'asc' ? '↑' : '↓'}
          <button
            type="button"
            className="view-chip__remove"
            aria-label="Remove the sort"
            onClick={() => void setLocalSort(null)}
          >
            <Icon name="close" size={10} />
          </button>
        </span>
      )}
      {view.filters.map((filter, position) => (
        <span key={position} className="view-chip" data-testid="local-filter-chip">
          <b>{name(filter.column)}</b> {OP_TEXT[filter.op]}{' '}
          {filter.op === 'is_null' || filter.op === 'is_not_null' ? '' : <code>{filter.value}</code>}
          <button
            type="button"
            className="view-chip__remove"
            aria-label="Remove this filter"
            onClick={() => removeLocalFilter(position)}
          >
            <Icon name="close" size={10} />
          </button>
        </span>
      ))}
      <span className="local-view-bar__figures" data-testid="local-view-count">
        {view.status === 'computing' ? (
          <>
            <Spinner /> {view.sort !== null ? 'sorting' : 'filtering'} {formatCount(rowCount)} rows…
          </>
        ) : view.status === 'failed' ? (
          <span className="local-view-bar__error">{view.error}</span>
        ) : (
          <>
            {formatCount(shown)} of {formatCount(view.basedOnRows)} loaded rows
            {view.elapsedMs === null ? '' : ` · ${formatDuration(view.elapsedMs)}`}
            {view.basedOnRows < rowCount
              ? ` · ${formatCount(rowCount - view.basedOnRows)} newer rows not included yet`
              : ''}
          </>
        )}
      </span>
      <button type="button" className="button button--small" data-testid="local-view-clear" onClick={clearLocalView}>
        Clear
      </button>
    </div>
  )
}
