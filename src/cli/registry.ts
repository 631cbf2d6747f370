/**
 * The commands of the CLI, in the order `--help` lists them. A command is a module exporting a
 * {@link CliCommand}; adding one is one line here (CONTRIBUTING.md, "Adding a CLI command").
 *
 * @module
 */
import { batchCommand } from './batch.js'
import { conformanceCommand } from './conformance.js'
import {
  activateCommand,
  applyCommand,
  createCommand,
  deleteCommand,
  getCommand,
  inactivateCommand,
} from './operations.js'
import type { CliCommand } from './shared.js'

export const COMMANDS: readonly CliCommand[] = [
  applyCommand,
  createCommand,
  getCommand,
  deleteCommand,
  activateCommand,
  inactivateCommand,
  batchCommand,
  conformanceCommand,
]
