import { InvalidRequestError } from '@ecny/sdk-core'

/** What `ecny reconcile` was asked to do. */
export interface ReconcileArgs {
  command: 'reconcile'
  statement?: string | undefined
  date?: string | undefined
  records: string
  out?: string | undefined
  csv?: string | undefined
  includeMatched: boolean
  memoryRows?: number | undefined
  progress: boolean | undefined
}

/** The parsed command line: a command to run, or a request for help. */
export type CliArgs = ReconcileArgs | { command: 'help'; topic?: 'reconcile' | undefined }

const valueFlags = new Set(['--statement', '--records', '--out', '--csv', '--date', '--memory-rows'])
const booleanFlags = new Set(['--include-matched', '--progress', '--no-progress', '--help', '-h'])

function usage(message: string): InvalidRequestError {
  return new InvalidRequestError('invalid_request', message, {
    hint: 'Run `ecny reconcile --help` for usage.',
  })
}

/**
 * Parses the `ecny` command line (without the node and script paths). Flags take their value as the
 * next argument or after `=`. A bad command line is an `invalid_request` error saying what is wrong.
 *
 * @example
 * parseArgs(['reconcile', '--statement', 's.csv', '--records=r.csv'])
 * // { command: 'reconcile', statement: 's.csv', records: 'r.csv', includeMatched: false, … }
 */
export function parseArgs(argv: readonly string[]): CliArgs {
  const [command, ...rest] = argv
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    return { command: 'help', topic: rest[0] === 'reconcile' ? 'reconcile' : undefined }
  }
  if (command !== 'reconcile')
    throw usage(`unknown command ${JSON.stringify(command)} (the one command is reconcile)`)
  const values = new Map<string, string>()
  const flags = new Set<string>()
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!
    const eq = arg.indexOf('=')
    const name = arg.startsWith('--') && eq !== -1 ? arg.slice(0, eq) : arg
    if (valueFlags.has(name)) {
      const value = eq !== -1 && name !== arg ? arg.slice(eq + 1) : rest[++i]
      if (value === undefined || value === '') throw usage(`${name} needs a value`)
      values.set(name, value)
    } else if (booleanFlags.has(arg)) {
      flags.add(arg)
    } else {
      throw usage(`unknown option ${JSON.stringify(arg)}`)
    }
  }
  if (flags.has('--help') || flags.has('-h')) return { command: 'help', topic: 'reconcile' }
  const statement = values.get('--statement')
  const date = values.get('--date')
  const records = values.get('--records')
  if ((statement === undefined) === (date === undefined))
    throw usage('give either --statement FILE or --date YYYY-MM-DD')
  if (date !== undefined && !/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(date)) {
    throw usage(`--date must be YYYY-MM-DD, got ${JSON.stringify(date)}`)
  }
  if (records === undefined) throw usage('--records FILE is required')
  const memoryText = values.get('--memory-rows')
  const memoryRows = memoryText === undefined ? undefined : Number(memoryText)
  if (memoryRows !== undefined && !(Number.isSafeInteger(memoryRows) && memoryRows > 0)) {
    throw usage(`--memory-rows must be a positive integer, got ${JSON.stringify(memoryText)}`)
  }
  return {
    command: 'reconcile',
    statement,
    date,
    records,
    out: values.get('--out'),
    csv: values.get('--csv'),
    includeMatched: flags.has('--include-matched'),
    memoryRows,
    progress: flags.has('--progress') ? true : flags.has('--no-progress') ? false : undefined,
  }
}
