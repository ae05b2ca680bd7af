import {
  Binary,
  Bool,
  DateDay,
  Decimal,
  Field,
  Float32,
  Float64,
  Int16,
  Int32,
  Int64,
  List,
  Time,
  TimeUnit,
  Timestamp,
  Utf8,
  type DataType,
} from 'apache-arrow'
import type { TypeCase } from './scalar-cases.js'

/** Every list type of the type map (PostgreSQL arrays), with the JSON text each export must write. */
export const LIST_CASES: readonly TypeCase[] = [
  list('ints', new Int32(), '_int4', [[1, 2, null], [], [-3], null], ['[1,2,null]', '[]', '[-3]'], 'INTEGER[]', [
    '[1, 2, NULL]',
    '[]',
    '[-3]',
  ]),
  list('smalls', new Int16(), '_int2', [[7], [-32768], [null], null], ['[7]', '[-32768]', '[null]'], 'SMALLINT[]', [
    '[7]',
    '[-32768]',
    '[NULL]',
  ]),
  list(
    'bigs',
    new Int64(),
    '_int8',
    [[9007199254740993n], [], [-1n, 0n], null],
    ['[9007199254740993]', '[]', '[-1,0]'],
    'BIGINT[]',
    ['[9007199254740993]', '[]', '[-1, 0]'],
  ),
  list('reals', new Float32(), '_float4', [[0.1], [], [1.5], null], ['[0.1]', '[]', '[1.5]'], 'FLOAT[]', [
    '[0.1]',
    '[]',
    '[1.5]',
  ]),
  list(
    'doubles',
    new Float64(),
    '_float8',
    [[Number.NaN, 1.5, Number.NEGATIVE_INFINITY], [], [-0], null],
    ['["NaN",1.5,"-Infinity"]', '[]', '[-0]'],
    'DOUBLE[]',
    ['[nan, 1.5, -inf]', '[]', '[-0.0]'],
  ),
  list(
    'amounts',
    new Decimal(2, 10, 128),
    '_numeric',
    [[150n, -5n], [], [null], null],
    ['[1.50,-0.05]', '[]', '[null]'],
    'DECIMAL(10,2)[]',
    ['[1.50, -0.05]', '[]', '[NULL]'],
  ),
  list(
    'tags',
    new Utf8(),
    '_text',
    [['a', 'b,c', 'say "hi"'], [null], [''], null],
    ['["a","b,c","say \\"hi\\""]', '[null]', '[""]'],
    'VARCHAR[]',
    ["[a, 'b,c', 'say \"hi\"']", '[NULL]', "['']"],
  ),
  list(
    'docs',
    new Utf8(),
    '_jsonb',
    [['{"k":1}', null], [], ['[1,2]'], null],
    ['[{"k":1},null]', '[]', '[[1,2]]'],
    'VARCHAR[]',
    ['[\'{"k":1}\', NULL]', '[]', "['[1,2]']"],
    { 'ARROW:extension:name': 'arrow.json' },
  ),
  list(
    'flags',
    new Bool(),
    '_bool',
    [[true, false, null], [], [true], null],
    ['[true,false,null]', '[]', '[true]'],
    'BOOLEAN[]',
    ['[true, false, NULL]', '[]', '[true]'],
  ),
  list(
    'days',
    new DateDay(),
    '_date',
    [[19724], [], [0, null], null],
    ['["2024-01-02"]', '[]', '["1970-01-01",null]'],
    'DATE[]',
    ['[2024-01-02]', '[]', '[1970-01-01, NULL]'],
  ),
  list(
    'stamps',
    new Timestamp(TimeUnit.MICROSECOND),
    '_timestamp',
    [[1704164645123456n], [], [0n], null],
    ['["2024-01-02 03:04:05.123456"]', '[]', '["1970-01-01 00:00:00.000000"]'],
    'TIMESTAMP[]',
    ["['2024-01-02 03:04:05.123456']", '[]', "['1970-01-01 00:00:00']"],
  ),
  list(
    'zoned',
    new Timestamp(TimeUnit.MICROSECOND, 'UTC'),
    '_timestamptz',
    [[1704164645123456n, null], [], [0n], null],
    ['["2024-01-02 03:04:05.123456+00:00",null]', '[]', '["1970-01-01 00:00:00.000000+00:00"]'],
    'TIMESTAMP WITH TIME ZONE[]',
    ["['2024-01-02 03:04:05.123456+00', NULL]", '[]', "['1970-01-01 00:00:00+00']"],
  ),
  list(
    'clocks',
    new Time(TimeUnit.MICROSECOND, 64),
    '_time',
    [[3723000001n], [], [0n], null],
    ['["01:02:03.000001"]', '[]', '["00:00:00.000000"]'],
    'TIME[]',
    ["['01:02:03.000001']", '[]', "['00:00:00']"],
  ),
  list(
    'blobs',
    new Binary(),
    '_bytea',
    [[Uint8Array.of(1, 0xab)], [], [new Uint8Array()], null],
    ['["\\\\x01ab"]', '[]', '["\\\\x"]'],
    'BLOB[]',
    ['[\\x01\\xAB]', '[]', "['']"],
  ),
]

/** A list column: `json` = the JSON text of rows 1-3 (row 4 is NULL); `duck` = DuckDB's text of them. */
function list(
  name: string,
  item: DataType,
  pgType: string,
  values: readonly unknown[],
  json: readonly string[],
  duckType: string,
  duck: readonly string[],
  itemMetadata: Record<string, string> = {},
): TypeCase {
  return {
    name,
    type: new List(new Field('item', item, true, new Map(Object.entries(itemMetadata)))),
    pgType,
    values,
    csv: [...json.map(csvQuoted), ''],
    text: [...json, null],
    duckType,
    duck: [...duck, null],
  }
}

/** RFC 4180 quoting as a reader expects it (written out here rather than imported from the code under test). */
function csvQuoted(text: string): string {
  return /[",]/.test(text) ? `"${text.split('"').join('""')}"` : text
}
