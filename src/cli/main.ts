#!/usr/bin/env node
/**
 * The `webex-user-rules` executable: runs the command line and exits with its code.
 *
 * @module
 */
import { readFileSync } from 'node:fs'
import { run } from './run.js'

const result = run(process.argv.slice(2), {
  readFile: (path) => readFileSync(path),
  isTTY: process.stdout.isTTY,
})
process.stdout.write(result.stdout)
process.stderr.write(result.stderr)
process.exitCode = result.exitCode
