#!/usr/bin/env node
/**
 * The `webex-user-rules` executable: runs the command line and exits with its code.
 *
 * @module
 */
import { once } from 'node:events'
import { createReadStream, fstatSync, openSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { runAsync } from './run.js'
import { throttledProgress } from './shared.js'

/** The size of the file behind a descriptor, when it is a regular file (not a pipe or a terminal). */
const sizeOf = (fd: number): number | undefined => {
  const stat = fstatSync(fd)
  return stat.isFile() ? stat.size : undefined
}

// a closed stdout (`| head`) is an error event: kept for the next write, never an uncaught throw
let stdoutError: Error | undefined
process.stdout.on('error', (error: Error) => {
  stdoutError ??= error
})

const result = await runAsync(process.argv.slice(2), {
  readFile: (path) => readFileSync(path),
  readStdin: () => readFileSync(0),
  // batch reads NDJSON as it arrives; the file is opened here, so a missing one fails at once
  openStream: (path) => {
    if (path === '-') return { chunks: process.stdin, size: sizeOf(0) }
    const fd = openSync(path, 'r')
    return { chunks: createReadStream('', { fd }), size: sizeOf(fd) }
  },
  readDir: (path) => {
    // a file is not a folder: the caller then reads it as a file
    if (!statSync(path).isDirectory()) throw new Error(`${path} is not a folder`)
    return readdirSync(path)
  },
  writeFile: (path, text) => {
    writeFileSync(path, text)
  },
  // batch writes each result line as it completes (a later failure keeps the lines before it), and
  // waits while stdout is full: the output does not pile up in memory
  writeOut: async (text) => {
    if (stdoutError !== undefined) throw stdoutError
    if (!process.stdout.write(text)) await once(process.stdout, 'drain')
  },
  env: process.env,
  isTTY: process.stdout.isTTY,
  ...(process.stderr.isTTY ? { progress: throttledProgress((text) => process.stderr.write(text), Date.now) } : {}),
})
process.stdout.write(result.stdout)
process.stderr.write(result.stderr)
process.exitCode = result.exitCode
