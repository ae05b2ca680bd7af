import { EngineError } from '../../api/contract/errors.js'

/** One type name with optional modifiers and array brackets: `int8`, `numeric(12,2)`, `varchar(20)[]`. */
const SINGLE = /^[a-z_][a-z0-9_]*(\(\d+(,-?\d+)?\))?(\[\])*$/
/** The standard multi-word type names, with their optional precision. */
const MULTI =
  /^(double precision|character varying(\(\d+\))?|bit varying(\(\d+\))?|(timestamp|time)(\(\d\))? with(out)? time zone)(\[\])*$/

/**
 * Checks a cast target and answers it normalised (lower case, single spaces, no spaces around modifiers), safe to
 * paste into SQL: a single type name with optional `(p)` / `(p,s)` modifiers and `[]`, or one of the standard
 * multi-word names (`double precision`, `character varying(n)`, `bit varying(n)`, `timestamp(p) with[out] time
 * zone`, `time(p) with[out] time zone`). Whether the type exists is the hub's to say when the query runs.
 * @throws EngineError `BAD_INPUT` for anything else (quotes, schema names, expressions…).
 */
export function normalizeCastType(type: string): string {
  const normalized = type
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/\s*([(,[])\s*/g, '$1')
    .replace(/\s+([)\]])/g, '$1')
  if (SINGLE.test(normalized) || MULTI.test(normalized)) return normalized
  throw new EngineError(
    'BAD_INPUT',
    `"${type}" is not a type name a cast accepts; use a name such as int8, float8, text, numeric(12,2), ` +
      'timestamptz or double precision',
    { type },
  )
}
