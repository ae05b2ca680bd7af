import type { ExplainAnalysis } from '@idw/engine/api'
import { useWorkbench } from '../../stores/workbench-context'
import { Icon } from '../common/Icon'
import { ForeignScanPanel } from './ForeignScanPanel'
import { WarningList } from './WarningList'

/**
 * The side panel while no node is selected: every Foreign Scan's pushdown report, then the warnings, then the
 * settings and facts PostgreSQL printed around the plan.
 */
export function PlanOverview({ analysis }: { analysis: ExplainAnalysis }) {
  const selectPlanNode = useWorkbench((s) => s.selectPlanNode)
  const { plan, foreignScans, warnings } = analysis
  const facts = { ...plan.settings, ...plan.properties }
  const pushed = foreignScans.reduce((sum, scan) => sum + scan.clauses.filter((clause) => clause.pushed).length, 0)
  const total = foreignScans.reduce((sum, scan) => sum + scan.clauses.length, 0)

  return (
    <div className="plan-overview" data-testid="plan-overview">
      <header className="side-header">
        <Icon name="remote" size={14} />
        <div className="side-header__text">
          <h3>Pushdown</h3>
          <span className="side-header__meta">
            {foreignScans.length === 0
              ? 'No foreign scan: everything runs in the hub'
              : `${foreignScans.length} foreign ${foreignScans.length === 1 ? 'scan' : 'scans'} · ${pushed} of ${total} clauses pushed to the sources`}
          </span>
        </div>
      </header>
      {foreignScans.map((scan) => (
        <ForeignScanPanel key={scan.nodeId} scan={scan} onOpen={() => selectPlanNode(scan.nodeId)} />
      ))}
      {warnings.length === 0 ? null : (
        <section className="detail-section">
          <h4>Warnings · {warnings.length}</h4>
          <WarningList warnings={warnings} onNode={selectPlanNode} />
        </section>
      )}
      {Object.keys(facts).length === 0 ? null : (
        <section className="detail-section">
          <h4>Settings and facts</h4>
          {Object.entries(facts).map(([name, value]) => (
            <div key={name} className="fact">
              <span className="fact__label">{name}</span>
              <span className="fact__value">{value}</span>
            </div>
          ))}
        </section>
      )}
      <p className="plan-overview__hint">Click a node in the tree for every detail of it.</p>
    </div>
  )
}
