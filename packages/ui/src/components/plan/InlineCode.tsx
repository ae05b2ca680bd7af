/** Text whose `backquoted` parts (the engine's advice and reasons quote SQL that way) are shown as code. */
export function InlineCode({ text }: { text: string }) {
  const parts = text.split(/`([^`]+)`/)
  return <>{parts.map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : part))}</>
}
