import { parseArgs } from 'node:util'
import { createBaseClient, EcnyError } from '@ecny/sdk-core'
import { formatDelivery } from './formatDelivery.js'
import { type ListenEnv, listenCredentials } from './listenCredentials.js'
import { listenForNotifications } from './listenForNotifications.js'

/** `ecny listen --help`. */
export const listenHelpText = `ecny listen — forward a sandbox's notifications to your local server

Usage:
  ecny listen --forward-to http://localhost:3000/ecny/notify [--url http://127.0.0.1:8787]

For a sandbox (shared or remote, in test mode) that cannot reach your server: pulls the app's
notifications and POSTs each to --forward-to with its body and signature intact, printing each
delivery and your server's answer. That answer counts as the delivery's attempt: {"code":"SUCCESS"}
with a 2xx delivers it; anything else is retried on the gateway's schedule.

Options:
  --forward-to URL     where to POST each notification (required)
  --url URL            the sandbox (or ECNY_BASE_URL; default http://127.0.0.1:8787)
  --credentials JSON   the {"appId":…,"privateKey":…} line the sandbox printed, or @file
                       (or ECNY_CREDENTIALS, or ECNY_APP_ID + ECNY_PRIVATE_KEY)
  --interval MS        wait between polls when nothing is pending (default 1000)
  --once               one round, then exit
`

export type ListenIo = {
  stdout: { write(text: string): unknown }
  stderr: { write(text: string): unknown }
  env: ListenEnv
  /** Stops listening (Ctrl-C in the real command). */
  signal?: AbortSignal
}

/**
 * `ecny listen …`: parses the options and forwards until stopped. Exit code 0 when stopped (or after
 * `--once`), 2 on a usage error or a refusal (not in test mode, bad credentials).
 *
 * @example
 * process.exitCode = await runListen(['--forward-to', 'http://localhost:3000/notify'], process)
 */
export async function runListen(argv: readonly string[], io: ListenIo): Promise<number> {
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: {
        'forward-to': { type: 'string' },
        url: { type: 'string' },
        credentials: { type: 'string' },
        interval: { type: 'string' },
        once: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    })
    if (values.help) {
      io.stdout.write(listenHelpText)
      return 0
    }
    const forwardTo = values['forward-to']
    if (!forwardTo || !URL.canParse(forwardTo)) {
      io.stderr.write(
        `ecny listen: --forward-to needs a URL, e.g. http://localhost:3000/ecny/notify\n\n${listenHelpText}`,
      )
      return 2
    }
    const baseUrl = values.url ?? io.env.ECNY_BASE_URL ?? 'http://127.0.0.1:8787'
    const client = createBaseClient({ baseUrl, credentials: listenCredentials(values.credentials, io.env) })
    io.stdout.write(
      `Forwarding notifications from ${baseUrl} to ${forwardTo}${values.once ? ' (one round)' : ' (Ctrl-C to stop)'}\n`,
    )
    const count = await listenForNotifications({
      client,
      forwardTo,
      once: values.once,
      intervalMs: values.interval === undefined ? 1000 : Math.max(50, Number(values.interval) || 1000),
      ...(io.signal && { signal: io.signal }),
      onDelivery: (delivery, result) =>
        io.stdout.write(`${formatDelivery(delivery, result, forwardTo, new Date())}\n`),
      onError: (error) =>
        io.stderr.write(
          `ecny listen: ${error instanceof Error ? error.message : String(error)} (retrying)\n`,
        ),
    })
    if (values.once) io.stdout.write(`${count} notification(s) forwarded\n`)
    return 0
  } catch (error) {
    const text =
      error instanceof EcnyError
        ? `${error.code}: ${error.message}`
        : error instanceof Error
          ? error.message
          : String(error)
    io.stderr.write(`ecny listen: ${text}\n`)
    return 2
  }
}
