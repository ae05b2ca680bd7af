import { useMemo, useState } from 'react'
import type { PlanEntry } from '../../stores/plan-slice'
import { useWorkbench } from '../../stores/workbench-context'
import { Splitter } from '../layout/Splitter'
import { NodeDetails } from './NodeDetails'
import { heatByNode } from './plan-color.utils'
import type { ColorMetric } from './plan-color.utils'
import { initialCollapse, planNodes } from './plan-layout.utils'
import { PlanOverview } from './PlanOverview'
import { PlanTree } from './PlanTree'

/** The tree view: the node tree on the left, the selected node's details (or the plan's overview) on the right. */
export function PlanTreeView({ entry, colorBy }: { entry: PlanEntry; colorBy: ColorMetric }) {
  const { analysis } = entry
  const selectedId = useWorkbench((s) => s.plan.selectedNodeId)
  const [sideWidth, setSideWidth] = useState(400)
  const nodes = useMemo(() => planNodes(analysis.plan.root), [analysis])
  const heat = useMemo(() => heatByNode(nodes, colorBy), [nodes, colorBy])
  const collapsedAtFirst = useMemo(() => initialCollapse(analysis.plan.root), [analysis])
  const selected = selectedId === null ? null : (nodes.find((node) => node.id === selectedId) ?? null)

  return (
    <div className="plan-split" style={{ gridTemplateColumns: `minmax(0, 1fr) 1px ${sideWidth}px` }}>
      <PlanTree
        key={entry.at}
        analysis={analysis}
        heat={heat}
        colorBy={colorBy}
        initiallyCollapsed={collapsedAtFirst}
      />
      <Splitter
        orientation="vertical"
        label="Resize the details"
        value={sideWidth}
        min={300}
        max={900}
        unitsPerPixel={() => -1}
        onChange={setSideWidth}
      />
      <div className="plan-side">
        {selected === null ? <PlanOverview analysis={analysis} /> : <NodeDetails node={selected} analysis={analysis} />}
      </div>
    </div>
  )
}
