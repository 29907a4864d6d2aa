/**
 * A day of government payments by 缴款码 and fiscal e-bills, against the sandbox.
 * Run: pnpm tsx examples/gov-fees/index.ts [out-dir]   (the e-bill is saved there; default: a temp dir)
 */
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startExampleSandbox } from '../merchant-server/sandbox.js'
import { runGovFeesDemo } from './govFees.js'

const outDir = process.argv[2] ?? (await mkdtemp(join(tmpdir(), 'gov-fees-')))
const sandbox = await startExampleSandbox({ seed: 'gov-fees' })
try {
  await runGovFeesDemo({
    gatewayUrl: sandbox.url,
    credentials: sandbox.credentials,
    merchantId: sandbox.merchantId,
    outDir,
  })
} finally {
  await sandbox.close()
}
