import type pg from 'pg'
import type { WireParameter } from './parameter-text.js'
import type { PgColumnType } from './type-map.js'

/** A `pg` query config that forces the extended protocol, which refuses more than one command per statement. */
export interface ExtendedQueryConfig extends pg.QueryArrayConfig {
  readonly queryMode: 'extended'
}

/** Type parsers that keep every value as PostgreSQL's text (the plain-statement fallback shows text). */
export const RAW_TEXT_TYPES: pg.CustomTypesConfig = {
  getTypeParser: (() => (value: string) => value) as unknown as pg.CustomTypesConfig['getTypeParser'],
}

/**
 * Runs `text` (a wrapped statement) with the extended protocol, binding `values` to its `$n` parameters, and returns
 * its row description: name, type OID and type modifier per column, in order (names may repeat or be empty).
 * @throws the `pg` DatabaseError of the statement (the caller maps it).
 */
export async function describeFields(
  client: pg.ClientBase,
  text: string,
  values: readonly WireParameter[] = [],
): Promise<pg.FieldDef[]> {
  const config: ExtendedQueryConfig = { text, values: [...values], rowMode: 'array', queryMode: 'extended' }
  const result = await client.query(config)
  return result.fields
}

interface TypeRow {
  type_name: string
  element_oid: number | null
  element_typmod: number | null
}

/**
 * The display name (`format_type`) of each column type and, for arrays, the element type with domains resolved
 * to their base type (following domains over domains, each domain's typmod applying to its base), in one round
 * trip. Columns need no domain resolution: the row description already reports a domain column as its base type
 * and typmod (printtup.c).
 */
const RESOLVE_TYPES_SQL = `
WITH RECURSIVE col AS (
  SELECT c.ord, c.oid, c.typmod FROM unnest($1::oid[], $2::int4[]) WITH ORDINALITY AS c(oid, typmod, ord)
), element AS (
  SELECT col.ord, e.oid, col.typmod, e.typtype, e.typbasetype, e.typtypmod
  FROM col
  JOIN pg_catalog.pg_type t ON t.oid = col.oid AND t.typcategory = 'A' AND t.typlen = -1
  JOIN pg_catalog.pg_type e ON e.oid = t.typelem
  UNION ALL
  SELECT element.ord, b.oid, element.typtypmod, b.typtype, b.typbasetype, b.typtypmod
  FROM element JOIN pg_catalog.pg_type b ON b.oid = element.typbasetype
  WHERE element.typtype = 'd'
)
SELECT pg_catalog.format_type(col.oid, col.typmod) AS type_name,
       element.oid AS element_oid,
       element.typmod AS element_typmod
FROM col LEFT JOIN element ON element.ord = col.ord AND element.typtype <> 'd'
ORDER BY col.ord`

/**
 * Looks up each field's display type and, for arrays, its element's base type on the hub.
 * @throws the `pg` error of the lookup.
 */
export async function resolveColumnTypes(
  client: pg.ClientBase,
  fields: readonly pg.FieldDef[],
): Promise<PgColumnType[]> {
  if (fields.length === 0) return []
  const oids = fields.map((f) => f.dataTypeID)
  const typmods = fields.map((f) => f.dataTypeModifier)
  const { rows } = await client.query<TypeRow>(RESOLVE_TYPES_SQL, [oids, typmods])
  return fields.map((field, i) => {
    const row = rows[i]
    return {
      name: field.name,
      typeName: row?.type_name ?? String(field.dataTypeID),
      baseOid: field.dataTypeID,
      baseTypmod: row?.element_typmod ?? field.dataTypeModifier,
      elementOid: row?.element_oid ?? null,
    }
  })
}
