#!/usr/bin/env node
/**
 * The `webex-user-rules` executable: runs the command line and exits with its code.
 *
 * @module
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { runConformance } from './conformance.js'
import { run } from './run.js'

const argv = process.argv.slice(2)
const result =
  argv[0] === 'conformance'
    ? await runConformance(argv.slice(1), {
        readFile: (path) => readFileSync(path),
        writeFile: (path, text) => {
          writeFileSync(path, text)
        },
        progress: { isTTY: process.stderr.isTTY, write: (text) => process.stderr.write(text) },
        env: process.env,
      })
    : run(argv, {
        readFile: (path) => readFileSync(path),
        isTTY: process.stdout.isTTY,
      })
process.stdout.write(result.stdout)
process.stderr.write(result.stderr)
process.exitCode = result.exitCode
