const page = (title: string, body: string): string =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>` +
  `<style>body{background:#15171c;color:#d7dae0;font:15px/1.5 system-ui,sans-serif;display:grid;place-items:center;height:100vh;margin:0}` +
  `main{max-width:34rem}code{background:#23262e;padding:.1rem .35rem;border-radius:4px}</style></head>` +
  `<body><main><h1>${title}</h1>${body}</main></body></html>`

/** Shown when the page is opened without a valid token or session. */
export const SIGN_IN_PAGE = page(
  'Instant Data Workbench',
  '<p>This workbench needs its access token. Open the link printed by <code>idw serve</code> ' +
    '(it ends with <code>?token=…</code>), or set <code>IDW_TOKEN</code> before starting it.</p>',
)

/** Shown when the UI bundle is missing. */
export const UI_MISSING_PAGE = page(
  'The UI is not built',
  '<p>Run <code>npm run build</code> in the repository, then reload. The API under <code>/api/v1</code> works without it.</p>',
)
