import { useEffect, useRef } from 'react'
import { useWorkbench } from '../../stores/workbench-context'
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
 * The "Add source" dialog on a native modal `<dialog>` (focus kept inside, Escape closes, the page behind is
 * inert): a step bar, then the current step (type or URI → connection and test → tables). Closing it discards
 * the draft; nothing is saved before "Add".
 */
export function AddSourceDialog() {
  const step = useWorkbench((s) => s.sourceDialog.step)
  const fileSource = useWorkbench((s) => s.sourceDialog.form?.extension === 'file_fdw')
  const close = useWorkbench((s) => s.closeSourceDialog)
  const ref = useRef<HTMLDialogElement>(null)
  const closeRef = useRef(close)
  closeRef.current = close
  const current = STEPS.findIndex((s) => s.id === step)
  const steps = fileSource ? STEPS.slice(0, 2) : STEPS

  useEffect(() => {
    const dialog = ref.current
    if (dialog === null) return
    if (!dialog.open) dialog.showModal()
    const cancel = (event: Event): void => {
      event.preventDefault()
      closeRef.current()
    }
    dialog.addEventListener('cancel', cancel)
    return () => {
      dialog.removeEventListener('cancel', cancel)
      dialog.close()
    }
  }, [])

  return (
    <dialog ref={ref} className="source-dialog" data-testid="source-dialog" aria-labelledby="source-dialog-title">
      <header className="source-dialog__head">
        <Icon name="plus" size={16} />
        <h2 id="source-dialog-title">Add source</h2>
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
        <button type="button" className="icon-button" aria-label="Close" onClick={close}>
          <Icon name="close" size={14} />
        </button>
      </header>
      {step === 'type' ? <TypeStep /> : step === 'connect' ? <ConnectStep /> : <TablesStep />}
    </dialog>
  )
}
