import { EngineError } from '../api/contract/errors.js'

/**
 * Quotes a PostgreSQL identifier: wraps it in double quotes and doubles every inner double quote, so case,
 * spaces and punctuation are kept exactly (`Flight "No"` → `"Flight ""No"""`). Every name the query builder
 * writes goes through here, always quoted, so a name never needs to be checked against the keyword list.
 * @throws EngineError `INTERNAL` for an empty name or one holding a NUL character, which no catalog name can be.
 */
export function quoteIdentifier(name: string): string {
  if (name.length === 0 || name.includes('\u0000')) {
    throw new EngineError('INTERNAL', 'an identifier must be a non-empty name without NUL characters', {
      identifier: name.replaceAll('\u0000', '\\0'),
    })
  }
  return `"${name.replaceAll('"', '""')}"`
}
