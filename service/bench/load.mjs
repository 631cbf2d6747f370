// The load generator, in a process of its own: `concurrency` clients, each sending its next
// request as soon as the previous answer is in (closed loop), over keep-alive connections, spread
// over the targets (one per service process). Prints one JSON line: requests per second, p50 and
// p99 latency (ms) over the measured window, how many answers were not SUCCESS, and — on Linux —
// the CPU each party spent per request in that window (D-SP-9).
//
//   node bench/load.mjs '{"targets":[{"url":…,"ticket":…,"pid":…}],"op":"GetUser"|"SetUser","users":N,
//                        "concurrency":C,"warmupSeconds":1,"seconds":3,"client":"socket"|"http"}'
//
// `client` "socket" (the default) speaks HTTP/1.1 on a plain socket per client, as wrk does: the
// load generator shares the machine's two cores with the service and PostgreSQL, and node:http's
// client costs several times as much CPU per request (D-SP-9). "http" keeps node:http's client,
// for comparison with the figures measured with it.
import { readdirSync, readFileSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { connect } from 'node:net'

const config = JSON.parse(process.argv[2])
const useSocket = (config.client ?? 'socket') === 'socket'
const targets = config.targets.map((target) => ({
  ...target,
  url: new URL(target.url),
  agent: useSocket ? undefined : new Agent({ keepAlive: true, maxSockets: config.concurrency }),
}))

const userId = (n) => `u${String(n).padStart(5, '0')}`

const message = (ticket, op, webExId, n) =>
  '<?xml version="1.0" encoding="UTF-8"?>' +
  '<serv:message xmlns:serv="http://www.webex.com/schemas/2002/06/service" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
  `<header><securityContext><webExID>admin</webExID><sessionTicket>${ticket}</sessionTicket><siteName>examplesite</siteName></securityContext></header>` +
  `<body><bodyContent xsi:type="java:com.webex.service.binding.user.${op}"><webExId>${webExId}</webExId>` +
  (op === 'SetUser' ? `<firstName>Name${String(n)}</firstName>` : '') +
  '</bodyContent></body></serv:message>'

const SUCCESS = '<serv:result>SUCCESS</serv:result>'

/** node:http's client, one keep-alive agent per target. */
const httpPost = (target, body) =>
  new Promise((resolve) => {
    const req = request(
      {
        host: target.url.hostname,
        port: target.url.port,
        path: target.url.pathname,
        method: 'POST',
        agent: target.agent,
        headers: { 'content-type': 'text/xml', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk) => (text += chunk))
        res.on('end', () => resolve({ ok: res.statusCode === 200 && text.includes(SUCCESS), text }))
      },
    )
    req.on('error', (error) => resolve({ ok: false, text: String(error.code ?? error.message) }))
    req.end(body)
  })

/**
 * One keep-alive connection speaking HTTP/1.1 directly. The service answers with a
 * content-length (src/http/index.ts), so a response is complete once its headers and that many
 * bytes are in; anything else (no length, a closed connection) counts as a failure.
 */
const socketClient = (target) => {
  const socket = connect({ host: target.url.hostname, port: Number(target.url.port), noDelay: true })
  const head = `POST ${target.url.pathname} HTTP/1.1\r\nHost: ${target.url.host}\r\nContent-Type: text/xml\r\nContent-Length: `
  let buffered = Buffer.alloc(0)
  let pending
  const settle = (answer) => {
    const resolve = pending
    pending = undefined
    resolve?.(answer)
  }
  socket.on('data', (chunk) => {
    buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk])
    const end = buffered.indexOf('\r\n\r\n')
    if (end < 0) return
    const headers = buffered.toString('latin1', 0, end)
    const length = /\r\ncontent-length: *(\d+)/i.exec(headers)
    if (length === null) return settle({ ok: false, text: `no content-length: ${headers.slice(0, 200)}` })
    const total = end + 4 + Number(length[1])
    if (buffered.length < total) return
    const text = buffered.toString('utf8', end + 4, total)
    buffered = buffered.subarray(total)
    settle({ ok: headers.startsWith('HTTP/1.1 200 ') && text.includes(SUCCESS), text })
  })
  socket.on('error', (error) => settle({ ok: false, text: String(error.code ?? error.message) }))
  socket.on('close', () => settle({ ok: false, text: 'connection closed' }))
  return {
    post: (body) =>
      new Promise((resolve) => {
        // a connection the server closed answers nothing more: fail rather than wait forever, on the
        // next turn of the event loop so that the window's timer still runs
        if (socket.destroyed) return setImmediate(() => resolve({ ok: false, text: 'connection closed' }))
        pending = resolve
        socket.write(`${head}${String(Buffer.byteLength(body))}\r\n\r\n${body}`)
      }),
    close: () => socket.destroy(),
  }
}

