/**
 * Puts `text` on the clipboard: the async Clipboard API where the page may use it, else the older
 * `execCommand('copy')` through a hidden text area (plain HTTP pages, older Electron).
 * @throws Error when neither way is allowed.
 */
export async function writeClipboard(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text)
    return
  } catch {
    const area = document.createElement('textarea')
    area.value = text
    area.setAttribute('readonly', '')
    area.style.position = 'fixed'
    area.style.opacity = '0'
    const focused = document.activeElement as HTMLElement | null
    document.body.append(area)
    area.select()
    const done = document.execCommand('copy')
    area.remove()
    focused?.focus()
    if (!done) throw new Error('the browser refused to copy')
  }
}
