import { getShop } from '../../../../lib/shop'

export const dynamic = 'force-dynamic'

/**
 * The shop's own record of an order and the notification deliveries about it: paid only once a
 * verified notification said so. (A real shop would check the signed-in customer owns the order.)
 */
export async function GET(_request: Request, context: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await context.params
  const { book } = await getShop()
  const order = book.get(orderId)
  if (!order) return Response.json({ error: { message: 'no such order' } }, { status: 404 })
  const deliveries = book.deliveries().filter((delivery) => delivery.orderId === orderId)
  return Response.json({ order, deliveries }, { headers: { 'cache-control': 'no-store' } })
}
