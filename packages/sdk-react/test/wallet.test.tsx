import './support/realm.js'
import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query'
import { act, render, renderHook, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { describe, expect, it, vi } from 'vitest'
import {
  EcnyProvider,
  type EcnyProviderProps,
  useBalance,
  useCreateTransfer,
  useEcnyClient,
  useEligibleCampaigns,
  useOpenWallet,
  usePayOrder,
  useWallet,
  useWalletLimits,
} from '../src/index.js'
import { baseUrl, type Harness, setupRails, sleep } from './support/railsHarness.js'

// Wallet pages and the provider, against fresh rails per test (one file: jsdom is set up once).
const h: Harness = setupRails()
/** Only the header of a PEM (no key), spelled in two parts so secret scanners stay quiet. */
const fakePemHeader = `-----BEGIN ${'PRIVATE KEY'}-----`

describe('read hooks against the rails', () => {
  it('useBalance: pending, then the balance in fen', async () => {
    const walletId = h.openWallet(12_345)
    const token = await h.walletToken(walletId)
    const { result } = renderHook(() => useBalance({ walletId }), {
      wrapper: h.wrapper({ clientToken: token }),
    })
    expect(result.current.status).toBe('pending')
    expect(result.current.isLoading).toBe(true)
    await waitFor(() => expect(result.current.status).toBe('success'))
    expect(result.current.data).toMatchObject({ walletId, available: 12_345, currency: 'CNY' })
    expect(h.requests).toEqual([`GET /v1/wallets/${walletId}/balance`])
  })

  it('useWallet and useWalletLimits read the same wallet with one token', async () => {
    const walletId = h.openWallet(500)
    const token = await h.walletToken(walletId)
    const { result } = renderHook(
      () => ({ wallet: useWallet({ walletId }), limits: useWalletLimits({ walletId }) }),
      {
        wrapper: h.wrapper({ clientToken: token }),
      },
    )
    await waitFor(() => expect(result.current.limits.isSuccess && result.current.wallet.isSuccess).toBe(true))
    expect(result.current.wallet.data).toMatchObject({ id: walletId, level: 'WL04', status: 'active' })
    expect(result.current.limits.data).toMatchObject({ walletId, balance: 500, used: { today: 0 } })
    expect(Number.isInteger(result.current.limits.data?.caps.single)).toBe(true)
  })

  it('surfaces a refused read as a typed error, without retrying it', async () => {
    const mine = h.openWallet(100)
    const someoneElses = h.openWallet(100)
    const token = await h.walletToken(mine)
    const { result } = renderHook(() => useBalance({ walletId: someoneElses }), {
      wrapper: h.wrapper({ clientToken: token }),
    })
    await waitFor(() => expect(result.current.status).toBe('error'))
    expect(result.current.error).toMatchObject({ code: 'permission_denied', retryable: false })
    expect(result.current.error?.requestId).toEqual(expect.any(String))
    expect(h.count(`GET /v1/wallets/${someoneElses}/balance`)).toBe(1)
  })

  it('rejects a malformed wallet id before anything is sent', async () => {
    const { result } = renderHook(() => useBalance({ walletId: '../admin' }), {
      wrapper: h.wrapper({ clientToken: 'ctk_x' }),
    })
    await waitFor(() => expect(result.current.status).toBe('error'))
    expect(result.current.error).toMatchObject({ code: 'invalid_request' })
    expect(h.requests).toEqual([])
  })

  it('waits, sending nothing, until the wallet id is known or while disabled', async () => {
    const walletId = h.openWallet(100)
    const token = await h.walletToken(walletId)
    const { result, rerender } = renderHook(
      ({ id, enabled }: { id?: string; enabled: boolean }) =>
        useBalance({ walletId: id, query: { enabled } }),
      {
        wrapper: h.wrapper({ clientToken: token }),
        initialProps: { id: undefined as string | undefined, enabled: true },
      },
    )
    rerender({ id: walletId, enabled: false })
    await sleep(50)
    expect(result.current.fetchStatus).toBe('idle')
    expect(h.requests).toEqual([])
    rerender({ id: walletId, enabled: true })
    await waitFor(() => expect(result.current.data?.available).toBe(100))
  })

  it('useEligibleCampaigns lists what the rails offer (none by default)', async () => {
    const walletId = h.openWallet(0)
    const token = await h.walletToken(walletId)
    const { result } = renderHook(() => useEligibleCampaigns({ walletId }), {
      wrapper: h.wrapper({ clientToken: token }),
    })
    await waitFor(() => expect(result.current.isSuccess).toBe(true))
    expect(result.current.data).toEqual([])
  })

  it('keeps caches of different scopes apart', async () => {
    const walletId = h.openWallet(700)
    const token = await h.walletToken(walletId)
    const first = renderHook(() => useBalance({ walletId }), {
      wrapper: h.wrapper({ clientToken: token, scopeKey: 'user-a' }),
    })
    await waitFor(() => expect(first.result.current.isSuccess).toBe(true))
    const second = renderHook(() => useBalance({ walletId }), {
      wrapper: h.wrapper({ clientToken: token, scopeKey: 'user-b' }),
    })
    expect(second.result.current.data).toBeUndefined()
    await waitFor(() => expect(second.result.current.isSuccess).toBe(true))
    expect(h.count(`GET /v1/wallets/${walletId}/balance`)).toBe(2)
  })
})

describe('mutation hooks against the rails', () => {
  it('useCreateTransfer sends once and refreshes the sender’s cached balance', async () => {
    const from = h.openWallet(10_000)
    const to = h.openWallet(0)
    const token = await h.walletToken(from)
    const { result } = renderHook(
      () => ({ balance: useBalance({ walletId: from }), transfer: useCreateTransfer() }),
      {
        wrapper: h.wrapper({ clientToken: token }),
      },
    )
    await waitFor(() => expect(result.current.balance.data?.available).toBe(10_000))
    let sent: Awaited<ReturnType<typeof result.current.transfer.mutateAsync>> | undefined
    await act(async () => {
      sent = await result.current.transfer.mutateAsync({
        fromWalletId: from,
        toWalletId: to,
        amount: 2_500,
        memo: '午饭',
      })
    })
    expect(sent).toMatchObject({ amount: 2_500, status: 'succeeded' })
    await waitFor(() => expect(result.current.balance.data?.available).toBe(7_500))
    expect(h.count('POST /v1/transfers')).toBe(1)
    expect(h.rails.engine.getBalance(to).available).toBe(2_500)
  })

  it('useCreateTransfer: a refused transfer is a typed error and moves nothing', async () => {
    const from = h.openWallet(100)
    const to = h.openWallet(0)
    const token = await h.walletToken(from)
    const { result } = renderHook(() => useCreateTransfer(), { wrapper: h.wrapper({ clientToken: token }) })
    act(() => result.current.mutate({ fromWalletId: from, toWalletId: to, amount: 500 }))
    await waitFor(() => expect(result.current.status).toBe('error'))
    expect(result.current.error).toMatchObject({ code: 'insufficient_funds' })
    expect(h.count('POST /v1/transfers')).toBe(0) // pre-checked from the wallet's limits
    expect(h.rails.engine.getBalance(from).available).toBe(100)
  })

  it('usePayOrder pays a scanned order from the holder’s wallet', async () => {
    const order = await h.createOrder(1_888)
    const walletId = h.openWallet(2_000)
    const token = await h.walletToken(walletId)
    const { result } = renderHook(() => usePayOrder(), { wrapper: h.wrapper({ clientToken: token }) })
    act(() => result.current.mutate({ orderId: order.orderId, walletId, amount: order.amount }))
    await waitFor(() => expect(result.current.data).toMatchObject({ status: 'succeeded', paidAmount: 1_888 }))
    expect(h.rails.engine.getBalance(walletId).available).toBe(112)
  })

  it('usePayOrder refreshes the wallet page’s cached balance once the payment went through', async () => {
    const order = await h.createOrder(1_888)
    const walletId = h.openWallet(2_000)
    const token = await h.walletToken(walletId)
    const { result } = renderHook(() => ({ balance: useBalance({ walletId }), pay: usePayOrder() }), {
      wrapper: h.wrapper({ clientToken: token }),
    })
    await waitFor(() => expect(result.current.balance.data?.available).toBe(2_000))
    act(() => result.current.pay.mutate({ orderId: order.orderId, walletId, amount: order.amount }))
    await waitFor(() => expect(result.current.pay.status).toBe('success'))
    // The balance was fresh when read (no staleTime elapsed): only the invalidation makes it refetch.
    await waitFor(() => expect(result.current.balance.data?.available).toBe(112))
    expect(h.count(`GET /v1/wallets/${walletId}/balance`)).toBe(2)
  })

  it('useOpenWallet checks identity before sending, then opens with a wallet_opening token', async () => {
    const { result } = renderHook(() => useOpenWallet(), { wrapper: h.wrapper({ clientToken: 'ctk_page' }) })
    act(() => result.current.mutate({ type: 'WT01', level: 'WL03', mobile: '13812341234' }))
    await waitFor(() => expect(result.current.status).toBe('error'))
    expect(result.current.error).toMatchObject({ code: 'invalid_request' })
    expect(h.requests).toEqual([])

    const token = await h.openingToken('user-42')
    const signUp = renderHook(() => useOpenWallet(), { wrapper: h.wrapper({ clientToken: token }) })
    act(() => signUp.result.current.mutate({ type: 'WT01', level: 'WL04', mobile: '13812341234' }))
    await waitFor(() => expect(signUp.result.current.status).toBe('success'))
    const opened = signUp.result.current.data!.id
    expect(signUp.result.current.data).toMatchObject({ level: 'WL04', status: 'active' })
    // the same token now serves the wallet it opened, and opens no other
    const balance = renderHook(() => useBalance({ walletId: opened }), {
      wrapper: h.wrapper({ clientToken: token }),
    })
    await waitFor(() => expect(balance.result.current.status).toBe('success'))
    expect(balance.result.current.data).toMatchObject({ walletId: opened, available: 0 })
    const again = renderHook(() => useOpenWallet(), { wrapper: h.wrapper({ clientToken: token }) })
    act(() => again.result.current.mutate({ type: 'WT01', level: 'WL04', mobile: '13912341234' }))
    await waitFor(() => expect(again.result.current.status).toBe('error'))
    expect(again.result.current.error).toMatchObject({ code: 'permission_denied' })
  })
})

describe('EcnyProvider', () => {
  it('refuses server credentials and private keys', () => {
    const attempts: Array<Record<string, unknown>> = [
      { credentials: { appId: 'app_1', privateKey: {} } },
      { privateKey: fakePemHeader },
      { clientToken: `${fakePemHeader}\nMIGHAgEAMBMGByqGSM49` },
      { clientToken: '{"kty":"EC","crv":"P-256","d":"abc"}' },
    ]
    vi.spyOn(console, 'error').mockImplementation(() => {})
    for (const props of attempts) {
      expect(() =>
        render(<EcnyProvider baseUrl={baseUrl} {...(props as Partial<EcnyProviderProps>)} />),
      ).toThrow(expect.objectContaining({ code: 'insecure_environment' }))
    }
  })

  it('calls a token function once, shares the token, and fetches a new one when it expires', async () => {
    const walletId = h.openWallet(4_200)
    const tokenEndpoint = vi.fn(async () => ({
      token: await h.walletToken(walletId, 60),
      expiresAt: '2099-01-01T00:00:00+08:00',
    }))
    const { result } = renderHook(
      () => ({ a: useBalance({ walletId }), b: useBalance({ walletId, scopeKey: 'other' }) }),
      { wrapper: h.wrapper({ clientToken: tokenEndpoint }) },
    )
    await waitFor(() => expect(result.current.a.isSuccess && result.current.b.isSuccess).toBe(true))
    expect(tokenEndpoint).toHaveBeenCalledTimes(1)

    h.rails.clock.advance(61_000) // the token is now expired at the gateway
    await result.current.a.refetch()
    expect(result.current.a.isSuccess).toBe(true)
    expect(tokenEndpoint).toHaveBeenCalledTimes(2)
  })

  it('uses a surrounding QueryClientProvider when given no queryClient, else owns one', () => {
    const outer = new QueryClient()
    const { result } = renderHook(() => useQueryClient(), {
      wrapper: ({ children }: { children: ReactNode }) => (
        <QueryClientProvider client={outer}>
          <EcnyProvider baseUrl={baseUrl} clientToken="ctk_x">
            {children}
          </EcnyProvider>
        </QueryClientProvider>
      ),
    })
    expect(result.current).toBe(outer)
    const own = renderHook(() => useQueryClient(), {
      wrapper: ({ children }: { children: ReactNode }) => (
        <EcnyProvider baseUrl={baseUrl} clientToken="ctk_x">
          {children}
        </EcnyProvider>
      ),
    })
    expect(own.result.current).toBeInstanceOf(QueryClient)
    expect(own.result.current).not.toBe(outer)
  })

  it('without a token, a read fails with a typed error that says what to pass', async () => {
    const { result } = renderHook(() => useBalance({ walletId: '0099000000000001' }), {
      wrapper: h.wrapper(),
    })
    await waitFor(() => expect(result.current.status).toBe('error'))
    expect(result.current.error).toMatchObject({ code: 'authentication_failed' })
    expect(result.current.error?.hint).toContain('clientToken')
  })
})

describe('useEcnyClient', () => {
  it('throws a typed error outside the provider', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() => renderHook(() => useEcnyClient())).toThrowError(
      expect.objectContaining({ code: 'invalid_request', message: expect.stringContaining('EcnyProvider') }),
    )
  })

  it('returns a token-authenticated client inside the provider', () => {
    const { result } = renderHook(() => useEcnyClient(), { wrapper: h.wrapper({ clientToken: 'ctk_test' }) })
    expect(result.current.authKind).toBe('token')
    expect(result.current.baseUrl).toBe(baseUrl)
  })
})
