import type pg from 'pg'

/**
 * Creates `<schema>.every_type`: one column per type of the exec type map (arrays, domains, enums and types read as
 * text included) and three rows: typical values, all nulls, and edge values (NaN, ±infinity, empty arrays…).
 * The schema must exist; the caller drops it.
 */
export async function createEveryTypeTable(pool: pg.Pool, schema: string): Promise<void> {
  await pool.query(`
    CREATE TYPE ${schema}.mood AS ENUM ('sad', 'happy');
    CREATE DOMAIN ${schema}.price AS numeric(12,2);
    CREATE TABLE ${schema}.every_type (
      id int4, i2 int2, i8 int8, o oid, f4 float4, f8 float8, n38 numeric(38,3), nfree numeric, n40 numeric(40,2),
      txt text, vc varchar(10), bp char(4), b bool, d date, ts timestamp, tstz timestamptz, tm time, u uuid,
      js json, jb jsonb, by bytea, ai int4[], atx text[], an numeric(10,2)[], ats timestamptz[], iv interval,
      ip inet, m ${schema}.mood, p ${schema}.price, ap ${schema}.price[], aiv interval[]);
    INSERT INTO ${schema}.every_type VALUES
      (1, -32768, 9007199254740993, 4000000000, 1.25, -0.1, -12345678901234567890.123, -12345678901234567890.123,
       1.5, 'Grüße 🌍', '', 'ab', true, '2024-02-29', '2024-02-29 12:34:56.123456', '2024-02-29 12:34:56.5+02',
       '13:14:15.000016', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11', '{"k": [1, "é"]}', '{"z": null, "a": 1}',
       '\\x00ff10', '{1,NULL,-3}', '{"a",NULL,""}', '{1.5,NULL}', '{"2000-01-01 00:00:00+00",NULL}',
       '1 year 2 mons 3 days 04:05:06', '192.168.0.1/24', 'happy', 12.5, '{0.5}', '{"1 day",NULL}'),
      (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
       NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
      (3, 32767, -9223372036854775808, 0, 'NaN', '-Infinity', 99999999999999999999999999999999999.999, 'NaN',
       'NaN', '', 'x', '', false, '-infinity', 'infinity', '1970-01-01 00:00:00+00', '00:00:00',
       '00000000-0000-0000-0000-000000000000', 'null', '[]', '\\x', '{}', '{}', '{{1,2},{3,4}}', '{}',
       '-00:00:01', '::1', 'sad', -0.01, '{NULL}', '{}')`)
}
