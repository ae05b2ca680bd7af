import { useMemo, useState } from 'react'
import type { PlanEntry } from '../../stores/plan-slice'
import { Icon } from '../common/Icon'
import { planToText } from './plan-text.utils'

/**
 * The plan as text (psql's format, rebuilt from the model) or as the JSON of the analysis
 * (`{ plan, foreignScans, warnings }`), with a Copy button.
 */
export function PlanRaw({ entry, format }: { entry: PlanEntry; format: 'text' | 'json' }) {
  const [copied, setCopied] = useState(false)
  const text = useMemo(
    () => (format === 'text' ? planToText(entry.analysis.plan) : JSON.stringify(entry.analysis, null, 2)),
    [entry, format],
  )
  return (
    <div className="plan-raw">
      <button
        type="button"
        className="button button--small plan-raw__copy"
        onClick={() => {
          void navigator.clipboard?.writeText(text).then(() => setCopied(true))
          setTimeout(() => setCopied(false), 1500)
        }}
      >
        <Icon name={copied ? 'check' : 'clipboard'} size={12} /> {copied ? 'Copied' : 'Copy'}
      </button>
      {entry.sql === null ? null : <pre className="plan-raw__sql">{entry.sql}</pre>}
      <pre className="plan-raw__text" data-testid={`plan-${format}`}>
        {text}
      </pre>
    </div>
  )
}
