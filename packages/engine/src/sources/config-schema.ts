import { z } from 'zod'
import { OptionMap, SourceName, SqlTypeName } from '../api/contract/sources.js'
import { fdwAdapter } from './fdw/index.js'

export { SourceName, SqlTypeName }

/** FDW options: name → value; numbers and booleans are written as PostgreSQL stores them (strings). */
export const Options = OptionMap

const Column = z.object({ name: z.string().min(1), type: SqlTypeName, options: Options.default({}) }).strict()

/** A foreign table; without `columns` (file_fdw only) they are inferred from the file. */
const Table = z
  .object({ name: z.string().min(1), options: Options.default({}), columns: z.array(Column).min(1).optional() })
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
    v.tables?.forEach((t, i) => {
      if (t.columns === undefined && (v.extension !== 'file_fdw' || t.options.filename === undefined))
        ctx.addIssue({
          code: 'custom',
          message: `list the columns of table "${t.name}" (they are inferred only for file_fdw tables with a filename)`,
          path: ['tables', i],
        })
    })
  })
export type SourceObject = z.infer<typeof SourceObject>

/** The top level of a sources file; each source is checked on its own (a URI string or a `SourceObject`). */
export const SourcesFile = z
  .object({ sources: z.record(z.string(), z.unknown()).default({}), demo: z.boolean().optional() })
  .strict()
