/**
 * A plain node:http front for the app: POST /WBXService/XMLService and GET /healthz. The HTTP
 * layer with timeouts, connection limits and request logging (src/http/) replaces it when merged.
 */
import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Logger } from 'pino'
import { MAX_MESSAGE_BYTES } from 'webex-user-rules/xml'
import type { App } from './app.js'

/** The path Webex serves the XML API on. */
export const XML_SERVICE_PATH = '/WBXService/XMLService'

export interface Served {
  readonly url: URL
  shutdown(): Promise<void>
}

const readBody = (req: IncomingMessage): Promise<Uint8Array | undefined> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= MAX_MESSAGE_BYTES) chunks.push(chunk)
    })
    req.on('end', () => {
      resolve(size > MAX_MESSAGE_BYTES ? undefined : Buffer.concat(chunks))
    })
    req.on('error', reject)
  })

export const serve = (app: App, log: Logger, port: number, host: string): Promise<Served> => {
  const server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0]
    if (path === '/healthz' && req.method === 'GET') {
      void app
        .health()
        .then((ok) =>
          res.writeHead(ok ? 200 : 503, { 'content-type': 'text/plain' }).end(ok ? 'ok\n' : 'database unreachable\n'),
        )
      return
    }
    if (path !== XML_SERVICE_PATH) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n')
      return
    }
    if (req.method !== 'POST') {
      res.writeHead(405, { 'content-type': 'text/plain', allow: 'POST' }).end('Method not allowed\n')
      return
    }
    const requestId = randomUUID()
    readBody(req)
      .then(async (body) => {
        if (body === undefined) {
          res.writeHead(413, { 'content-type': 'text/plain', connection: 'close' }).end('Request body too large\n')
          return
        }
        const xml = await app.handle(body, { requestId, log: log.child({ requestId }) })
        res.writeHead(200, { 'content-type': 'text/xml; charset=UTF-8' }).end(xml)
      })
      .catch((thrown: unknown) => {
        log.error({ requestId, error: thrown instanceof Error ? thrown.message : String(thrown) }, 'request failed')
        if (!res.headersSent) res.writeHead(500).end()
      })
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      const { port: actual } = server.address() as AddressInfo
      resolve({
        url: new URL(`http://${host.includes(':') ? `[${host}]` : host}:${String(actual)}${XML_SERVICE_PATH}`),
        shutdown: () =>
          new Promise<void>((done) => {
            server.close(() => {
              done()
            })
            server.closeIdleConnections()
          }),
      })
    })
  })
}
