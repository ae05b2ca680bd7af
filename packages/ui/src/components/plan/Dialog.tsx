import { useEffect, useRef } from 'react'
import type { ReactNode } from 'react'

interface DialogProps {
  title: string
  /** Called on Escape and on the close button; the parent unmounts the dialog. */
  onClose(): void
  children: ReactNode
  actions: ReactNode
  testId?: string
  tone?: 'default' | 'warn'
  wide?: boolean
}

/** A modal dialog on the native `<dialog>` element (focus kept inside, Escape closes, the page behind is inert). */
export function Dialog({ title, onClose, children, actions, testId, tone = 'default', wide = false }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const onCloseRef = useRef(onClose)
  onCloseRef.current = onClose

  useEffect(() => {
    const dialog = ref.current
    if (dialog === null) return
    if (!dialog.open) dialog.showModal()
    const cancel = (event: Event): void => {
      event.preventDefault()
      onCloseRef.current()
    }
    dialog.addEventListener('cancel', cancel)
    return () => {
      dialog.removeEventListener('cancel', cancel)
      dialog.close()
    }
  }, [])

  return (
    <dialog
      ref={ref}
      className={`dialog dialog--${tone}${wide ? ' dialog--wide' : ''}`}
      data-testid={testId}
      aria-label={title}
    >
      <h2 className="dialog__title">{title}</h2>
      <div className="dialog__body">{children}</div>
      <div className="dialog__actions">{actions}</div>
    </dialog>
  )
}
