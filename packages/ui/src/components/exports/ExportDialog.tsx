import { useEffect, useState } from 'react'
import type { FormEvent } from 'react'
import { statementToRunAt } from '../editor/statement-at-cursor.utils'
import { useWorkbench } from '../../stores/workbench-context'
import { DialogHeader, ModalDialog } from '../common/Dialog'
import { Icon } from '../common/Icon'
import { ColumnFields } from './ColumnFields'
import { DatasetFields } from './DatasetFields'
import { ExportJobView } from './ExportJobView'
import { ExportJobsList } from './ExportJobsList'
import { FormatFields } from './FormatFields'
import { DEFAULT_DRAFT, buildExportInput } from './export-options.utils'
import type { ExportDraft } from './export-options.utils'

/** The settings of the last dialog, kept while the page lives so a second export starts from them. */
let lastDraft: ExportDraft = DEFAULT_DRAFT

/**
 * The export dialog: format and its settings, dataset options (split, sample, parts, row count for the
 * percentage), column renames and casts on the left; the current job's progress and files, and the engine's
 * recent jobs (also those started before the page was reloaded) on the right. Escape, Close or a press on the
 * backdrop closes it; closing leaves jobs running.
 */
export function ExportDialog({ onClose }: { onClose(): void }) {
  const sql = useWorkbench((s) => statementToRunAt(s.editor.sql, s.editor.selection, s.editor.cursorOffset))
  const fields = useWorkbench((s) => s.result.schema?.fields)
  const status = useWorkbench((s) => s.exports.status)
  const startDatasetExport = useWorkbench((s) => s.startDatasetExport)
  const [draft, setDraft] = useState<ExportDraft>(lastDraft)
  const [problem, setProblem] = useState<string | null>(null)
  const columns = (fields ?? []).map((field) => ({
    name: field.name,
    type: field.metadata.get('idw:pg_type') ?? String(field.type),
  }))
  const busy = status === 'starting'

  useEffect(() => {
    lastDraft = draft
  }, [draft])

  const change = (patch: Partial<ExportDraft>): void => {
    setDraft((current) => ({ ...current, ...patch }))
    setProblem(null)
  }

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    if (sql === '') return setProblem('the editor has no statement to export')
    const input = buildExportInput(sql, draft)
    if ('error' in input) return setProblem(input.error)
    void startDatasetExport(input)
  }

  return (
    <ModalDialog
      className="export-dialog"
      testId="export-dialog"
      labelledBy="export-dialog-title"
      closeOnBackdrop
      onClose={onClose}
    >
      <DialogHeader
        icon="download"
        title="Export"
        titleId="export-dialog-title"
        className="export-dialog__head"
        closeTestId="export-dialog-close"
        onClose={onClose}
      >
        <code className="export-dialog__sql" title={sql}>
          {sql === '' ? 'no statement in the editor' : sql.replace(/\s+/g, ' ')}
        </code>
      </DialogHeader>
      <div className="export-dialog__body">
        <form className="export-dialog__form" onSubmit={submit} id="export-form">
          <FormatFields draft={draft} onChange={change} />
          <DatasetFields draft={draft} columns={columns} onChange={change} />
          <ColumnFields draft={draft} columns={columns} onChange={change} />
        </form>
        <aside className="export-dialog__jobs">
          <ExportJobView />
          <ExportJobsList />
        </aside>
      </div>
      <footer className="export-dialog__foot">
        {problem === null ? (
          <span className="export-dialog__hint">
            Runs in the engine: closing this dialog or the tab does not stop it.
          </span>
        ) : (
          <span className="export-dialog__problem" role="alert" data-testid="export-problem">
            {problem}
          </span>
        )}
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
        <button
          type="submit"
          form="export-form"
          className="button button--primary"
          data-testid="export-start"
          disabled={busy || sql === ''}
        >
          <Icon name="download" size={13} />
          Start export
        </button>
      </footer>
    </ModalDialog>
  )
}
