import { describe, expect, it } from 'vitest'
import { EngineError } from '../api/contract/errors.js'
import { compileSelect } from './compile-select.js'
import {
  AndNode,
  BetweenNode,
  ColumnRefNode,
  ComparisonNode,
  InListNode,
  NotNode,
  NullCheckNode,
  OrNode,
  PatternMatchNode,
  ValueNode,
  type FilterNode,
} from './filter-nodes.js'
import { OrderByItemNode, SelectNode, TableRefNode } from './select-node.js'

const col = (name: string) => ColumnRefNode.create(name)
const val = (value: unknown) => ValueNode.create(value)
const from = TableRefNode.create('flights', 'flights')
const PREFIX = 'SELECT "id" FROM "flights"."flights"'

function compileWhere(where: FilterNode) {
  return compileSelect(SelectNode.create({ from, selections: [col('id')], where }))
}

describe('compileSelect', () => {
  it('compiles a bare select with every selected column quoted', () => {
    const node = SelectNode.create({ from, selections: [col('id'), col('delay')] })
    expect(compileSelect(node)).toEqual({ sql: 'SELECT "id", "delay" FROM "flights"."flights"', parameters: [] })
  })

  it.each([
    ['=', '"delay" = $1'],
    ['<>', '"delay" <> $1'],
    ['<', '"delay" < $1'],
    ['<=', '"delay" <= $1'],
    ['>', '"delay" > $1'],
    ['>=', '"delay" >= $1'],
  ] as const)('compiles comparison %s with the value as $1', (op, sql) => {
    expect(compileWhere(ComparisonNode.create(col('delay'), op, val(7)))).toEqual({
      sql: `${PREFIX} WHERE ${sql}`,
      parameters: [7],
    })
  })

  it('compiles BETWEEN with two parameters in order', () => {
    expect(compileWhere(BetweenNode.create(col('delay'), val(5), val(10)))).toEqual({
      sql: `${PREFIX} WHERE "delay" BETWEEN $1 AND $2`,
      parameters: [5, 10],
    })
  })

  it('compiles an in list to = ANY of one array parameter with its cast', () => {
    expect(compileWhere(InListNode.create(col('delay'), ValueNode.create([1, 2, 3], 'int4[]'), false))).toEqual({
      sql: `${PREFIX} WHERE "delay" = ANY($1::int4[])`,
      parameters: [[1, 2, 3]],
    })
  })

  it('compiles a negated list to <> ALL, and without cast when the node has none', () => {
    expect(compileWhere(InListNode.create(col('status'), val(['late', 'gone']), true))).toEqual({
      sql: `${PREFIX} WHERE "status" <> ALL($1)`,
      parameters: [['late', 'gone']],
    })
  })

  it('compiles null checks without parameters', () => {
    expect(compileWhere(NullCheckNode.create(col('delay'), true))).toEqual({
      sql: `${PREFIX} WHERE "delay" IS NULL`,
      parameters: [],
    })
    expect(compileWhere(NullCheckNode.create(col('delay'), false))).toEqual({
      sql: `${PREFIX} WHERE "delay" IS NOT NULL`,
      parameters: [],
    })
  })

  it.each(['LIKE', 'ILIKE', '~', '~*'] as const)('compiles pattern operator %s', (op) => {
    expect(compileWhere(PatternMatchNode.create(col('origin'), op, val('S%')))).toEqual({
      sql: `${PREFIX} WHERE "origin" ${op} $1`,
      parameters: ['S%'],
    })
  })

  it('compiles empty AND as TRUE and empty OR as FALSE', () => {
    expect(compileWhere(AndNode.create([])).sql).toBe(`${PREFIX} WHERE TRUE`)
    expect(compileWhere(OrNode.create([])).sql).toBe(`${PREFIX} WHERE FALSE`)
  })

  it('parenthesizes an OR inside an AND and the operand of NOT, numbering parameters in text order', () => {
    const where = AndNode.create([
      OrNode.create([
        ComparisonNode.create(col('a'), '=', val(1)),
        AndNode.create([ComparisonNode.create(col('b'), '=', val(2)), ComparisonNode.create(col('c'), '=', val(3))]),
      ]),
      NotNode.create(
        OrNode.create([NullCheckNode.create(col('d'), true), ComparisonNode.create(col('d'), '<', val(4))]),
      ),
    ])
    expect(compileWhere(where)).toEqual({
      sql: `${PREFIX} WHERE ("a" = $1 OR ("b" = $2 AND "c" = $3)) AND NOT ("d" IS NULL OR "d" < $4)`,
      parameters: [1, 2, 3, 4],
    })
  })

  it('does not parenthesize a junction nested in one of the same kind', () => {
    const where = OrNode.create([
      ComparisonNode.create(col('a'), '=', val(1)),
      OrNode.create([ComparisonNode.create(col('b'), '=', val(2)), ComparisonNode.create(col('c'), '=', val(3))]),
    ])
    expect(compileWhere(where).sql).toBe(`${PREFIX} WHERE "a" = $1 OR "b" = $2 OR "c" = $3`)
  })

  it('compiles ORDER BY, LIMIT and OFFSET, limit and offset as parameters after the filter values', () => {
    const node = SelectNode.create({
      from,
      selections: [col('id')],
      where: ComparisonNode.create(col('delay'), '>', val(15)),
      orderBy: [
        OrderByItemNode.create(col('delay'), 'DESC', 'LAST'),
        OrderByItemNode.create(col('origin'), 'ASC'),
        OrderByItemNode.create(col('id'), 'ASC', 'FIRST'),
      ],
      limit: val(100),
      offset: val(200),
    })
    expect(compileSelect(node)).toEqual({
      sql: `${PREFIX} WHERE "delay" > $1 ORDER BY "delay" DESC NULLS LAST, "origin" ASC, "id" ASC NULLS FIRST LIMIT $2 OFFSET $3`,
      parameters: [15, 100, 200],
    })
  })

  it('compiles OFFSET without LIMIT', () => {
    const node = SelectNode.create({ from, selections: [col('id')], offset: val(10) })
    expect(compileSelect(node)).toEqual({ sql: `${PREFIX} OFFSET $1`, parameters: [10] })
  })

  it('quotes schema, table and column names with capitals, spaces and double quotes', () => {
    const node = SelectNode.create({
      from: TableRefNode.create('My Schema', 'Flight "Log"'),
      selections: [col('Origin'), col('dep time'), col('a"b')],
      where: ComparisonNode.create(col('a"b'), '=', val('x')),
      orderBy: [OrderByItemNode.create(col('dep time'), 'DESC')],
    })
    expect(compileSelect(node)).toEqual({
      sql: 'SELECT "Origin", "dep time", "a""b" FROM "My Schema"."Flight ""Log""" WHERE "a""b" = $1 ORDER BY "dep time" DESC',
      parameters: ['x'],
    })
  })

  it('keeps a hostile value out of the SQL text', () => {
    const attack = "x'; DROP TABLE flights; --"
    const compiled = compileWhere(ComparisonNode.create(col('origin'), '=', val(attack)))
    expect(compiled.sql).toBe(`${PREFIX} WHERE "origin" = $1`)
    expect(compiled.parameters).toEqual([attack])
  })

  it('returns a frozen query whose parameters cannot be changed', () => {
    const compiled = compileWhere(InListNode.create(col('delay'), ValueNode.create([1, 2], 'int4[]'), false))
    expect(Object.isFrozen(compiled)).toBe(true)
    expect(Object.isFrozen(compiled.parameters)).toBe(true)
    expect(Object.isFrozen(compiled.parameters[0])).toBe(true)
  })

  it('rejects a select without columns as an INTERNAL error', () => {
    const node = SelectNode.create({ from, selections: [] })
    expect(() => compileSelect(node)).toThrow(EngineError)
    expect(() => compileSelect(node)).toThrow(expect.objectContaining({ code: 'INTERNAL' }))
  })

  it('compiles a transformed tree: the same select with another filter', () => {
    const base = SelectNode.create({ from, selections: [col('id')], where: NullCheckNode.create(col('a'), true) })
    const transformed = SelectNode.create({
      ...base,
      where: AndNode.create([base.where as FilterNode, ComparisonNode.create(col('dept'), '=', val('Sales'))]),
    })
    expect(compileSelect(transformed)).toEqual({
      sql: `${PREFIX} WHERE "a" IS NULL AND "dept" = $1`,
      parameters: ['Sales'],
    })
    expect(compileSelect(base).sql).toBe(`${PREFIX} WHERE "a" IS NULL`)
  })
})
