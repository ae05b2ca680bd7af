import { useWorkbench } from '../../stores/workbench-context'
import { Icon } from '../common/Icon'
import { describeErrorDetail } from './ErrorPanel.utils'

/** The failed query's error: code, message, and SQLSTATE / position (with the line it points at) / hint. */
export function ErrorPanel() {
  const error = useWorkbench((s) => s.result.error)
  const sql = useWorkbench((s) => s.result.sql)
  if (error === null) return null
  const { facts, pointer } = describeErrorDetail(error.detail, sql)

  return (
    <div className="error-panel" role="alert" data-testid="result-error">
      <div className="error-panel__title">
        <Icon name="warning" size={16} />
        <span>Query failed</span>
        <code className="error-panel__code">{error.code}</code>
      </div>
      <p className="error-panel__message">{error.message}</p>
      {pointer === null ? null : (
        <pre className="error-panel__pointer">
          <span className="error-panel__line-number">{pointer.line}</span>
          {pointer.lineText}
          {'\n'}
          <span className="error-panel__line-number" />
          {' '.repeat(pointer.column - 1)}
          <span className="error-panel__caret">^</span>
        </pre>
      )}
      {facts.length === 0 ? null : (
        <dl className="error-panel__facts">
          {facts.map((fact) => (
            <div key={fact.label} className="error-panel__fact">
              <dt>{fact.label}</dt>
              <dd>{fact.value}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  )
}
