import { z } from 'zod'
import { fdwAdapter } from './fdw-adapters.js'

const RESERVED_NAMES = new Set(['idw', 'public', 'information_schema'])

/**
 * A source name: it becomes the schema people query and, prefixed with `raw_`, the hidden schema, so it is a
 * lower-case SQL name of at most 58 characters (`raw_` + 58 fits PostgreSQL's 63), not a reserved schema.
 */
export const SourceName = z
  .string()
  .regex(
    /^[a-z_][a-z0-9_]*$/,
    'a source name is lower-case letters, digits and _, not starting with a digit (it becomes a schema name)',
  )
  .max(58, 'a source name has at most 58 characters')
  .refine((n) => !RESERVED_NAMES.has(n) && !n.startsWith('pg_') && !n.startsWith('raw_'), {
    message: 'this source name is reserved (idw, public, information_schema, pg_*, raw_*)',
  })

const OptionValue = z.preprocess(
  (v) => (typeof v === 'number' || typeof v === 'boolean' ? String(v) : v),
  z.string({ error: 'an option value is a string, number or boolean' }),
)

/** FDW options: name → value; numbers and booleans are written as PostgreSQL stores them (strings). */
export const Options = z.record(
  z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an option name is letters, digits and _'),
  OptionValue,
)

/** A PostgreSQL type name as written in DDL: `text`, `numeric(10,2)`, `timestamp(3) with time zone`, `int[]`. */
export const SqlTypeName = z
  .string()
  .regex(
    /^[A-Za-z_][A-Za-z0-9_ ]*(\(\s*\d+\s*(,\s*\d+\s*)?\))?( with(out)? time zone)?(\[\])*$/,
    'not a PostgreSQL type name (e.g. text, bigint, numeric(10,2), timestamp with time zone)',
  )

const Column = z.object({ name: z.string().min(1), type: SqlTypeName, options: Options.default({}) }).strict()

const Table = z
  .object({ name: z.string().min(1), options: Options.default({}), columns: z.array(Column).min(1) })
  .strict()

const ImportSchema = z
  .object({
    remote_schema: z.string().min(1),
    limit_to: z.array(z.string().min(1)).min(1).optional(),
    except: z.array(z.string().min(1)).min(1).optional(),
    options: Options.optional(),
  })
  .strict()
  .refine((v) => !(v.limit_to && v.except), { message: 'use either limit_to or except, not both', path: ['except'] })

const Cache = z
  .object({ strategy: z.string().min(1).optional(), ttl_seconds: z.number().int().nonnegative().optional() })
  .strict()

/** One source written out in full (the YAML shape of DESIGN.md). */
export const SourceObject = z
  .object({
    extension: z
      .string()
      .regex(/^[a-z_][a-z0-9_]*$/, 'an extension name is lower-case letters, digits and _ (e.g. postgres_fdw)'),
    server: z
      .object({ options: Options.default({}) })
      .strict()
      .default({ options: {} }),
    user_mapping: z
      .object({ options: Options.default({}) })
      .strict()
      .optional(),
    import_schema: ImportSchema.optional(),
    tables: z.array(Table).min(1).optional(),
    cache: Cache.optional(),
    tags: z.array(z.string().min(1)).default([]),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (!v.import_schema === !v.tables) {
      ctx.addIssue({
        code: 'custom',
        message: 'a source has either import_schema or tables (exactly one)',
        path: v.tables ? ['tables'] : [],
      })
    } else if (v.import_schema && !fdwAdapter(v.extension).supportsImport) {
      ctx.addIssue({
        code: 'custom',
        message: `${v.extension} cannot import a schema; list its tables under tables`,
        path: ['import_schema'],
      })
    }
  })
export type SourceObject = z.infer<typeof SourceObject>

/** The top level of a sources file; each source is checked on its own (a URI string or a `SourceObject`). */
export const SourcesFile = z
  .object({ sources: z.record(z.string(), z.unknown()).default({}), demo: z.boolean().optional() })
  .strict()
