// One service process for the benchmark: the app (database, operations, outbox) behind the
// service's HTTP layer, as deployed. Prints one JSON line on stdout once listening:
// { url, ticket, pid } — a session ticket of the site admin, so that the load is the operations and
// not one scrypt per request (real clients authenticate once and then send the ticket).
//
//   node bench/server.mjs DATABASE SEED_FILE
// `--bare`: a node:http server that answers every request with one fixed message (the limit).
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'

const [database, seedFile] = process.argv.slice(2)

if (database === '--bare') {
  const answer = readFileSync(new URL('./fixed-response.xml', import.meta.url))
  const server = createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'text/xml;charset=UTF-8', 'content-length': answer.length })
      res.end(answer)
    })
  })
  server.listen(0, '127.0.0.1', () => {
    console.log(
      JSON.stringify({
        url: `http://127.0.0.1:${server.address().port}/WBXService/XMLService`,
        ticket: '',
        pid: process.pid,
      }),
    )
  })
  process.once('SIGTERM', () => server.close(() => process.exit(0)))
} else {
  const dist = new URL('../dist/', import.meta.url)
  const { createApp } = await import(new URL('app.js', dist).href)
  const { createHttpService, shutdownOnSignals } = await import(new URL('http/index.js', dist).href)
  const { createLogger } = await import(new URL('log.js', dist).href)
  const { findSite, findUser } = await import(new URL('db/store.js', dist).href)
  const { issueSessionTicket } = await import(new URL('operations/caller.js', dist).href)

  // a deployed service logs one line per request: keep that cost in the figures (stderr is
  // discarded by the harness). BENCH_LOG_LEVEL (default info) only to measure what logging costs.
  const logger = createLogger({ level: process.env.BENCH_LOG_LEVEL ?? 'info' })
  // BENCH_POOL_SIZE: the pool of each process (the service's --pool-size)
  const poolSize = process.env.BENCH_POOL_SIZE === undefined ? {} : { poolSize: Number(process.env.BENCH_POOL_SIZE) }
  const app = await createApp({ database, log: logger, seed: JSON.parse(readFileSync(seedFile, 'utf8')), ...poolSize })
  const service = createHttpService({ handle: app.handle, health: app.health, logger })
  shutdownOnSignals(service, logger, () => app.close())
  const site = await findSite(app.db, { siteName: 'examplesite' })
  const admin = await findUser(app.db, site.id, 'admin', 'none')
  const { ticket } = await issueSessionTicket(app.db, site, admin.id)
  const url = await service.listen(0, '127.0.0.1')
  console.log(JSON.stringify({ url: url.href, ticket, pid: process.pid }))
}
