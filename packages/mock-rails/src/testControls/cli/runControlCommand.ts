import { parseArgs } from 'node:util'
import { createBaseClient, EcnyError } from '@ecny/sdk-core'
import { parseFaultSpec } from '../../sandbox/parseFaultSpec.js'
import { type ControlEnv, controlCredentials, defaultSandboxUrl } from './controlCredentials.js'
import { parseDuration } from './parseDuration.js'
import { type TestControlsClient, testControlsClient } from './testControlsClient.js'

/** The first words that make `ecny-sandbox` a control command instead of starting a sandbox. */
export const controlCommands = ['clock', 'trigger', 'events', 'faults', 'ledger'] as const

export const controlHelp = `Test controls of a running sandbox (test mode), signed with the app's credentials:
  ecny-sandbox clock [get]                       the rails' time
  ecny-sandbox clock advance 1d                  move it forward (90s, 15m, 2h, 1d, 1w, 1d12h)
  ecny-sandbox trigger pay ORDER_ID [--wallet WALLET_ID]
  ecny-sandbox trigger expire ORDER_ID
  ecny-sandbox trigger fail ORDER_ID [--failure-code insufficient_funds|limit_exceeded|payment_code_expired]
  ecny-sandbox events list [--status pending|delivered|failed|no_endpoint]
  ecny-sandbox events resend EVENT_ID
  ecny-sandbox faults [get]
  ecny-sandbox faults set "5xx=0.1,429=0.05,drop=0.02,latency=50" [--route "POST /v1/orders"]
  ecny-sandbox faults clear
  ecny-sandbox ledger verify
Options: --url URL (or ECNY_BASE_URL; default ${defaultSandboxUrl})
         --credentials '{"appId":…,"privateKey":…}' or @file (or ECNY_CREDENTIALS, or ECNY_APP_ID + ECNY_PRIVATE_KEY)
         --json (print the gateway's answer as JSON)`

/** Where a control command writes; `process.stdout`/`stderr` and `process.env` in the real command. */
export type ControlIo = {
  stdout: { write(text: string): unknown }
  stderr: { write(text: string): unknown }
  env: ControlEnv
}

class UsageError extends Error {}

/**
 * Runs one control command (`clock advance 1d`, `trigger pay ord_…`, `events resend evt_…`,
 * `faults set …`, `ledger verify`) against a running sandbox. Exit code: 0 done, 1 the gateway
 * refused (its error code and message printed), 2 a usage error.
 *
 * @example
 * process.exitCode = await runControlCommand(['clock', 'advance', '1d'], process)
 */
export async function runControlCommand(argv: readonly string[], io: ControlIo): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        url: { type: 'string' },
        credentials: { type: 'string' },
        wallet: { type: 'string' },
        'failure-code': { type: 'string' },
        status: { type: 'string' },
        route: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    })
    if (values.help) {
      io.stdout.write(`${controlHelp}\n`)
      return 0
    }
    const action = () => pickAction(positionals, values)
    const run = action() // usage checked before any credential or network use
    const client = createBaseClient({
      baseUrl: values.url ?? io.env.ECNY_BASE_URL ?? defaultSandboxUrl,
      credentials: controlCredentials(values.credentials, io.env),
    })
    const { answer, summary } = await run(testControlsClient(client))
    io.stdout.write(`${values.json ? JSON.stringify(answer, null, 2) : summary}\n`)
    return 0
  } catch (error) {
    if (error instanceof EcnyError) {
      io.stderr.write(`ecny-sandbox: ${error.code}: ${error.message}\n`)
      return 1
    }
    io.stderr.write(`ecny-sandbox: ${error instanceof Error ? error.message : String(error)}\n`)
    if (error instanceof UsageError) io.stderr.write(`${controlHelp}\n`)
    return 2
  }
}

type Outcome = { answer: unknown; summary: string }
type Values = {
  wallet?: string | undefined
  'failure-code'?: string | undefined
  status?: string | undefined
  route?: string | undefined
}

