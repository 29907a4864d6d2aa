/**
 * `ecny-sandbox`: the simulated e-CNY gateway on a local port.
 *
 *   ecny-sandbox [--port 8787] [--host 127.0.0.1] [--seed 42]
 *                [--faults "5xx=0.1,429=0.05,drop=0.02,latency=50"] [--state .sandbox-state.db]
 *                [--dialect cmb] [--cors http://localhost:5173] [--mode test|live]
 *   ecny-sandbox clock advance 1d | trigger pay ORDER_ID | events resend EVT_ID | faults set SPEC | ledger verify
 *
 * Prints the URL, a ready-to-use credential (one JSON line) and a `createClient` snippet. With
 * `--state FILE`, the state lives in that SQLite file, every request written before it is answered
 * (a crash loses nothing answered). With `--dialect cmb` the CMB 聚合收单 door is mounted too, and its
 * test credentials are printed (fresh on every start unless `--state` keeps them). `--cors`
 * (repeatable, or comma-separated) lets those browser origins call it. The first word `clock`,
 * `trigger`, `events`, `faults` or `ledger` runs a test control against a running sandbox instead
 * (`ecny-sandbox clock --help`); `--mode live` refuses those controls.
 */
import { parseArgs } from 'node:util'
import { parseFaultSpec } from './sandbox/parseFaultSpec.js'
import { startSandbox } from './sandbox/startSandbox.js'
import { controlCommands, runControlCommand } from './testControls/cli/runControlCommand.js'

if ((controlCommands as readonly string[]).includes(process.argv[2] ?? '')) {
  process.exit(await runControlCommand(process.argv.slice(2), process))
}

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    seed: { type: 'string' },
    faults: { type: 'string' },
    state: { type: 'string' },
    dialect: { type: 'string', default: 'reference' },
    cors: { type: 'string', multiple: true },
    mode: { type: 'string', default: 'test' },
    quiet: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
})

if (values.help) {
  console.log(
    'ecny-sandbox [--port 8787] [--host 127.0.0.1] [--seed N] [--faults "5xx=0.1,429=0.05,drop=0.02,latency=50"] [--state FILE] [--dialect reference|cmb] [--cors ORIGIN] [--mode test|live] [--quiet]\n' +
      'ecny-sandbox clock|trigger|events|faults|ledger … (test controls of a running sandbox; ecny-sandbox clock --help)',
  )
  process.exit(0)
}

if (values.dialect !== 'reference' && values.dialect !== 'cmb') {
  console.error(`ecny-sandbox: --dialect must be reference or cmb, not ${values.dialect}`)
  process.exit(1)
}

if (values.mode !== 'test' && values.mode !== 'live') {
  console.error(`ecny-sandbox: --mode must be test or live, not ${values.mode}`)
  process.exit(1)
}

try {
  const sandbox = await startSandbox({
    dialect: values.dialect,
    port: Number(values.port),
    host: values.host,
    ...(values.seed !== undefined && {
      seed: Number.isFinite(Number(values.seed)) ? Number(values.seed) : values.seed,
    }),
    ...(values.faults && { faults: parseFaultSpec(values.faults) }),
    ...(values.state && { stateFile: values.state }),
    ...(values.cors && { cors: values.cors.flatMap((origins) => origins.split(',').map((o) => o.trim())) }),
    testMode: values.mode === 'test',
    log: !values.quiet,
  })
  const credential = { appId: sandbox.credentials.appId, privateKey: sandbox.credentials.privateKey }
  console.log(`e-CNY sandbox listening on ${sandbox.url}  (merchant ${sandbox.merchantId})`)
  console.log('Credential (keep it local; it is generated fresh unless --state keeps it):')
  console.log(JSON.stringify(credential))
  console.log(`\nimport { createClient } from '@ecny/sdk-core'
const client = createClient({
  baseUrl: '${sandbox.url}',
  credentials: ${JSON.stringify(credential)},
})\n`)
  console.log(
    values.mode === 'test'
      ? `Test controls (clock, trigger, events, faults, ledger): ECNY_CREDENTIALS='<the credential line above>' ecny-sandbox clock advance 1d --url ${sandbox.url}\n`
      : 'Live mode: the test controls (/v1/test/…) are refused.\n',
  )
  if (sandbox.cmb) {
    const { appId, secret, merId, privateKey, gatewayPublicKey } = sandbox.cmb
    console.log(
      'CMB 聚合收单 test credentials (fresh on every start unless --state keeps them; keep them local):',
    )
    console.log(JSON.stringify({ appId, secret, merId, privateKey, gatewayPublicKey }))
    console.log(`\nimport { cmb } from '@ecny/operator-cmb'
const client = createMerchantClient({
  operator: cmb({ ...${JSON.stringify({ appId, secret, merId })}, privateKey: '…', gatewayPublicKey: '${gatewayPublicKey}', environment: '${sandbox.url}' }),
})\n`)
  }
  const stop = async () => {
    await sandbox.close()
    process.exit(0)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
} catch (error) {
  console.error(`ecny-sandbox: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
