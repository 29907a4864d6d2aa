import { rejectionOf, useWalletRails } from '@ecny/test-utils'
import { describe, expect, it } from 'vitest'
import { computeUsccCheckChar } from '../../src/ids/isValidUscc.js'

const h = useWalletRails()
const first17 = '91110108MA0000001'
const wrongCheck = first17 + (computeUsccCheckChar(first17) === 'E' ? 'F' : 'E')
const corporate = (extra: Record<string, unknown> = {}) => ({
  type: 'WT09' as const,
  entity: { legalName: '示例科技有限公司', uscc: wrongCheck },
  settlementAccount: { accountNo: '755912345610001', accountName: '示例科技有限公司' },
  ...extra,
})

describe('a registered USCC whose check character fails (GB 32100-2015)', () => {
  it('is refused before sending, and the message names the real override', async () => {
    const error = await rejectionOf(h.client.wallets.open(corporate()))
    expect(error).toMatchObject({ code: 'invalid_request' })
    expect(error.message).toContain('allowInvalidUsccCheck: true')
    expect(h.requests.filter((request) => request.startsWith('POST /v1/wallets'))).toEqual([])
  })

  it('the gateway refuses it too, naming the same override', async () => {
    expect(() => h.rails.engine.openWallet(corporate())).toThrow(
      /entity\.uscc: .*allowInvalidUsccCheck: true/,
    )
  })

  it('opens the corporate wallet with allowInvalidUsccCheck: true', async () => {
    const wallet = await h.client.wallets.open(corporate({ allowInvalidUsccCheck: true }))
    expect(wallet.type).toBe('WT09')
    expect(h.rails.engine.getWallet(wallet.id).holder.uscc).toBeDefined()
  })
})
