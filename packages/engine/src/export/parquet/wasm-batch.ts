import { RecordBatch, Struct, Table, makeBuilder, makeData, tableToIPC, type Schema } from 'apache-arrow'
import { Table as WasmTable, type RecordBatch as WasmRecordBatch } from 'parquet-wasm'
import { EngineError } from '../../api/contract/errors.js'

/**
 * Copies one Arrow JS batch into parquet-wasm's memory through an Arrow IPC stream (the only way in without
 * the C data interface). The batch takes `schema`, so every batch carries the result's field metadata and the
 * Parquet writer sees one schema. Memory: the IPC bytes and the WebAssembly copy, one batch at a time; the
 * returned batch is consumed (freed) by the Parquet writer.
 * @throws EngineError `EXPORT_FAILED` when parquet-wasm does not read the IPC stream back as one batch.
 */
export function toWasmBatch(schema: Schema, batch: RecordBatch): WasmRecordBatch {
  const ipc = tableToIPC(new Table([new RecordBatch(schema, batch.data)]), 'stream')
  const table = WasmTable.fromIPCStream(ipc)
  try {
    const copied = table.recordBatch(0)
    if (copied === undefined) {
      throw new EngineError('EXPORT_FAILED', 'parquet-wasm read no batch from the Arrow IPC stream')
    }
    return copied
  } finally {
    table.free()
  }
}

/** A batch of no rows with `schema`, so that an empty result still becomes a Parquet file with its columns. */
export function emptyBatch(schema: Schema): RecordBatch {
  const children = schema.fields.map((field) => makeBuilder({ type: field.type }).finish().flush())
  return new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: 0, nullCount: 0, children }))
}
