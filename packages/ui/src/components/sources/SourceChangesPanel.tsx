import type { SourceChanges } from '@idw/engine/api'
import { formatDuration } from '../../format/format.utils'
import { useWorkbench } from '../../stores/workbench-context'
import { Icon } from '../common/Icon'
import { summarizeChanges } from './source-changes.utils'

const GLYPHS = { added: '+', removed: '−', retyped: '~' } as const

/** What a refresh changed (tables and columns added, removed, retyped), under the refreshed source's card. */
export function SourceChangesPanel({ changes, ms }: { changes: SourceChanges; ms: number }) {
  const dismiss = useWorkbench((s) => s.dismissSourceChanges)
  const summary = summarizeChanges(changes)
  return (
    <div
      className={changes.unchanged ? 'source-changes source-changes--none' : 'source-changes'}
      data-testid="source-changes"
      role="status"
    >
      <div className="source-changes__head">
        <Icon name={changes.unchanged ? 'check' : 'refresh'} size={12} />
        <span title={changes.unchanged ? 'The hub’s tables and columns already matched the remote.' : undefined}>
          {summary.headline}
        </span>
        <span className="source-changes__ms">{formatDuration(ms)}</span>
        <button type="button" className="icon-button source-changes__close" aria-label="Dismiss" onClick={dismiss}>
          <Icon name="close" size={11} />
        </button>
      </div>
      {summary.lines.length === 0 ? null : (
        <ul>
          {summary.lines.map((line) => (
            <li key={`${line.kind}:${line.text}`} className={`source-changes__${line.kind}`}>
              <span aria-hidden>{GLYPHS[line.kind]}</span> {line.text}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
