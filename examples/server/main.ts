/**
 * Runs the example server: `node examples/server/dist/main.js [--seed file] [--port n] [--host h]`
 * (after `npm run build`). Defaults: examples/server/seed.json, port 8080 (or $PORT), 127.0.0.1.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import * as E from 'fp-ts/lib/Either.js'
import { createServer, XML_SERVICE_PATH } from './server.js'
import { UserStore } from './store.js'

const { values } = parseArgs({
  options: { seed: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' } },
})
// main.js runs from examples/server/dist/, next to which the seed lives one level up
const seedPath = values.seed ?? fileURLToPath(new URL('../seed.json', import.meta.url))
const port = Number(values.port ?? process.env['PORT'] ?? 8080)
const host = values.host ?? '127.0.0.1'

let seed: unknown
try {
  seed = JSON.parse(readFileSync(seedPath, 'utf8'))
} catch (thrown) {
  console.error(`cannot read the seed ${seedPath}: ${thrown instanceof Error ? thrown.message : String(thrown)}`)
  process.exit(2)
}
const store = UserStore.create(seed)
if (E.isLeft(store)) {
  console.error(`unusable seed ${seedPath}: ${store.left}`)
  process.exit(2)
}

const server = createServer(store.right, {
  log: (line) => {
    console.log(line)
  },
})
server.listen(port, host, () => {
  const address = server.address()
  const actual = typeof address === 'object' && address !== null ? address.port : port
  console.log(
    `listening on http://${host}:${String(actual)}${XML_SERVICE_PATH} (${String(store.right.snapshot().length)} users)`,
  )
})
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => server.close())
