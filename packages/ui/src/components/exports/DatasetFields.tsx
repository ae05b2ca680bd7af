import { exportedName, parseRatios } from './export-options.utils'
import type { ExportDraft } from './export-options.utils'

const percent = (share: number): string => `${Number((share * 100).toFixed(1))}%`

/**
 * Dataset options: a deterministic train/validation/test split by a key column's hash, a reproducible sample,
 * one file or parts of a target size, and where the progress percentage comes from.
 */
export function DatasetFields({
  draft,
  columns,
  onChange,
}: {
  draft: ExportDraft
  columns: readonly { name: string }[]
  onChange(patch: Partial<ExportDraft>): void
}) {
  const ratios = draft.splitKey === '' ? null : parseRatios(draft.splitRatios)
  const keys = columns.map((column) => exportedName(draft, column.name))
  return (
    <fieldset className="form-section">
      <legend>Dataset</legend>
      <div className="form-row">
        <label className="form-field">
          <span>Split by key</span>
          {keys.length > 0 ? (
            <select
              className="grid-field"
              data-testid="export-split-key"
              value={draft.splitKey}
              onChange={(event) => onChange({ splitKey: event.target.value })}
            >
              <option value="">No split</option>
              {keys.map((key) => (
                <option key={key} value={key}>
                  {key}
                </option>
              ))}
            </select>
          ) : (
            <input
              className="grid-field"
              placeholder="key column (run the query to list them)"
              data-testid="export-split-key"
              value={draft.splitKey}
              onChange={(event) => onChange({ splitKey: event.target.value.trim() })}
            />
          )}
        </label>
        <label className="form-field">
          <span>Train / validation / test</span>
          <input
            className="grid-field"
            data-testid="export-split-ratios"
            value={draft.splitRatios}
            disabled={draft.splitKey === ''}
            placeholder="80/10/10"
            onChange={(event) => onChange({ splitRatios: event.target.value })}
          />
        </label>
        <label className="form-field form-field--narrow">
          <span>Seed</span>
          <input
            className="grid-field"
            inputMode="numeric"
            placeholder="0"
            data-testid="export-split-seed"
            value={draft.splitSeed}
            disabled={draft.splitKey === ''}
            onChange={(event) => onChange({ splitSeed: event.target.value })}
          />
        </label>
      </div>
      {ratios === null ? (
        <p className="form-note">
          Rows with the same key always land in the same split: a hash of the key decides, the same on every run.
        </p>
      ) : 'error' in ratios ? (
        <p className="form-note form-note--error">{ratios.error}</p>
      ) : (
        <p className="form-note" data-testid="export-split-summary">
          train {percent(ratios.train)} · validation {percent(ratios.validation)} · test {percent(ratios.test)} — one
          file per split
          {ratios.validation === 0 || ratios.test === 0 ? ' (a split of 0% gets no file)' : ''}
        </p>
      )}
      <div className="form-row">
        <label className="form-field">
          <span>Sample</span>
          <select
            className="grid-field"
            data-testid="export-sample-mode"
            value={draft.sampleMode}
            onChange={(event) => onChange({ sampleMode: event.target.value as ExportDraft['sampleMode'] })}
          >
            <option value="none">All rows</option>
            <option value="rows">A number of rows</option>
            <option value="fraction">A fraction</option>
          </select>
        </label>
        <label className="form-field">
          <span>{draft.sampleMode === 'fraction' ? 'Fraction (0.1 or 10%)' : 'Rows'}</span>
          <input
            className="grid-field"
            data-testid="export-sample-value"
            value={draft.sampleValue}
            disabled={draft.sampleMode === 'none'}
            placeholder={draft.sampleMode === 'fraction' ? '10%' : '100000'}
            onChange={(event) => onChange({ sampleValue: event.target.value })}
          />
        </label>
        <label className="form-field form-field--narrow">
          <span>Seed</span>
          <input
            className="grid-field"
            inputMode="numeric"
            placeholder="0"
            data-testid="export-sample-seed"
            value={draft.sampleSeed}
            disabled={draft.sampleMode === 'none'}
            onChange={(event) => onChange({ sampleSeed: event.target.value })}
          />
        </label>
      </div>
      <div className="form-row">
        <label className="form-field">
          <span>Files</span>
          <select
            className="grid-field"
            data-testid="export-part-mode"
            value={draft.partMode}
            onChange={(event) => onChange({ partMode: event.target.value as ExportDraft['partMode'] })}
          >
            <option value="one">One file{draft.splitKey === '' ? '' : ' per split'}</option>
            <option value="parts">Parts of a target size</option>
          </select>
        </label>
        <label className="form-field">
          <span>Part size (MB)</span>
          <input
            className="grid-field"
            inputMode="decimal"
            data-testid="export-part-size"
            value={draft.partMegabytes}
            disabled={draft.partMode === 'one'}
            onChange={(event) => onChange({ partMegabytes: event.target.value })}
          />
        </label>
        <label className="form-field">
          <span>Progress from</span>
          <select
            className="grid-field"
            data-testid="export-row-count"
            value={draft.rowCount}
            onChange={(event) => onChange({ rowCount: event.target.value as ExportDraft['rowCount'] })}
          >
            <option value="estimate">Planner estimate</option>
            <option value="count">Exact count (runs count(*))</option>
            <option value="none">No percentage</option>
          </select>
        </label>
      </div>
    </fieldset>
  )
}
