/**
 * A bank's campaign console against the sandbox: design a transfer-reward campaign, size its
 * audience, schedule it, watch transfers earn rewards, read its stats.
 * Run: pnpm tsx examples/campaign-console/index.ts
 */
import { startExampleSandbox } from '../merchant-server/sandbox.js'
import { runCampaignConsole } from './campaignConsole.js'

const sandbox = await startExampleSandbox({ seed: 'campaign-console' })
try {
  await runCampaignConsole({ gatewayUrl: sandbox.url, credentials: sandbox.credentials })
} finally {
  await sandbox.close()
}
