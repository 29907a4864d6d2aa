import { parseArgs as parseNodeArgs } from 'node:util'
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
  /** `--threads 1` keeps the run on one thread, `2` uses a worker; `undefined`: the library's default. */
  threads?: 1 | 2 | undefined
  progress: boolean | undefined
}

/** The parsed command line: a command to run, or a request for help. */
export type CliArgs = ReconcileArgs | { command: 'help'; topic?: 'reconcile' | undefined }

const options = {
  statement: { type: 'string' },
  records: { type: 'string' },
  out: { type: 'string' },
  csv: { type: 'string' },
  date: { type: 'string' },
  'memory-rows': { type: 'string' },
  threads: { type: 'string' },
  'include-matched': { type: 'boolean' },
  progress: { type: 'boolean' },
  'no-progress': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const

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
  const values = readOptions(rest)
  if (values.help) return { command: 'help', topic: 'reconcile' }
  const { statement, date, records } = values
  if ((statement === undefined) === (date === undefined))
    throw usage('give either --statement FILE or --date YYYY-MM-DD')
  if (date !== undefined && !/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(date)) {
    throw usage(`--date must be YYYY-MM-DD, got ${JSON.stringify(date)}`)
  }
  if (records === undefined) throw usage('--records FILE is required')
  const memoryText = values['memory-rows']
  const memoryRows = memoryText === undefined ? undefined : Number(memoryText)
  if (memoryRows !== undefined && !(Number.isSafeInteger(memoryRows) && memoryRows > 0)) {
    throw usage(`--memory-rows must be a positive integer, got ${JSON.stringify(memoryText)}`)
  }
  const threadsText = values.threads
  if (threadsText !== undefined && threadsText !== '1' && threadsText !== '2') {
    throw usage(`--threads must be 1 or 2, got ${JSON.stringify(threadsText)}`)
  }
  return {
    command: 'reconcile',
    statement,
    date,
    records,
    out: values.out,
    csv: values.csv,
    includeMatched: values['include-matched'] === true,
    memoryRows,
    threads: threadsText === undefined ? undefined : threadsText === '1' ? 1 : 2,
    progress: values.progress ? true : values['no-progress'] ? false : undefined,
  }
}

const strictParse = (args: string[]) =>
  parseNodeArgs({ args, options, strict: true, allowPositionals: false })

/** The options after the command, by `node:util`'s `parseArgs` (strict), its errors said our way. */
function readOptions(args: string[]) {
  for (const arg of args) {
    const name = arg.split('=', 1)[0]!
    const option = options[name.replace(/^--/, '') as keyof typeof options]
    if (name.startsWith('--') && option?.type === 'boolean' && arg.includes('='))
      throw usage(`${name} takes no value`)
  }
  let parsed: ReturnType<typeof strictParse>
  try {
    parsed = strictParse(args)
  } catch (cause) {
    throw usage(nodeArgsProblem(cause, args))
  }
  for (const [name, value] of Object.entries(parsed.values)) {
    if (value === '') throw usage(`--${name} needs a value`)
  }
  return parsed.values
}

/** `node:util`'s parse error, as one short sentence naming the option. */
function nodeArgsProblem(cause: unknown, args: string[]): string {
  const code = (cause as { code?: string }).code
  const message = cause instanceof Error ? cause.message : String(cause)
  const option = /'(-[^' ]+)/.exec(message)?.[1]
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option !== undefined) return `${option} needs a value`
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option !== undefined)
    return `unknown option ${JSON.stringify(option)}`
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const extra = /'([^']*)'/.exec(message)?.[1] ?? args.find((arg) => !arg.startsWith('-'))
    return `unexpected argument ${JSON.stringify(extra)}`
  }
  return message
}
