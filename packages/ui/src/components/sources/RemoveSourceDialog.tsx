import type { SourceCard } from '@idw/engine/api'
import { Dialog } from '../common/Dialog'

/**
 * Asks before `sources/remove`: what goes (the hub's views, foreign tables, server, user mapping and kept
 * password) and what does not (the remote database or file is not touched).
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
  const tables = `${card.tables} table${card.tables === 1 ? '' : 's'}`
  return (
    <Dialog
      title={<>Remove source “{card.name}”?</>}
      tone="warn"
      testId="source-remove-dialog"
      onClose={onCancel}
      actions={
        <>
          <button type="button" className="button" onClick={onCancel} autoFocus data-autofocus>
            Cancel
          </button>
          <button
            type="button"
            className="button button--danger"
            data-testid="source-remove-confirm"
            onClick={onConfirm}
          >
            Remove from the hub
          </button>
        </>
      }
    >
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
          It comes from the config file: the next <code>idw apply</code> or restart adds it again unless you take it out
          of the file.
        </p>
      ) : null}
    </Dialog>
  )
}
