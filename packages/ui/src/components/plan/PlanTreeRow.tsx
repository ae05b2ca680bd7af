import type { ForeignScanReport, Plan, PlanWarning } from '@idw/engine/api'
import { Icon } from '../common/Icon'
import { heatColor, shareOfPlan } from './plan-color.utils'
import type { ColorMetric } from './plan-color.utils'
import { formatCost, formatMisestimate, formatPlanMs, formatPlanRows, formatShare } from './plan-format.utils'
import type { PlanRow } from './plan-layout.utils'

interface PlanTreeRowProps {
  row: PlanRow
  top: number
  height: number
  heat: number | null
  colorBy: ColorMetric
  plan: Plan
  warnings: readonly PlanWarning[]
  scan: ForeignScanReport | null
  selected: boolean
  onSelect(): void
  onToggle(): void
}

const SEVERITY_RANK = { info: 0, warning: 1, critical: 2 } as const

/** One line of the plan tree: guides, fold button, heat swatch, node label and badges, then its figures. */
export function PlanTreeRow({
  row,
  top,
  height,
  heat,
  colorBy,
  plan,
  warnings,
  scan,
  selected,
  onSelect,
  onToggle,
}: PlanTreeRowProps) {
  const { node, depth } = row
  const [head, tail] = splitLabel(node.label)
  const share = shareOfPlan(node, plan.root, plan.analyzed ? 'time' : 'cost', plan.executionMs)
  const worst = warnings.reduce<PlanWarning | null>(
    (top, w) => (top === null || SEVERITY_RANK[w.severity] > SEVERITY_RANK[top.severity] ? w : top),
    null,
  )
  const pushed = scan?.clauses.filter((clause) => clause.pushed).length ?? 0
  const local = (scan?.clauses.length ?? 0) - pushed
  const color = heat === null ? 'transparent' : heatColor(heat)
  const actualRows = node.actual === null ? null : node.actual.rows * node.actual.loops
  const barColumn = colorBy === 'time' ? 'time' : colorBy === 'cost' ? 'cost' : 'rows'
  const bar = (column: string) =>
    heat === null || heat < 0.01 || column !== barColumn ? null : (
      <span className="plan-row__bar" style={{ width: `${heat * 100}%`, background: color }} />
    )

  return (
    <div
      role="treeitem"
      aria-level={depth + 1}
      aria-expanded={row.hasChildren ? !row.collapsed : undefined}
      aria-selected={selected}
      className={`plan-row${selected ? ' plan-row--selected' : ''}${node.neverExecuted ? ' plan-row--never' : ''}`}
      style={{ top, height }}
      data-testid="plan-node"
      data-node-type={node.nodeType}
      data-node-id={node.id}
      onClick={onSelect}
    >
      <span className="plan-row__node">
        {row.guides.map((continues, level) => (
          <span
            key={level}
            className={`guide ${level === depth - 1 ? (row.last ? 'guide--elbow' : 'guide--tee') : continues ? 'guide--line' : ''}`}
          />
        ))}
        {row.hasChildren ? (
          <button
            type="button"
            className="plan-row__fold"
            aria-label={row.collapsed ? 'Unfold' : 'Fold'}
            onClick={(event) => {
              event.stopPropagation()
              onToggle()
            }}
          >
            <Icon name="chevron" size={11} className={row.collapsed ? '' : 'plan-row__fold--open'} />
          </button>
        ) : (
          <span className="plan-row__fold-space" />
        )}
        <span
          className="plan-row__swatch"
          style={{ background: color }}
          title={heat === null ? undefined : `${colorBy}: ${Math.round(heat * 100)}% of the hottest node`}
        />
        {node.subplanName !== null ? <span className="plan-row__subplan">{node.subplanName}</span> : null}
        <span className="plan-row__label">
          <span
            className={node.nodeType === 'Foreign Scan' ? 'plan-row__type plan-row__type--foreign' : 'plan-row__type'}
          >
            {head}
          </span>
          {tail === '' ? null : <span className="plan-row__target"> {tail}</span>}
        </span>
        {scan === null ? null : (
          <span
            className="plan-row__scan"
            title={`${scan.fdw ?? 'FDW'} on ${scan.server ?? '?'}: ${pushed} clauses pushed, ${local} run in the hub`}
          >
            {pushed > 0 ? <span className="push-count push-count--pushed">{pushed}↗</span> : null}
            {local > 0 ? <span className="push-count push-count--local">{local}⌂</span> : null}
          </span>
        )}
        {node.neverExecuted ? <span className="plan-row__never">never executed</span> : null}
        {worst === null ? null : (
          <span
            className={`plan-row__warning plan-row__warning--${worst.severity}`}
            title={warnings.map((w) => w.message).join('\n')}
          >
            <Icon name="warning" size={12} />
            {warnings.length > 1 ? warnings.length : null}
          </span>
        )}
      </span>
      <span className="plan-col plan-col--rows">
        {bar('rows')}
        <span className="plan-row__est">
          {formatPlanRows(node.planRows === null ? null : node.planRows * (node.actual?.loops ?? 1))}
        </span>
        {actualRows === null ? null : (
          <>
            <span className="plan-row__arrow">→</span>
            <span className="plan-row__actual">{formatPlanRows(actualRows)}</span>
          </>
        )}
        {node.misestimate !== null && node.misestimate.factor >= 10 ? (
          <span
            className={`mis-badge mis-badge--${node.misestimate.factor >= 1000 ? 'critical' : node.misestimate.factor >= 100 ? 'warning' : 'info'}`}
          >
            {formatMisestimate(node.misestimate)}
          </span>
        ) : null}
      </span>
      <span className="plan-col plan-col--time">
        {bar('time')}
        <span>{plan.analyzed ? formatPlanMs(node.exclusiveMs) : '–'}</span>
        {plan.analyzed && share !== null ? <span className="plan-row__share">{formatShare(share)}</span> : null}
      </span>
      <span className="plan-col plan-col--cost">
        {bar('cost')}
        <span>{formatCost(node.exclusiveCost)}</span>
        {!plan.analyzed && share !== null ? <span className="plan-row__share">{formatShare(share)}</span> : null}
      </span>
    </div>
  )
}

/** `Foreign Scan on raw_shop.orders o` → [`Foreign Scan`, `on raw_shop.orders o`]. */
function splitLabel(label: string): [string, string] {
  const at = label.search(/ (on|using) /)
  return at === -1 ? [label, ''] : [label.slice(0, at), label.slice(at + 1)]
}