// --- CPU per party over the measured window (Linux /proc; absent elsewhere) ---------------------

const TICKS = 100 // USER_HZ: /proc reports CPU time in 1/100 s on Linux
/** utime + stime of one process, in seconds; undefined when it is gone or /proc is missing. */
const cpuSeconds = (pid) => {
  try {
    const stat = readFileSync(`/proc/${String(pid)}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) / TICKS
  } catch {
    return undefined
  }
}
/** Every PostgreSQL process of the machine (its server and backends), by command name. */
const postgresPids = () => {
  try {
    return readdirSync('/proc').filter((p) => {
      if (!/^\d+$/.test(p)) return false
      try {
        return readFileSync(`/proc/${p}/comm`, 'utf8').trim() === 'postgres'
      } catch {
        return false
      }
    })
  } catch {
    return []
  }
}
const snapshot = () => {
  const service = targets.map((t) => (t.pid === undefined ? undefined : cpuSeconds(t.pid)))
  const postgres = new Map(postgresPids().map((p) => [p, cpuSeconds(p) ?? 0]))
  const own = process.cpuUsage()
  return { service, postgres, load: (own.user + own.system) / 1e6 }
}
/** CPU ms per request of the service processes, PostgreSQL and this load generator. */
const cpuPerRequest = (before, after, requests) => {
  if (requests === 0 || before.service.some((s) => s === undefined)) return undefined
  let service = 0
  for (let i = 0; i < targets.length; i++) service += (after.service[i] ?? 0) - (before.service[i] ?? 0)
  let postgres = 0
  // a backend that started in the window counts from 0; one that ended in it is lost (rare: pools)
  for (const [pid, seconds] of after.postgres) postgres += seconds - (before.postgres.get(pid) ?? 0)
  const ms = (seconds) => (seconds * 1000) / requests
  return { service: ms(service), postgres: ms(postgres), load: ms(after.load - before.load) }
}

let recording = false
let stopped = false
const latencies = []
let failures = 0
let sampleFailure

const client = async (index) => {
  const target = targets[index % targets.length]
  const connection = useSocket ? socketClient(target) : undefined
  const post = connection === undefined ? (body) => httpPost(target, body) : connection.post
  let n = index
  while (!stopped) {
    n += 1
    const webExId = userId(1 + Math.floor(Math.random() * config.users))
    const started = process.hrtime.bigint()
    const answer = await post(message(target.ticket, config.op, webExId, n))
    const ms = Number(process.hrtime.bigint() - started) / 1e6
    if (!recording) continue
    latencies.push(ms)
    if (!answer.ok) {
      failures += 1
      sampleFailure ??= answer.text.slice(0, 300)
    }
  }
  connection?.close()
}

const clients = Array.from({ length: config.concurrency }, (_, i) => client(i))
await new Promise((resolve) => setTimeout(resolve, config.warmupSeconds * 1000))
recording = true
const cpuBefore = snapshot()
const begun = process.hrtime.bigint()
await new Promise((resolve) => setTimeout(resolve, config.seconds * 1000))
recording = false
const elapsed = Number(process.hrtime.bigint() - begun) / 1e9
const cpuAfter = snapshot()
stopped = true
await Promise.all(clients)
for (const target of targets) target.agent?.destroy()

latencies.sort((a, b) => a - b)
const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN
const cpu = cpuPerRequest(cpuBefore, cpuAfter, latencies.length)
console.log(
  JSON.stringify({
    requests: latencies.length,
    rps: latencies.length / elapsed,
    p50: at(0.5),
    p99: at(0.99),
    failures,
    ...(cpu === undefined ? {} : { cpuMs: cpu }),
    ...(sampleFailure === undefined ? {} : { sampleFailure }),
  }),
)
