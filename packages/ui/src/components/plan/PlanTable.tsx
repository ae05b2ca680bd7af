import { useMemo, useState } from 'react'
import type { PlanEntry } from '../../stores/plan-slice'
import { useWorkbench } from '../../stores/workbench-context'
import { shareOfPlan } from './plan-color.utils'
import { formatCost, formatMisestimate, formatPlanMs, formatPlanRows, formatShare } from './plan-format.utils'
import { planNodes } from './plan-layout.utils'
import { nodeRows } from './plan-rows.utils'
import { sortPlanNodes } from './plan-table.utils'
import type { PlanSortKey } from './plan-table.utils'

const COLUMNS: readonly { key: PlanSortKey; label: string; numeric: boolean; analyze?: boolean }[] = [
  { key: 'id', label: '#', numeric: true },
  { key: 'node', label: 'Node', numeric: false },
  { key: 'exclusiveMs', label: 'Excl. time', numeric: true, analyze: true },
  { key: 'inclusiveMs', label: 'Incl. time', numeric: true, analyze: true },
  { key: 'rows', label: 'Rows', numeric: true },
  { key: 'misestimate', label: 'Misestimate', numeric: true, analyze: true },
  { key: 'loops', label: 'Loops', numeric: true, analyze: true },
  { key: 'exclusiveCost', label: 'Excl. cost', numeric: true },
  { key: 'totalCost', label: 'Total cost', numeric: true },
]

/** Every node in one sortable table, by exclusive time at first (exclusive cost without ANALYZE). */
export function PlanTable({ entry }: { entry: PlanEntry }) {
  const { plan } = entry.analysis
  const selectPlanNode = useWorkbench((s) => s.selectPlanNode)
  const setPlanView = useWorkbench((s) => s.setPlanView)
  const [sort, setSort] = useState<{ key: PlanSortKey; desc: boolean }>({
    key: plan.analyzed ? 'exclusiveMs' : 'exclusiveCost',
    desc: true,
  })
  const nodes = useMemo(() => sortPlanNodes(planNodes(plan.root), sort.key, sort.desc), [plan.root, sort])
  const columns = COLUMNS.filter((column) => plan.analyzed || column.analyze !== true)

  return (
    <div className="plan-table-wrap">
      <table className="plan-table" data-testid="plan-table">
        <thead>
          <tr>
            {columns.map((column) => (
              <th
                key={column.key}
                className={column.numeric ? 'num' : undefined}
                aria-sort={sort.key === column.key ? (sort.desc ? 'descending' : 'ascending') : 'none'}
              >
                <button
                  type="button"
                  data-testid={`plan-table-sort-${column.key}`}
                  onClick={() =>
                    setSort({ key: column.key, desc: sort.key === column.key ? !sort.desc : column.numeric })
                  }
                >
                  {column.label}
                  {sort.key === column.key ? (sort.desc ? ' ↓' : ' ↑') : ''}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {nodes.map((node) => {
            const timeShare = shareOfPlan(node, plan.root, 'time', plan.executionMs)
            const rows = nodeRows(node)
            return (
              <tr
                key={node.id}
                data-node-type={node.nodeType}
                onClick={() => {
                  selectPlanNode(node.id)
                  setPlanView('tree')
                }}
              >
                <td className="num dim">{node.id}</td>
                <td className="plan-table__node">{node.label}</td>
                {plan.analyzed ? (
                  <>
                    <td className="num">
                      {formatPlanMs(node.exclusiveMs)} <span className="dim">{formatShare(timeShare)}</span>
                    </td>
                    <td className="num">{formatPlanMs(node.inclusiveMs)}</td>
                  </>
                ) : null}
                <td className="num">{formatPlanRows(rows)}</td>
                {plan.analyzed ? (
                  <>
                    <td className="num">{formatMisestimate(node.misestimate)}</td>
                    <td className="num">{node.actual?.loops ?? '–'}</td>
                  </>
                ) : null}
                <td className="num">{formatCost(node.exclusiveCost)}</td>
                <td className="num">{formatCost(node.totalCost)}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
