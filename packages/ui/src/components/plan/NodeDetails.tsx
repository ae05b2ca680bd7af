import type { ExplainAnalysis, PlanNode } from '@idw/engine/api'
import type { ReactNode } from 'react'
import { formatBytes } from '../../format/format.utils'
import { useWorkbench } from '../../stores/workbench-context'
import { Icon } from '../common/Icon'
import { ForeignScanPanel } from './ForeignScanPanel'
import { formatCost, formatMisestimate, formatPlanMs, formatPlanRows } from './plan-format.utils'
import { SqlText } from './SqlText'
import { WarningList } from './WarningList'

const CONDITIONS: readonly [keyof PlanNode, string][] = [
  ['filter', 'Filter'],
  ['joinFilter', 'Join Filter'],
  ['hashCond', 'Hash Cond'],
  ['mergeCond', 'Merge Cond'],
  ['indexCond', 'Index Cond'],
  ['recheckCond', 'Recheck Cond'],
  ['oneTimeFilter', 'One-Time Filter'],
]

const FACTS: readonly [keyof PlanNode, string][] = [
  ['relation', 'Relation'],
  ['schema', 'Schema'],
  ['alias', 'Alias'],
  ['indexName', 'Index'],
  ['cteName', 'CTE'],
  ['joinType', 'Join type'],
  ['strategy', 'Strategy'],
  ['partialMode', 'Partial mode'],
  ['operation', 'Operation'],
  ['parentRelationship', 'Parent relationship'],
  ['subplanName', 'Subplan'],
]

