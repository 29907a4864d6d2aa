/**
 * Starts the whole React example on 127.0.0.1 — the sandbox gateway, the shop backend
 * (examples/merchant-server), demo wallets with a transfer-reward campaign, the wallet backend and
 * the Vite dev server — and prints the URL to open. Ctrl-C stops everything.
 *
 *   pnpm tsx examples/react-checkout/dev.ts            # Vite dev server on :5173
 *   pnpm tsx examples/react-checkout/dev.ts --build    # production build, served on a free port
 */
import { createInterface } from 'node:readline'
import { createClient, EcnyError } from '@ecny/sdk-core'
import { startCheckoutStack } from './dev/startStack.js'

const mode = process.argv.includes('--build') ? 'build' : 'dev'
const port = process.env.PORT === undefined ? undefined : Number(process.env.PORT)
const stack = await startCheckoutStack({
  mode,
  ...(port !== undefined && { port }),
  log: (line) => console.log(`[shop] ${line}`),
})

console.log(`
  e-CNY React checkout example (${mode})

  Page       ${stack.url}            (checkout)
             ${stack.url}#/wallet    (wallet: balance, limits, a transfer with its reward)
  Gateway    ${stack.sandbox.url}   (the sandbox)
  Shop       ${stack.shop.url}

  To pay the QR on the checkout page, press Enter here: the demo wallet (a WL04 wallet with
  ¥5,000) pays the newest unpaid order, as a wallet app scanning the code would.

  Ctrl-C to stop.
`)

// The wallet app's side, with server credentials (only ever on a server).
const walletApp = createClient({ baseUrl: stack.sandbox.url, credentials: stack.sandbox.credentials })
createInterface({ input: process.stdin }).on('line', async () => {
  const unpaid = stack.shop.orders
    .all()
    .filter((order) => order.status === 'pending')
    .at(-1)
  if (!unpaid) return console.log('No unpaid order: click "Pay with e-CNY" on the page first.')
  try {
    await walletApp.payments.pay({
      orderId: unpaid.orderId,
      walletId: stack.wallets.walletId,
      amount: unpaid.amount,
    })
    console.log(`Paid ${unpaid.merchantOrderNo} from the demo wallet.`)
  } catch (error) {
    console.log(`Could not pay: ${error instanceof EcnyError ? error.code : String(error)}`)
  }
})

const stop = async () => {
  await stack.close()
  process.exit(0)
}
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
