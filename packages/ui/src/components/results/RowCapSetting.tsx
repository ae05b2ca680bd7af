import { useWorkbench } from '../../stores/workbench-context'

const CHOICES: { value: number | null; label: string }[] = [
  { value: null, label: 'No row cap' },
  { value: 10_000_000, label: 'Cap 10M rows' },
  { value: 1_000_000, label: 'Cap 1M rows' },
  { value: 100_000, label: 'Cap 100k rows' },
  { value: 10_000, label: 'Cap 10k rows' },
]

/** The grid's row cap setting (applies to the next run); "No row cap" streams every row. */
export function RowCapSetting() {
  const rowCap = useWorkbench((s) => s.gridSettings.rowCap)
  const setGridRowCap = useWorkbench((s) => s.setGridRowCap)
  const known = CHOICES.some((choice) => choice.value === rowCap)
  return (
    <select
      className="grid-field grid-field--compact"
      data-testid="grid-row-cap"
      aria-label="Row cap of the grid"
      title="Rows a query streams into the grid (applies to the next run). The browser keeps them as Arrow buffers."
      value={rowCap === null ? 'none' : String(rowCap)}
      onChange={(event) => setGridRowCap(event.target.value === 'none' ? null : Number(event.target.value))}
    >
      {known ? null : <option value={String(rowCap)}>Cap {rowCap} rows</option>}
      {CHOICES.map((choice) => (
        <option key={choice.label} value={choice.value === null ? 'none' : String(choice.value)}>
          {choice.label}
        </option>
      ))}
    </select>
  )
}
