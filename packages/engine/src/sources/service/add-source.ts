import { EngineError } from '../../api/contract/errors.js'
import type { SourcesAddInput, SourcesAddOutput } from '../../api/contract/sources.js'
import { listSourceCards } from '../../catalog/list-sources.js'
import { readSchemaTables } from '../../catalog/schema-tables.js'
import { executePlan } from '../apply-sources.js'
import { rawSchemaName } from '../ddl-plan.js'
import { ensureMetadata } from '../hub-metadata.js'
import { planSource, readHubFacts } from '../plan-sources.js'
import type { ServiceContext } from './context.js'
import { resolveDraft } from './draft.js'
import { removeSource } from './remove-source.js'

/** Throws `SOURCE_EXISTS` when the hub has a record, a server or a schema of that name. */
async function refuseExisting(ctx: ServiceContext, name: string): Promise<void> {
  const { rows } = await ctx.pool.query<{ what: string }>(
    `SELECT 'foreign server' AS what FROM pg_foreign_server WHERE srvname = $1
     UNION ALL SELECT 'schema ' || nspname FROM pg_namespace WHERE nspname IN ($1, 'raw_' || $1)
     UNION ALL SELECT 'source' FROM idw.sources WHERE name = $1`,
    [name],
  )
  if (rows.length > 0)
    throw new EngineError(
      'SOURCE_EXISTS',
      `a source named "${name}" already exists in the hub (${rows.map((r) => r.what).join(', ')}); choose another name, or remove it first`,
      { source: name },
    )
}

/**
 * Adds a source from a draft (`sources/add`): checks the name is free, infers file columns, creates
 * everything in one transaction (nothing is left when any step fails), ANALYZEs the new tables, then keeps
 * its secrets in the vault (or as `${ENV}` references). Answers the new card, the tables people can query
 * (`<name>.<table>`) and the DDL run, secrets as `***`.
 * @throws EngineError `BAD_INPUT`, `SOURCE_EXISTS`, `VAULT_LOCKED` (a password to keep and no usable
 *   `IDW_MASTER_KEY`), `FDW_NOT_AVAILABLE`, or the classified setup error (`SOURCE_AUTH_FAILED`,
 *   `SOURCE_UNREACHABLE`, `SOURCE_NOT_FOUND`, `SOURCE_OPTION_INVALID`, `SOURCE_SETUP_FAILED`).
 */
export async function addSource(ctx: ServiceContext, input: SourcesAddInput): Promise<SourcesAddOutput> {
  const { source, secretRefs, vaultWrites } = resolveDraft(input.source, ctx.env)
  const vault = await ctx.vault()
  if (vaultWrites.length > 0 && !vault.unlocked)
    throw new EngineError(
      'VAULT_LOCKED',
      `cannot keep the password of source "${source.name}": ${vault.lockedReason}`,
      {
        source: source.name,
      },
    )
  const client = await ctx.pool.connect()
  let statements: string[]
  try {
    await ensureMetadata(client)
    await refuseExisting(ctx, source.name)
    const hub = await readHubFacts(client, [source.extension])
    const plan = await planSource(client, source, undefined, hub, false)
    if (plan.error) throw plan.error
    await executePlan(client, plan, { origin: 'api', secretRefs }, ctx.logger)
    statements = plan.statements.map((s) => s.display)
  } finally {
    client.release()
  }
  try {
    for (const [entry, value] of vaultWrites) await vault.set(entry, value)
  } catch (err) {
    await removeSource(ctx, { name: source.name })
    throw err
  }
  ctx.logger.info({ source: source.name, fdw: source.extension, statements: statements.length }, 'source added')
  const [card] = await listSourceCards(ctx.pool, source.name)
  const tables = await readSchemaTables(ctx.pool, rawSchemaName(source.name))
  if (!card) throw new EngineError('INTERNAL', `source "${source.name}" was added but is not recorded`)
  return { source: card, tables: tables.map((t) => `${source.name}.${t.name}`), statements }
}
