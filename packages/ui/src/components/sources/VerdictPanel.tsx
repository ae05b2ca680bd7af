import { useEffect, useRef } from 'react'
import { useWorkbench } from '../../stores/workbench-context'
import { Icon } from '../common/Icon'
import { Spinner } from '../common/Spinner'
import { verdictView } from './verdict.utils'

/**
 * What "Test connection" found: connected (tables found, latency) or why not (host unreachable, authentication
 * failed, database or file missing, FDW not installed…) with what to do and the FDW's own words.
 * `data-verdict` carries the verdict (`ok`, `auth_failed`…), `running` while testing or `error` when the test
 * itself could not run.
 */
export function VerdictPanel() {
  const test = useWorkbench((s) => s.sourceDialog.test)
  const ref = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (test.result !== null || test.error !== null)
      ref.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' })
  }, [test.result, test.error])

  if (test.status === 'idle')
    return (
      <p className="verdict-idle">
        <Icon name="info" size={14} />
        Test connection runs what Add would run (server, user mapping, import, a one-row read) in a transaction that is
        rolled back: nothing stays in the hub.
      </p>
    )
  if (test.status === 'running')
    return (
      <div className="verdict verdict--running" data-testid="source-verdict" data-verdict="running" role="status">
        <Spinner label="Testing" />
        <span>Testing the connection…</span>
      </div>
    )
  if (test.result === null)
    return (
      <div ref={ref} className="verdict verdict--error" data-testid="source-verdict" data-verdict="error" role="alert">
        <Icon name="warning" size={16} />
        <div className="verdict__text">
          <strong className="verdict__title">The test could not run</strong>
          <p className="verdict__message">
            <code>{test.error?.code}</code> {test.error?.message}
          </p>
        </div>
      </div>
    )

  const view = verdictView(test.result)
  return (
    <div
      ref={ref}
      className={`verdict verdict--${view.tone}${test.stale ? ' verdict--stale' : ''}`}
      data-testid="source-verdict"
      data-verdict={test.result.verdict}
      role={view.tone === 'ok' ? 'status' : 'alert'}
    >
      <Icon name={view.tone === 'ok' ? 'check' : 'warning'} size={16} />
      <div className="verdict__text">
        <div className="verdict__head">
          <strong className="verdict__title">{view.title}</strong>
          <span className="verdict__latency" title="Wall time of the test">
            <Icon name="timer" size={12} />
            {view.latency}
          </span>
        </div>
        <p className="verdict__message">{view.message}</p>
        {view.action === null ? null : (
          <p className="verdict__action">
            <strong>What to do:</strong> {view.action}
          </p>
        )}
        {test.stale ? <p className="verdict__stale">The form changed since this test: test again.</p> : null}
        {view.facts.length === 0 ? null : view.tone === 'ok' ? (
          <p className="verdict__facts">{view.facts.map((f) => `${f.label}: ${f.value}`).join(' · ')}</p>
        ) : (
          <details className="verdict__details">
            <summary>Details</summary>
            <dl>
              {view.facts.map((fact) => (
                <div key={fact.label}>
                  <dt>{fact.label}</dt>
                  <dd>{fact.value}</dd>
                </div>
              ))}
            </dl>
          </details>
        )}
      </div>
    </div>
  )
}
