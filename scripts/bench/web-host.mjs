import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { REPO_ROOT } from './engine-dist.mjs'

/** How long the host may take to start (first start loads the demo's 3M flights). ms. */
const START_TIMEOUT_MS = 300_000

/**
 * Starts the web host (`apps/web/dist/cli.js serve`) as a child process on a free port of 127.0.0.1, connected to
 * the bench hub (`IDW_HUB_URL`), with its own random token and export folder. Resolves once it printed its URL.
 * With `cpuProfDir`, V8 writes the host's CPU profile there on exit as `web-host-<label>.cpuprofile`.
 * @param {{ hubUrl: string, dataDir: string, exportDir: string, cpuProfDir: string | null, label?: string }} options
 * @returns {Promise<{ pid: number, baseUrl: string, token: string, stop: () => Promise<void> }>}
 * @throws Error with the host's stderr when it exits or does not start within 5 minutes
 */
export function startWebHost({ hubUrl, dataDir, exportDir, cpuProfDir, label = 'run' }) {
  const token = randomBytes(24).toString('hex')
  const profileName = `web-host-${label}.cpuprofile`
  const nodeArgs = cpuProfDir ? ['--cpu-prof', '--cpu-prof-dir', cpuProfDir, '--cpu-prof-name', profileName] : []
  const child = spawn(process.execPath, [...nodeArgs, path.join(REPO_ROOT, 'apps/web/dist/cli.js'), 'serve'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      IDW_TOKEN: token,
      IDW_PORT: '0',
      IDW_HUB_URL: hubUrl,
      IDW_DATA_DIR: dataDir,
      IDW_EXPORT_DIR: exportDir,
      IDW_LOG_LEVEL: 'warn',
      IDW_LOG_FORMAT: 'json',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr.on('data', (d) => {
    stderr = (stderr + d).slice(-4000)
  })
  const exited = new Promise((resolve) => child.once('exit', resolve))
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
    await exited
  }
  return new Promise((resolve, reject) => {
    let stdout = ''
    const timer = setTimeout(() => {
      void stop()
      reject(new Error(`the web host did not start within ${START_TIMEOUT_MS / 1000} s:\n${stderr}`))
    }, START_TIMEOUT_MS)
    child.stdout.on('data', (d) => {
      stdout += d
      const match = stdout.match(/(http:\/\/127\.0\.0\.1:\d+)\/\?token=/)
      if (!match) return
      clearTimeout(timer)
      resolve({ pid: /** @type {number} */ (child.pid), baseUrl: match[1], token, stop })
    })
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      reject(new Error(`the web host exited (${code ?? signal}) before it was ready:\n${stderr}`))
    })
  })
}
