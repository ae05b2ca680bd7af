import { useWorkbench } from '../../stores/workbench-context'
import { Icon } from '../common/Icon'

/** A one-line success message under the sidebar header ("Added shop: 2 tables to query."), dismissable. */
export function SourceNotice() {
  const notice = useWorkbench((s) => s.sources.notice)
  const dismiss = useWorkbench((s) => s.showSourceNotice)
  if (notice === null) return null
  return (
    <div className="source-notice" role="status" data-testid="source-notice">
      <Icon name="check" size={13} />
      <span>{notice}</span>
      <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => dismiss(null)}>
        <Icon name="close" size={11} />
      </button>
    </div>
  )
}
