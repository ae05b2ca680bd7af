import { useWorkbench } from '../../stores/workbench-context'
import { DialogHeader, ModalDialog } from '../common/Dialog'
import { Icon } from '../common/Icon'
import { ConnectStep } from './ConnectStep'
import { TablesStep } from './TablesStep'
import { TypeStep } from './TypeStep'

const STEPS = [
  { id: 'type', label: 'Type or URI' },
  { id: 'connect', label: 'Connection' },
  { id: 'tables', label: 'Tables' },
] as const

/**
 * The "Add source" modal (Escape closes it): a step bar, then the current step (type or URI → connection and
 * test → tables). Closing it discards the draft; nothing is saved before "Add".
 */
export function AddSourceDialog() {
  const step = useWorkbench((s) => s.sourceDialog.step)
  const fileSource = useWorkbench((s) => s.sourceDialog.form?.extension === 'file_fdw')
  const close = useWorkbench((s) => s.closeSourceDialog)
  const current = STEPS.findIndex((s) => s.id === step)
  const steps = fileSource ? STEPS.slice(0, 2) : STEPS

  return (
    <ModalDialog className="source-dialog" testId="source-dialog" labelledBy="source-dialog-title" onClose={close}>
      <DialogHeader
        icon="plus"
        title="Add source"
        titleId="source-dialog-title"
        className="source-dialog__head"
        onClose={close}
      >
        <ol className="source-steps" aria-label="Steps">
          {steps.map((s, index) => (
            <li
              key={s.id}
              className={index === current ? 'source-steps__on' : index < current ? 'source-steps__done' : undefined}
              aria-current={index === current ? 'step' : undefined}
            >
              <span className="source-steps__number">
                {index < current ? <Icon name="check" size={10} /> : index + 1}
              </span>
              {s.label}
            </li>
          ))}
        </ol>
      </DialogHeader>
      {step === 'type' ? <TypeStep /> : step === 'connect' ? <ConnectStep /> : <TablesStep />}
    </ModalDialog>
  )
}
