import type { SourceCard } from '@idw/engine/api'
import { useEffect, useRef } from 'react'

/**
 * Asks before `sources/remove`: what goes (the hub's views, foreign tables, server, user mapping and kept
 * password) and what does not (the remote database or file is not touched). Native modal `<dialog>`.
 */
export function RemoveSourceDialog({
  card,
  onConfirm,
  onCancel,
}: {
  card: SourceCard
  onConfirm(): void
  onCancel(): void
}) {
  const ref = useRef<HTMLDialogElement>(null)
  const cancelRef = useRef(onCancel)
  cancelRef.current = onCancel

  useEffect(() => {
    const dialog = ref.current
    if (dialog === null) return
    if (!dialog.open) dialog.showModal()
    const cancel = (event: Event): void => {
      event.preventDefault()
      cancelRef.current()
    }
    dialog.addEventListener('cancel', cancel)
    return () => {
      dialog.removeEventListener('cancel', cancel)
      dialog.close()
    }
  }, [])

  const tables = `${card.tables} table${card.tables === 1 ? '' : 's'}`
  return (
    <dialog ref={ref} className="dialog dialog--warn" data-testid="source-remove-dialog" aria-labelledby="remove-title">
      <h2 className="dialog__title" id="remove-title">
        Remove source “{card.name}”?
      </h2>
      <div className="dialog__body">
        <p>
          The hub forgets <strong>{card.name}</strong>: its {tables} (<code>{card.name}.*</code>), their foreign tables,
          the foreign server, the user mapping and any password kept for it. Saved queries that use them will fail.
        </p>
        <p>
          <strong>The remote is not touched:</strong> nothing is deleted or changed in {card.location ?? 'the source'}.
          You can add it again at any time.
        </p>
        {card.origin === 'config' ? (
          <p className="dialog__note">
            It comes from the config file: the next <code>idw apply</code> or restart adds it again unless you take it
            out of the file.
          </p>
        ) : null}
      </div>
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onCancel} autoFocus>
          Cancel
        </button>
        <button type="button" className="button button--danger" data-testid="source-remove-confirm" onClick={onConfirm}>
          Remove from the hub
        </button>
      </div>
    </dialog>
  )
}
