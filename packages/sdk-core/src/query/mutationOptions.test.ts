import { describe, expect, it } from 'vitest'
import { claimRewardMutationOptions } from './claimReward.js'
import { createTransferMutationOptions } from './createTransfer.js'
import { openWalletMutationOptions } from './openWallet.js'
import { payOrderMutationOptions } from './payOrder.js'
import { stubClient } from './stubClient.test-helpers.js'

const walletId = '0099000000000001'

describe('mutation options', () => {
  it('have plain keys scoped by gateway and scopeKey', () => {
    const { client } = stubClient()
    expect(createTransferMutationOptions(client).mutationKey).toEqual([
      'ecny',
      'createTransfer',
      { baseUrl: 'https://gateway.test' },
    ])
    expect(claimRewardMutationOptions(client, { scopeKey: 'user-1' }).mutationKey).toEqual([
      'ecny',
      'claimReward',
      { baseUrl: 'https://gateway.test', scopeKey: 'user-1' },
    ])
    expect(openWalletMutationOptions(client).mutationKey[1]).toBe('openWallet')
    expect(payOrderMutationOptions(client).mutationKey[1]).toBe('payOrder')
  })

  it('run the action with the variables: a claim, then a payment without a pre-check', async () => {
    const { client, request } = stubClient(({ path }) => ({ path }))
    await claimRewardMutationOptions(client).mutationFn({ campaignId: 'cmp_1', walletId })
    expect(request).toHaveBeenLastCalledWith(
      expect.objectContaining({ method: 'POST', path: '/v1/campaigns/cmp_1/claims', body: { walletId } }),
    )
    await payOrderMutationOptions(client).mutationFn({ orderId: 'ord_1', walletId, precheck: false })
    expect(request).toHaveBeenLastCalledWith(
      expect.objectContaining({ path: '/v1/orders/ord_1/pay', body: { walletId } }),
    )
  })

  it('validate before sending', async () => {
    const { client, request } = stubClient()
    await expect(
      createTransferMutationOptions(client).mutationFn({
        fromWalletId: walletId,
        toWalletId: walletId,
        amount: 1,
      }),
    ).rejects.toMatchObject({ code: 'invalid_request' })
    await expect(
      openWalletMutationOptions(client).mutationFn({ type: 'WT01', level: 'WL03', mobile: '13812341234' }),
    ).rejects.toMatchObject({ code: 'invalid_request' })
    expect(request).not.toHaveBeenCalled()
  })
})
