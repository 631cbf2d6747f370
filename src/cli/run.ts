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
 * {@link runAsync} runs every command; {@link run} is its synchronous form for the commands that
 * answer at once (all but `conformance`, which talks to an endpoint, D-C5, and `batch`, which reads
 * its input as it arrives, D-C9).
 *
 * @module
 */
import { readFileSync } from 'node:fs'
import { Command, CommanderError, Option } from 'commander'
import { isPlainObject } from 'webex-user-rules'
import { COMMANDS } from './registry.js'
import { type CliCommand, type CliIO, type CliResult, NAME, thrownLine, unusable } from './shared.js'

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
const program = (
  io: CliIO,
  captured: { out: string; err: string; result?: CliResult | Promise<CliResult> },
  asynchronous: boolean,
): Command => {
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
      captured.result =
        command.asynchronous === true && !asynchronous
          ? unusable(`${command.name} answers asynchronously: run it with runAsync`, command.name)
          : command.run(options, io)
    })
  }
  COMMANDS.forEach(add)
  return root
}

/** A throw out of a command: one line, exit 2, never a stack trace. */
const thrownResult = (thrown: unknown): CliResult => ({ stdout: '', stderr: `${thrownLine(thrown)}\n`, exitCode: 2 })

/** Parses `argv` and runs its command: its result, or a promise of it for an asynchronous command. */
const dispatch = (argv: readonly string[], io: CliIO, asynchronous: boolean): CliResult | Promise<CliResult> => {
  if (argv.length === 0) return unusable(`missing command (${COMMANDS.map((c) => c.name).join(', ')})`)
  const captured: { out: string; err: string; result?: CliResult | Promise<CliResult> } = { out: '', err: '' }
  try {
    program(io, captured, asynchronous).parse([...argv], { from: 'user' })
  } catch (thrown) {
    if (thrown instanceof CommanderError) {
      // --help and --version end the parse with exit code 0
      if (thrown.exitCode === 0) return { stdout: captured.out, stderr: captured.err, exitCode: 0 }
      // the usage hint names the command's own --help when the line names a command
      const command = COMMANDS.find((c) => c.name === argv[0])
      const help = command === undefined ? `${NAME} --help` : `${NAME} ${command.name} --help`
      return { stdout: '', stderr: `${NAME}: ${captured.err}Run "${help}" for usage.\n`, exitCode: 2 }
    }
    return thrownResult(thrown)
  }
  const result = captured.result ?? unusable('missing command')
  return result instanceof Promise ? result.catch(thrownResult) : result
}

/** Runs the command line `argv` (without `node` and the script). Never throws nor rejects. */
export const runAsync = async (argv: readonly string[], io: CliIO): Promise<CliResult> => dispatch(argv, io, true)

/**
 * Runs the command line `argv` of a command that answers at once. Never throws; an asynchronous
 * command (`conformance`, `batch`) is not started here (exit 2) — run it with {@link runAsync}.
 */
export const run = (argv: readonly string[], io: CliIO): CliResult => {
  const result = dispatch(argv, io, false)
  return result instanceof Promise ? unusable('an asynchronous command: run it with runAsync') : result
}
