import { DateDay, Decimal, Field, Int32, List, TimeUnit, Timestamp, Utf8 } from 'apache-arrow'
import { describe, expect, it } from 'vitest'
import { buildBatch } from '../testing/arrow-fixtures.js'
import { UnitHasher } from './unit-hash.js'

// Expected numbers from a C program over the reference MurmurHash3_x86_32:
// u = (h1 * 2^21 + (h2 >> 11)) / 2^53, h1 = murmur3(input, seed), h2 = murmur3(input, seed ^ 0x9E3779B9).
const U = {
  'split:42': 0.81333732855808583,
  'split:1': 0.91365706826329041,
  split: 0.56810876923377651,
  'split:': 0.54290941744867127,
  'split:héllo': 0.40225922230724553,
  'split:2024-01-02 03:04:05.000000': 0.74374699483849649,
  'split:1.50': 0.5996675654297311,
  'split:[1,2,null]': 0.55756452195638129,
  'sample:0': 0.59905553532085154,
  'sample:1': 0.44906837861094373,
}

function column(spec: Parameters<typeof buildBatch>[0][number]) {
  const { schema, batch } = buildBatch([spec])
  return { data: batch.data.children[0]!, field: schema.fields[0] as Field }
}

describe('UnitHasher', () => {
  const split = new UnitHasher('split', 0)

  it('computes the documented formula for key texts, NULL and the empty string apart', () => {
    expect(split.text('42')).toBe(U['split:42'])
    expect(split.text('1')).toBe(U['split:1'])
    expect(split.text(null)).toBe(U.split)
    expect(split.text('')).toBe(U['split:'])
    expect(split.text('héllo')).toBe(U['split:héllo'])
    expect(new UnitHasher('sample', 3).text('7')).toBe(0.82166960037353642)
  })

  it('hashes text columns from their UTF-8 bytes like the same texts', () => {
    const { data, field } = column({ name: 'k', type: new Utf8(), pgType: 'text', values: ['héllo', null, '', '42'] })
    expect([...split.column(data, field)]).toEqual([U['split:héllo'], U.split, U['split:'], U['split:42']])
    const sliced = data.slice(1, 3)
    expect([...split.column(sliced, field)]).toEqual([U.split, U['split:'], U['split:42']])
  })

  it('hashes other types through their CSV spelling, lists through their JSON text', () => {
    const ints = column({ name: 'k', type: new Int32(), pgType: 'int4', values: [42, null, 1] })
    expect([...split.column(ints.data, ints.field)]).toEqual([U['split:42'], U.split, U['split:1']])
    const stamps = column({
      name: 'k',
      type: new Timestamp(TimeUnit.MICROSECOND),
      pgType: 'timestamp',
      values: [1_704_164_645_000_000n],
    })
    expect([...split.column(stamps.data, stamps.field)]).toEqual([U['split:2024-01-02 03:04:05.000000']])
    const amounts = column({ name: 'k', type: new Decimal(2, 10, 128), pgType: 'numeric(10,2)', values: [150n] })
    expect([...split.column(amounts.data, amounts.field)]).toEqual([U['split:1.50']])
    const lists = column({
      name: 'k',
      type: new List(new Field('item', new Int32(), true)),
      pgType: '_int4',
      values: [[1, 2, null]],
    })
    expect([...split.column(lists.data, lists.field)]).toEqual([U['split:[1,2,null]']])
  })

  it('hashes row ordinals as decimal key texts', () => {
    expect([...new UnitHasher('sample', 0).ordinals(0, 2)]).toEqual([U['sample:0'], U['sample:1']])
  })

  it('spreads sequential keys evenly over [0, 1)', () => {
    const { data, field } = column({
      name: 'k',
      type: new DateDay(),
      pgType: 'date',
      values: Array.from({ length: 20_000 }, (_, i) => i),
    })
    const units = split.column(data, field)
    const deciles = new Array<number>(10).fill(0)
    for (const unit of units) deciles[Math.floor(unit * 10)]! += 1
    for (const count of deciles) expect(Math.abs(count - 2000)).toBeLessThan(200)
  })
})
