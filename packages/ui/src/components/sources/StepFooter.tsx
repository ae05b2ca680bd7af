import type { ReactNode } from 'react'
import { useWorkbench } from '../../stores/workbench-context'
import { Icon } from '../common/Icon'

/**
 * The foot row of an "Add source" step: why the dialog's last call failed (a URI it cannot read, a name already
 * used, a locked vault…) on a line of its own, Back to the previous step when `back`, then the step's buttons.
 */
export function StepFooter({ back = false, children }: { back?: boolean; children: ReactNode }) {
  const error = useWorkbench((s) => s.sourceDialog.error)
  const goBack = useWorkbench((s) => s.sourceDialogBack)
  return (
    <footer className="source-dialog__foot">
      {error === null ? null : (
        <div
          className="source-callout source-callout--error source-dialog__error"
          role="alert"
          data-testid="source-error"
        >
          <Icon name="warning" size={14} />
          <span>
            <code>{error.code}</code> {error.message}
          </span>
        </div>
      )}
      {back ? (
        <button type="button" className="button" onClick={goBack}>
          Back
        </button>
      ) : null}
      {children}
    </footer>
  )
}
