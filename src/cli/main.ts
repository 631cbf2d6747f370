#!/usr/bin/env node
/**
 * The `webex-user-rules` executable: runs the command line and exits with its code.
 *
 * @module
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { type CliResult, run } from './run.js'

const argv = process.argv.slice(2)

/** The conformance kit needs fast-check (an optional peer dependency): loaded only for its subcommand. */
const conformance = async (): Promise<CliResult> => {
  let module: typeof import('./conformance.js')
  try {
    module = await import('./conformance.js')
  } catch (thrown) {
    const missing = thrown instanceof Error && thrown.message.includes('fast-check')
    return {
      stdout: '',
      stderr: missing
        ? 'webex-user-rules conformance needs fast-check: npm install --save-dev fast-check\n'
        : `webex-user-rules conformance: ${thrown instanceof Error ? thrown.message : String(thrown)}\n`,
      exitCode: 2,
    }
  }
  return module.runConformance(argv.slice(1), {
    readFile: (path) => readFileSync(path),
    writeFile: (path, text) => {
      writeFileSync(path, text)
    },
    progress: { isTTY: process.stderr.isTTY, write: (text) => process.stderr.write(text) },
    env: process.env,
  })
}

const result =
  argv[0] === 'conformance'
    ? await conformance()
    : run(argv, {
        readFile: (path) => readFileSync(path),
        readStdin: () => readFileSync(0),
        readDir: (path) => {
          // a file is not a folder: the caller then reads it as a file
          if (!statSync(path).isDirectory()) throw new Error(`${path} is not a folder`)
          return readdirSync(path)
        },
        isTTY: process.stdout.isTTY,
        ...(process.stderr.isTTY ? { progress: (text: string) => process.stderr.write(text) } : {}),
      })
process.stdout.write(result.stdout)
process.stderr.write(result.stderr)
process.exitCode = result.exitCode
