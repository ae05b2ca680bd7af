import type { CatalogColumn } from '@idw/engine/api'
import { Icon } from '../common/Icon'
import { withColumn, withOperator } from './filter-edit.utils'
import { columnFamily, operatorInfo, operatorsFor } from './filter-operators.utils'
import { isConditionComplete } from './filter-state.utils'
import type { FilterCondition, FilterScalar, FilterSlot } from './filter-state.utils'
import { TagListInput, ValueField } from './ValueInput'
import { chooseWidget } from './value-widget.utils'

interface ConditionRowProps {
  condition: FilterCondition
  columns: readonly CatalogColumn[]
  onChange(condition: FilterCondition): void
  onRemove(): void
}

/** One builder row: column, operator and the value widget the column's type and the operator call for. */
export function ConditionRow({ condition, columns, onChange, onRemove }: ConditionRowProps) {
  const column = columns.find((candidate) => candidate.name === condition.column)
  const family = column === undefined ? 'other' : columnFamily(column.type)
  const operators = operatorsFor(family)
  const known = operatorInfo(condition.operator)
  const complete = isConditionComplete(condition)

  return (
    <div className={`condition${complete ? '' : ' condition--incomplete'}`} data-testid="filter-condition">
      <select
        className="select condition__column"
        data-testid="filter-column-select"
        value={condition.column}
        aria-label="Column"
        onChange={(event) => {
          const next = columns.find((candidate) => candidate.name === event.target.value)
          const nextFamily = next === undefined ? 'other' : columnFamily(next.type)
          onChange(withColumn(condition, event.target.value, nextFamily, column === undefined ? null : family))
        }}
      >
        {condition.column === '' ? <option value="">Column…</option> : null}
        {column === undefined && condition.column !== '' ? (
          <option value={condition.column}>{condition.column} (unknown)</option>
        ) : null}
        {columns.map((candidate) => (
          <option key={candidate.name} value={candidate.name}>
            {candidate.name}
          </option>
        ))}
      </select>
      <span className="condition__type" title={column?.type}>
        {column?.type ?? ''}
      </span>
      <select
        className="select condition__operator"
        data-testid="filter-operator-select"
        value={condition.operator}
        aria-label="Operator"
        onChange={(event) => onChange(withOperator(condition, event.target.value))}
      >
        {known === undefined || !operators.includes(known) ? (
          <option value={condition.operator}>{known?.label ?? condition.operator}</option>
        ) : null}
        <optgroup label="Operators">
          {operators
            .filter((info) => !info.mongo)
            .map((info) => (
              <option key={info.name} value={info.name}>
                {info.label}
              </option>
            ))}
        </optgroup>
        <optgroup label="Mongo style">
          {operators
            .filter((info) => info.mongo)
            .map((info) => (
              <option key={info.name} value={info.name}>
                {info.label}
              </option>
            ))}
        </optgroup>
      </select>
      <div className="condition__value">
        <ConditionValueInput condition={condition} family={family} onChange={onChange} />
      </div>
      <button type="button" className="icon-button condition__remove" title="Remove this condition" onClick={onRemove}>
        <Icon name="close" size={12} />
      </button>
    </div>
  )
}

function ConditionValueInput({
  condition,
  family,
  onChange,
}: {
  condition: FilterCondition
  family: ReturnType<typeof columnFamily>
  onChange(condition: FilterCondition): void
}) {
  const widget = chooseWidget(family, condition.operator)
  const set = (value: FilterCondition['value']): void => onChange({ ...condition, value })
  const slots: readonly FilterSlot[] = Array.isArray(condition.value) ? condition.value : []
  const scalar = Array.isArray(condition.value) ? undefined : (condition.value as FilterScalar | null | undefined)
  switch (widget.kind) {
    case 'none':
      return <span className="condition__novalue">no value</span>
    case 'flag':
      return (
        <select
          className="select"
          data-testid="filter-value-input"
          value={String(condition.value !== false)}
          aria-label="Value"
          onChange={(event) => set(event.target.value === 'true')}
        >
          <option value="true">true (is not null)</option>
          <option value="false">false (is null)</option>
        </select>
      )
    case 'pair':
      return (
        <span className="condition__pair">
          <ValueField
            kind={widget.input}
            value={slots[0]}
            slot="low"
            label="From"
            onChange={(v) => set([v, slots[1]])}
          />
          <span className="condition__and">and</span>
          <ValueField
            kind={widget.input}
            value={slots[1]}
            slot="high"
            label="To"
            onChange={(v) => set([slots[0], v])}
          />
        </span>
      )
    case 'list':
      return <TagListInput kind={widget.input} values={slots} label="Values" onChange={set} />
    case 'single':
      return (
        <span className="condition__pair">
          <ValueField kind={widget.input} value={scalar} label="Value" onChange={set} />
          {condition.operator === '$regex' ? (
            <label className="value-check" title="Case-insensitive ($options: i)">
              <input
                type="checkbox"
                checked={condition.regexOptions === 'i'}
                onChange={(event) => {
                  const next: FilterCondition = { ...condition }
                  if (event.target.checked) next.regexOptions = 'i'
                  else delete next.regexOptions
                  onChange(next)
                }}
              />
              <span>ignore case</span>
            </label>
          ) : null}
        </span>
      )
  }
}
