// D-BD-1: the compiled JavaScript keeps `#fp-ts/…` (the package's import map: fp-ts/es6 for bundlers,
// fp-ts/lib for Node), but the declarations name fp-ts/lib directly, the module the map gives every
// type checker anyway. Declaration tools (API Extractor, d.ts bundlers) then see fp-ts as the
// external package it is, and a consumer's types never depend on the map. Runs after `tsc`.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const dist = fileURLToPath(new URL('../dist', import.meta.url))
const MAPPED = /(from\s+|import\()'#fp-ts\/([A-Za-z]+\.js)'/g
let rewritten = 0
for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.d.ts')) continue
  const file = join(entry.parentPath, entry.name)
  const text = readFileSync(file, 'utf8')
  const out = text.replace(MAPPED, "$1'fp-ts/lib/$2'")
  if (out !== text) {
    writeFileSync(file, out)
    rewritten += 1
  }
}
if (rewritten === 0) throw new Error('no declaration imports #fp-ts/…: is this script still needed?')
