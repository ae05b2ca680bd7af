import type { Data, Field, RecordBatch, Schema } from 'apache-arrow'
import { SPLIT_NAMES, findColumn, type SplitName, type SplitSpec } from './dataset-options.js'
import { takeRows } from './take-rows.js'
import { UnitHasher } from './unit-hash.js'

/** Rows of one batch bound for one split. */
export interface RoutedBatch {
  split: SplitName
  batch: RecordBatch
}

/**
 * Routes each row of each batch to its split in one pass: the key column's unit numbers (`UnitHasher`, purpose
 * `split`) against the cumulative ratios. A batch whose rows all go to one split passes through uncopied; the
 * others are cut with `takeRows`, keeping row order within each split.
 */
export class SplitRouter {
  readonly #hasher: UnitHasher
  readonly #key: number
  readonly #field: Field
  readonly #bounds: readonly [number, number]
  readonly #indices: Int32Array[] = SPLIT_NAMES.map(() => new Int32Array(0))

  /** @throws EngineError `BAD_INPUT` when the key column is missing or ambiguous. */
  constructor(
    private readonly schema: Schema,
    spec: SplitSpec,
  ) {
    this.#key = findColumn(schema, spec.key, 'split key')
    this.#field = schema.fields[this.#key] as Field
    this.#hasher = new UnitHasher('split', spec.seed)
    this.#bounds = [spec.ratios.train, spec.ratios.train + spec.ratios.validation]
  }

  /** The split of a unit number. */
  splitOf(unit: number): SplitName {
    return unit < this.#bounds[0] ? 'train' : unit < this.#bounds[1] ? 'validation' : 'test'
  }

  /** The non-empty parts of `batch`, one per split that gets rows, in split order. */
  route(batch: RecordBatch): RoutedBatch[] {
    const units = this.#hasher.column(batch.data.children[this.#key] as Data, this.#field)
    const rows = batch.numRows
    if ((this.#indices[0] as Int32Array).length < rows) {
      for (let s = 0; s < SPLIT_NAMES.length; s++) this.#indices[s] = new Int32Array(rows)
    }
    const [train, validation, test] = this.#indices as [Int32Array, Int32Array, Int32Array]
    const [low, high] = this.#bounds
    let trainRows = 0
    let validationRows = 0
    let testRows = 0
    for (let i = 0; i < rows; i++) {
      const unit = units[i] as number
      if (unit < low) train[trainRows++] = i
      else if (unit < high) validation[validationRows++] = i
      else test[testRows++] = i
    }
    const counts = [trainRows, validationRows, testRows]
    const routed: RoutedBatch[] = []
    SPLIT_NAMES.forEach((split, s) => {
      const count = counts[s] as number
      if (count === rows) routed.push({ split, batch })
      else if (count > 0)
        routed.push({ split, batch: takeRows(batch, this.schema, this.#indices[s] as Int32Array, count) })
    })
    return routed
  }
}
