import {
  Binary,
  Bool,
  DateDay,
  Decimal,
  Float32,
  Float64,
  Int16,
  Int32,
  Int64,
  Time,
  TimeUnit,
  Timestamp,
  Utf8,
} from 'apache-arrow'
import type { ColumnSpec } from './arrow-fixtures.js'

/**
 * A column of the exec room's type map with what each export must give back, row by row (4 rows, the last
 * NULL): `csv` = the field exactly as written in the file; `text` = the value a CSV reader returns;
 * `duckType` / `duck` = DuckDB's type and `::VARCHAR` text for the Parquet column.
 */
export interface TypeCase extends ColumnSpec {
  csv: readonly string[]
  text: readonly (string | null)[]
  duckType: string
  duck: readonly (string | null)[]
}

const JSON_FIELD = { 'ARROW:extension:name': 'arrow.json' }

/** Every scalar type of the type map, with edge values. */
export const SCALAR_CASES: readonly TypeCase[] = [
  same('small', new Int16(), 'int2', [1, -32768, 32767, null], ['1', '-32768', '32767'], 'SMALLINT'),
  same('int', new Int32(), 'int4', [42, -2147483648, 2147483647, null], ['42', '-2147483648', '2147483647'], 'INTEGER'),
  same(
    'big',
    new Int64(),
    'int8',
    [1n, 9007199254740993n, -9223372036854775808n, null],
    ['1', '9007199254740993', '-9223372036854775808'],
    'BIGINT',
  ),
  {
    ...plain(
      'real',
      new Float32(),
      'float4',
      [0.1, Number.NaN, Number.NEGATIVE_INFINITY, null],
      ['0.1', 'NaN', '-Infinity'],
    ),
    duckType: 'FLOAT',
    duck: ['0.1', 'nan', '-inf', null],
  },
  {
    ...plain(
      'double',
      new Float64(),
      'float8',
      [0.1 + 0.2, Number.POSITIVE_INFINITY, -0, null],
      ['0.30000000000000004', 'Infinity', '-0'],
    ),
    duckType: 'DOUBLE',
    duck: ['0.30000000000000004', 'inf', '-0.0', null],
  },
  same(
    'amount',
    new Decimal(4, 38, 128),
    'numeric',
    [123456789n, -5n, 10n ** 38n - 1n, null],
    ['12345.6789', '-0.0005', '9999999999999999999999999999999999.9999'],
    'DECIMAL(38,4)',
  ),
  same(
    'price',
    new Decimal(2, 12, 128),
    'numeric',
    [0n, -12345n, 150n, null],
    ['0.00', '-123.45', '1.50'],
    'DECIMAL(12,2)',
  ),
  {
    name: 'label',
    type: new Utf8(),
    pgType: 'text',
    values: ['plain', 'héllo, "world"', '', null],
    csv: ['plain', '"héllo, ""world"""', '""', ''],
    text: ['plain', 'héllo, "world"', '', null],
    duckType: 'VARCHAR',
    duck: ['plain', 'héllo, "world"', '', null],
  },
  same(
    'id',
    new Utf8(),
    'uuid',
    [
      'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',
      '00000000-0000-0000-0000-000000000000',
      'ffffffff-ffff-ffff-ffff-ffffffffffff',
      null,
    ],
    [
      'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',
      '00000000-0000-0000-0000-000000000000',
      'ffffffff-ffff-ffff-ffff-ffffffffffff',
    ],
    'VARCHAR',
  ),
  {
    name: 'doc',
    type: new Utf8(),
    pgType: 'jsonb',
    metadata: JSON_FIELD,
    values: ['{"a": 1, "b": [true, null]}', '[]', '"x"', null],
    csv: ['"{""a"": 1, ""b"": [true, null]}"', '[]', '"""x"""', ''],
    text: ['{"a": 1, "b": [true, null]}', '[]', '"x"', null],
    duckType: 'VARCHAR',
    duck: ['{"a": 1, "b": [true, null]}', '[]', '"x"', null],
  },
  same(
    'exact',
    new Utf8(),
    'numeric',
    ['3.14159265358979323846264338327950288419716939937510', 'NaN', '-0.000001', null],
    ['3.14159265358979323846264338327950288419716939937510', 'NaN', '-0.000001'],
    'VARCHAR',
  ),
  same('flag', new Bool(), 'bool', [true, false, true, null], ['true', 'false', 'true'], 'BOOLEAN'),
  {
    ...plain('day', new DateDay(), 'date', [19724, -1, -719163, null], ['2024-01-02', '1969-12-31', '0001-12-31 BC']),
    duckType: 'DATE',
    duck: ['2024-01-02', '1969-12-31', '0001-12-31 (BC)', null],
  },
  {
    ...plain(
      'ts',
      new Timestamp(TimeUnit.MICROSECOND),
      'timestamp',
      [1704164645123456n, 0n, -1n, null],
      ['2024-01-02 03:04:05.123456', '1970-01-01 00:00:00.000000', '1969-12-31 23:59:59.999999'],
    ),
    duckType: 'TIMESTAMP',
    duck: ['2024-01-02 03:04:05.123456', '1970-01-01 00:00:00', '1969-12-31 23:59:59.999999', null],
  },
  {
    ...plain(
      'tstz',
      new Timestamp(TimeUnit.MICROSECOND, 'UTC'),
      'timestamptz',
      [1704164645123456n, 0n, -1n, null],
      ['2024-01-02 03:04:05.123456+00:00', '1970-01-01 00:00:00.000000+00:00', '1969-12-31 23:59:59.999999+00:00'],
    ),
    duckType: 'TIMESTAMP WITH TIME ZONE',
    duck: ['2024-01-02 03:04:05.123456+00', '1970-01-01 00:00:00+00', '1969-12-31 23:59:59.999999+00', null],
  },
  {
    ...plain(
      'clock',
      new Time(TimeUnit.MICROSECOND, 64),
      'time',
      [3723000001n, 0n, 86399999999n, null],
      ['01:02:03.000001', '00:00:00.000000', '23:59:59.999999'],
    ),
    duckType: 'TIME',
    duck: ['01:02:03.000001', '00:00:00', '23:59:59.999999', null],
  },
  {
    ...plain(
      'blob',
      new Binary(),
      'bytea',
      [Uint8Array.of(0xde, 0xad, 0xbe, 0xef), new Uint8Array(), Uint8Array.of(0, 0x2c), null],
      ['\\xdeadbeef', '\\x', '\\x002c'],
    ),
    duckType: 'BLOB',
    duck: ['\\xDE\\xAD\\xBE\\xEF', '', '\\x00,', null],
  },
]

/** A column whose CSV fields need no quotes: `csv` = `text`, NULL last. */
function plain(
  name: string,
  type: ColumnSpec['type'],
  pgType: string,
  values: readonly unknown[],
  texts: readonly string[],
): Pick<TypeCase, 'name' | 'type' | 'pgType' | 'values' | 'csv' | 'text'> {
  return { name, type, pgType, values, csv: [...texts, ''], text: [...texts, null] }
}

/** A column whose CSV text is also DuckDB's text of the Parquet value. */
function same(
  name: string,
  type: ColumnSpec['type'],
  pgType: string,
  values: readonly unknown[],
  texts: readonly string[],
  duckType: string,
): TypeCase {
  return { ...plain(name, type, pgType, values, texts), duckType, duck: [...texts, null] }
}
