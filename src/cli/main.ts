#!/usr/bin/env node
/**
 * The `webex-user-rules` executable: runs the command line and exits with its code.
 *
 * @module
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { runAsync } from './run.js'

const result = await runAsync(process.argv.slice(2), {
  readFile: (path) => readFileSync(path),
  readStdin: () => readFileSync(0),
  readDir: (path) => {
    // a file is not a folder: the caller then reads it as a file
    if (!statSync(path).isDirectory()) throw new Error(`${path} is not a folder`)
    return readdirSync(path)
  },
  writeFile: (path, text) => {
    writeFileSync(path, text)
  },
  // batch writes each result line as it completes (a later failure keeps the lines before it)
  writeOut: (text) => process.stdout.write(text),
  env: process.env,
  isTTY: process.stdout.isTTY,
  ...(process.stderr.isTTY ? { progress: (text: string) => process.stderr.write(text) } : {}),
})
process.stdout.write(result.stdout)
process.stderr.write(result.stderr)
process.exitCode = result.exitCode
