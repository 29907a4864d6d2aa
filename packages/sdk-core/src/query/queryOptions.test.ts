import { describe, expect, it } from 'vitest'
import { isFinalOrder } from '../actions/payments/isFinalOrder.js'
import { createPaymentCodeQueryOptions, paymentCodeRefreshDelay } from './createPaymentCode.js'
import { getBalanceQueryKey, getBalanceQueryOptions } from './getBalance.js'
import { getOrderQueryOptions } from './getOrder.js'
import { getWalletQueryOptions } from './getWallet.js'
import { getWalletLimitsQueryOptions } from './getWalletLimits.js'
import { listEligibleCampaignsQueryOptions } from './listEligibleCampaigns.js'
import { stubClient } from './stubClient.test-helpers.js'

const walletId = '0099000000000001'
const signal = new AbortController().signal

describe('query keys', () => {
  it('are plain JSON scoped by gateway, wallet and scopeKey, without undefined fields', () => {
    const key = getBalanceQueryKey({ baseUrl: 'https://gateway.test', walletId })
    expect(key).toEqual(['ecny', 'getBalance', { baseUrl: 'https://gateway.test', walletId }])
    expect(JSON.parse(JSON.stringify(key))).toEqual(key)
    expect(getBalanceQueryKey({ baseUrl: 'https://gateway.test', walletId, scopeKey: 'user-1' })[2]).toEqual({
      baseUrl: 'https://gateway.test',
      walletId,
      scopeKey: 'user-1',
    })
    expect(getBalanceQueryKey({ baseUrl: 'https://other.test', walletId })).not.toEqual(key)
  })

  it('come from the client’s baseUrl in the options', () => {
    const { client } = stubClient()
    for (const options of [
      getBalanceQueryOptions(client, { walletId }),
      getWalletQueryOptions(client, { walletId }),
      getWalletLimitsQueryOptions(client, { walletId }),
      listEligibleCampaignsQueryOptions(client, { walletId }),
    ]) {
      expect(options.queryKey[2]).toEqual({ baseUrl: 'https://gateway.test', walletId })
      expect(options.enabled).toBe(true)
      expect(options.retry).toBe(false)
    }
  })
})

describe('read query functions', () => {
  it('call the action with the query’s abort signal', async () => {
    const { client, request } = stubClient(() => ({ walletId, available: 100 }))
    const options = getBalanceQueryOptions(client, { walletId, scopeKey: 'user-1' })
    await expect(options.queryFn({ signal })).resolves.toEqual({ walletId, available: 100 })
    expect(request).toHaveBeenCalledWith(
      expect.objectContaining({ method: 'GET', path: `/v1/wallets/${walletId}/balance`, signal }),
    )
  })

  it('are disabled without a wallet id, and reject one with invalid_request if run anyway', async () => {
    const { client, request } = stubClient()
    const options = getWalletQueryOptions(client, {})
    expect(options.enabled).toBe(false)
    await expect(options.queryFn({})).rejects.toMatchObject({ code: 'invalid_request' })
    expect(request).not.toHaveBeenCalled()
  })
})

describe('getOrderQueryOptions', () => {
  const { client } = stubClient()
  const state = (status?: string, error?: unknown) => ({
    state: { data: status === undefined ? undefined : ({ status } as never), error },
  })

  it('polls until the order is final', () => {
    const { refetchInterval } = getOrderQueryOptions(client, { orderId: 'ord_1', pollIntervalMs: 500 })
    expect(refetchInterval(state())).toBe(500)
    expect(refetchInterval(state('created'))).toBe(500)
    expect(refetchInterval(state('processing'))).toBe(500)
    expect(refetchInterval(state('unknown'))).toBe(500)
    for (const final of ['succeeded', 'failed', 'closed', 'canceled', 'refunded', 'partially_refunded'])
      expect(refetchInterval(state(final))).toBe(false)
  })

  it('stops after an error that will not go away, keeps going after a retryable one', () => {
    const { refetchInterval } = getOrderQueryOptions(client, { orderId: 'ord_1' })
    expect(refetchInterval(state('created', { code: 'permission_denied', retryable: false }))).toBe(false)
    expect(refetchInterval(state('created', { code: 'service_unavailable', retryable: true }))).toBe(2_000)
    expect(refetchInterval(state(undefined, new Error('odd')))).toBe(false)
  })

  it('reads once with pollIntervalMs: false, and knows final states', () => {
    expect(
      getOrderQueryOptions(client, { orderId: 'ord_1', pollIntervalMs: false }).refetchInterval(
        state('created'),
      ),
    ).toBe(false)
    expect(isFinalOrder({ status: 'succeeded' })).toBe(true)
    expect(isFinalOrder({ status: 'created' })).toBe(false)
    expect(isFinalOrder(undefined)).toBe(false)
  })
})

describe('createPaymentCodeQueryOptions', () => {
  const code = (createdAt: string, expiresAt: string) => ({
    code: '0'.repeat(19),
    walletId,
    status: 'active',
    createdAt,
    expiresAt,
  })

  it('refreshes 10 s before expiry by the gateway’s own timestamps, whatever the device clock says', () => {
    const sixty = code('2025-01-01T09:00:00.000+08:00', '2025-01-01T09:01:00.000+08:00')
    expect(paymentCodeRefreshDelay(sixty)).toBe(50_000)
    expect(paymentCodeRefreshDelay(sixty, 5_000)).toBe(55_000)
    expect(paymentCodeRefreshDelay(code('2025-01-01T09:00:00+08:00', '2025-01-01T09:00:01+08:00'))).toBe(250)
    expect(paymentCodeRefreshDelay(code('garbage', 'garbage'))).toBe(50_000)
  })

  it('is never cached, and stops refreshing after a permanent error', async () => {
    const { client, request } = stubClient(() =>
      code('2025-01-01T09:00:00+08:00', '2025-01-01T09:01:00+08:00'),
    )
    const options = createPaymentCodeQueryOptions(client, { walletId })
    expect(options.gcTime).toBe(0)
    const data = (await options.queryFn({ signal })) as never
    expect(request).toHaveBeenCalledWith(
      expect.objectContaining({ method: 'POST', path: `/v1/wallets/${walletId}/payment-codes` }),
    )
    expect(options.refetchInterval({ state: { data } })).toBe(50_000)
    expect(options.staleTime({ state: { data } })).toBe(50_000)
    expect(
      options.refetchInterval({ state: { data, error: { code: 'wallet_closed', retryable: false } } }),
    ).toBe(false)
    expect(options.refetchInterval({ state: { error: { code: 'rate_limited', retryable: true } } })).toBe(
      5_000,
    )
    expect(createPaymentCodeQueryOptions(client, {}).enabled).toBe(false)
  })
})
