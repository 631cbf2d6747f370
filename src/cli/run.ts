/**
 * The `webex-user-rules` command line, as a function: arguments and the outside world in, the
 * text for stdout and stderr and the exit code out. `main.ts` wires it to the process; tests call
 * it directly. The command line is parsed by commander from the commands of `registry.ts`: each
 * command has its own options and `--help`, and anything it does not declare is refused.
 *
 * Never throws and never prints a stack trace: a command-line error is exit 2; a bug in the
 * engine ({@link EngineDefect}) is reported as one line, exit 2 as well — it is not the caller's
 * refusal (D-E2).
 *
 * @module
 */
import { readFileSync } from 'node:fs'
import { Command, CommanderError, Option } from 'commander'
import { EngineDefect, isPlainObject } from 'webex-user-rules'
import { COMMANDS } from './registry.js'
import { type CliCommand, type CliIO, type CliResult, NAME, unusable } from './shared.js'

export type { CliIO, CliResult }

/** The package version, from the package.json next to `src/` and `dist/`. */
const VERSION = ((): string => {
  try {
    const pkg: unknown = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'))
    const version = isPlainObject(pkg) ? pkg['version'] : undefined
    return typeof version === 'string' ? version : '0.0.0'
  } catch {
    return '0.0.0'
  }
})()

/** The program for one run: output captured, exits turned into exceptions. */
const program = (io: CliIO, captured: { out: string; err: string; result?: CliResult }): Command => {
  const root = new Command(NAME)
    .description('Run the Webex Meetings XML API user rules on files: what the real service would answer.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'print this help')
    .configureOutput({
      writeOut: (text) => (captured.out += text),
      writeErr: (text) => (captured.err += text),
    })
    .exitOverride()
    .showSuggestionAfterError(true)
  const add = (command: CliCommand): void => {
    const sub = root
      .command(command.name)
      .description(command.summary)
      .helpOption('-h, --help', 'print this help')
      .configureOutput({
        writeOut: (text) => (captured.out += text),
        writeErr: (text) => (captured.err += text),
      })
      .exitOverride()
      .allowExcessArguments(false)
      .showSuggestionAfterError(true)
    if (command.details !== undefined) sub.addHelpText('after', `\n${command.details}`)
    for (const spec of command.options) {
      const option = new Option(spec.flags, spec.description)
      if (spec.choices !== undefined) option.choices(spec.choices)
      if (spec.required === true) option.makeOptionMandatory()
      sub.addOption(option)
    }
    sub.action((options: Record<string, unknown>) => {
      captured.result = command.run(options, io)
    })
  }
  COMMANDS.forEach(add)
  return root
}

/** Runs the command line `argv` (without `node` and the script). Never throws. */
export const run = (argv: readonly string[], io: CliIO): CliResult => {
  if (argv.length === 0) return unusable(`missing command (${COMMANDS.map((c) => c.name).join(', ')})`)
  const captured: { out: string; err: string; result?: CliResult } = { out: '', err: '' }
  try {
    program(io, captured).parse([...argv], { from: 'user' })
  } catch (thrown) {
    if (thrown instanceof CommanderError) {
      // --help and --version end the parse with exit code 0
      if (thrown.exitCode === 0) return { stdout: captured.out, stderr: captured.err, exitCode: 0 }
      return { stdout: '', stderr: `${NAME}: ${captured.err}Run "${NAME} --help" for usage.\n`, exitCode: 2 }
    }
    if (thrown instanceof EngineDefect)
      return { stdout: '', stderr: `${NAME}: ${thrown.message}: ${String(thrown.cause)}\n`, exitCode: 2 }
    return { stdout: '', stderr: `${NAME}: internal error: ${String(thrown)}\n`, exitCode: 2 }
  }
  return captured.result ?? unusable('missing command')
}
