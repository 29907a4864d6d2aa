/**
 * The CMB shop: `pnpm tsx examples/cmb-merchant/index.ts`. Without `CMB_` variables it runs against
 * a CMB-dialect sandbox on 127.0.0.1; with them, against CMB (README.md lists them). A partial
 * configuration stops here with a message saying what is missing.
 */
import { cmbSettingsFromEnv } from './cmbEnv.js'

try {
  cmbSettingsFromEnv(process.env)
} catch (error) {
  console.error(`examples/cmb-merchant: ${(error as Error).message}`)
  process.exit(1)
}
const { startCmbMerchant } = await import('./app.js')
const shop = await startCmbMerchant({ port: Number(process.env.PORT ?? 4343) }).catch((error: unknown) => {
  console.error(`examples/cmb-merchant: ${(error as Error).message}`)
  process.exit(1)
})
console.log(`listening ${shop.url}  (CMB notifications to ${shop.notifyUrl})`)
console.log(
  `CMB gateway ${shop.gateway}${shop.sandbox ? '  (CMB-dialect sandbox with fresh test credentials)' : ''}`,
)
console.log(`
Try it:
  curl -s -X POST ${shop.url}/api/orders -H 'content-type: application/json' -d '{"amount":1250,"description":"Latte"}'
  curl -s ${shop.url}/api/orders/<merchantOrderNo>
  curl -s -X POST ${shop.url}/api/orders/<merchantOrderNo>/refunds -H 'content-type: application/json' -d '{"amount":300}'
Ctrl-C to stop.`)
const stop = async () => {
  await shop.close()
  process.exit(0)
}
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
