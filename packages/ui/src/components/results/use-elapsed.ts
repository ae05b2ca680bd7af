import { useEffect, useState } from 'react'

/** How often a running timer redraws. ms. */
const TICK_MS = 100

/**
 * Elapsed time of a run for display: the final `elapsedMs` once known, else the time since `startedAt`
 * (both `performance.now()` ms), redrawn every 100 ms while `running`. Null before any run.
 */
export function useElapsed(startedAt: number | null, elapsedMs: number | null, running: boolean): number | null {
  const [now, setNow] = useState(() => performance.now())
  useEffect(() => {
    if (!running) return undefined
    const timer = setInterval(() => setNow(performance.now()), TICK_MS)
    return () => clearInterval(timer)
  }, [running])
  if (elapsedMs !== null) return elapsedMs
  if (startedAt === null) return null
  return Math.max(0, now - startedAt)
}