/** The call a command line stands for; throws `UsageError` before anything is sent. */
function pickAction(
  positionals: string[],
  values: Values,
): (controls: TestControlsClient) => Promise<Outcome> {
  const [command, verb, argument] = positionals
  const need = (what: string) => {
    if (!argument) throw new UsageError(`${command} ${verb} needs ${what}.`)
    return argument
  }
  switch (`${command} ${verb ?? ''}`.trim()) {
    case 'clock':
    case 'clock get':
      return async (controls) => clockOutcome(await controls.clock())
    case 'clock advance': {
      const seconds = parseDuration(need('a duration, e.g. 1d'))
      return async (controls) => clockOutcome(await controls.advanceClock({ seconds }))
    }
    case 'trigger pay':
    case 'trigger expire':
    case 'trigger fail': {
      const orderId = need('an order id')
      const body = {
        action: verb as 'pay' | 'expire' | 'fail',
        orderId,
        ...(values.wallet && { walletId: values.wallet }),
        ...(values['failure-code'] && { failureCode: values['failure-code'] as 'insufficient_funds' }),
      }
      return async (controls) => {
        const answer = await controls.trigger(body)
        const paidBy = answer.walletId ? ` (paid by wallet ${answer.walletId})` : ''
        return { answer, summary: `order ${answer.order.id} is ${answer.order.status}${paidBy}` }
      }
    }
    case 'events list':
      return async (controls) => {
        const answer = await controls.listNotifications(values.status)
        const lines = answer.data.map(
          (event) => `${event.id}  ${event.type}  ${event.status}  ${event.attempts.length} attempt(s)`,
        )
        return { answer, summary: lines.length > 0 ? lines.join('\n') : 'no notifications' }
      }
    case 'events resend': {
      const id = need('a notification id (evt_…; see events list)')
      return async (controls) => {
        const answer = await controls.resendNotification(id)
        const attempts = answer.attempts
          .map(
            (attempt) =>
              `#${attempt.attempt} ${attempt.httpStatus ?? '-'} ${attempt.ok ? 'ok' : (attempt.error ?? 'failed')}`,
          )
          .join(', ')
        return { answer, summary: `${answer.id} ${answer.status}; attempts: ${attempts}` }
      }
    }
    case 'faults':
    case 'faults get':
      return async (controls) => faultsOutcome(await controls.faults())
    case 'faults clear':
      return async (controls) => faultsOutcome(await controls.setFaults({}))
    case 'faults set': {
      let faults: ReturnType<typeof parseFaultSpec>
      try {
        faults = parseFaultSpec(need('a fault spec, e.g. "5xx=0.1,drop=0.02"'))
      } catch (error) {
        throw new UsageError(error instanceof Error ? error.message : String(error))
      }
      const body = values.route ? { routes: { [values.route]: faults } } : faults
      return async (controls) => faultsOutcome(await controls.setFaults(body))
    }
    case 'ledger verify':
      return async (controls) => {
        const answer = await controls.verifyLedger()
        const state = answer.ok
          ? 'balanced'
          : `NOT balanced (negative: ${answer.negativeAccounts.join(', ') || 'none'})`
        return {
          answer,
          summary: `ledger ${state}: total ${answer.total} fen over ${answer.entryCount} entries`,
        }
      }
    default:
      throw new UsageError(`Unknown command "${positionals.join(' ')}".`)
  }
}

function clockOutcome(answer: { now: string; offsetSeconds: number; notificationsDue: number }): Outcome {
  const ahead = answer.offsetSeconds === 0 ? '' : ` (${answer.offsetSeconds} s ahead of this machine)`
  return {
    answer,
    summary: `rails clock ${answer.now}${ahead}; ${answer.notificationsDue} notification(s) due`,
  }
}

function faultsOutcome(answer: object): Outcome {
  const text = JSON.stringify(answer)
  return { answer, summary: text === '{}' ? 'no faults: the gateway is calm' : `faults ${text}` }
}
