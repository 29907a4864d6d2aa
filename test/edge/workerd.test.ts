import { fileURLToPath } from 'node:url'
import { startSandbox } from '@ecny/mock-rails'
import { createTestNotificationKeys } from '@ecny/sdk-merchant'
import { expect, it } from 'vitest'
import { bundleForEdge } from './support/bundleForEdge.js'
import { startWorkerd } from './support/startWorkerd.js'

// workerd is a root devDependency (npm package `workerd`, its binary in @cloudflare/workerd-*): when it
// cannot start, startWorkerd throws with workerd's output and this test fails. It is never skipped.
it('a worker in workerd creates a signed order, has its answer verified, and verifies a notification', async () => {
  const sandbox = await startSandbox({ seed: 18, log: false })
  const notificationKeys = await createTestNotificationKeys()
  const { code } = await bundleForEdge(fileURLToPath(new URL('./worker/orderWorker.ts', import.meta.url)))
  const workerd = await startWorkerd(code, {
    baseUrl: sandbox.url,
    appId: sandbox.credentials.appId,
    privateKey: { ...sandbox.credentials.privateKey, kid: sandbox.credentials.kid },
    merchantId: sandbox.merchantId,
    gatewayJwks: await sandbox.rails.jwks(),
    notificationPrivateKey: notificationKeys.privateKey,
    notificationJwks: notificationKeys.jwks,
  }).catch(async (error: unknown) => {
    await sandbox.close()
    throw error
  })
  try {
    const answer = await fetch(`${workerd.url}/?order=EDGE-1001`)
    const body = await answer.json()
    expect(body, workerd.output()).not.toHaveProperty('error')
    expect(answer.status).toBe(200)
    // The order exists on the rails: the request was signed in workerd with the app's ES256 key.
    expect(body.order).toMatchObject({ merchantOrderNo: 'EDGE-1001', amount: 1_250, status: 'created' })
    expect(sandbox.rails.engine.getOrder(body.order.id)).toMatchObject({ merchantOrderNo: 'EDGE-1001' })
    // An answer not signed by the keys the client trusts is refused in workerd too.
    expect(body.forgedAnswer).toBe('signature_invalid')
    expect(body.event).toEqual({ type: 'order.succeeded', id: expect.any(String), orderId: body.order.id })
    expect(body.tampered).toBe('signature_invalid')
    // Node-only features are stand-ins that say so; their Web alternatives work.
    expect(body.png).toBe('unsupported_runtime')
    expect(body.svg).toBe(true)
  } finally {
    await workerd.stop()
    await sandbox.close()
  }
})
