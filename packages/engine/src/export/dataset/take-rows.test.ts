import { DataType, Vector, type RecordBatch } from 'apache-arrow'
import { describe, expect, it } from 'vitest'
import { buildBatch } from '../testing/arrow-fixtures.js'
import { LIST_CASES } from '../testing/list-cases.js'
import { SCALAR_CASES } from '../testing/scalar-cases.js'
import { takeRows } from './take-rows.js'

const CASES = [...SCALAR_CASES, ...LIST_CASES]

/** A value as plain data, comparable with toEqual (NaN and -0 kept apart by Object.is inside toEqual). */
function plain(value: unknown): unknown {
  if (value instanceof Vector) return [...value].map(plain)
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>)
  if (typeof value === 'bigint') return `${value}n`
  return value
}

function rowsOf(batch: RecordBatch): unknown[][] {
  return batch.schema.fields.map((_, c) => [...(batch.getChildAt(c) as Vector)].map(plain))
}

describe('takeRows', () => {
  const { schema, batch } = buildBatch(CASES)

  it('takes rows in any order, repeated, for every type of the type map', () => {
    const indices = Int32Array.of(3, 0, 2, 2, 1)
    const taken = takeRows(batch, schema, indices, indices.length)

    expect(taken.numRows).toBe(5)
    expect(taken.schema.fields.map((field) => [field.name, field.metadata.get('idw:pg_type')])).toEqual(
      schema.fields.map((field) => [field.name, field.metadata.get('idw:pg_type')]),
    )
    const source = rowsOf(batch)
    const result = rowsOf(taken)
    CASES.forEach((column, c) => {
      expect({ column: column.name, values: result[c] }).toEqual({
        column: column.name,
        values: [...indices].map((i) => source[c]?.[i]),
      })
      expect(String(taken.data.children[c]?.type)).toBe(String(column.type))
      expect(taken.getChildAt(c)?.nullCount).toBe(1)
    })
  })

  it('takes from a sliced batch and uses only the first `count` indices', () => {
    const sliced = batch.slice(1, 4)
    const taken = takeRows(sliced, schema, Int32Array.of(2, 0, 99), 2)
    const source = rowsOf(batch)
    const result = rowsOf(taken)
    CASES.forEach((column, c) => {
      expect({ column: column.name, values: result[c] }).toEqual({
        column: column.name,
        values: [source[c]?.[3], source[c]?.[1]],
      })
    })
  })

  it('takes no rows', () => {
    const taken = takeRows(batch, schema, new Int32Array(0), 0)
    expect(taken.numRows).toBe(0)
    expect(taken.schema.fields.map((field) => DataType.isList(field.type))).toEqual(
      schema.fields.map((field) => DataType.isList(field.type)),
    )
  })
})
