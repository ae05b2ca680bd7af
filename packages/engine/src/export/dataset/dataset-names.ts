import { FORMAT_EXTENSION, type FileFormat } from '../format-settings.js'
import type { SplitName } from './dataset-options.js'

/**
 * The file names of one export, all in one folder, from the name asked for (`flights.parquet`) and its format:
 * - one file: the name as asked;
 * - a split: `flights.train.parquet`, `flights.validation.parquet`, `flights.test.parquet`;
 * - parts: `flights.part-0001.parquet`, … (split and parts: `flights.train.part-0001.parquet`);
 * - the manifest: `flights.manifest.json`.
 * The stem is the name without the format's extension (kept whole when it has another one).
 */
export class DatasetNames {
  readonly stem: string
  readonly #extension: string

  constructor(
    readonly fileName: string,
    format: FileFormat,
  ) {
    this.#extension = FORMAT_EXTENSION[format]
    const suffix = `.${this.#extension}`
    this.stem =
      fileName.endsWith(suffix) && fileName.length > suffix.length ? fileName.slice(0, -suffix.length) : fileName
  }

  /** The name of a data file; `split` and `part` (1-based) are null when the export has no split or parts. */
  file(split: SplitName | null, part: number | null): string {
    if (split === null && part === null) return this.fileName
    const splitPart = split === null ? '' : `.${split}`
    const partPart = part === null ? '' : `.part-${String(part).padStart(4, '0')}`
    return `${this.stem}${splitPart}${partPart}.${this.#extension}`
  }

  /**
   * True when `name` is one this export could write: the one-file name, or the stem followed by split or part
   * and the format's extension. An earlier export of the same stem in another format is not this export's.
   */
  owns(name: string): boolean {
    if (name === this.fileName) return true
    const rest = name.startsWith(`${this.stem}.`) ? name.slice(this.stem.length) : null
    return (
      rest !== null &&
      /^(\.(train|validation|test))?(\.part-\d{4,})?\.[a-z]+$/.test(rest) &&
      rest.endsWith(`.${this.#extension}`)
    )
  }

  /** The manifest's name. */
  get manifest(): string {
    return `${this.stem}.manifest.json`
  }

  /** Where count sampling spills its candidates (a hidden temporary file is made beside this name). */
  get spill(): string {
    return `${this.stem}.sample-spill`
  }
}
