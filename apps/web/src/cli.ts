#!/usr/bin/env node
import { parseArgs } from 'node:util'
import { createLogger, Engine, EngineError, resolveEngineOptions } from '@idw/engine'
import { AccessControl } from './auth.js'
import { createWebServer } from './server.js'
import { findUiDist } from './ui-assets.js'

const USAGE = `Usage: idw serve [--config FILE] [--port N]

Starts the workbench: the hub (embedded PostgreSQL unless IDW_HUB_URL is set), the sources of the config file
(or the demo workspace), and the web UI on http://127.0.0.1:<port>.

Options:
  --config FILE   sources config (YAML); also IDW_CONFIG. Without it the demo workspace is loaded.
  --port N        HTTP port on 127.0.0.1; also IDW_PORT (default 5177).
Environment: IDW_TOKEN (access token; random when unset), IDW_HUB_URL, IDW_DATA_DIR, IDW_EXPORT_DIR, IDW_LOG_LEVEL.`

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

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2)
  if (command === 'serve') return serve(rest)
  process.stdout.write(`${USAGE}\n`)
  process.exitCode = command === undefined || command === '--help' || command === 'help' ? 0 : 2
}

main().catch((err: unknown) => {
  const message = err instanceof EngineError ? `${err.code}: ${err.message}` : String(err)
  process.stderr.write(`idw: ${message}\n`)
  process.exit(1)
})
