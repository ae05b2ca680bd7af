import type { ExportFormat } from '@idw/engine/api'
import { FORMAT_EXTENSIONS } from './export-options.utils'
import type { ExportDraft } from './export-options.utils'
import { LabelledInput, LabelledSelect } from './LabelledControls'
import type { SelectOption } from './LabelledControls'

const FORMAT_LABELS: Record<ExportFormat, string> = {
  parquet: 'Parquet',
  csv: 'CSV',
  jsonl: 'JSON Lines',
  arrow: 'Arrow IPC',
}

const FORMATS: readonly SelectOption<ExportFormat>[] = (Object.keys(FORMAT_LABELS) as ExportFormat[]).map((format) => ({
  value: format,
  label: FORMAT_LABELS[format],
}))

const COMPRESSIONS: readonly SelectOption<ExportDraft['compression']>[] = [
  { value: 'zstd', label: 'ZSTD' },
  { value: 'snappy', label: 'Snappy' },
]

const DELIMITERS: readonly SelectOption<ExportDraft['delimiter']>[] = [
  { value: ',', label: 'Comma ,' },
  { value: ';', label: 'Semicolon ;' },
  { value: '\t', label: 'Tab' },
  { value: '|', label: 'Pipe |' },
]

const FORMAT_NOTES: Record<ExportFormat, string> = {
  parquet:
    'Logical types kept (timestamps with unit and zone, dates, decimals, lists). pandas.read_parquet, pyarrow, DuckDB, Spark.',
  csv: 'RFC 4180: fields with the delimiter, quotes or line breaks are quoted.',
  jsonl: 'One JSON object per line (pandas.read_json(lines=True)).',
  arrow: 'Arrow IPC file (.arrow): pyarrow.ipc.open_file, pandas.read_feather.',
}

/** The format, its own settings and the file name. */
export function FormatFields({ draft, onChange }: { draft: ExportDraft; onChange(patch: Partial<ExportDraft>): void }) {
  return (
    <fieldset className="form-section">
      <legend>Format</legend>
      <div className="form-row">
        <LabelledSelect
          label="Format"
          testId="export-format"
          value={draft.format}
          options={FORMATS}
          onChange={(format) => onChange({ format })}
        />
        {draft.format === 'parquet' ? (
          <>
            <LabelledSelect
              label="Compression"
              testId="export-compression"
              value={draft.compression}
              options={COMPRESSIONS}
              onChange={(compression) => onChange({ compression })}
            />
            <LabelledInput
              label="Row group size (rows)"
              inputMode="numeric"
              testId="export-row-group"
              value={draft.rowGroupRows}
              onChange={(rowGroupRows) => onChange({ rowGroupRows })}
            />
          </>
        ) : null}
        {draft.format === 'csv' ? (
          <>
            <LabelledSelect
              label="Delimiter"
              testId="export-delimiter"
              value={draft.delimiter}
              options={DELIMITERS}
              onChange={(delimiter) => onChange({ delimiter })}
            />
            <label className="form-check">
              <input
                type="checkbox"
                data-testid="export-header"
                checked={draft.header}
                onChange={(event) => onChange({ header: event.target.checked })}
              />
              Header line
            </label>
          </>
        ) : null}
      </div>
      <p className="form-note">{FORMAT_NOTES[draft.format]}</p>
      <label className="form-field form-field--wide">
        <span>File name</span>
        <span className="form-suffixed">
          <input
            className="grid-field grid-field--grow"
            placeholder="export-<time>"
            data-testid="export-file-name"
            value={draft.fileStem}
            onChange={(event) => onChange({ fileStem: event.target.value })}
          />
          <span className="form-suffix">.{FORMAT_EXTENSIONS[draft.format]}</span>
        </span>
      </label>
    </fieldset>
  )
}
