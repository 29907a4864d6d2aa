import { createLogger, type LogFields, type Logger } from './logger.js'

/** The part of a winston logger the SDK uses (structural: no dependency on winston). */
export type WinstonLike = {
  log(level: string, message: string, meta?: object): unknown
}

/**
 * A `Logger` writing to winston through `winston.log(level, message, meta)`, the level first.
 * Everything is redacted and masked before winston sees it, as with any SDK logger; winston's own
 * level decides what is written.
 *
 * @example
 * import winston from 'winston'
 * const client = createClient({ ...config, logger: fromWinston(winston.createLogger({ transports })) })
 */
export function fromWinston(winston: WinstonLike): Logger {
  const write =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (message: string, fields?: LogFields): void => {
      if (fields === undefined) winston.log(level, message)
      else winston.log(level, message, fields)
    }
  return createLogger({
    level: 'debug',
    sink: { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') },
  })
}
