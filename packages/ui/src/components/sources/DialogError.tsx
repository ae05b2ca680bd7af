import { useWorkbench } from '../../stores/workbench-context'
import { Icon } from '../common/Icon'

/** Why the dialog's last call failed (a URI it cannot read, a name already used, a locked vault…). */
export function DialogError() {
  const error = useWorkbench((s) => s.sourceDialog.error)
  if (error === null) return null
  return (
    <div className="source-callout source-callout--error source-dialog__error" role="alert" data-testid="source-error">
      <Icon name="warning" size={14} />
      <span>
        <code>{error.code}</code> {error.message}
      </span>
    </div>
  )
}
