import type { FilterScalar } from './filter-state.utils'
import { operatorInfo } from './filter-operators.utils'
import type { ColumnFamily } from './filter-operators.utils'

/** The input one value is typed into, by column family. */
export type InputKind = 'text' | 'integer' | 'decimal' | 'boolean' | 'date' | 'datetime' | 'time' | 'uuid' | 'interval'

/**
 * The value widget of a condition: nothing (`is_null`), one input, two inputs (`between`), a tag list
 * (`in`/`not_in`), a true/false choice (`$exists`), or a checkbox (a boolean column's value).
 */
export type ValueWidget =
  | { kind: 'none' }
  | { kind: 'single'; input: InputKind }
  | { kind: 'pair'; input: InputKind }
  | { kind: 'list'; input: InputKind }
  | { kind: 'flag' }

const INPUTS: Readonly<Record<ColumnFamily, InputKind>> = {
  integer: 'integer',
  numeric: 'decimal',
  float: 'decimal',
  text: 'text',
  boolean: 'boolean',
  date: 'date',
  timestamp: 'datetime',
  timestamptz: 'datetime',
  time: 'time',
  timetz: 'time',
  interval: 'interval',
  uuid: 'uuid',
  json: 'text',
  bytea: 'text',
  array: 'text',
  other: 'text',
}

/**
 * The widget for `operator` on a column of `family`: pattern operators (`like`, `$regex`) always take text;
 * `is_null`/`is_not_null` take no value; `$exists` takes true/false.
 */
export function chooseWidget(family: ColumnFamily, operator: string): ValueWidget {
  const info = operatorInfo(operator)
  if (info === undefined) return { kind: 'single', input: 'text' }
  const input = info.needs === 'text' ? 'text' : INPUTS[family]
  switch (info.arity) {
    case 'flag':
      return operator === '$exists' ? { kind: 'flag' } : { kind: 'none' }
    case 'pair':
      return { kind: 'pair', input }
    case 'list':
      return { kind: 'list', input }
    case 'value':
      return { kind: 'single', input }
  }
}

const SAFE_DECIMAL = /^-?(?:0|[1-9]\d{0,14})(?:\.\d{1,6})?$/

/**
 * The filter value for text typed into an input of `kind`; undefined while the text is blank or not a value of
 * that kind yet. Integers become JSON numbers while exact, else digit strings (int8 keeps every digit); decimals
 * become numbers only when the number prints back as typed (`12.50` stays `"12.50"`); dates, times and UUIDs stay
 * strings (what the engine accepts); a `datetime-local` value (`2024-01-02T10:30`) is sent with a space.
 */
export function parseInputText(kind: InputKind, text: string): FilterScalar | undefined {
  const value = text.trim()
  if (value === '') return undefined
  switch (kind) {
    case 'integer': {
      if (!/^[+-]?\d+$/.test(value)) return undefined
      const number = Number(value)
      return Number.isSafeInteger(number) && String(number) === value.replace(/^\+/, '') ? number : value
    }
    case 'decimal': {
      if (!/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/.test(value) && !/^(NaN|[+-]?Infinity)$/.test(value)) {
        return undefined
      }
      return SAFE_DECIMAL.test(value) && String(Number(value)) === value ? Number(value) : value
    }
    case 'boolean':
      return value === 'true' ? true : value === 'false' ? false : undefined
    case 'datetime':
      return value.replace(/^(\d{4}-\d{2}-\d{2})T/, '$1 ')
    default:
      return text
  }
}

/**
 * The text an input of `kind` shows for a filter value: '' for none; a date-time with `T` (what
 * `<input type="datetime-local">` reads), without a zone offset it cannot show.
 */
export function formatInputValue(kind: InputKind, value: FilterScalar | null | undefined): string {
  if (value === undefined || value === null) return ''
  const text = String(value)
  if (kind !== 'datetime') return text
  const match = /^(\d{4}-\d{2}-\d{2})(?:[Tt ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?/.exec(text)
  if (match === null) return text
  return match[2] === undefined ? `${match[1]}T00:00` : `${match[1]}T${match[2]}`
}

/** The HTML input type of a kind (`number`, `date`, `datetime-local`, `time`, or `text`). */
export function htmlInputType(kind: InputKind): string {
  switch (kind) {
    case 'integer':
    case 'decimal':
      return 'number'
    case 'date':
      return 'date'
    case 'datetime':
      return 'datetime-local'
    case 'time':
      return 'time'
    default:
      return 'text'
  }
}
