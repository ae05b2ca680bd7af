import type { ExportDraft } from './export-options.utils'

/** Types offered for casts; any PostgreSQL type name may be typed. */
const CAST_TYPES = [
  'int4',
  'int8',
  'float4',
  'float8',
  'numeric(12,2)',
  'text',
  'varchar(64)',
  'boolean',
  'date',
  'timestamp',
  'timestamptz',
]

/** Column renames and casts (applied in the hub), one line per result column; collapsed until opened. */
export function ColumnFields({
  draft,
  columns,
  onChange,
}: {
  draft: ExportDraft
  columns: readonly { name: string; type: string }[]
  onChange(patch: Partial<ExportDraft>): void
}) {
  const changed = columns.filter(
    (column) => (draft.renames[column.name] ?? '').trim() !== '' || (draft.casts[column.name] ?? '').trim() !== '',
  ).length
  return (
    <details className="form-section form-section--details">
      <summary>
        Columns{' '}
        <span className="form-summary-note">{changed === 0 ? 'rename or cast columns' : `${changed} changed`}</span>
      </summary>
      {columns.length === 0 ? (
        <p className="form-note">Run the query to list its columns.</p>
      ) : (
        <table className="column-edits" data-testid="export-columns">
          <thead>
            <tr>
              <th>Column</th>
              <th>Type</th>
              <th>Rename to</th>
              <th>Cast to</th>
            </tr>
          </thead>
          <tbody>
            {columns.map((column) => (
              <tr key={column.name}>
                <td className="column-edits__name">{column.name}</td>
                <td className="column-edits__type">{column.type}</td>
                <td>
                  <input
                    className="grid-field"
                    aria-label={`Rename ${column.name}`}
                    data-testid={`export-rename-${column.name}`}
                    placeholder={column.name}
                    value={draft.renames[column.name] ?? ''}
                    onChange={(event) => onChange({ renames: { ...draft.renames, [column.name]: event.target.value } })}
                  />
                </td>
                <td>
                  <input
                    className="grid-field"
                    list="export-cast-types"
                    aria-label={`Cast ${column.name}`}
                    data-testid={`export-cast-${column.name}`}
                    placeholder="unchanged"
                    value={draft.casts[column.name] ?? ''}
                    onChange={(event) => onChange({ casts: { ...draft.casts, [column.name]: event.target.value } })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <datalist id="export-cast-types">
        {CAST_TYPES.map((type) => (
          <option key={type} value={type} />
        ))}
      </datalist>
    </details>
  )
}
