/** The smallest worker that creates an order: standalone actions, for the edge bundle-size figure. */
import { createBaseClient } from '@ecny/sdk-core'
import { createOrder } from '@ecny/sdk-merchant'

type Env = {
  ECNY: { baseUrl: string; appId: string; privateKey: JsonWebKey & { kid: string }; merchantId: string }
}

export default {
  async fetch(_request: Request, env: Env): Promise<Response> {
    const { baseUrl, appId, privateKey, merchantId } = env.ECNY
    const client = { ...createBaseClient({ baseUrl, credentials: { appId, privateKey } }), merchantId }
    const order = await createOrder(client, {
      mode: 'qr',
      merchantOrderNo: 'EDGE-1',
      amount: 1_250,
      description: 'Latte',
    })
    return Response.json(order)
  },
}
