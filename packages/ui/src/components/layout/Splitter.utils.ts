/**
 * The size a splitter drag leads to: `start` moved by `deltaPx` pixels converted with `unitsPerPixel`
 * (1 for a px size, 1/height for a share), kept within `min`..`max`.
 */
export function nextSplitValue(
  start: number,
  deltaPx: number,
  unitsPerPixel: number,
  min: number,
  max: number,
): number {
  return Math.min(max, Math.max(min, start + deltaPx * unitsPerPixel))
}

/** Pixels one arrow-key press moves a focused splitter. px. */
export const SPLIT_KEY_STEP_PX = 24
