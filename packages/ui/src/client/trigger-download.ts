/**
 * Makes the browser save `href` as `fileName` through a temporary `<a download>` element.
 * `href` is a same-origin URL or an object URL; the element is removed right after the click.
 */
export function triggerDownload(href: string, fileName: string): void {
  const anchor = document.createElement('a')
  anchor.href = href
  anchor.download = fileName
  anchor.rel = 'noopener'
  anchor.style.display = 'none'
  document.body.append(anchor)
  anchor.click()
  anchor.remove()
}
