import { readFileSync, writeFileSync } from 'node:fs'

/** Kernel clock ticks per second of `/proc/<pid>/stat` and `/proc/stat` (USER_HZ: 100 on Linux). */
const TICKS_PER_S = 100

/** Reads a `Vm*` field of `/proc/<pid>/status` in MiB, or null when the process is gone. */
function readVm(pid, field) {
  try {
    const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'))
    return match ? Number(match[1]) / 1024 : null
  } catch {
    return null
  }
}

/** CPU seconds (user + system) the process used so far, or null when it is gone. */
function readProcessCpuS(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_S
  } catch {
    return null
  }
}

/** CPU seconds every core of the machine spent busy (not idle, not waiting on I/O) since boot. */
export function machineBusyCpuS() {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/)
  const [user, nice, system, , , irq, softirq, steal] = ticks.map(Number)
  return (user + nice + system + irq + softirq + steal) / TICKS_PER_S
}

/**
 * Watches one process (the web host): its peak resident memory between `reset()` and `peakMb()` — the kernel's
 * high-water mark (`VmHWM`, reset by writing 5 to `/proc/<pid>/clear_refs`, Linux ≥ 4.0) cross-checked by sampling
 * `VmRSS` every `everyMs` ms, the larger answered, so a kernel refusing the reset still gives a true peak since
 * the process started — and the CPU seconds it used (`cpuS()`).
 */
export class ProcessMonitor {
  #timer
  #sampled = 0

  /** @param {number} pid @param {number} everyMs sampling period (ms) */
  constructor(pid, everyMs = 50) {
    this.pid = pid
    this.#timer = setInterval(() => this.#sample(), everyMs)
    this.#timer.unref()
  }

  /** Current resident memory (MiB), or null when the process is gone. */
  currentMb() {
    return readVm(this.pid, 'VmRSS')
  }

  /** CPU seconds (user + system) used since the process started. */
  cpuS() {
    return readProcessCpuS(this.pid) ?? 0
  }

  /** Starts a new memory window. */
  reset() {
    try {
      writeFileSync(`/proc/${this.pid}/clear_refs`, '5')
    } catch {
      // Without the reset VmHWM keeps the lifetime peak; the sampled figure still covers this window.
    }
    this.#sampled = this.currentMb() ?? 0
  }

  /** Peak resident memory (MiB) since the last `reset()`. */
  peakMb() {
    this.#sample()
    return Math.max(this.#sampled, readVm(this.pid, 'VmHWM') ?? 0)
  }

  stop() {
    clearInterval(this.#timer)
  }

  #sample() {
    const now = this.currentMb()
    if (now !== null && now > this.#sampled) this.#sampled = now
  }
}
