/**
 * A Cloudflare-style worker run by the edge test in workerd: it creates an order against the
 * sandbox (signed with the app's key, response signature verified by the SDK), verifies a signed
 * notification, and answers with what happened.
 */
import {
  createMerchantClient,
  EcnyError,
  renderQrPng,
  renderQrSvg,
  signTestNotification,
  type TestPrivateJwk,
  verifyNotification,
} from '@ecny/sdk-merchant'

type Jwks = { keys: JsonWebKey[] }
type Env = {
  ECNY: {
    baseUrl: string
    appId: string
    privateKey: JsonWebKey & { kid: string }
    merchantId: string
    gatewayJwks: Jwks
    notificationPrivateKey: TestPrivateJwk
    notificationJwks: Jwks
  }
}

async function codeOf(work: () => Promise<unknown>): Promise<string> {
  try {
    await work()
    return 'no error'
  } catch (error) {
    return error instanceof EcnyError ? error.code : `not an EcnyError: ${String(error)}`
  }
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url)
    if (url.pathname === '/__ready') return new Response(null, { status: 204 })
    try {
      const { ECNY: config } = env
      const credentials = { appId: config.appId, privateKey: config.privateKey, kid: config.privateKey.kid }
      const client = createMerchantClient({
        baseUrl: config.baseUrl,
        credentials,
        merchantId: config.merchantId,
        gatewayKeys: config.gatewayJwks,
      })
      const merchantOrderNo = url.searchParams.get('order') ?? 'EDGE-1'
      const order = await client.orders.create({
        mode: 'qr',
        merchantOrderNo,
        amount: 1_250,
        description: 'Edge latte',
      })
      // The same call, with keys that did not sign the gateway's answer: the SDK must refuse it.
      const wrongKeys = createMerchantClient({
        baseUrl: config.baseUrl,
        credentials,
        merchantId: config.merchantId,
        gatewayKeys: config.notificationJwks,
      })
      const forgedAnswer = await codeOf(() => wrongKeys.orders.get({ orderId: order.id }))

      const signed = await signTestNotification(
        { type: 'order.succeeded', data: order },
        { privateKey: config.notificationPrivateKey },
      )
      const event = await verifyNotification(signed.body, signed.headers, {
        gatewayKeys: config.notificationJwks,
      })
      const tampered = await codeOf(() =>
        verifyNotification(signed.body.replace('Edge latte', 'Edge lattf'), signed.headers, {
          gatewayKeys: config.notificationJwks,
          replayStore: false,
        }),
      )
      return Response.json({
        order: {
          id: order.id,
          status: order.status,
          amount: order.amount,
          merchantOrderNo: order.merchantOrderNo,
        },
        forgedAnswer,
        event: { type: event.type, id: event.id, orderId: (event.data as { id: string }).id },
        tampered,
        png: await codeOf(() => renderQrPng('edge')),
        svg: (await renderQrSvg('edge')).startsWith('<svg'),
      })
    } catch (error) {
      const code = error instanceof EcnyError ? error.code : undefined
      return Response.json({ error: String(error), code, stack: (error as Error).stack }, { status: 500 })
    }
  },
}
