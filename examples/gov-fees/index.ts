/**
 * A government fee bill paid by QR from a wallet, with its receipt, against the sandbox.
 * Run: pnpm tsx examples/gov-fees/index.ts
 */
import { startExampleSandbox } from '../merchant-server/sandbox.js'
import { runGovFeesDemo } from './govFees.js'

const sandbox = await startExampleSandbox({ seed: 'gov-fees' })
try {
  await runGovFeesDemo({
    gatewayUrl: sandbox.url,
    credentials: sandbox.credentials,
    merchantId: sandbox.merchantId,
  })
} finally {
  await sandbox.close()
}
