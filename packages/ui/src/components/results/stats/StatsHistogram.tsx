import { formatCount } from '../../../format/format.utils'
import type { BinLayout, BinTally } from './histogram.utils'
import type { StatsKind } from './stats-sql.utils'

const WIDTH = 280
const HEIGHT = 96
const GAP = 1

/** A bin edge as text: a number with at most 4 significant digits, or a UTC date (time too for short ranges). */
function edgeText(value: number, kind: StatsKind, spanMs: number): string {
  if (kind === 'temporal') {
    const iso = new Date(value).toISOString()
    return spanMs < 3 * 86_400_000 ? iso.slice(0, 16).replace('T', ' ') : iso.slice(0, 10)
  }
  if (Math.abs(value) >= 1e6 || (Math.abs(value) < 1e-3 && value !== 0)) return value.toExponential(2)
  return String(Number(value.toPrecision(4)))
}

/**
 * The histogram of a column as SVG bars, each with a tooltip `[from, to): n rows`, and the range below it
 * with the rows of the tails left out of the plot (`below`, `above`).
 */
export function StatsHistogram({
  layout,
  counts,
  below,
  above,
  kind,
}: { layout: BinLayout; kind: StatsKind } & BinTally) {
  const highest = Math.max(1, ...counts)
  const barWidth = WIDTH / Math.max(1, counts.length)
  const span = layout.width * layout.count
  const edge = (i: number): string => edgeText(layout.start + i * layout.width, kind, span)
  return (
    <figure className="stats-histogram" data-testid="stats-histogram">
      <svg width="100%" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" role="img" aria-label="Histogram">
        <line x1="0" x2={WIDTH} y1={HEIGHT - 0.5} y2={HEIGHT - 0.5} className="stats-histogram__axis" />
        {counts.map((count, i) => {
          const height = count === 0 ? 0 : Math.max(1.5, (count / highest) * (HEIGHT - 6))
          return (
            <rect
              key={i}
              className="stats-histogram__bar"
              x={i * barWidth + GAP / 2}
              y={HEIGHT - height}
              width={Math.max(1, barWidth - GAP)}
              height={height}
            >
              <title>{`[${edge(i)}, ${edge(i + 1)}): ${formatCount(count)} rows`}</title>
            </rect>
          )
        })}
      </svg>
      <figcaption className="stats-histogram__range">
        <span>{edge(0)}</span>
        <span className="stats-histogram__peak">peak {formatCount(highest)}</span>
        <span>{edge(layout.count)}</span>
      </figcaption>
      {below + above > 0 ? (
        <p className="stats-histogram__tails" data-testid="stats-tails">
          Central 99% plotted · {formatCount(below)} below {edge(0)} · {formatCount(above)} above {edge(layout.count)}
        </p>
      ) : null}
    </figure>
  )
}

/** The most common values as horizontal bars with their counts. */
export function TopValues({ values, rows }: { values: readonly { value: string; count: number }[]; rows: number }) {
  const highest = Math.max(1, ...values.map((entry) => entry.count))
  return (
    <ol className="stats-top" data-testid="stats-top-values">
      {values.map((entry) => (
        <li key={entry.value} className="stats-top__item" title={`${entry.value}: ${formatCount(entry.count)} rows`}>
          <span className="stats-top__bar" style={{ width: `${(entry.count / highest) * 100}%` }} />
          <span className="stats-top__value">{entry.value === '' ? '(empty)' : entry.value}</span>
          <span className="stats-top__count">
            {formatCount(entry.count)}
            <span className="stats-top__share">{rows > 0 ? ` ${((entry.count / rows) * 100).toFixed(1)}%` : ''}</span>
          </span>
        </li>
      ))}
    </ol>
  )
}
