import { Field, Int64, RecordBatch, Schema, Struct, TimeUnit, Timestamp, Utf8, makeData } from 'apache-arrow'

const AIRPORTS = 'ATL ORD DFW DEN LAX SFO SEA JFK BOS MIA PHX IAH LAS MSP DTW PHL CLT EWR SLC BWI'.split(' ')
/** 2001-01-01 00:00:00 UTC in microseconds. */
const FIRST_DEPARTURE_US = 978_307_200_000_000n

const TIMESTAMP = new Timestamp(TimeUnit.MICROSECOND)
const INT64 = new Int64()
const UTF8 = new Utf8()

/** The shape of the demo's flights table: timestamp, int8, int8, text, text. */
export const FLIGHTS_SCHEMA = new Schema([
  new Field('date', TIMESTAMP, true, new Map([['idw:pg_type', 'timestamp']])),
  new Field('delay', INT64, true, new Map([['idw:pg_type', 'int8']])),
  new Field('distance', INT64, true, new Map([['idw:pg_type', 'int8']])),
  new Field('origin', UTF8, true, new Map([['idw:pg_type', 'text']])),
  new Field('destination', UTF8, true, new Map([['idw:pg_type', 'text']])),
])

/** Delay of flight `row`, in minutes (deterministic, so tests can sum it). */
export function flightDelay(row: number): number {
  return ((row * 7919) % 241) - 60
}

/** Flights `firstRow` … `firstRow + rows - 1`, one departure every 37 s, built buffer by buffer (fast). */
export function flightsBatch(firstRow: number, rows: number): RecordBatch {
  const dates = new BigInt64Array(rows)
  const delays = new BigInt64Array(rows)
  const distances = new BigInt64Array(rows)
  const origins = new Uint8Array(rows * 3)
  const destinations = new Uint8Array(rows * 3)
  const offsets = Int32Array.from({ length: rows + 1 }, (_, i) => i * 3)
  for (let i = 0; i < rows; i++) {
    const row = firstRow + i
    dates[i] = FIRST_DEPARTURE_US + BigInt(row) * 37_000_000n
    delays[i] = BigInt(flightDelay(row))
    distances[i] = BigInt(100 + ((row * 31) % 2500))
    origins.set(Buffer.from(AIRPORTS[row % AIRPORTS.length] as string), i * 3)
    destinations.set(Buffer.from(AIRPORTS[(row * 7 + 3) % AIRPORTS.length] as string), i * 3)
  }
  const children = [
    makeData({ type: TIMESTAMP, length: rows, nullCount: 0, data: dates }),
    makeData({ type: INT64, length: rows, nullCount: 0, data: delays }),
    makeData({ type: INT64, length: rows, nullCount: 0, data: distances }),
    makeData({ type: UTF8, length: rows, nullCount: 0, data: origins, valueOffsets: offsets }),
    makeData({ type: UTF8, length: rows, nullCount: 0, data: destinations, valueOffsets: offsets }),
  ]
  return new RecordBatch(
    FLIGHTS_SCHEMA,
    makeData({ type: new Struct(FLIGHTS_SCHEMA.fields), length: rows, nullCount: 0, children }),
  )
}

/** `totalRows` flights in batches of `batchRows`, generated lazily. */
export async function* flights(totalRows: number, batchRows: number): AsyncGenerator<RecordBatch> {
  for (let first = 0; first < totalRows; first += batchRows)
    yield flightsBatch(first, Math.min(batchRows, totalRows - first))
}
