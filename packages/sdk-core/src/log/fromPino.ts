import { createLogger, type LogFields, type Logger } from './logger.js'

type PinoMethod = {
  (fields: object, message: string): void
  (message: string): void
}

/** The part of a pino logger the SDK uses (structural: no dependency on pino). */
export type PinoLike = {
  debug: PinoMethod
  info: PinoMethod
  warn: PinoMethod
  error: PinoMethod
}

/**
 * A `Logger` writing to pino, which takes the fields first and the message second
 * (`pino.info(fields, message)`). Everything is redacted and masked before pino sees it, as with
 * any SDK logger; pino's own level decides what is written.
 *
 * @example
 * import pino from 'pino'
 * const client = createClient({ ...config, logger: fromPino(pino()) })
 */
export function fromPino(pino: PinoLike): Logger {
  const write =
    (level: keyof PinoLike) =>
    (message: string, fields?: LogFields): void => {
      if (fields === undefined) pino[level](message)
      else pino[level](fields, message)
    }
  return createLogger({
    level: 'debug',
    sink: { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') },
  })
}
