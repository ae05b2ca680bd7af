import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** A running `idw serve` child process. */
export interface WebHost {
  baseUrl: string
  token: string
  exportDir: string
  stop(): Promise<void>
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

/**
 * Starts the built web host (`apps/web/dist/cli.js serve`) as a user would, on a free port with a known token,
 * against the hub at `hubUrl` with that hub's data folder `hubDataDir` (so the demo sources stay as they are) and
 * a fresh export folder; resolves once it printed its URL.
 */
export async function startWebHost(
  hubUrl: string,
  hubDataDir: string,
  extraEnv: Record<string, string> = {},
): Promise<WebHost> {
  const port = await freePort()
  const token = 'e2e-token-' + Math.random().toString(36).slice(2)
  const exportDir = mkdtempSync(path.join(os.tmpdir(), 'idw-e2e-exports-'))
  const child: ChildProcess = spawn(process.execPath, [path.join(repoRoot, 'apps/web/dist/cli.js'), 'serve'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      IDW_HUB_URL: hubUrl,
      IDW_TOKEN: token,
      IDW_PORT: String(port),
      IDW_DATA_DIR: hubDataDir,
      IDW_EXPORT_DIR: exportDir,
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`idw serve did not start in 300 s:\n${output}`)), 300_000)
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('?token=')) {
        clearTimeout(timer)
        resolve()
      }
    })
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`idw serve exited with ${code}:\n${output}`))
    })
  })
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    token,
    exportDir,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
      rmSync(exportDir, { recursive: true, force: true })
    },
  }
}
