import { existsSync } from 'node:fs'
import { chromium, type Browser } from 'playwright-core'

/** Where the browser tests look for Chromium: `IDW_CHROMIUM`, else Debian's `/usr/bin/chromium`. */
function chromiumPath(): string | null {
  const candidate = process.env.IDW_CHROMIUM || '/usr/bin/chromium'
  return existsSync(candidate) ? candidate : null
}

/** Printed when the browser tests are skipped, so nobody mistakes a skip for a pass. */
const CHROMIUM_MISSING =
  'Browser tests SKIPPED: Chromium was not found. Install it (`apt-get install -y chromium`) or point ' +
  'IDW_CHROMIUM at a Chromium binary, then run `npm test` again.'

/** `chromiumPath()` for a browser test file; when it is null, says on stderr that the file's tests are skipped. */
export function chromiumForTests(): string | null {
  const found = chromiumPath()
  if (found === null) process.stderr.write(`\n${CHROMIUM_MISSING}\n\n`)
  return found
}

/** Launches headless Chromium with the flags this workplace needs (no sandbox as root, no background network). */
export async function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}
