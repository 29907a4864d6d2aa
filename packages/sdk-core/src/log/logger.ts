import { InvalidRequestError } from '../errors/EcnyError.js'
import { redact } from './redact.js'

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent'

/** Structured fields logged beside a message, e.g. `{ requestId, status }`. */
export type LogFields = Record<string, unknown>

export interface Logger {
  debug(message: string, fields?: LogFields): void
  info(message: string, fields?: LogFields): void
  warn(message: string, fields?: LogFields): void
  error(message: string, fields?: LogFields): void
}

/** Where log lines go; `console` fits. Receives only redacted data. */
export type LogSink = Logger

export type LoggerOptions = {
  /** The lowest level written; `silent` writes nothing. Default `info`. */
  level?: LogLevel
  /** Default `console`. */
  sink?: LogSink
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 50 }

/**
 * Creates a logger that drops messages below `level` and redacts every message and field
 * (`redact`: private keys, tokens and signatures removed; ID numbers, mobiles, wallet IDs and card
 * numbers masked) before the sink sees them. A sink that throws is ignored: logging never breaks a
 * payment. Works in browsers (no Node-only imports).
 *
 * @example
 * const logger = createLogger({ level: 'debug' })
 * logger.info('paying', { walletId: '0022501234565081', authorization: 'Bearer …' })
 * // console.info('paying', { walletId: '002250******5081', authorization: '[REDACTED]' })
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? 'info'
  if (!Object.hasOwn(RANK, level)) {
    throw new InvalidRequestError('invalid_request', `Invalid logger level: ${String(level)}.`, {
      hint: "Use 'debug', 'info', 'warn', 'error' or 'silent'.",
      details: { issues: [{ path: 'level', message: 'unknown log level' }] },
    })
  }
  const sink = options.sink ?? console
  const write = (at: Exclude<LogLevel, 'silent'>) => (message: string, fields?: LogFields) => {
    if (RANK[at] < RANK[level]) return
    try {
      const text = redact(String(message)) as string
      if (fields === undefined) sink[at](text)
      else sink[at](text, redact(fields) as LogFields)
    } catch {
      // A failing sink must not turn a successful call into an error.
    }
  }
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') }
}

/**
 * A logger that discards everything; the SDK's default.
 *
 * @example
 * const client = createClient({ ...config, logger: noopLogger })
 */
export const noopLogger: Logger = Object.freeze({
  debug() {},
  info() {},
  warn() {},
  error() {},
})
