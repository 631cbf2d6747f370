import { fileURLToPath } from 'node:url'
import { defineConfig, type Plugin } from 'vite'

const source = (path: string): string => fileURLToPath(new URL(path, import.meta.url))

// The playground is a static page: the engine and the XML adapter are bundled from the sources
// (the package's own code, as published), presets included, so it needs no server and no network.
// The built page runs under a strict Content-Security-Policy: no eval, no inline script or style
// (the engine generates no code at run time). Only the build gets it: the dev server injects styles.
const csp: Plugin = {
  name: 'content-security-policy',
  apply: 'build',
  transformIndexHtml: () => [
    {
      tag: 'meta',
      attrs: {
        'http-equiv': 'Content-Security-Policy',
        content:
          "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'",
      },
      injectTo: 'head-prepend',
    },
  ],
}

export default defineConfig({
  plugins: [csp],
  root: source('.'),
  base: './',
  resolve: {
    alias: [
      { find: /^webex-user-rules$/, replacement: source('../src/index.ts') },
      { find: /^webex-user-rules\/xml$/, replacement: source('../src/xml/index.ts') },
      { find: /^webex-user-rules\/explain$/, replacement: source('../src/explain/index.ts') },
    ],
  },
  server: { host: '127.0.0.1', fs: { allow: [source('..')] } },
  preview: { host: '127.0.0.1' },
  build: { outDir: source('dist'), emptyOutDir: true, target: 'es2022' },
})
