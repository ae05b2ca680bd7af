import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

/**
 * Builds the workbench UI into `dist/` with relative asset URLs (`base: './'`), so a host can serve it at `/`
 * over HTTP and Electron can load it from `file://`. Everything is bundled (Monaco and its editor worker
 * included): the UI never fetches code from a CDN.
 */
export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4096,
  },
})
