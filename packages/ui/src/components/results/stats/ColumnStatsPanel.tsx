import type { ReactNode } from 'react'
import { formatCount, formatDuration } from '../../../format/format.utils'
import { useWorkbench } from '../../../stores/workbench-context'
import { Icon } from '../../common/Icon'
import { Spinner } from '../../common/Spinner'
import { columnTypeLabel } from '../grid/grid-columns.utils'
import { StatsHistogram, TopValues } from './StatsHistogram'

/**
 * The side panel with statistics of one column over the loaded rows — NULLs, distinct values, min/max,
 * mean/median, a histogram or the most common values — computed by DuckDB-Wasm in the browser.
 */
export function ColumnStatsPanel() {
  const open = useWorkbench((s) => s.columnStats.open)
  const column = useWorkbench((s) => s.columnStats.column)
  const status = useWorkbench((s) => s.columnStats.status)
  const stats = useWorkbench((s) => s.columnStats.stats)
  const error = useWorkbench((s) => s.columnStats.error)
  const basedOnRows = useWorkbench((s) => s.columnStats.basedOnRows)
  const schema = useWorkbench((s) => s.result.schema)
  const rowCount = useWorkbench((s) => s.result.rowCount)
  const openColumnStats = useWorkbench((s) => s.openColumnStats)
  const refreshColumnStats = useWorkbench((s) => s.refreshColumnStats)
  const closeColumnStats = useWorkbench((s) => s.closeColumnStats)
  if (!open) return null
  const fields = schema?.fields ?? []
  const field = column === null ? undefined : fields[column]
  const stale = status === 'ready' && basedOnRows !== rowCount

  return (
    <aside className="stats-panel" aria-label="Column statistics" data-testid="column-stats-panel">
      <header className="stats-panel__head">
        <span className="stats-panel__title">Statistics</span>
        <button
          type="button"
          className="icon-button"
          title="Close"
          data-testid="stats-close"
          onClick={closeColumnStats}
        >
          <Icon name="close" size={12} />
        </button>
      </header>
      <div className="stats-panel__column">
        <select
          className="grid-field grid-field--grow"
          value={column ?? 0}
          data-testid="stats-column-select"
          aria-label="Column"
          onChange={(event) => void openColumnStats(Number(event.target.value))}
        >
          {fields.map((candidate, index) => (
            <option key={index} value={index}>
              {candidate.name}
            </option>
          ))}
        </select>
        {field === undefined ? null : <span className="stats-panel__type">{columnTypeLabel(field)}</span>}
      </div>
      <p className="stats-panel__note">
        {status === 'loading' ? (
          <>
            <Spinner /> Computing with DuckDB-Wasm on {formatCount(rowCount)} loaded rows…
          </>
        ) : stats !== null ? (
          <>
            {formatCount(basedOnRows)} loaded rows · DuckDB-Wasm · {formatDuration(stats.elapsedMs)}
            {stale ? (
              <button
                type="button"
                className="stats-panel__link"
                data-testid="stats-refresh"
                onClick={() => void refreshColumnStats()}
              >
                update to {formatCount(rowCount)}
              </button>
            ) : null}
          </>
        ) : null}
      </p>
      {status === 'failed' ? (
        <p className="stats-panel__error" role="alert">
          {error}
        </p>
      ) : null}
      {stats === null ? null : (
        <div className={status === 'loading' ? 'stats-panel__body stats-panel__body--busy' : 'stats-panel__body'}>
          <dl className="stats-facts">
            <Fact label="Rows" testId="stats-rows">
              {formatCount(stats.rows)}
            </Fact>
            <Fact label="NULLs" testId="stats-nulls">
              {formatCount(stats.nulls)}
              <span className="stats-facts__dim">
                {' '}
                {stats.rows > 0 ? `${((stats.nulls / stats.rows) * 100).toFixed(1)}%` : ''}
              </span>
            </Fact>
            <Fact label="Distinct" testId="stats-distinct" wide={stats.kind !== 'numeric'}>
              {formatCount(stats.distinct)}
            </Fact>
            {stats.median === null ? null : (
              <Fact label="Median" testId="stats-median">
                {Number(stats.median.toPrecision(6))}
              </Fact>
            )}
            <Fact label="Min" testId="stats-min" wide={stats.kind !== 'numeric'}>
              {stats.min ?? <span className="grid__null">NULL</span>}
            </Fact>
            <Fact label="Max" testId="stats-max" wide={stats.kind !== 'numeric'}>
              {stats.max ?? <span className="grid__null">NULL</span>}
            </Fact>
            {stats.mean === null ? null : (
              <Fact label="Mean" testId="stats-mean">
                {Number(stats.mean.toPrecision(6))}
              </Fact>
            )}
          </dl>
          {stats.histogram !== null ? (
            <section className="stats-panel__section">
              <h4>Distribution</h4>
              <StatsHistogram {...stats.histogram} kind={stats.kind} />
            </section>
          ) : null}
          {stats.topValues.length > 0 ? (
            <section className="stats-panel__section">
              <h4>Most common values</h4>
              <TopValues values={stats.topValues} rows={stats.rows} />
            </section>
          ) : null}
        </div>
      )}
    </aside>
  )
}

function Fact({
  label,
  testId,
  wide,
  children,
}: {
  label: string
  testId: string
  wide?: boolean
  children: ReactNode
}) {
  return (
    <div className={wide ? 'stats-facts__row stats-facts__row--wide' : 'stats-facts__row'}>
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  )
}
