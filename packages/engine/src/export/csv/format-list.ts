import type { Data, Field, List } from 'apache-arrow'
import { isValid, nullText, validityOf, type TextMode } from './column-data.js'
import { csvField } from './csv-quote.js'
import { formatColumn } from './format-column.js'

/**
 * Lists (PostgreSQL arrays) as compact JSON arrays, `[1,null,3]`: numbers and booleans bare, text, dates, times
 * and bytea as JSON strings, json values embedded as they are, nested lists nested. In CSV the JSON text is
 * one field, quoted when needed.
 */
export function formatLists(data: Data<List>, mode: TextMode): string[] {
  const offsets = data.valueOffsets
  const start = offsets[0] ?? 0
  const end = offsets[data.length] ?? start
  const child = data.children[0]
  const childField = data.type.children[0] as Field
  const items =
    child === undefined || end === start ? [] : formatColumn(child.slice(start, end - start), childField, 'json')
  const bitmap = validityOf(data)
  const empty = nullText(mode)
  const out = new Array<string>(data.length)
  for (let i = 0; i < data.length; i++) {
    if (bitmap !== null && !isValid(bitmap, data.offset + i)) {
      out[i] = empty
      continue
    }
    const from = (offsets[i] ?? 0) - start
    const to = (offsets[i + 1] ?? 0) - start
    let text = '['
    for (let k = from; k < to; k++) text += (k === from ? '' : ',') + items[k]
    text += ']'
    out[i] = mode === 'csv' ? csvField(text) : text
  }
  return out
}
