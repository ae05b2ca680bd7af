/** A small spinning ring shown while something runs. */
export function Spinner({ label }: { label?: string }) {
  return <span className="spinner" role={label === undefined ? undefined : 'status'} aria-label={label} />
}
