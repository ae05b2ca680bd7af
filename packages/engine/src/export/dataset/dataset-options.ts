import type { Schema } from 'apache-arrow'
import { EngineError } from '../../api/contract/errors.js'

/** The names of the three splits, in routing order. */
export const SPLIT_NAMES = ['train', 'validation', 'test'] as const
/** One of `train`, `validation`, `test`. */
export type SplitName = (typeof SPLIT_NAMES)[number]

/**
 * A deterministic train/validation/test split: each row goes to the split its key's unit number falls in
 * (`UnitHasher` with purpose `split`): `u < train` → train, `u < train + validation` → validation, else test.
 */
export interface SplitSpec {
  /** Column of the exported file (after renames) whose value decides the split. */
  key: string
  /** Unsigned 32-bit seed; default 0. Another seed gives another split. */
  seed: number
  /** Shares of rows, each in [0, 1], summing to 1. A split of ratio 0 gets no file. */
  ratios: Readonly<Record<SplitName, number>>
}

/**
 * Reproducible sampling, before the split. Each row gets a unit number (`UnitHasher` with purpose `sample`) from
 * its `key` value, or from its ordinal in the result when there is no key (reproducible only when the query's row
 * order is, so add an ORDER BY). `fraction`: the rows whose number is below it. `rows`: the rows with the `rows`
 * smallest numbers (bottom-k), exactly `rows` unless the key has duplicates, whose rows are kept or dropped
 * together.
 */
export interface SampleSpec {
  rows: number | null
  fraction: number | null
  /** Unsigned 32-bit seed. */
  seed: number
  key: string | null
}

/** Largest row count sampling keeps (its heap takes 8 bytes per row: 80 MB). */
export const MAX_SAMPLE_ROWS = 10_000_000
/** Smallest part size, in bytes. */
export const MIN_PART_BYTES = 1024
const UINT32_MAX = 0xffffffff
const RATIO_TOLERANCE = 1e-9

/**
 * Checks a split against the result schema.
 * @throws EngineError `BAD_INPUT` when the key column is missing or ambiguous, the seed is not an unsigned 32-bit
 *   integer, or the ratios are outside [0, 1], sum to something else than 1 or are all 0.
 */
export function checkSplit(spec: SplitSpec, schema: Schema): void {
  findColumn(schema, spec.key, 'split key')
  checkSeed(spec.seed, 'split seed')
  const ratios = SPLIT_NAMES.map((name) => spec.ratios[name])
  if (ratios.some((ratio) => !(Number.isFinite(ratio) && ratio >= 0 && ratio <= 1))) {
    throw new EngineError('BAD_INPUT', `split ratios must each lie in [0, 1], got ${JSON.stringify(spec.ratios)}`)
  }
  const sum = ratios.reduce((a, b) => a + b, 0)
  if (Math.abs(sum - 1) > RATIO_TOLERANCE) {
    throw new EngineError('BAD_INPUT', `split ratios must sum to 1, got ${sum} (${JSON.stringify(spec.ratios)})`)
  }
}

/**
 * Checks a sample against the result schema.
 * @throws EngineError `BAD_INPUT` unless exactly one of `rows` (1 … 10 000 000) and `fraction` (0 < f ≤ 1) is
 *   given, the seed is an unsigned 32-bit integer and the key column (when named) exists once.
 */
export function checkSample(spec: SampleSpec, schema: Schema): void {
  if ((spec.rows === null) === (spec.fraction === null)) {
    throw new EngineError('BAD_INPUT', 'a sample takes either rows or fraction, not both and not neither')
  }
  if (spec.rows !== null && !(Number.isSafeInteger(spec.rows) && spec.rows >= 1 && spec.rows <= MAX_SAMPLE_ROWS)) {
    throw new EngineError(
      'BAD_INPUT',
      `sample rows must be a whole number from 1 to ${MAX_SAMPLE_ROWS}, got ${spec.rows}`,
    )
  }
  if (spec.fraction !== null && !(spec.fraction > 0 && spec.fraction <= 1)) {
    throw new EngineError('BAD_INPUT', `sample fraction must lie in (0, 1], got ${spec.fraction}`)
  }
  checkSeed(spec.seed, 'sample seed')
  if (spec.key !== null) findColumn(schema, spec.key, 'sample key')
}

/**
 * The position of column `name` in `schema`.
 * @throws EngineError `BAD_INPUT` naming the columns when there is no such column or more than one.
 */
export function findColumn(schema: Schema, name: string, role: string): number {
  const matches = schema.fields.flatMap((field, i) => (field.name === name ? [i] : []))
  if (matches.length !== 1) {
    const names = schema.fields.map((field) => JSON.stringify(field.name)).join(', ')
    const problem = matches.length === 0 ? 'is not a column of the result' : 'names several columns of the result'
    throw new EngineError('BAD_INPUT', `the ${role} "${name}" ${problem}; the columns are ${names}`, { column: name })
  }
  return matches[0] as number
}

function checkSeed(seed: number, role: string): void {
  if (!(Number.isSafeInteger(seed) && seed >= 0 && seed <= UINT32_MAX)) {
    throw new EngineError('BAD_INPUT', `the ${role} must be a whole number from 0 to ${UINT32_MAX}, got ${seed}`)
  }
}
