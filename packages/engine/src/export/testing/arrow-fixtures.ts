import {
  DataType,
  Field,
  RecordBatch,
  Schema,
  Struct,
  makeData,
  vectorFromArray,
  type Data,
  type Decimal,
  type List,
} from 'apache-arrow'

/** One test column: its Arrow type, the PostgreSQL type it stands for and its values (`null` = SQL NULL). */
export interface ColumnSpec {
  name: string
  type: DataType
  pgType: string
  /** int64, timestamp, time64: bigint; decimal: the unscaled bigint; date: days since 1970; list: arrays. */
  values: readonly unknown[]
  /** Extra field metadata (say `ARROW:extension:name`). */
  metadata?: Record<string, string>
}

/** A schema and one batch built from column specs, with `idw:pg_type` on every field as the exec room does. */
export function buildBatch(columns: readonly ColumnSpec[]): { schema: Schema; batch: RecordBatch } {
  const fields = columns.map(
    (column) =>
      new Field(
        column.name,
        column.type,
        true,
        new Map([['idw:pg_type', column.pgType], ...Object.entries(column.metadata ?? {})]),
      ),
  )
  const schema = new Schema(fields)
  const length = columns[0]?.values.length ?? 0
  const children = columns.map((column) => makeColumn(column.type, column.values))
  return {
    schema,
    batch: new RecordBatch(schema, makeData({ type: new Struct(fields), length, nullCount: 0, children })),
  }
}

/** Arrow data of `type` holding `values`, built buffer by buffer so every type gets exactly its layout. */
export function makeColumn(type: DataType, values: readonly unknown[]): Data {
  const length = values.length
  const nullBitmap = new Uint8Array(Math.ceil(length / 8))
  let nullCount = 0
  values.forEach((value, i) => {
    if (value === null) nullCount += 1
    else nullBitmap[i >> 3] = (nullBitmap[i >> 3] ?? 0) | (1 << (i & 7))
  })
  if (DataType.isList(type)) {
    const listType = type as List
    const valueOffsets = new Int32Array(length + 1)
    const flat: unknown[] = []
    values.forEach((value, i) => {
      if (value !== null) flat.push(...(value as unknown[]))
      valueOffsets[i + 1] = flat.length
    })
    const child = makeColumn((listType.children[0] as Field).type, flat)
    return makeData({ type: listType, length, nullCount, nullBitmap, valueOffsets, child })
  }
  if (DataType.isDecimal(type)) {
    const words = new Uint32Array(length * 4)
    values.forEach((value, i) => {
      let rest = BigInt.asUintN(128, (value as bigint | null) ?? 0n)
      for (let k = 0; k < 4; k++, rest >>= 32n) words[i * 4 + k] = Number(rest & 0xffffffffn)
    })
    return makeData({ type: type as Decimal, length, nullCount, nullBitmap, data: words })
  }
  if (isWide(type)) {
    const data = new BigInt64Array(length)
    values.forEach((value, i) => (data[i] = (value as bigint | null) ?? 0n))
    return makeData({ type, length, nullCount, nullBitmap, data } as never)
  }
  if (DataType.isInt(type) || DataType.isFloat(type) || DataType.isDate(type)) {
    const ArrayType = type.ArrayType as new (length: number) => Int32Array
    const data = new ArrayType(length)
    values.forEach((value, i) => (data[i] = (value as number | null) ?? 0))
    return makeData({ type, length, nullCount, nullBitmap, data } as never)
  }
  return vectorFromArray(values as unknown[], type).data[0] as Data
}

/** Types stored as 64-bit integers (values given as bigint). */
function isWide(type: DataType): boolean {
  return (
    (DataType.isInt(type) && type.bitWidth === 64) ||
    DataType.isTimestamp(type) ||
    (DataType.isTime(type) && type.bitWidth === 64)
  )
}

/** Yields `count` batches made by `make(index)`, lazily, so a test can stream millions of rows. */
export async function* generateBatches(
  count: number,
  make: (index: number) => RecordBatch,
): AsyncGenerator<RecordBatch> {
  for (let index = 0; index < count; index++) yield make(index)
}
