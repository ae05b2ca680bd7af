import type { PlanNode } from '@idw/engine/api'
import { useMemo } from 'react'
import { useWorkbench } from '../../stores/workbench-context'
import { Icon } from '../common/Icon'
import { diffFigure, diffPlans } from './plan-diff.utils'
import type { DiffFigure, DiffMetric, PlanDiffRow } from './plan-diff.utils'
import { formatCost, formatPlanMs, formatPlanRows, formatRatio } from './plan-format.utils'

const METRICS: readonly { id: DiffMetric; label: string; format(value: number | null): string }[] = [
  { id: 'cost', label: 'Cost', format: formatCost },
  { id: 'rows', label: 'Rows', format: formatPlanRows },
  { id: 'time', label: 'Time', format: formatPlanMs },
]

/**
 * The previous plan and the current one side by side (`plan-compare`): nodes matched by their place in the
 * tree, type and relation; per node the total cost, rows and inclusive time of both and the change.
 */
export function PlanCompare() {
  const previous = useWorkbench((s) => s.plan.previous)
  const current = useWorkbench((s) => s.plan.current)
  const swapPlans = useWorkbench((s) => s.swapPlans)
  const rows = useMemo(
    () =>
      previous === null || current === null ? [] : diffPlans(previous.analysis.plan.root, current.analysis.plan.root),
    [previous, current],
  )

  if (previous === null || current === null) {
    return (
      <div className="empty-result" data-testid="plan-compare">
        <Icon name="compare" size={28} />
        <p>Explain a second query (or the same one after a change) to compare it with this plan.</p>
        <p className="empty-result__hint">The plan shown before the current one is kept for the comparison.</p>
      </div>
    )
  }
  const changed = rows.filter((row) => row.status !== 'same').length
  return (
    <div className="plan-compare" data-testid="plan-compare">
      <div className="plan-compare__heads">
        <div className="plan-compare__head">
          <span className="plan-compare__tag">Before</span>
          <span className={`origin-badge origin-badge--${previous.origin}`}>{previous.origin}</span>
          <span className="plan-compare__title">{previous.title}</span>
        </div>
        <button type="button" className="icon-button" title="Swap the plans" onClick={swapPlans}>
          <Icon name="swap" size={14} />
        </button>
        <div className="plan-compare__head">
          <span className="plan-compare__tag plan-compare__tag--after">After</span>
          <span className={`origin-badge origin-badge--${current.origin}`}>{current.origin}</span>
          <span className="plan-compare__title">{current.title}</span>
        </div>
        <span className="plan-compare__summary">
          {changed === 0 ? 'Same shape' : `${changed} of ${rows.length} nodes differ`}
        </span>
      </div>
      <div className="plan-compare__scroll">
        <table className="plan-table plan-compare__table">
          <thead>
            <tr>
              <th>Before</th>
              {METRICS.map((m) => (
                <th key={m.id} className="num">
                  {m.label}
                </th>
              ))}
              <th className="plan-compare__after-head">After</th>
              {METRICS.map((m) => (
                <th key={m.id} className="num">
                  {m.label} · Δ
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <CompareRow key={index} row={row} />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}

function CompareRow({ row }: { row: PlanDiffRow }) {
  const figures = METRICS.map((metric) => [metric, diffFigure(row, metric.id)] as const)
  return (
    <tr className={`compare-row compare-row--${row.status}`} data-status={row.status}>
      <NodeCell node={row.before} depth={row.depth} />
      {figures.map(([metric, figure]) => (
        <td key={metric.id} className="num">
          {row.before === null ? '' : metric.format(figure.before)}
        </td>
      ))}
      <NodeCell node={row.after} depth={row.depth} after />
      {figures.map(([metric, figure]) => (
        <td key={metric.id} className="num">
          {row.after === null ? '' : metric.format(figure.after)}
          <span className={`delta ${deltaTone(figure)}`}>{formatRatio(figure.ratio)}</span>
        </td>
      ))}
    </tr>
  )
}

function NodeCell({ node, depth, after = false }: { node: PlanNode | null; depth: number; after?: boolean }) {
  return (
    <td className={`compare-node${after ? ' compare-node--after' : ''}`} style={{ paddingLeft: 10 + depth * 14 }}>
      {node === null ? <span className="dim">—</span> : node.label}
    </td>
  )
}

/** Cheaper or fewer is better (green), more is worse (red); within 10 % is neutral. */
function deltaTone(figure: DiffFigure): string {
  if (figure.ratio === null) return ''
  if (figure.ratio > 1.1) return 'delta--worse'
  if (figure.ratio < 0.9) return 'delta--better'
  return ''
}
