import type { ExplainAnalysis, PlanWarning } from '@idw/engine/api'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useMemo, useRef, useState } from 'react'
import type { KeyboardEvent } from 'react'
import { useWorkbench } from '../../stores/workbench-context'
import type { ColorMetric } from './plan-color.utils'
import { ancestorIds, flattenPlan } from './plan-layout.utils'
import { PlanTreeRow } from './PlanTreeRow'

const ROW_HEIGHT = 30

interface PlanTreeProps {
  analysis: ExplainAnalysis
  heat: Map<number, number>
  colorBy: ColorMetric
  initiallyCollapsed: Set<number>
}

/**
 * The plan as a collapsible tree (`plan-tree`), one line per node (`plan-node`) with indentation guides, its
 * heat by the chosen metric, rows estimated → actual, exclusive time and cost. Only the lines in view are in
 * the DOM, so plans of thousands of nodes scroll smoothly. ↑/↓ move the selection, ←/→ fold and unfold.
 */
export function PlanTree({ analysis, heat, colorBy, initiallyCollapsed }: PlanTreeProps) {
  const selectedId = useWorkbench((s) => s.plan.selectedNodeId)
  const selectPlanNode = useWorkbench((s) => s.selectPlanNode)
  const [collapsed, setCollapsed] = useState(initiallyCollapsed)
  const scrollRef = useRef<HTMLDivElement>(null)
  const { plan } = analysis
  const rows = useMemo(() => flattenPlan(plan.root, collapsed), [plan.root, collapsed])
  const warnings = useMemo(() => groupWarnings(analysis.warnings), [analysis.warnings])
  const scans = useMemo(
    () => new Map(analysis.foreignScans.map((scan) => [scan.nodeId, scan])),
    [analysis.foreignScans],
  )
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  })

  useEffect(() => {
    if (selectedId === null) return
    const hidden = ancestorIds(plan.root, selectedId).filter((id) => collapsed.has(id))
    if (hidden.length > 0) {
      setCollapsed((current) => new Set([...current].filter((id) => !hidden.includes(id))))
      return
    }
    const index = rows.findIndex((row) => row.node.id === selectedId)
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' })
  }, [selectedId, rows, collapsed, plan.root, virtualizer])

  const toggle = (id: number): void =>
    setCollapsed((current) => {
      const next = new Set(current)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })

  const onKeyDown = (event: KeyboardEvent): void => {
    const index = rows.findIndex((row) => row.node.id === selectedId)
    const row = rows[index]
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      const next = rows[Math.min(rows.length - 1, Math.max(0, index + (event.key === 'ArrowDown' ? 1 : -1)))]
      if (next !== undefined) selectPlanNode(next.node.id)
    } else if (row !== undefined && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) {
      event.preventDefault()
      if (row.hasChildren && row.collapsed === (event.key === 'ArrowRight')) toggle(row.node.id)
      else if (event.key === 'ArrowLeft' && row.node.parentId !== null) selectPlanNode(row.node.parentId)
    } else if (event.key === 'Escape') {
      selectPlanNode(null)
    }
  }

  return (
    <div
      className="plan-tree"
      role="tree"
      aria-label="Plan nodes"
      data-testid="plan-tree"
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <div className="plan-tree__head" aria-hidden>
        <span className="plan-tree__head-node">
          Node
          <span className="plan-tree__head-actions">
            <button type="button" className="link-button" onClick={() => setCollapsed(new Set())}>
              expand all
            </button>
          </span>
        </span>
        <span className="plan-col plan-col--rows">Rows est. → actual</span>
        <span className="plan-col plan-col--time">{plan.analyzed ? 'Excl. time' : 'Time'}</span>
        <span className="plan-col plan-col--cost">Excl. cost</span>
      </div>
      <div className="plan-tree__scroll" ref={scrollRef}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]!
            return (
              <PlanTreeRow
                key={row.node.id}
                row={row}
                top={item.start}
                height={ROW_HEIGHT}
                heat={heat.get(row.node.id) ?? null}
                colorBy={colorBy}
                plan={plan}
                warnings={warnings.get(row.node.id) ?? []}
                scan={scans.get(row.node.id) ?? null}
                selected={row.node.id === selectedId}
                onSelect={() => selectPlanNode(row.node.id === selectedId ? null : row.node.id)}
                onToggle={() => toggle(row.node.id)}
              />
            )
          })}
        </div>
      </div>
    </div>
  )
}

function groupWarnings(warnings: readonly PlanWarning[]): Map<number, PlanWarning[]> {
  const byNode = new Map<number, PlanWarning[]>()
  for (const warning of warnings) byNode.set(warning.nodeId, [...(byNode.get(warning.nodeId) ?? []), warning])
  return byNode
}
