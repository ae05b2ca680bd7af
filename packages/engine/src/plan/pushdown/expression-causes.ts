import { stripQuoted } from '../expression.js'

/** Why a clause runs in the hub, and what would send it to the source. */
export interface Cause {
  reason: string
  advice?: string
}

/** The FDW and server a clause belongs to, for wording and for `ALTER SERVER` advice. */
export interface CauseContext {
  fdw: string | null
  server: string | null
}

const TIME_FUNCTIONS =
  /\b(now|clock_timestamp|statement_timestamp|transaction_timestamp|timeofday)\(\)|\b(CURRENT_TIMESTAMP|CURRENT_DATE|CURRENT_TIME|LOCALTIMESTAMP|LOCALTIME)\b/
const VOLATILE_FUNCTIONS =
  /\b(random|random_normal|setseed|nextval|currval|lastval|gen_random_uuid|uuid_generate_v[14])\(/
const SESSION_VALUES = /\b(CURRENT_USER|SESSION_USER|CURRENT_ROLE|CURRENT_SCHEMA|current_setting)\b/
/** Built-ins that are STABLE for some argument types (they read TimeZone, DateStyle or the current date). */
const STABLE_FOR_SOME_TYPES = /\b(to_char|to_date|to_timestamp|age|date_trunc|date_part|timezone)\(/
const SUBPLAN = /\((?:hashed )?SubPlan \d+\)/

/** Functions and operators of contrib extensions that FDWs send only when told the remote side has them. */
const EXTENSION_FUNCTIONS: Record<string, string> = {
  similarity: 'pg_trgm',
  word_similarity: 'pg_trgm',
  strict_word_similarity: 'pg_trgm',
  show_trgm: 'pg_trgm',
  levenshtein: 'fuzzystrmatch',
  levenshtein_less_equal: 'fuzzystrmatch',
  soundex: 'fuzzystrmatch',
  difference: 'fuzzystrmatch',
  metaphone: 'fuzzystrmatch',
  dmetaphone: 'fuzzystrmatch',
  unaccent: 'unaccent',
  earth_distance: 'earthdistance',
  ll_to_earth: 'earthdistance',
  earth_box: 'earthdistance',
  digest: 'pgcrypto',
  hmac: 'pgcrypto',
  crypt: 'pgcrypto',
}
const TRIGRAM_OPERATORS = /\s(%|<%|%>|<<%|%>>|<->)\s/

/** Built-in functions postgres_fdw ships (immutable ones) and syntax words that look like calls. */
const BUILT_IN = new Set(
  (
    'abs ceil ceiling floor round trunc sqrt cbrt power pow exp ln log log10 mod sign div pi degrees radians sin ' +
    'cos tan lower upper initcap length char_length character_length octet_length bit_length substr substring ' +
    'position strpos replace translate concat concat_ws left right lpad rpad ltrim rtrim btrim trim reverse ' +
    'repeat split_part starts_with md5 ascii chr regexp_replace regexp_match regexp_matches regexp_like ' +
    'regexp_count regexp_substr date_bin make_date make_time make_timestamp make_interval justify_days ' +
    'justify_hours coalesce nullif greatest least array_length array_position array_to_string string_to_array ' +
    'cardinality unnest jsonb_extract_path jsonb_extract_path_text json_extract_path json_extract_path_text ' +
    'jsonb_typeof jsonb_array_length int2 int4 int8 float4 float8 numeric text varchar bpchar date timestamp ' +
    'timestamptz bool count sum avg min max string_agg array_agg bool_and bool_or every stddev variance ' +
    'width_bucket format quote_ident quote_literal encode decode extract any all exists array row values in ' +
    'not and or case when then else end is like ilike between varying character interval time decimal bit ' +
    'double precision partial'
  ).split(' '),
)

function functionCalls(expression: string): string[] {
  const names: string[] = []
  for (const match of stripQuoted(expression).matchAll(/(?<![\w$.:])([A-Za-z_][\w$]*(?:\.[A-Za-z_][\w$]*)?)\(/g)) {
    names.push(match[1] as string)
  }
  return names
}

function fdwName(context: CauseContext): string {
  return context.fdw ?? 'the FDW'
}

function timeCause(found: string, context: CauseContext): Cause {
  return {
    reason:
      `${found} is not IMMUTABLE (the hub fixes its value per transaction), and ${fdwName(context)} sends only ` +
      `immutable expressions, so the hub evaluates this clause on every row it fetched`,
    advice:
      `Compute the moment in your client and bind it as a literal or parameter, e.g. ` +
      `\`ordered_at > '2025-11-21 00:00:00+00'::timestamptz\` instead of \`now() - interval '1 year'\`: ` +
      `a constant is sent to the source`,
  }
}

function extensionCause(name: string, extension: string, context: CauseContext): Cause {
  if (context.fdw !== null && context.fdw !== 'postgres_fdw') {
    return { reason: `${name} comes from the PostgreSQL extension ${extension}, which ${context.fdw} cannot send` }
  }
  const server = context.server ?? '<server>'
  return {
    reason:
      `${name} comes from the ${extension} extension; postgres_fdw sends extension functions and operators only ` +
      `when the server lists the extension in its \`extensions\` option`,
    advice:
      `If ${extension} is installed in the remote database too: ALTER SERVER ${server} OPTIONS ` +
      `(ADD extensions '${extension}')`,
  }
}

/**
 * Explains why an expression (a filter, join condition, sort or group key) was not sent to the source, from what
 * its text shows: a non-immutable function (`now()`, `CURRENT_DATE`, `random()`…), a session value, a
 * correlated sub-select, an explicit COLLATE, an extension function or operator (fixed by postgres_fdw's
 * `extensions` server option), or a function that is not built in. Null when nothing in the text explains it.
 * Rules from postgres_fdw's `is_foreign_expr` (deparse.c): only built-in or listed-extension objects, only
 * immutable functions, no non-default collations.
 */
export function expressionCause(expression: string, context: CauseContext): Cause | null {
  const time = TIME_FUNCTIONS.exec(expression)
  if (time !== null) return timeCause(time[1] === undefined ? (time[2] as string) : `${time[1]}()`, context)
  const volatile = VOLATILE_FUNCTIONS.exec(expression)
  if (volatile !== null) {
    return { reason: `${volatile[1]}() is VOLATILE: its value must come from the hub, so the clause runs there` }
  }
  const session = SESSION_VALUES.exec(expression)
  if (session !== null) {
    return {
      reason: `${session[1]} is a value of the hub's session, which ${fdwName(context)} does not send`,
      advice: 'Bind the value as a literal or parameter so the clause can go to the source',
    }
  }
  const subplan = SUBPLAN.exec(expression)
  if (subplan !== null) {
    return { reason: `it uses the result of a sub-select ${subplan[0]} that runs in the hub for each row` }
  }
  const collate = /COLLATE ("[^"]+"|\w+)/.exec(expression)
  if (collate !== null) {
    return {
      reason: `it asks for collation ${collate[1]}, which ${fdwName(context)} does not assume the source shares`,
      advice:
        'Drop the COLLATE clause, or declare the foreign column with the collation you need, so the source can evaluate it',
    }
  }
  const calls = functionCalls(expression)
  const extensionCall = calls.find((name) => EXTENSION_FUNCTIONS[name] !== undefined)
  if (extensionCall !== undefined)
    return extensionCause(`${extensionCall}()`, EXTENSION_FUNCTIONS[extensionCall] as string, context)
  const operator = TRIGRAM_OPERATORS.exec(expression)
  if (operator !== null) return extensionCause(`the operator ${operator[1]}`, 'pg_trgm', context)
  const stable = STABLE_FOR_SOME_TYPES.exec(expression)
  if (stable !== null) {
    return {
      reason: `${stable[1]}() is STABLE for some argument types (it reads the hub's TimeZone or DateStyle), so ${fdwName(context)} may not send it`,
      advice: 'Compare the column with constants computed in your client instead of transforming the column',
    }
  }
  const unknown = calls.find((name) => !BUILT_IN.has(name.toLowerCase()))
  if (unknown !== undefined) {
    const postgres = context.fdw === 'postgres_fdw' || context.fdw === null
    return {
      reason: postgres
        ? `${unknown}() is not a built-in function: postgres_fdw sends only built-in immutable functions and those ` +
          `of extensions named in the server's \`extensions\` option`
        : `${unknown}() is not a built-in function, and ${fdwName(context)} sends only functions it knows the source has`,
      advice:
        `A user-defined function is never sent: write its expression inline so the source can evaluate it` +
        (postgres
          ? `; if ${unknown}() belongs to an extension installed on both sides, add it: ALTER SERVER ` +
            `${context.server ?? '<server>'} OPTIONS (ADD extensions '<extension>')`
          : ''),
    }
  }
  return null
}

/** Names the non-leakproof operator in a clause kept above a security_barrier view. */
export function leakyOperator(expression: string): string {
  if (/\s~~\*\s|\sILIKE\s/i.test(expression)) return 'ILIKE (texticlike)'
  if (/\s~~\s|\sLIKE\s/i.test(expression)) return 'LIKE (textlike)'
  if (/\s!?~\*?\s/.test(expression)) return 'a regular expression match (textregexeq)'
  if (/::numeric\b/.test(expression)) return 'a numeric comparison (numeric_gt, numeric_lt…)'
  if (/::text\b/.test(expression) && /\s[<>]=?\s/.test(expression))
    return 'a text ordering comparison (text_lt, text_gt…)'
  return 'an operator or function that is not LEAKPROOF'
}
