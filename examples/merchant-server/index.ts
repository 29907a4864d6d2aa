/**
 * Starts the e-CNY sandbox and the example shop backend on 127.0.0.1, and prints how to use them.
 *
 *   pnpm tsx examples/merchant-server/index.ts          # serve until Ctrl-C
 *   pnpm tsx examples/merchant-server/index.ts --demo   # one order end to end, reconcile, exit
 *
 * With `REDIS_URL` set, notification ids are remembered in Redis (shared by every instance).
 */
import { createClient, formatYuan } from '@ecny/sdk-core'
import { shanghaiDate } from './reconcileJob.js'
import { replayStoreFromEnv } from './replayStoreFromEnv.js'
import { startExampleSandbox } from './sandbox.js'
import { startMerchantServer } from './server.js'

const demo = process.argv.includes('--demo')
const sandbox = await startExampleSandbox({ seed: 'merchant-server' })
const store = replayStoreFromEnv()
const shop = await startMerchantServer({
  gatewayUrl: sandbox.url,
  credentials: sandbox.credentials,
  merchantId: sandbox.merchantId,
  port: demo ? 0 : Number(process.env.PORT ?? 4242),
  replayStore: store.replayStore,
})
console.log(`sandbox gateway  ${sandbox.url}`)
console.log(`shop backend     ${shop.url}  (notifications at ${shop.notifyUrl})`)
console.log(`replay store     ${store.where}`)

if (demo) {
  // 1. The page asks the shop for a checkout (what useCheckout's createOrder does).
  const response = await fetch(`${shop.url}/api/checkout`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ amount: 1_250, description: 'Latte' }),
  })
  const checkout = (await response.json()) as { orderId: string; merchantOrderNo: string; qrPayload: string }
  console.log(`checkout: order ${checkout.orderId}, QR payload ${checkout.qrPayload}`)

  // 2. A customer's wallet app scans the code and pays (the wallet side, with sdk-core).
  const walletApp = createClient({ baseUrl: sandbox.url, credentials: sandbox.credentials })
  const wallet = await walletApp.wallets.open({ type: 'WT01', level: 'WL04', mobile: '13812345678' })
  await walletApp.wallets.topUp({ walletId: wallet.id, amount: 10_000, bankCard: '6222020000000007' })
  const resolved = await walletApp.payments.resolveQr({ payload: checkout.qrPayload })
  console.log(`wallet: paying ¥${formatYuan(resolved.amount)} to ${resolved.merchantName}`)
  await walletApp.payments.pay({ orderId: resolved.orderId, walletId: wallet.id, amount: resolved.amount })

  // 3. The signed notification arrives and the shop marks the order paid.
  const deadline = Date.now() + 10_000
  while (shop.orders.get(checkout.merchantOrderNo)?.status !== 'succeeded' && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 50))
  console.log(`shop: ${checkout.merchantOrderNo} is ${shop.orders.get(checkout.merchantOrderNo)?.status}`)

  // 4. The nightly job.
  const { allMatched } = await shop.reconcile(shanghaiDate())
  await shop.close()
  await store.close()
  await sandbox.close()
  process.exitCode = allMatched ? 0 : 1
} else {
  console.log(`
Try it:
  curl -s -X POST ${shop.url}/api/checkout -H 'content-type: application/json' -d '{"amount":1250,"description":"Latte"}'
Ctrl-C to stop.`)
  const stop = async () => {
    await shop.close()
    await store.close()
    await sandbox.close()
    process.exit(0)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}
