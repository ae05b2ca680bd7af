import type { ExportFormat } from '@idw/engine/api'
import { FORMAT_EXTENSIONS } from './export-options.utils'
import type { ExportDraft } from './export-options.utils'

const FORMAT_LABELS: Record<ExportFormat, string> = {
  parquet: 'Parquet',
  csv: 'CSV',
  jsonl: 'JSON Lines',
  arrow: 'Arrow IPC',
}

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
        <label className="form-field">
          <span>Format</span>
          <select
            className="grid-field"
            data-testid="export-format"
            value={draft.format}
            onChange={(event) => onChange({ format: event.target.value as ExportFormat })}
          >
            {(Object.keys(FORMAT_LABELS) as ExportFormat[]).map((format) => (
              <option key={format} value={format}>
                {FORMAT_LABELS[format]}
              </option>
            ))}
          </select>
        </label>
        {draft.format === 'parquet' ? (
          <>
            <label className="form-field">
              <span>Compression</span>
              <select
                className="grid-field"
                data-testid="export-compression"
                value={draft.compression}
                onChange={(event) => onChange({ compression: event.target.value as ExportDraft['compression'] })}
              >
                <option value="zstd">ZSTD</option>
                <option value="snappy">Snappy</option>
              </select>
            </label>
            <label className="form-field">
              <span>Row group size (rows)</span>
              <input
                className="grid-field"
                inputMode="numeric"
                data-testid="export-row-group"
                value={draft.rowGroupRows}
                onChange={(event) => onChange({ rowGroupRows: event.target.value })}
              />
            </label>
          </>
        ) : null}
        {draft.format === 'csv' ? (
          <>
            <label className="form-field">
              <span>Delimiter</span>
              <select
                className="grid-field"
                data-testid="export-delimiter"
                value={draft.delimiter}
                onChange={(event) => onChange({ delimiter: event.target.value as ExportDraft['delimiter'] })}
              >
                <option value=",">Comma ,</option>
                <option value=";">Semicolon ;</option>
                <option value={'\t'}>Tab</option>
                <option value="|">Pipe |</option>
              </select>
            </label>
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
