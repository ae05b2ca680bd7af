import { useEffect, useState } from 'react'
import { useWorkbench } from '../../stores/workbench-context'
import { SidebarError } from '../catalog/SidebarError'
import { Icon } from '../common/Icon'
import { Spinner } from '../common/Spinner'
import { SourceCardView } from './SourceCardView'

/** The sidebar's "Sources" view: a card per saved source, the vault's state, and a button to add one. */
export function SourceCardsPanel() {
  const cards = useWorkbench((s) => s.sources.cards)
  const status = useWorkbench((s) => s.sources.status)
  const error = useWorkbench((s) => s.sources.error)
  const vault = useWorkbench((s) => s.sources.vault)
  const openDialog = useWorkbench((s) => s.openSourceDialog)
  const [now, setNow] = useState(() => Date.now())

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000)
    return () => clearInterval(timer)
  }, [])

  return (
    <div className="sidebar__scroll source-cards" data-testid="source-cards">
      <SidebarError error={error} />
      {status === 'loading' && cards.length === 0 ? (
        <div className="source-cards__loading">
          <Spinner label="Loading sources" /> Loading sources…
        </div>
      ) : null}
      {cards.map((card) => (
        <SourceCardView key={card.name} card={card} now={now} />
      ))}
      {status === 'ready' && cards.length === 0 ? <p className="tree__empty">No sources yet.</p> : null}
      <button type="button" className="source-cards__add" onClick={openDialog}>
        <Icon name="plus" size={14} />
        Add source
      </button>
      {vault === null ? null : (
        <p className={vault.unlocked ? 'source-cards__vault' : 'source-cards__vault source-cards__vault--locked'}>
          <Icon name={vault.unlocked ? 'check' : 'warning'} size={12} />
          {vault.unlocked
            ? 'Password vault unlocked: passwords typed here are kept encrypted.'
            : `Password vault locked${vault.reason === null ? '' : ` (${vault.reason})`}: use \${NAME} passwords or set IDW_MASTER_KEY.`}
        </p>
      )}
    </div>
  )
}
