#!/usr/bin/env node
/**
 * `webex-user-rules-server [--seed FILE] [--port N] [--host H] [--database memory:|DIR|postgres://…]`
 */
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: {
    seed: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    database: { type: 'string' },
  },
})
console.error(`webex-user-rules-server: the skeleton does not serve yet (${JSON.stringify(values)})`)
process.exit(2)
