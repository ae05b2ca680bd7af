import type { RecordBatch, Schema } from 'apache-arrow'
import { EngineError } from '../api/contract/errors.js'

/**
 * Checks that a batch has the result schema's columns and Arrow types, so every sink can rely on `schema`
 * for names, types and field metadata.
 * @throws EngineError `EXPORT_FAILED` naming the first column that differs.
 */
export function assertBatchMatchesSchema(schema: Schema, batch: RecordBatch): void {
  const expected = schema.fields
  const actual = batch.schema.fields
  if (actual.length !== expected.length) {
    throw new EngineError(
      'EXPORT_FAILED',
      `a result batch has ${actual.length} columns but the result schema has ${expected.length}`,
    )
  }
  expected.forEach((field, index) => {
    const type = actual[index]?.type
    if (String(type) !== String(field.type)) {
      throw new EngineError(
        'EXPORT_FAILED',
        `column "${field.name}" is ${String(field.type)} in the result schema but ${String(type)} in a batch`,
        { column: field.name },
      )
    }
  })
}
