/**
 * `resolveUnknownOutcome`'s budget is a number of queries, not a time, and a resolution that cannot
 * reach the gateway hands back what a later job needs to carry on — the way the chaos run uses it.
 */
import { EcnyError } from '@ecny/sdk-core'
import { useMerchantRails } from '@ecny/test-utils'
import { describe, expect, it } from 'vitest'

const h = useMerchantRails()
const lookupRoute = 'GET /v1/orders'

describe('resolveUnknownOutcome: budgets in queries, resumable', () => {
  it('gives up after maxAttempts unanswered queries, never waiting when pollIntervalMs is 0', async () => {
    h.rails.faults.set({ routes: { [lookupRoute]: { rate5xx: 1 } } })
    const client = h.clientWith({ maxRetries: 0 })
    const error = await client.orders
      .resolveUnknownOutcome({ merchantOrderNo: 'R-1', maxAttempts: 3, pollIntervalMs: 0 })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(EcnyError)
    expect(error).toMatchObject({
      code: 'result_unknown',
      details: { merchantOrderNo: 'R-1', attempts: 3, resumeWith: { merchantOrderNo: 'R-1' } },
    })
  })

  it('a later job resumes from error.details.resumeWith and settles the same order', async () => {
    const order = await h.client.orders.create({
      mode: 'qr',
      merchantOrderNo: 'R-2',
      amount: 300,
      description: 'Tea',
    })
    h.rails.faults.set({ routes: { [lookupRoute]: { rate5xx: 1 } } })
    const client = h.clientWith({ maxRetries: 0 })
    const error = (await client.orders
      .resolveUnknownOutcome({
        merchantOrderNo: 'R-2',
        closeIfUnpaid: true,
        maxAttempts: 2,
        pollIntervalMs: 0,
      })
      .catch((e: unknown) => e)) as EcnyError
    expect(error.details.resumeWith).toEqual({ merchantOrderNo: 'R-2', closeIfUnpaid: true })

    h.rails.faults.set({})
    const settled = await client.orders.resolveUnknownOutcome({
      ...(error.details.resumeWith as { merchantOrderNo: string }),
      pollIntervalMs: 0,
    })
    expect(settled).toMatchObject({ outcome: 'closed', order: { id: order.id, status: 'closed' } })
  })

  it('reports pending after maxAttempts answered queries of an unpaid order', async () => {
    await h.client.orders.create({ mode: 'qr', merchantOrderNo: 'R-3', amount: 300, description: 'Tea' })
    const settled = await h.client.orders.resolveUnknownOutcome({
      merchantOrderNo: 'R-3',
      maxAttempts: 4,
      pollIntervalMs: 0,
    })
    expect(settled).toMatchObject({ outcome: 'pending', order: { status: 'created' } })
  })

  it('refuses a maxAttempts that is not a positive whole number', async () => {
    await expect(
      h.client.orders.resolveUnknownOutcome({ merchantOrderNo: 'R-4', maxAttempts: 0 }),
    ).rejects.toMatchObject({ code: 'invalid_request' })
  })
})
