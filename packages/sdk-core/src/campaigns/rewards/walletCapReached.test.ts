import { describe, expect, it } from 'vitest'
import { walletCapReached } from './walletCapReached.js'

describe('walletCapReached', () => {
  it('is null without caps or under them', () => {
    expect(walletCapReached(undefined, { today: 100, thisMonth: 100, total: 100 })).toBeNull()
    expect(walletCapReached({ perDay: 2 }, { today: 1, thisMonth: 50, total: 50 })).toBeNull()
  })

  it('names the longest-lasting cap reached', () => {
    const caps = { perDay: 1, perMonth: 4, total: 10 }
    expect(walletCapReached(caps, { today: 1, thisMonth: 1, total: 1 })).toBe('perDay')
    expect(walletCapReached(caps, { today: 1, thisMonth: 4, total: 4 })).toBe('perMonth')
    expect(walletCapReached(caps, { today: 1, thisMonth: 4, total: 10 })).toBe('total')
  })
})
