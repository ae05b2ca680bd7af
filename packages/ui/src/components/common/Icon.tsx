/** Inline SVG icons (no icon font, nothing fetched): 16×16, drawn with `currentColor`. */
const PATHS = {
  play: <path d="M5 3.5v9l7.5-4.5z" fill="currentColor" stroke="none" />,
  stop: <rect x="4" y="4" width="8" height="8" rx="1.5" fill="currentColor" stroke="none" />,
  chevron: <path d="M6 4l4 4-4 4" />,
  database: (
    <>
      <ellipse cx="8" cy="4" rx="5" ry="2" />
      <path d="M3 4v8c0 1.1 2.2 2 5 2s5-.9 5-2V4M3 8c0 1.1 2.2 2 5 2s5-.9 5-2" />
    </>
  ),
  table: (
    <>
      <rect x="2.5" y="3" width="11" height="10" rx="1.5" />
      <path d="M2.5 6.5h11M6.5 6.5V13" />
    </>
  ),
  code: <path d="M5.5 4.5L2 8l3.5 3.5M10.5 4.5L14 8l-3.5 3.5" />,
  column: <path d="M4 3h8M4 8h8M4 13h8" />,
  search: (
    <>
      <circle cx="7" cy="7" r="4" />
      <path d="M10 10l3.5 3.5" />
    </>
  ),
  refresh: <path d="M13 8a5 5 0 1 1-1.5-3.6M13 2.5v3h-3" />,
  download: <path d="M8 2.5v8M4.5 7L8 10.5 11.5 7M3 13.5h10" />,
  warning: (
    <>
      <path d="M8 2l6.5 11.5h-13z" />
      <path d="M8 6.5v3M8 11.5v.5" />
    </>
  ),
  close: <path d="M4 4l8 8M12 4l-8 8" />,
  check: <path d="M3 8.5l3 3 7-7" />,
  filter: <path d="M2.5 3.5h11l-4.25 5v4l-2.5 1.5V8.5z" />,
  plan: (
    <>
      <rect x="2" y="2.5" width="5" height="3" rx="0.8" />
      <rect x="9" y="7" width="5" height="3" rx="0.8" />
      <rect x="9" y="11.5" width="5" height="3" rx="0.8" />
      <path d="M4.5 5.5v7.5H9M4.5 8.5H9" />
    </>
  ),
  plus: <path d="M8 3v10M3 8h10" />,
  braces: (
    <path d="M5.5 2.5c-1.5 0-2 .8-2 2v1.5c0 1-.5 2-1.5 2 1 0 1.5 1 1.5 2v1.5c0 1.2.5 2 2 2M10.5 2.5c1.5 0 2 .8 2 2v1.5c0 1 .5 2 1.5 2-1 0-1.5 1-1.5 2v1.5c0 1.2-.5 2-2 2" />
  ),
  compare: (
    <>
      <rect x="2" y="2.5" width="5" height="11" rx="1" />
      <rect x="9" y="2.5" width="5" height="11" rx="1" />
    </>
  ),
  clipboard: (
    <>
      <rect x="3.5" y="3" width="9" height="11" rx="1.2" />
      <path d="M6 3V2h4v1M6 7h4M6 10h3" />
    </>
  ),
  gauge: <path d="M2.5 11.5a5.5 5.5 0 1 1 11 0M8 11.5l3-4" />,
  timer: (
    <>
      <circle cx="8" cy="9" r="5" />
      <path d="M8 9V6.5M6.5 2h3M12.5 4.5l-1 1" />
    </>
  ),
  layers: <path d="M8 2l6 3.5-6 3.5-6-3.5zM2 9l6 3.5L14 9" />,
  list: <path d="M5.5 4h8M5.5 8h8M5.5 12h8M2.5 4h.5M2.5 8h.5M2.5 12h.5" />,
  text: <path d="M3 3.5h10M8 3.5v9M6 12.5h4" />,
  swap: <path d="M3 5.5h9l-2.5-2.5M13 10.5H4l2.5 2.5" />,
  info: (
    <>
      <circle cx="8" cy="8" r="6" />
      <path d="M8 7.5v3.5M8 5v.5" />
    </>
  ),
  remote: <path d="M2.5 8h8M7.5 4.5L11 8l-3.5 3.5M13.5 3v10" />,
  hub: (
    <>
      <circle cx="8" cy="8" r="2.5" />
      <path d="M8 2v3.5M8 10.5V14M2 8h3.5M10.5 8H14" />
    </>
  ),
} as const

/** Names of the icons `Icon` draws (16 px stroke paths). */
export type IconName = keyof typeof PATHS

/** A 16×16 icon; decorative (hidden from assistive tech) unless `title` is given. */
export function Icon({
  name,
  size = 16,
  className,
  title,
}: {
  name: IconName
  size?: number
  className?: string
  title?: string
}) {
  return (
    <svg
      className={className === undefined ? 'icon' : `icon ${className}`}
      width={size}
      height={size}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.4"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden={title === undefined}
      role={title === undefined ? undefined : 'img'}
    >
      {title === undefined ? null : <title>{title}</title>}
      {PATHS[name]}
    </svg>
  )
}
