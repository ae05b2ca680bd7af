import { EngineError } from '../../api/contract/errors.js'
import type { SourcesRefreshInput, SourcesRefreshOutput } from '../../api/contract/sources.js'
import { listSourceCards } from '../../catalog/list-sources.js'
import { readSchemaTables } from '../../catalog/schema-tables.js'
import { executePlan } from '../apply-sources.js'
import { rawSchemaName } from '../ddl-plan.js'
import { ensureMetadata, readRecordedSources } from '../hub-metadata.js'
import { planSource, readHubFacts } from '../plan-sources.js'
import type { ServiceContext } from './context.js'
import { diffTables } from './diff-tables.js'
import { readSavedSource } from './saved-source.js'

/**
 * Refreshes a saved source (`sources/refresh`): imports its remote tables again (or re-reads its files'
 * columns) in one transaction, keeping server and user mapping; `rebuild` drops and recreates those too
 * (force refresh). Answers what changed in the hub: tables and columns added, removed, retyped. A failure
 * leaves the source as it was and marks its card `failed` with the message until the next success.
 * @throws EngineError `NOT_FOUND`, `VAULT_LOCKED` (a secret needed from a locked vault), `FDW_NOT_AVAILABLE`,
 *   or the classified setup error (`SOURCE_UNREACHABLE`, `SOURCE_AUTH_FAILED`, `SOURCE_NOT_FOUND`…).
 */
export async function refreshSource(ctx: ServiceContext, input: SourcesRefreshInput): Promise<SourcesRefreshOutput> {
  const started = performance.now()
  const { name } = input
  const saved = await readSavedSource(ctx.pool, name, ctx.vault, ctx.env)
  const before = await readSchemaTables(ctx.pool, rawSchemaName(name))
  const client = await ctx.pool.connect()
  let statements: string[]
  try {
    await ensureMetadata(client)
    const recorded = (await readRecordedSources(client, [name])).get(name)
    const hub = await readHubFacts(client, [saved.source.extension])
    const plan = await planSource(client, saved.source, recorded, hub, input.rebuild === true, true)
    try {
      if (plan.error) throw plan.error
      await executePlan(client, plan, { origin: saved.origin, secretRefs: saved.secretRefs }, ctx.logger)
    } catch (err) {
      const message = err instanceof EngineError ? err.message : String(err)
      await client.query('UPDATE idw.sources SET last_error = $2 WHERE name = $1', [name, message])
      throw err
    }
    await client.query('UPDATE idw.sources SET refreshed_at = now() WHERE name = $1', [name])
    statements = plan.statements.map((s) => s.display)
  } finally {
    client.release()
  }
  const changes = diffTables(before, await readSchemaTables(ctx.pool, rawSchemaName(name)))
  ctx.logger.info({ source: name, rebuild: input.rebuild === true, unchanged: changes.unchanged }, 'source refreshed')
  const [card] = await listSourceCards(ctx.pool, name)
  if (!card) throw new EngineError('INTERNAL', `source "${name}" was refreshed but is not recorded`)
  return { source: card, changes, statements, ms: Math.round(performance.now() - started) }
}
