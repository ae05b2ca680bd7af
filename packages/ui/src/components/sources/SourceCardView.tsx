import type { SourceCard } from '@idw/engine/api'
import { useState } from 'react'
import { useWorkbench } from '../../stores/workbench-context'
import { Icon } from '../common/Icon'
import { Spinner } from '../common/Spinner'
import { RemoveSourceDialog } from './RemoveSourceDialog'
import { cardFacts, cardStatus, fdwIcon, fdwTone } from './source-card.utils'
import { SourceChangesPanel } from './SourceChangesPanel'

/**
 * One saved source: name, status, type, host or file, table count, origin and age; Refresh (then what changed)
 * and Remove (after a confirm).
 */
export function SourceCardView({ card, now }: { card: SourceCard; now: number }) {
  const busy = useWorkbench((s) => s.sources.busy[card.name])
  const lastRefresh = useWorkbench((s) => (s.sources.lastRefresh?.name === card.name ? s.sources.lastRefresh : null))
  const actionError = useWorkbench((s) => (s.sources.actionError?.name === card.name ? s.sources.actionError : null))
  const refresh = useWorkbench((s) => s.refreshSource)
  const remove = useWorkbench((s) => s.removeSource)
  const [confirming, setConfirming] = useState(false)
  const status = cardStatus(card)
  const tone = fdwTone(card.fdw)

  return (
    <article className="source-card" data-testid={`source-card-${card.name}`} aria-label={`Source ${card.name}`}>
      <header className="source-card__head">
        <Icon name={fdwIcon(card.fdw)} size={14} className={`fdw-${tone}`} />
        <strong className="source-card__name">{card.name}</strong>
        <span className={`source-status source-status--${status.tone}`} title={status.title}>
          <span className="source-status__dot" />
          {status.label}
        </span>
      </header>
      <div className="source-card__type">
        <span className={`fdw-badge fdw-${tone}`}>{card.fdw}</span>
        <span>{card.typeLabel}</span>
      </div>
      <div className="source-card__location" title={card.location ?? undefined}>
        {card.location ?? 'no host or file'}
      </div>
      <div className="source-card__facts">{cardFacts(card, now)}</div>
      {card.tags.length === 0 ? null : (
        <div className="source-card__tags">
          {card.tags.map((tag) => (
            <span key={tag}>{tag}</span>
          ))}
        </div>
      )}
      {card.status !== 'ready' && card.statusMessage !== null ? (
        <p className="source-card__message">{card.statusMessage}</p>
      ) : null}
      <div className="source-card__actions">
        <button
          type="button"
          className="button button--small"
          data-testid={`source-refresh-${card.name}`}
          disabled={busy !== undefined}
          title="Import its tables again and show what changed (tables and columns added, removed, retyped)"
          onClick={() => void refresh(card.name)}
        >
          {busy === 'refreshing' ? <Spinner /> : <Icon name="refresh" size={12} />}
          {busy === 'refreshing' ? 'Refreshing…' : 'Refresh'}
        </button>
        <button
          type="button"
          className="button button--small source-card__remove"
          data-testid={`source-remove-${card.name}`}
          disabled={busy !== undefined}
          title="Remove it from the hub (the remote is not touched)"
          onClick={() => setConfirming(true)}
        >
          {busy === 'removing' ? <Spinner /> : <Icon name="close" size={12} />}
          {busy === 'removing' ? 'Removing…' : 'Remove'}
        </button>
      </div>
      {lastRefresh === null ? null : <SourceChangesPanel changes={lastRefresh.changes} ms={lastRefresh.ms} />}
      {actionError === null ? null : (
        <div className="source-callout source-callout--error" role="alert">
          <Icon name="warning" size={12} />
          <span>
            {actionError.action === 'refresh' ? 'Refresh failed' : 'Remove failed'}:{' '}
            <code>{actionError.error.code}</code> {actionError.error.message}
          </span>
        </div>
      )}
      {confirming ? (
        <RemoveSourceDialog
          card={card}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false)
            void remove(card.name)
          }}
        />
      ) : null}
    </article>
  )
}
