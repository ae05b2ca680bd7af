import type { ErrorView } from '../../stores/error-view'
import { Icon } from '../common/Icon'

/** An error of a sidebar view (catalog or source cards) above its content: code, then the engine's message. */
export function SidebarError({ error }: { error: ErrorView | null }) {
  if (error === null) return null
  return (
    <div className="sidebar__error" role="alert">
      <Icon name="warning" size={14} />
      <span>
        <strong>{error.code}</strong> {error.message}
      </span>
    </div>
  )
}