/** Everything the plan model holds about one node, grouped for reading; the raw fields at the end. */
export function NodeDetails({ node, analysis }: { node: PlanNode; analysis: ExplainAnalysis }) {
  const selectPlanNode = useWorkbench((s) => s.selectPlanNode)
  const scan = analysis.foreignScans.find((report) => report.nodeId === node.id) ?? null
  const warnings = analysis.warnings.filter((warning) => warning.nodeId === node.id)
  const facts = FACTS.filter(([key]) => node[key] !== undefined && node[key] !== null)

  return (
    <div className="node-details" data-testid="plan-node-details">
      <header className="side-header">
        <button type="button" className="icon-button" title="Back to the overview" onClick={() => selectPlanNode(null)}>
          <Icon name="chevron" size={12} className="icon--flip" />
        </button>
        <div className="side-header__text">
          <h3>{node.label}</h3>
          <span className="side-header__meta">
            #{node.id} · {node.nodeType}
            {node.parallelAware ? ' · parallel' : ''}
            {node.asyncCapable ? ' · async' : ''}
            {node.neverExecuted ? ' · never executed' : ''}
          </span>
        </div>
      </header>
      <div className="figure-grid">
        <Figure label="Rows estimated" value={formatPlanRows(node.planRows)} note="per loop" />
        <Figure
          label="Rows actual"
          value={node.actual === null ? '–' : formatPlanRows(node.actual.rows)}
          note={node.actual === null ? undefined : `per loop × ${node.actual.loops}`}
        />
        <Figure
          label="Misestimate"
          value={formatMisestimate(node.misestimate) || (node.actual === null ? '–' : 'exact')}
          tone={node.misestimate !== null && node.misestimate.factor >= 10 ? 'warn' : undefined}
        />
        <Figure label="Width" value={node.planWidth === null ? '–' : `${node.planWidth} B`} />
        <Figure label="Cost startup..total" value={`${formatCost(node.startupCost)}..${formatCost(node.totalCost)}`} />
        <Figure label="Exclusive cost" value={formatCost(node.exclusiveCost)} />
        <Figure
          label="Time startup..total"
          value={
            node.actual === null ? '–' : `${formatPlanMs(node.actual.startupMs)}..${formatPlanMs(node.actual.totalMs)}`
          }
          note="per loop"
        />
        <Figure
          label="Exclusive / inclusive"
          value={`${formatPlanMs(node.exclusiveMs)} / ${formatPlanMs(node.inclusiveMs)}`}
          note="all loops"
        />
      </div>
      {warnings.length > 0 ? <WarningList warnings={warnings} /> : null}
      {scan === null ? null : <ForeignScanPanel scan={scan} />}
      {CONDITIONS.some(([key]) => node[key] !== undefined) ? (
        <Section title="Conditions">
          {CONDITIONS.filter(([key]) => node[key] !== undefined).map(([key, label]) => (
            <div key={key} className="detail-code">
              <span className="detail-code__label">{label}</span>
              <SqlText sql={String(node[key])} />
            </div>
          ))}
          {node.rowsRemovedByFilter === undefined ? null : (
            <Fact label="Rows removed by filter" value={formatPlanRows(node.rowsRemovedByFilter)} />
          )}
          {node.rowsRemovedByJoinFilter === undefined ? null : (
            <Fact label="Rows removed by join filter" value={formatPlanRows(node.rowsRemovedByJoinFilter)} />
          )}
        </Section>
      ) : null}
      {node.sortKey !== undefined || node.groupKey !== undefined ? (
        <Section title="Keys">
          {node.sortKey === undefined ? null : <Fact label="Sort key" value={<code>{node.sortKey.join(', ')}</code>} />}
          {node.groupKey === undefined ? null : (
            <Fact label="Group key" value={<code>{node.groupKey.join(', ')}</code>} />
          )}
        </Section>
      ) : null}
      {facts.length > 0 ? (
        <Section title="Node">
          {facts.map(([key, label]) => (
            <Fact key={key} label={label} value={String(node[key])} />
          ))}
        </Section>
      ) : null}
      {node.output.length > 0 ? (
        <Section title={`Output · ${node.output.length}`}>
          <ul className="output-list">
            {node.output.map((column, index) => (
              <li key={index}>
                <code>{column}</code>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      {node.buffers === null ? null : (
        <Section title="Buffers (8 kB blocks)">
          <table className="mini-table">
            <thead>
              <tr>
                <th />
                <th>hit</th>
                <th>read</th>
                <th>dirtied</th>
                <th>written</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th>shared</th>
                <td>{node.buffers.sharedHit}</td>
                <td>{node.buffers.sharedRead}</td>
                <td>{node.buffers.sharedDirtied}</td>
                <td>{node.buffers.sharedWritten}</td>
              </tr>
              <tr>
                <th>local</th>
                <td>{node.buffers.localHit}</td>
                <td>{node.buffers.localRead}</td>
                <td>{node.buffers.localDirtied}</td>
                <td>{node.buffers.localWritten}</td>
              </tr>
              <tr>
                <th>temp</th>
                <td>–</td>
                <td>{node.buffers.tempRead}</td>
                <td>–</td>
                <td>{node.buffers.tempWritten}</td>
              </tr>
            </tbody>
          </table>
        </Section>
      )}
      {node.workers === undefined && node.workersPlanned === undefined ? null : (
        <Section title="Parallel workers">
          <Fact label="Planned / launched" value={`${node.workersPlanned ?? '–'} / ${node.workersLaunched ?? '–'}`} />
          {(node.workers ?? []).map((worker) => (
            <Fact
              key={worker.number}
              label={`Worker ${worker.number}`}
              value={`${formatPlanRows(worker.rows)} rows × ${worker.loops}, ${formatPlanMs(worker.totalMs)}`}
            />
          ))}
        </Section>
      )}
      {scan === null && (node.remoteSql ?? node.remoteQuery ?? node.foreignFile) !== undefined ? (
        <Section title="Foreign data">
          {node.foreignFile === undefined ? null : (
            <Fact
              label="Foreign file"
              value={`${node.foreignFile}${node.foreignFileSize === undefined ? '' : ` (${formatBytes(node.foreignFileSize)})`}`}
            />
          )}
          {(node.remoteSql ?? node.remoteQuery) === undefined ? null : (
            <SqlText sql={node.remoteSql ?? node.remoteQuery ?? ''} />
          )}
        </Section>
      ) : null}
      {Object.keys(node.properties).length > 0 ? (
        <Section title="Other properties">
          {Object.entries(node.properties).map(([name, value]) => (
            <Fact key={name} label={name} value={value} />
          ))}
        </Section>
      ) : null}
      <details className="raw-fields">
        <summary>All fields of node #{node.id}</summary>
        <pre>{JSON.stringify(node, (key, value: unknown) => (key === 'children' ? undefined : value), 2)}</pre>
      </details>
    </div>
  )
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="detail-section">
      <h4>{title}</h4>
      {children}
    </section>
  )
}

function Fact({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div className="fact">
      <span className="fact__label">{label}</span>
      <span className="fact__value">{value}</span>
    </div>
  )
}

function Figure({ label, value, note, tone }: { label: string; value: string; note?: string; tone?: 'warn' }) {
  return (
    <div className={`figure${tone === 'warn' ? ' figure--warn' : ''}`}>
      <span className="figure__label">{label}</span>
      <span className="figure__value">{value}</span>
      {note === undefined ? null : <span className="figure__note">{note}</span>}
    </div>
  )
}
