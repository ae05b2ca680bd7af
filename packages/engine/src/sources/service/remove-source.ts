import { EngineError } from '../../api/contract/errors.js'
import type { SourcesRemoveInput, SourcesRemoveOutput } from '../../api/contract/sources.js'
import { inSourceTransaction } from '../apply-sources.js'
import { planSourceRemoval } from '../ddl-plan.js'
import { ensureMetadata, forgetSource } from '../hub-metadata.js'
import type { ServiceContext } from './context.js'

/**
 * Removes a source from the hub (`sources/remove`): its view schema, hidden schema, foreign server and user
 * mapping, its `idw.sources` row, in one transaction, then its vault entries. Nothing is sent to the remote:
 * dropping a foreign server or table is local to the hub.
 * @throws EngineError `NOT_FOUND` when the hub has no source of that name.
 */
export async function removeSource(ctx: ServiceContext, input: SourcesRemoveInput): Promise<SourcesRemoveOutput> {
  const { name } = input
  const client = await ctx.pool.connect()
  let statements: string[]
  try {
    await ensureMetadata(client)
    const { rows } = await client.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM idw.sources WHERE name = $1) + (SELECT count(*) FROM pg_foreign_server WHERE srvname = $1) AS n`,
      [name],
    )
    if (Number(rows[0]?.n ?? 0) === 0)
      throw new EngineError('NOT_FOUND', `no source named "${name}" in the hub`, { source: name })
    const plan = planSourceRemoval(name)
    await inSourceTransaction(client, name, async () => {
      for (const step of plan) {
        ctx.logger.debug({ source: name, sql: step.display }, 'source DDL')
        await client.query(step.sql)
      }
      await forgetSource(client, name)
    })
    statements = plan.map((s) => s.display)
  } finally {
    client.release()
  }
  await (await ctx.vault()).deletePrefix(`source:${name}:`)
  ctx.logger.info({ source: name }, 'source removed')
  return { name, statements }
}
