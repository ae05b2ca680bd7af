import { describe, expect, it } from 'vitest'
import { engineErrorMarkers, problemMarkers } from './filter-markers.utils'
import { locateJsonPath, parseIssuePath, parseJsonRanges } from './json-locate.utils'

const TEXT = `{
  "filters": {
    "$and": [
      { "origin": { "eq": "SFO" } },
      { "delay": { "$gt": "abc" } }
    ]
  },
  "limit": 10
}`

const slice = (range: { start: number; end: number }): string => TEXT.slice(range.start, range.end)

describe('parseIssuePath', () => {
  it('reads dotted keys, indexes and quoted keys', () => {
    expect(parseIssuePath('filters.$and[1].delay.$gt')).toEqual(['filters', '$and', 1, 'delay', '$gt'])
    expect(parseIssuePath('filters["Flight No"].gt')).toEqual(['filters', 'Flight No', 'gt'])
    expect(parseIssuePath('order_by[0]')).toEqual(['order_by', 0])
    expect(parseIssuePath('')).toEqual([])
  })
})

describe('locateJsonPath', () => {
  it('finds a member from its key to the end of its value, and array items', () => {
    expect(slice(locateJsonPath(TEXT, ['filters', '$and', 1, 'delay', '$gt'])!.range)).toBe('"$gt": "abc"')
    expect(slice(locateJsonPath(TEXT, ['filters', '$and', 0])!.range)).toBe('{ "origin": { "eq": "SFO" } }')
    expect(locateJsonPath(TEXT, [])).toEqual({ range: { start: 0, end: TEXT.length }, exact: true })
  })

  it('falls back to the deepest existing part, and gives null for text that is not JSON', () => {
    const found = locateJsonPath(TEXT, ['filters', '$and', 1, 'delay', 'lt'])!
    expect(found.exact).toBe(false)
    expect(slice(found.range)).toBe('"delay": { "$gt": "abc" }')
    expect(locateJsonPath('{ "a": ', ['a'])).toBeNull()
  })

  it('reports where a syntax error is', () => {
    expect(parseJsonRanges('{ "a": 1 "b": 2 }').error).toEqual({ offset: 9, message: 'expected "," or "}"' })
    expect(parseJsonRanges('[1, 2').error?.message).toBe('expected "," or "]"')
    expect(parseJsonRanges('{"a": tru}').error?.message).toBe('unexpected "t"')
  })
})

describe('engineErrorMarkers', () => {
  it('maps each engine issue to its place in the text, by at segments or by path', () => {
    const markers = engineErrorMarkers(TEXT, {
      code: 'BAD_INPUT',
      message: '2 problems in the query: …',
      detail: {
        path: 'filters.$and[1].delay.$gt',
        issues: [
          {
            path: 'filters.$and[1].delay.$gt',
            at: ['filters', '$and', 1, 'delay', '$gt'],
            message: '"abc" is not an integer',
          },
          { path: 'filters.$and[0].origin.eq', message: 'unknown column "origin"' },
        ],
      },
    })
    expect(markers.map((m) => [slice(m.range), m.message, m.severity])).toEqual([
      ['"$gt": "abc"', '"abc" is not an integer', 'error'],
      ['"eq": "SFO"', 'unknown column "origin"', 'error'],
    ])
  })

  it('uses detail.path without issues, and the whole text without a path', () => {
    const byPath = engineErrorMarkers(TEXT, {
      code: 'BAD_INPUT',
      message: 'limit is negative',
      detail: { path: 'limit' },
    })
    expect(byPath.map((m) => [slice(m.range), m.message])).toEqual([['"limit": 10', 'limit is negative']])
    const whole = engineErrorMarkers(TEXT, { code: 'HUB_UNAVAILABLE', message: 'the hub is not running' })
    expect(whole[0]!.range).toEqual({ start: 0, end: TEXT.length })
    expect(
      engineErrorMarkers('{ "filters": ', { code: 'BAD_INPUT', message: 'x', detail: { path: 'filters' } }),
    ).toEqual([])
  })

  it('names the missing field when the path goes deeper than the text', () => {
    const markers = engineErrorMarkers(TEXT, {
      code: 'BAD_INPUT',
      message: 'x',
      detail: { issues: [{ path: 'filters.$or', message: 'needs a list' }] },
    })
    expect(markers[0]!.message).toBe('needs a list (at filters.$or)')
    expect(slice(markers[0]!.range)).toMatch(/^"filters"/)
  })
})

describe('problemMarkers', () => {
  it('marks what the builder cannot show as warnings', () => {
    const markers = problemMarkers(TEXT, [{ at: ['limit'], message: 'limit is a whole number of rows' }])
    expect(markers).toEqual([
      {
        range: locateJsonPath(TEXT, ['limit'])!.range,
        message: 'limit is a whole number of rows',
        severity: 'warning',
      },
    ])
  })
})
