#!/usr/bin/env node
// `node scripts/bench/profile-summary.mjs FILE.cpuprofile [TOP]`: where a V8 CPU profile (as written by
// `node --cpu-prof`, e.g. `npm run bench -- --cpu-prof DIR`) spent its time: self time per area of the code
// (the engine's exec/ and export/ rooms, pg-copy-streams, pg, apache-arrow, WebAssembly, the web host, GC), then
// the TOP functions (default 20), each with its share of the busy (non-idle) time. Time in Node's own code
// (`node:buffer`, streams…) counts for the area of the nearest calling package: Buffer.subarray called by
// pg-copy-streams is pg-copy-streams' cost.
import { readFileSync } from 'node:fs'
import path from 'node:path'

/** Areas by the script URL (or function name) of a frame; the first match wins. */
const AREAS = [
  ['engine exec/ (COPY decode, Arrow builders)', /\/engine\/dist\/exec\//],
  ['engine export/ (CSV, Parquet encoders, file)', /\/engine\/dist\/export\//],
  ['engine other', /\/engine\/dist\//],
  ['pg-copy-streams (CopyData framing)', /pg-copy-streams|\/obuf\//],
  ['pg, pg-protocol', /\/node_modules\/pg/],
  ['apache-arrow', /apache-arrow/],
  ['WebAssembly (parquet-wasm)', /^wasm|wasm-function|parquet-wasm/],
  ['web host (fastify, apps/web)', /fastify|\/apps\/web\//],
  ['other packages', /^file:/],
]
const NODE_INTERNALS = 'node internals (event loop, sockets, module loading)'

const [file, topArg = '20'] = process.argv.slice(2)
if (!file) {
  process.stdout.write('Usage: node scripts/bench/profile-summary.mjs FILE.cpuprofile [TOP]\n')
  process.exit(2)
}
const profile = JSON.parse(readFileSync(file, 'utf8'))
const byId = new Map(profile.nodes.map((node) => [node.id, node]))
const parentOf = new Map(profile.nodes.flatMap((node) => (node.children ?? []).map((child) => [child, node.id])))
const areaMemo = new Map()

/** The area of a profile node: its own script's, or for Node's own code the nearest caller's. */
function areaOf(id) {
  if (areaMemo.has(id)) return areaMemo.get(id)
  const { url, functionName } = byId.get(id).callFrame
  let area = null
  if (functionName === '(idle)') area = '(idle)'
  else if (functionName === '(garbage collector)') area = 'garbage collector'
  else for (const [name, pattern] of AREAS) if (pattern.test(url) || pattern.test(functionName)) area = area ?? name
  if (area === null) area = parentOf.has(id) ? areaOf(parentOf.get(id)) : NODE_INTERNALS
  if (area === '(idle)' && functionName !== '(idle)') area = NODE_INTERNALS
  areaMemo.set(id, area)
  return area
}

const selfUs = new Map()
profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)))

const byFunction = new Map()
const byArea = new Map()
for (const [id, us] of selfUs) {
  const { callFrame } = byId.get(id)
  const where = callFrame.url ? `${path.basename(callFrame.url)}:${callFrame.lineNumber + 1}` : ''
  const key = `${callFrame.functionName || '(anonymous)'} ${where}`.trim()
  byFunction.set(key, (byFunction.get(key) ?? 0) + us)
  const area = areaOf(id)
  byArea.set(area, (byArea.get(area) ?? 0) + us)
}
const idleUs = byArea.get('(idle)') ?? 0
const allUs = [...byArea.values()].reduce((a, b) => a + b, 0)
const busyUs = allUs - idleUs
const line = (us, label) => {
  const share = label === '(idle)' ? '' : `${((us / busyUs) * 100).toFixed(1).padStart(5)} %`
  return `${(us / 1000).toFixed(0).padStart(8)} ms ${share.padEnd(8)} ${label}\n`
}
const sorted = (map) => [...map].sort((a, b) => b[1] - a[1])
process.stdout.write(
  `${path.basename(file)}: ${(allUs / 1e6).toFixed(2)} s sampled, ${(busyUs / 1e6).toFixed(2)} s busy\n`,
)
process.stdout.write('by area:\n')
for (const [area, us] of sorted(byArea)) process.stdout.write(line(us, area))
process.stdout.write(`top ${topArg} functions (self time):\n`)
for (const [key, us] of sorted(byFunction).slice(0, Number(topArg))) process.stdout.write(line(us, key))
