import { useEffect, useId, useRef } from 'react'
import type { MouseEvent, ReactNode } from 'react'
import { Icon } from './Icon'
import type { IconName } from './Icon'

/**
 * A modal on the native `<dialog>` element, opened with `showModal()` on mount: focus stays inside, the page
 * behind is inert, and Escape (the dialog's `cancel` event) calls `onClose` instead of closing it, so the parent
 * stays the owner and unmounts it. The element marked `data-autofocus` (besides React's `autoFocus`) has the focus
 * once the dialog is open. With `closeOnBackdrop`, a mouse press outside the dialog's box (on its
 * `::backdrop`) closes it too. Carries the `modal` class (frame and backdrop, in `dialogs.css`) and `className`.
 */
export function ModalDialog({
  onClose,
  className,
  testId,
  labelledBy,
  closeOnBackdrop = false,
  children,
}: {
  onClose(): void
  className: string
  testId: string
  /** The id of the element that names the dialog (its title). */
  labelledBy: string
  closeOnBackdrop?: boolean
  children: ReactNode
}) {
  const ref = useRef<HTMLDialogElement>(null)
  const onCloseRef = useRef(onClose)
  onCloseRef.current = onClose

  useEffect(() => {
    const dialog = ref.current
    if (dialog === null) return
    if (!dialog.open) dialog.showModal()
    // React focuses `autoFocus` elements before the effect opens the dialog, and showModal() then moves focus to
    // the first focusable element; elements marked `data-autofocus` get it back.
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus()
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

  const pressBackdrop = (event: MouseEvent<HTMLDialogElement>): void => {
    if (event.target !== event.currentTarget) return
    const box = event.currentTarget.getBoundingClientRect()
    const inside =
      event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom
    if (!inside) onClose()
  }

  return (
    <dialog
      ref={ref}
      className={`modal ${className}`}
      data-testid={testId}
      aria-labelledby={labelledBy}
      onMouseDown={closeOnBackdrop ? pressBackdrop : undefined}
    >
      {children}
    </dialog>
  )
}

/**
 * The small modal of a question or a short form: a title, a body and a row of action buttons (the dialog's own
 * Cancel among them; Escape calls `onClose`). `tone: 'warn'` colours the title; `wide` gives the body room.
 */
export function Dialog({
  title,
  onClose,
  children,
  actions,
  testId,
  tone = 'default',
  wide = false,
}: {
  title: ReactNode
  /** Called on Escape; the parent unmounts the dialog. */
  onClose(): void
  children: ReactNode
  actions: ReactNode
  testId: string
  tone?: 'default' | 'warn'
  wide?: boolean
}) {
  const titleId = useId()
  return (
    <ModalDialog
      className={`dialog dialog--${tone}${wide ? ' dialog--wide' : ''}`}
      testId={testId}
      labelledBy={titleId}
      onClose={onClose}
    >
      <h2 className="dialog__title" id={titleId}>
        {title}
      </h2>
      <div className="dialog__body">{children}</div>
      <div className="dialog__actions">{actions}</div>
    </ModalDialog>
  )
}

/**
 * The head row of a large modal (export, "Add source"): an icon, the title with id `titleId` (pass it to
 * `ModalDialog`'s `labelledBy`), whatever `children` add between (a statement, the steps), and a close button.
 */
export function DialogHeader({
  icon,
  title,
  titleId,
  className,
  closeTestId,
  onClose,
  children,
}: {
  icon: IconName
  title: string
  titleId: string
  className: string
  closeTestId?: string
  onClose(): void
  children?: ReactNode
}) {
  return (
    <header className={`dialog-head ${className}`}>
      <Icon name={icon} size={16} />
      <h2 id={titleId}>{title}</h2>
      {children}
      <button type="button" className="icon-button" aria-label="Close" data-testid={closeTestId} onClick={onClose}>
        <Icon name="close" size={14} />
      </button>
    </header>
  )
}
