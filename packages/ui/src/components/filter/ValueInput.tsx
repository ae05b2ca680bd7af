import { useEffect, useState } from 'react'
import type { FilterScalar, FilterSlot } from './filter-state.utils'
import { formatInputValue, htmlInputType, parseInputText } from './value-widget.utils'
import type { InputKind } from './value-widget.utils'

const PLACEHOLDERS: Readonly<Record<InputKind, string>> = {
  text: 'text',
  integer: 'integer',
  decimal: 'number',
  boolean: '',
  date: 'YYYY-MM-DD',
  datetime: 'YYYY-MM-DD HH:MM',
  time: 'HH:MM',
  uuid: 'xxxxxxxx-xxxx-…',
  interval: '1 day 02:00',
}

interface FieldProps {
  kind: InputKind
  value: FilterScalar | null | undefined
  onChange(value: FilterSlot): void
  label: string
  slot?: 'low' | 'high'
}

/**
 * One value input by kind: a checkbox for booleans, a native number, date, `datetime-local` or time input, or
 * text. It keeps the text being typed (`1e`, `-`) while it is not a value yet; the filter gets undefined then.
 */
export function ValueField({ kind, value, onChange, label, slot }: FieldProps) {
  const [text, setText] = useState(() => formatInputValue(kind, value))
  useEffect(() => {
    setText((current) => (parseInputText(kind, current) === value ? current : formatInputValue(kind, value)))
  }, [kind, value])

  if (kind === 'boolean') {
    return (
      <label className="value-check">
        <input
          type="checkbox"
          data-testid="filter-value-input"
          checked={value === true}
          onChange={(event) => onChange(event.target.checked)}
          aria-label={label}
        />
        <span>{value === true ? 'true' : 'false'}</span>
      </label>
    )
  }
  const invalid = text.trim() !== '' && parseInputText(kind, text) === undefined
  return (
    <input
      className={`value-input value-input--${kind}${invalid ? ' value-input--invalid' : ''}`}
      data-testid="filter-value-input"
      data-slot={slot}
      type={htmlInputType(kind)}
      step={kind === 'decimal' ? 'any' : kind === 'datetime' || kind === 'time' ? 1 : undefined}
      value={text}
      placeholder={PLACEHOLDERS[kind]}
      spellCheck={false}
      aria-label={label}
      aria-invalid={invalid}
      onChange={(event) => {
        setText(event.target.value)
        onChange(parseInputText(kind, event.target.value))
      }}
    />
  )
}

interface TagListProps {
  kind: InputKind
  values: readonly FilterSlot[]
  onChange(values: FilterSlot[]): void
  label: string
}

/**
 * The value list of `in` / `not_in`: one tag per value; Enter, Tab or a comma adds what is typed (a pasted
 * `a, b, c` adds three), Backspace in the empty input removes the last tag.
 */
export function TagListInput({ kind, values, onChange, label }: TagListProps) {
  const [text, setText] = useState('')
  const [invalid, setInvalid] = useState(false)
  const add = (raw: string): boolean => {
    const parts = raw
      .split(/[,\n]/)
      .map((part) => part.trim())
      .filter((part) => part !== '')
    const parsed = parts.map((part) => parseInputText(kind === 'boolean' ? 'boolean' : kind, part))
    if (parsed.some((part) => part === undefined)) {
      setInvalid(true)
      return false
    }
    if (parsed.length > 0) onChange([...values, ...parsed])
    setText('')
    setInvalid(false)
    return true
  }
  return (
    <div className={`tag-list${invalid ? ' tag-list--invalid' : ''}`}>
      {values.map((value, index) => (
        <span key={index} className="tag-list__tag">
          {String(value)}
          <button
            type="button"
            aria-label={`Remove ${String(value)}`}
            onClick={() => onChange(values.filter((_, i) => i !== index))}
          >
            ×
          </button>
        </span>
      ))}
      <input
        data-testid="filter-value-input"
        value={text}
        placeholder={values.length === 0 ? `${PLACEHOLDERS[kind] || 'value'}, …  ↵` : 'add…'}
        aria-label={label}
        spellCheck={false}
        onChange={(event) => {
          const next = event.target.value
          if (next.includes(',')) add(next)
          else {
            setText(next)
            setInvalid(false)
          }
        }}
        onKeyDown={(event) => {
          if (event.ctrlKey || event.metaKey) return
          if ((event.key === 'Enter' || event.key === 'Tab') && text.trim() !== '') {
            if (add(text) || event.key === 'Enter') event.preventDefault()
          } else if (event.key === 'Backspace' && text === '' && values.length > 0) {
            onChange(values.slice(0, -1))
          }
        }}
        onBlur={() => {
          if (text.trim() !== '') add(text)
        }}
      />
    </div>
  )
}
