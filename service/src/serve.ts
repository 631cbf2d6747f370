/**
 * The app behind the service's HTTP layer (src/http/): timeouts, the connection limit, 413s that
 * reach the client, request ids, scrubbed request logs and `GET /healthz`.
 */
import type { App } from './app.js'
import { createHttpService, type HttpLimits } from './http/index.js'
import type { Logger } from './log.js'

export { XML_SERVICE_PATH } from './http/index.js'

export interface Served {
  readonly url: URL
  /** Stops accepting, finishes the requests in flight; the caller then closes the app. */
  shutdown(): Promise<void>
}

export const serve = async (
  app: App,
  logger: Logger,
  port: number,
  host: string,
  limits?: Partial<HttpLimits>,
): Promise<Served> => {
  const service = createHttpService({
    handle: (body, ctx) => app.handle(body, ctx),
    health: () => app.health(),
    logger,
    ...(limits === undefined ? {} : { limits }),
  })
  const url = await service.listen(port, host)
  return { url, shutdown: () => service.shutdown() }
}
