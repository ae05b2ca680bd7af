import type { CatalogColumn } from '@idw/engine/api'
import { Icon } from '../common/Icon'
import { toggleProjection, withNulls } from './select-draft.utils'
import type { SelectDraft, SortKey } from './select-draft.utils'

interface SelectOptionsProps {
  draft: SelectDraft
  columns: readonly CatalogColumn[]
  onChange(draft: SelectDraft): void
  newId(): string
}

/** The right column of the builder: which columns come out, the sort keys, and limit / offset. */
export function SelectOptions({ draft, columns, onChange, newId }: SelectOptionsProps) {
  const chosen = new Set(draft.columns)
  const all = draft.columns.length === 0
  const names = columns.map((column) => column.name)
  const toggle = (name: string): void => onChange({ ...draft, columns: toggleProjection(draft.columns, names, name) })
  const replaceSort = (id: string, update: (key: SortKey) => SortKey): void =>
    onChange({ ...draft, orderBy: draft.orderBy.map((key) => (key.id === id ? update(key) : key)) })
  const addSort = (): void =>
    onChange({ ...draft, orderBy: [...draft.orderBy, { id: newId(), column: names[0] ?? '', direction: 'asc' }] })

  return (
    <aside className="select-options" aria-label="Output">
      <section className="select-options__section">
        <header className="select-options__title">
          Columns
          <span className="select-options__meta">{all ? 'all' : `${draft.columns.length} of ${columns.length}`}</span>
          {all ? null : (
            <button type="button" className="link-button" onClick={() => onChange({ ...draft, columns: [] })}>
              All
            </button>
          )}
        </header>
        <div className="column-picks" data-testid="filter-columns">
          {columns.map((column) => (
            <label key={column.name} className="column-pick" title={column.type}>
              <input type="checkbox" checked={all || chosen.has(column.name)} onChange={() => toggle(column.name)} />
              <span className="column-pick__name">{column.name}</span>
              <span className="column-pick__type">{column.type}</span>
            </label>
          ))}
        </div>
      </section>
      <section className="select-options__section">
        <header className="select-options__title">
          Order by
          <button
            type="button"
            className="link-button"
            data-testid="filter-add-sort"
            disabled={columns.length === 0}
            onClick={addSort}
          >
            <Icon name="plus" size={11} /> Sort key
          </button>
        </header>
        {draft.orderBy.length === 0 ? <p className="select-options__hint">Source order</p> : null}
        {draft.orderBy.map((key) => (
          <div key={key.id} className="sort-key">
            <select
              className="select"
              value={key.column}
              aria-label="Sort column"
              onChange={(e) => replaceSort(key.id, (k) => ({ ...k, column: e.target.value }))}
            >
              {columns.map((column) => (
                <option key={column.name} value={column.name}>
                  {column.name}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="chip-toggle chip-toggle--on"
              title="Ascending or descending"
              onClick={() => replaceSort(key.id, (k) => ({ ...k, direction: k.direction === 'asc' ? 'desc' : 'asc' }))}
            >
              {key.direction === 'asc' ? '↑ asc' : '↓ desc'}
            </button>
            <select
              className="select select--narrow"
              value={key.nulls ?? ''}
              aria-label="Nulls"
              onChange={(e) => replaceSort(key.id, (k) => withNulls(k, e.target.value))}
            >
              <option value="">nulls: default</option>
              <option value="first">nulls first</option>
              <option value="last">nulls last</option>
            </select>
            <button
              type="button"
              className="icon-button"
              title="Remove this sort key"
              onClick={() => onChange({ ...draft, orderBy: draft.orderBy.filter((k) => k.id !== key.id) })}
            >
              <Icon name="close" size={12} />
            </button>
          </div>
        ))}
      </section>
      <section className="select-options__section select-options__rows">
        <RowsInput
          label="Limit"
          testId="filter-limit"
          value={draft.limit}
          onChange={(limit) => onChange({ ...draft, limit })}
        />
        <RowsInput
          label="Offset"
          testId="filter-offset"
          value={draft.offset}
          onChange={(offset) => onChange({ ...draft, offset })}
        />
      </section>
    </aside>
  )
}

function RowsInput({
  label,
  testId,
  value,
  onChange,
}: {
  label: string
  testId: string
  value: number | null
  onChange(value: number | null): void
}) {
  return (
    <label className="rows-input">
      <span>{label}</span>
      <input
        type="number"
        min={0}
        step={1}
        data-testid={testId}
        value={value ?? ''}
        placeholder="none"
        onChange={(event) => {
          const n = Number(event.target.value)
          onChange(event.target.value === '' || !Number.isSafeInteger(n) || n < 0 ? null : n)
        }}
      />
    </label>
  )
}
