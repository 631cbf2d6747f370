#!/usr/bin/env node
/**
 * webex-user-rules-server: the Webex User service.
 *
 *   webex-user-rules-server [--seed FILE] [--port N] [--host H] [--database memory:|DIR|postgres://…] [--webhook URL] [--outbox-lease SECONDS] [--pool-size N]
 *   webex-user-rules-server import --database D FILE…   (seed .json, or GetUser responses .xml with --site NAME)
 *   webex-user-rules-server export --database D         (JSON on stdout)
 *
 * Serving prints exactly one stdout line, `listening on http://HOST:PORT/WBXService/XMLService`;
 * logs are JSON lines on stderr. SIGTERM and SIGINT stop it gracefully.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import * as E from 'fp-ts/lib/Either.js'
import { createApp, StartupError } from './app.js'
import { openDatabase } from './db/database.js'
import { migrate } from './db/migrations.js'
import { findSite } from './db/store.js'
import { createLogger } from './log.js'
import { serve } from './serve.js'
import { decodeSeed, exportSeed, importSeed, importUsers, usersFromGetUserResponses } from './seed.js'

const NAME = 'webex-user-rules-server'
/** The seed shipped next to dist/: the default of `--seed`. */
const BUNDLED_SEED = fileURLToPath(new URL('../seed.json', import.meta.url))
const DEFAULT_DATABASE = 'memory:'

const fail = (message: string, code = 2): never => {
  process.stderr.write(`${NAME}: ${message}\n`)
  process.exit(code)
}

const readJson = (path: string): unknown => {
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch (thrown) {
    return fail(`cannot read ${path}: ${thrown instanceof Error ? thrown.message : String(thrown)}`)
  }
}

const { values, positionals } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        seed: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        database: { type: 'string' },
        webhook: { type: 'string' },
        'outbox-lease': { type: 'string' },
        'pool-size': { type: 'string' },
        site: { type: 'string' },
      },
    })
  } catch (thrown) {
    return fail(thrown instanceof Error ? thrown.message : String(thrown))
  }
})()
const [command = 'serve', ...files] = positionals
const database = values.database ?? process.env['WEBEX_DATABASE'] ?? DEFAULT_DATABASE

// JSON lines on stderr with every secret scrubbed (D-SVH-6)
const log = createLogger({ base: { name: NAME } })

const runImport = async (): Promise<void> => {
  if (files.length === 0) fail('import: name the files to import')
  const db = await openDatabase(database)
  try {
    await migrate(db)
    const xml = files.filter((f) => f.endsWith('.xml'))
    const json = files.filter((f) => !f.endsWith('.xml'))
    let count = 0
    for (const file of json) {
      const sites = decodeSeed(readJson(file))
      if (E.isLeft(sites)) fail(`${file}: ${sites.left}`)
      else count += await importSeed(db, sites.right)
    }
    if (xml.length > 0) {
      const users = usersFromGetUserResponses(xml.map((f) => readFileSync(f, 'utf8')))
      if (E.isLeft(users)) fail(users.left)
      else {
        const site = await findSite(db, values.site === undefined ? {} : { siteName: values.site })
        if (site === undefined) fail('import: --site NAME names no site (import a seed with the site first)')
        else
          count += await db.transaction(async (tx) => {
            await tx.query('SELECT id FROM site WHERE id = $1 FOR UPDATE', [site.id])
            return importUsers(tx, site.id, users.right)
          })
      }
    }
    process.stderr.write(`${NAME}: imported ${String(count)} users\n`)
  } finally {
    await db.close()
  }
}

const runExport = async (): Promise<void> => {
  const db = await openDatabase(database)
  try {
    await migrate(db)
    process.stdout.write(`${JSON.stringify(await exportSeed(db), null, 2)}\n`)
  } finally {
    await db.close()
  }
}

const runServe = async (): Promise<void> => {
  const port = Number(values.port ?? process.env['PORT'] ?? 8080)
  if (!Number.isInteger(port) || port < 0 || port > 65_535) fail(`--port: expected 0–65535, got ${String(values.port)}`)
  const host = values.host ?? '127.0.0.1'
  const seed = readJson(values.seed ?? BUNDLED_SEED)
  const poolSize = values['pool-size'] === undefined ? undefined : Number(values['pool-size'])
  if (poolSize !== undefined && (!Number.isInteger(poolSize) || poolSize < 1 || poolSize > 1000))
    fail(`--pool-size: expected 1–1000, got ${String(values['pool-size'])}`)
  const app = await createApp({
    database,
    log,
    seed,
    ...(values.webhook === undefined ? {} : { webhook: values.webhook }),
    ...(values['outbox-lease'] === undefined ? {} : { outboxLeaseSeconds: Number(values['outbox-lease']) }),
    ...(poolSize === undefined ? {} : { poolSize }),
  }).catch((thrown: unknown) =>
    fail(thrown instanceof StartupError ? thrown.message : `cannot start: ${String(thrown)}`),
  )
  const served = await serve(app, log, port, host)
  process.stdout.write(`listening on ${served.url.href}\n`)
  let stopping = false
  const stop = (): void => {
    if (stopping) return
    stopping = true
    void served
      .shutdown()
      .then(() => app.close())
      .then(() => process.exit(0))
  }
  process.once('SIGTERM', stop)
  process.once('SIGINT', stop)
}

const commands: Record<string, () => Promise<void>> = { serve: runServe, import: runImport, export: runExport }
const run = commands[command] ?? (() => fail(`unknown command ${command} (serve, import, export)`))
run().catch((thrown: unknown) => fail(thrown instanceof Error ? thrown.message : String(thrown), 1))
