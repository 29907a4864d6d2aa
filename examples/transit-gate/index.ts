/**
 * A metro gate that collects hardware-wallet taps offline and uploads them later, against the
 * sandbox. Run: pnpm tsx examples/transit-gate/index.ts
 */
import { startExampleSandbox } from '../merchant-server/sandbox.js'
import { runTransitGateDemo } from './transitGate.js'

const sandbox = await startExampleSandbox({ seed: 'transit-gate' })
try {
  await runTransitGateDemo({
    gatewayUrl: sandbox.url,
    credentials: sandbox.credentials,
    merchantId: sandbox.merchantId,
  })
} finally {
  await sandbox.close()
}
