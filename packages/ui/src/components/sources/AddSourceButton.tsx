import { useWorkbench } from '../../stores/workbench-context'
import { Icon } from '../common/Icon'
import { AddSourceDialog } from './AddSourceDialog'

/** The "Add source" button of the sidebar header; it owns the dialog while it is open. */
export function AddSourceButton() {
  const open = useWorkbench((s) => s.sourceDialog.open)
  const openDialog = useWorkbench((s) => s.openSourceDialog)
  return (
    <>
      <button
        type="button"
        className="icon-button"
        title="Add a source: a database or a file, by URI or form"
        aria-label="Add source"
        data-testid="add-source"
        onClick={openDialog}
      >
        <Icon name="plus" size={15} />
      </button>
      {open ? <AddSourceDialog /> : null}
    </>
  )
}
