// The load generator, in a process of its own: `concurrency` clients, each sending its next
// request as soon as the previous answer is in (closed loop), over keep-alive connections, spread
// over the targets (one per service process). Prints one JSON line: requests per second, p50 and
// p99 latency (ms) over the measured window, and how many answers were not SUCCESS.
//
//   node bench/load.mjs '{"targets":[{"url":…,"ticket":…}],"op":"GetUser"|"SetUser","users":N,
//                        "concurrency":C,"warmupSeconds":1,"seconds":3}'
import { Agent, request } from 'node:http'

const config = JSON.parse(process.argv[2])
const targets = config.targets.map((target) => ({
  ...target,
  url: new URL(target.url),
  agent: new Agent({ keepAlive: true, maxSockets: config.concurrency }),
}))

const userId = (n) => `u${String(n).padStart(5, '0')}`

const message = (ticket, op, webExId, n) =>
  '<?xml version="1.0" encoding="UTF-8"?>' +
  '<serv:message xmlns:serv="http://www.webex.com/schemas/2002/06/service" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
  `<header><securityContext><webExID>admin</webExID><sessionTicket>${ticket}</sessionTicket><siteName>examplesite</siteName></securityContext></header>` +
  `<body><bodyContent xsi:type="java:com.webex.service.binding.user.${op}"><webExId>${webExId}</webExId>` +
  (op === 'SetUser' ? `<firstName>Name${String(n)}</firstName>` : '') +
  '</bodyContent></body></serv:message>'

const post = (target, body) =>
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
        res.on('end', () =>
          resolve({ ok: res.statusCode === 200 && text.includes('<serv:result>SUCCESS</serv:result>'), text }),
        )
      },
    )
    req.on('error', (error) => resolve({ ok: false, text: String(error.code ?? error.message) }))
    req.end(body)
  })

let recording = false
let stopped = false
const latencies = []
let failures = 0
let sampleFailure

const client = async (index) => {
  const target = targets[index % targets.length]
  let n = index
  while (!stopped) {
    n += 1
    const webExId = userId(1 + Math.floor(Math.random() * config.users))
    const started = process.hrtime.bigint()
    const answer = await post(target, message(target.ticket, config.op, webExId, n))
    const ms = Number(process.hrtime.bigint() - started) / 1e6
    if (!recording) continue
    latencies.push(ms)
    if (!answer.ok) {
      failures += 1
      sampleFailure ??= answer.text.slice(0, 300)
    }
  }
}

const clients = Array.from({ length: config.concurrency }, (_, i) => client(i))
await new Promise((resolve) => setTimeout(resolve, config.warmupSeconds * 1000))
recording = true
const begun = process.hrtime.bigint()
await new Promise((resolve) => setTimeout(resolve, config.seconds * 1000))
recording = false
const elapsed = Number(process.hrtime.bigint() - begun) / 1e9
stopped = true
await Promise.all(clients)
for (const target of targets) target.agent.destroy()

latencies.sort((a, b) => a - b)
const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN
console.log(
  JSON.stringify({
    requests: latencies.length,
    rps: latencies.length / elapsed,
    p50: at(0.5),
    p99: at(0.99),
    failures,
    ...(sampleFailure === undefined ? {} : { sampleFailure }),
  }),
)
