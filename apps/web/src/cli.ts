#!/usr/bin/env node
import { parseArgs } from 'node:util'
import { applyFailed, createLogger, Engine, EngineError, formatApplyReport, resolveEngineOptions } from '@idw/engine'
import { AccessControl } from './auth.js'
import { createWebServer } from './server.js'
import { findUiDist } from './ui-assets.js'

const USAGE = `Usage: idw serve [--config FILE] [--port N]
       idw apply [--config FILE] [--dry-run] [--force-refresh NAME…] [--prune]

idw serve starts the workbench: the hub (embedded PostgreSQL unless IDW_HUB_URL is set), the sources of the
config file (or the demo workspace), and the web UI on http://127.0.0.1:<port>.

idw apply makes the hub hold the config file's sources, changing only what differs; a second run prints
"no changes". It exits 1 when a source failed (each failure printed with its code).

Options:
  --config FILE          sources config (YAML); also IDW_CONFIG. serve: without it the demo workspace is loaded.
  --port N               serve: HTTP port on 127.0.0.1; also IDW_PORT (default 5177).
  --dry-run              apply: print the DDL as a diff against the hub (secrets as ***), change nothing.
  --force-refresh NAME…  apply: drop and recreate these sources (names also comma-separated).
  --prune                apply: remove config sources the file no longer has (UI-added sources are kept).
Environment: IDW_TOKEN (access token; random when unset), IDW_HUB_URL, IDW_DATA_DIR, IDW_EXPORT_DIR, IDW_LOG_LEVEL,
IDW_MASTER_KEY (32 bytes, hex or base64: the key of the password vault).`

async function serve(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { config: { type: 'string' }, port: { type: 'string' } } })
  const port = Number(values.port ?? process.env.IDW_PORT ?? 5177)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new EngineError('BAD_INPUT', `invalid port "${values.port}"`)
  const logger = createLogger()
  const options = resolveEngineOptions(process.env, { configPath: values.config })
  const access = new AccessControl(process.env.IDW_TOKEN || AccessControl.randomToken())
  const engine = await Engine.start(options, logger)
  const server = await createWebServer({
    router: engine.router,
    access,
    uiDir: findUiDist(),
    logger,
    health: () => engine.health(),
  })
  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down')
    await server.close()
    await engine.close()
    process.exit(0)
  }
  process.once('SIGINT', () => void shutdown('SIGINT'))
  process.once('SIGTERM', () => void shutdown('SIGTERM'))
  const address = await server.listen({ host: '127.0.0.1', port })
  process.stdout.write(`\nInstant Data Workbench is running. Open:\n\n    ${address}/?token=${access.token}\n\n`)
}

async function apply(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      config: { type: 'string' },
      'dry-run': { type: 'boolean' },
      'force-refresh': { type: 'string', multiple: true },
      prune: { type: 'boolean' },
    },
  })
  const named = values['force-refresh'] ?? []
  if (positionals.length > 0 && named.length === 0)
    throw new EngineError('BAD_INPUT', `unexpected argument "${positionals[0]}" (see idw --help)`)
  const forceRefresh = [...named, ...positionals].flatMap((n) => n.split(',')).filter((n) => n !== '')
  const logger = createLogger({ level: process.env.IDW_LOG_LEVEL ?? 'warn' })
  const options = resolveEngineOptions(process.env, { configPath: values.config })
  const report = await Engine.applyConfig(
    options,
    { dryRun: values['dry-run'] === true, forceRefresh, prune: values.prune === true },
    logger,
  )
  process.stdout.write(`${formatApplyReport(report)}\n`)
  if (applyFailed(report)) {
    for (const failed of report.results.filter((r) => r.error))
      process.stderr.write(`idw: ${failed.name}: ${failed.error?.code}: ${failed.error?.message}\n`)
    process.exitCode = 1
  }
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2)
  if (command === 'serve') return serve(rest)
  if (command === 'apply') return apply(rest)
  process.stdout.write(`${USAGE}\n`)
  process.exitCode = command === undefined || command === '--help' || command === 'help' ? 0 : 2
}

main().catch((err: unknown) => {
  const message = err instanceof EngineError ? `${err.code}: ${err.message}` : String(err)
  process.stderr.write(`idw: ${message}\n`)
  process.exit(1)
})
