import { describe, expect, it } from 'vitest'
import { DEFAULT_DRAFT, buildExportInput, exportedName, parseRatios } from './export-options.utils'

describe('parseRatios', () => {
  it('reads percent and fraction triples', () => {
    expect(parseRatios('80/10/10')).toEqual({ train: 0.8, validation: 0.1, test: 0.1 })
    expect(parseRatios(' 0.7 : 0.2 : 0.1 ')).toEqual({ train: 0.7, validation: 0.2, test: 0.1 })
    expect(parseRatios('60 20 20')).toEqual({ train: 0.6, validation: 0.2, test: 0.2 })
  })

  it('reads a pair as train/test', () => {
    expect(parseRatios('70/30')).toEqual({ train: 0.7, validation: 0, test: 0.3 })
  })

  it('says what is wrong', () => {
    expect(parseRatios('80/10/5')).toEqual({ error: 'ratios add up to 95, not 100' })
    expect(parseRatios('80')).toEqual({ error: 'give two or three ratios, e.g. 80/10/10' })
    expect(parseRatios('a/b/c')).toEqual({ error: 'ratios are numbers ≥ 0, e.g. 80/10/10' })
    expect(parseRatios('-10/100/10')).toHaveProperty('error')
  })
})

describe('buildExportInput', () => {
  it('sends the format and its own options only', () => {
    expect(buildExportInput('SELECT 1', DEFAULT_DRAFT)).toEqual({
      sql: 'SELECT 1',
      format: 'parquet',
      compression: 'zstd',
      rowGroupRows: 122_880,
    })
    expect(buildExportInput('SELECT 1', { ...DEFAULT_DRAFT, format: 'csv', delimiter: ';', header: false })).toEqual({
      sql: 'SELECT 1',
      format: 'csv',
      delimiter: ';',
      header: false,
    })
    expect(buildExportInput('SELECT 1', { ...DEFAULT_DRAFT, format: 'jsonl', fileStem: 'flights' })).toEqual({
      sql: 'SELECT 1',
      format: 'jsonl',
      fileName: 'flights.jsonl',
    })
  })

  it('builds a dataset: split by key, seeded sample, parts, renames and casts', () => {
    const input = buildExportInput('SELECT * FROM flights.flights', {
      ...DEFAULT_DRAFT,
      format: 'csv',
      splitKey: 'origin',
      splitRatios: '80/10/10',
      splitSeed: '7',
      sampleMode: 'fraction',
      sampleValue: '10%',
      sampleSeed: '42',
      partMode: 'parts',
      partMegabytes: '64',
      renames: { delay: 'delay_minutes', origin: '' },
      casts: { distance: 'float8', delay: ' ' },
      rowCount: 'count',
    })
    expect(input).toEqual({
      sql: 'SELECT * FROM flights.flights',
      format: 'csv',
      delimiter: ',',
      header: true,
      split: { key: 'origin', ratios: { train: 0.8, validation: 0.1, test: 0.1 }, seed: 7 },
      sample: { fraction: 0.1, seed: 42, key: 'origin' },
      partBytes: 64_000_000,
      rename: { delay: 'delay_minutes' },
      cast: { distance: 'float8' },
      rowCount: 'count',
    })
  })

  it('names the field that is not valid', () => {
    expect(buildExportInput('x', { ...DEFAULT_DRAFT, splitKey: 'id', splitRatios: '50/10' })).toEqual({
      error: 'split: ratios add up to 60, not 100',
    })
    expect(buildExportInput('x', { ...DEFAULT_DRAFT, rowGroupRows: '0' })).toHaveProperty('error')
    expect(buildExportInput('x', { ...DEFAULT_DRAFT, sampleMode: 'rows', sampleValue: '1.5' })).toHaveProperty('error')
    expect(buildExportInput('x', { ...DEFAULT_DRAFT, fileStem: '../etc' })).toHaveProperty('error')
  })

  it('names columns after renames', () => {
    expect(exportedName({ ...DEFAULT_DRAFT, renames: { a: 'b' } }, 'a')).toBe('b')
    expect(exportedName(DEFAULT_DRAFT, 'a')).toBe('a')
  })
})
