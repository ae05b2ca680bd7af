import type { ForeignScanReport } from '@idw/engine/api'
import { useMemo } from 'react'
import { formatBytes } from '../../format/format.utils'
import { useWorkbench } from '../../stores/workbench-context'
import { Icon } from '../common/Icon'
import { InlineCode } from './InlineCode'
import { formatRemoteSql } from './remote-sql.utils'
import { SqlText } from './SqlText'

const KIND_LABELS = { filter: 'filter', join: 'join', sort: 'sort', limit: 'limit', aggregate: 'aggregate' } as const

/**
 * What one Foreign Scan asked its source (`foreign-scan`): server and FDW, the Remote SQL formatted and
 * highlighted (`remote-sql`), and each clause of the query pushed to the source or run in the hub (`clause`,
 * `data-pushed`, `data-kind`) with its reason (`clause-reason`) and advice. `onOpen` selects the scan's node.
 */
export function ForeignScanPanel({ scan, onOpen }: { scan: ForeignScanReport; onOpen?: () => void }) {
  const selectPlanNode = useWorkbench((s) => s.selectPlanNode)
  const formatted = useMemo(() => (scan.remoteSql === null ? null : formatRemoteSql(scan.remoteSql, scan.fdw)), [scan])
  const pushed = scan.clauses.filter((clause) => clause.pushed).length

  return (
    <section className="foreign-scan" data-testid="foreign-scan" data-node-id={scan.nodeId}>
      <header className="foreign-scan__header">
        <Icon name="remote" size={14} className="foreign-scan__icon" />
        <span className="foreign-scan__tables">{scan.tables.join(', ') || 'Foreign Scan'}</span>
        <span className="fdw-chip">{scan.fdw ?? 'unknown FDW'}</span>
        {scan.server === null ? null : <span className="foreign-scan__server">server {scan.server}</span>}
        <span className="foreign-scan__spacer" />
        <span className="foreign-scan__summary">
          {pushed}/{scan.clauses.length} pushed
        </span>
        {onOpen === undefined ? null : (
          <button type="button" className="link-button" onClick={() => onOpen()}>
            node #{scan.nodeId}
          </button>
        )}
      </header>
      {scan.relations === null ? null : (
        <p className="foreign-scan__relations">
          <span className="foreign-scan__label">Relations</span> <code>{scan.relations}</code>
        </p>
      )}
      {formatted === null ? null : (
        <div className="remote-sql">
          <span className="foreign-scan__label">
            {scan.fdw?.startsWith('postgres') ? 'Remote SQL' : 'Remote query'}
          </span>
          <SqlText sql={formatted} className="remote-sql__text" testId="remote-sql" />
        </div>
      )}
      {scan.foreignFile === null ? null : (
        <p className="foreign-scan__file">
          <span className="foreign-scan__label">Foreign file</span> <code>{scan.foreignFile.path}</code>
          {scan.foreignFile.sizeBytes === null ? null : <span> · {formatBytes(scan.foreignFile.sizeBytes)}</span>}
        </p>
      )}
      {scan.note === undefined ? null : (
        <p className="foreign-scan__note">
          <Icon name="info" size={13} />
          <span>
            <InlineCode text={scan.note} />
          </span>
        </p>
      )}
      {scan.clauses.length === 0 ? null : (
        <ul className="clauses">
          {scan.clauses.map((clause, index) => (
            <li
              key={index}
              className={`clause clause--${clause.pushed ? 'pushed' : 'local'}`}
              data-testid="clause"
              data-pushed={String(clause.pushed)}
              data-kind={clause.kind}
            >
              <div className="clause__line">
                <span className={`push-badge push-badge--${clause.pushed ? 'pushed' : 'local'}`}>
                  {clause.pushed ? 'pushed' : 'in hub'}
                </span>
                <span className="clause__kind">{KIND_LABELS[clause.kind]}</span>
                <code className="clause__text">{clause.text}</code>
                {clause.nodeId === undefined || clause.pushed ? null : (
                  <button
                    type="button"
                    className="link-button clause__node"
                    onClick={() => selectPlanNode(clause.nodeId ?? null)}
                  >
                    #{clause.nodeId}
                  </button>
                )}
              </div>
              {clause.reason === undefined ? null : (
                <p className="clause__reason" data-testid="clause-reason">
                  <InlineCode text={clause.reason} />
                </p>
              )}
              {clause.advice === undefined ? null : (
                <p className="clause__advice">
                  <Icon name="info" size={12} />
                  <span>
                    <InlineCode text={clause.advice} />
                  </span>
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
