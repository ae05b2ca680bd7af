import { exportedName, parseRatios } from './export-options.utils'
import type { ExportDraft } from './export-options.utils'
import { LabelledInput, LabelledSelect } from './LabelledControls'
import type { SelectOption } from './LabelledControls'

const SAMPLE_MODES: readonly SelectOption<ExportDraft['sampleMode']>[] = [
  { value: 'none', label: 'All rows' },
  { value: 'rows', label: 'A number of rows' },
  { value: 'fraction', label: 'A fraction' },
]

const ROW_COUNTS: readonly SelectOption<ExportDraft['rowCount']>[] = [
  { value: 'estimate', label: 'Planner estimate' },
  { value: 'count', label: 'Exact count (runs count(*))' },
  { value: 'none', label: 'No percentage' },
]

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
        {keys.length > 0 ? (
          <LabelledSelect
            label="Split by key"
            testId="export-split-key"
            value={draft.splitKey}
            options={[{ value: '', label: 'No split' }, ...keys.map((key) => ({ value: key, label: key }))]}
            onChange={(splitKey) => onChange({ splitKey })}
          />
        ) : (
          <LabelledInput
            label="Split by key"
            placeholder="key column (run the query to list them)"
            testId="export-split-key"
            value={draft.splitKey}
            onChange={(splitKey) => onChange({ splitKey: splitKey.trim() })}
          />
        )}
        <LabelledInput
          label="Train / validation / test"
          testId="export-split-ratios"
          value={draft.splitRatios}
          disabled={draft.splitKey === ''}
          placeholder="80/10/10"
          onChange={(splitRatios) => onChange({ splitRatios })}
        />
        <LabelledInput
          label="Seed"
          narrow
          inputMode="numeric"
          placeholder="0"
          testId="export-split-seed"
          value={draft.splitSeed}
          disabled={draft.splitKey === ''}
          onChange={(splitSeed) => onChange({ splitSeed })}
        />
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
        <LabelledSelect
          label="Sample"
          testId="export-sample-mode"
          value={draft.sampleMode}
          options={SAMPLE_MODES}
          onChange={(sampleMode) => onChange({ sampleMode })}
        />
        <LabelledInput
          label={draft.sampleMode === 'fraction' ? 'Fraction (0.1 or 10%)' : 'Rows'}
          testId="export-sample-value"
          value={draft.sampleValue}
          disabled={draft.sampleMode === 'none'}
          placeholder={draft.sampleMode === 'fraction' ? '10%' : '100000'}
          onChange={(sampleValue) => onChange({ sampleValue })}
        />
        <LabelledInput
          label="Seed"
          narrow
          inputMode="numeric"
          placeholder="0"
          testId="export-sample-seed"
          value={draft.sampleSeed}
          disabled={draft.sampleMode === 'none'}
          onChange={(sampleSeed) => onChange({ sampleSeed })}
        />
      </div>
      <div className="form-row">
        <LabelledSelect
          label="Files"
          testId="export-part-mode"
          value={draft.partMode}
          options={[
            { value: 'one', label: `One file${draft.splitKey === '' ? '' : ' per split'}` },
            { value: 'parts', label: 'Parts of a target size' },
          ]}
          onChange={(partMode) => onChange({ partMode })}
        />
        <LabelledInput
          label="Part size (MB)"
          inputMode="decimal"
          testId="export-part-size"
          value={draft.partMegabytes}
          disabled={draft.partMode === 'one'}
          onChange={(partMegabytes) => onChange({ partMegabytes })}
        />
        <LabelledSelect
          label="Progress from"
          testId="export-row-count"
          value={draft.rowCount}
          options={ROW_COUNTS}
          onChange={(rowCount) => onChange({ rowCount })}
        />
      </div>
    </fieldset>
  )
}
