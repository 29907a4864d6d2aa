import { describe, expect, it } from 'vitest'
import { bankFloatAccount, createLedger, createLedgerState } from './ledger.js'

describe('ledger', () => {
  it('posts balanced entries and refuses unbalanced, fractional or overdrawing ones without changing anything', () => {
    const ledger = createLedger(createLedgerState())
    ledger.openAccount('wallet:a', 'wallet')
    ledger.openAccount('wallet:b', 'wallet')
    ledger.post({
      kind: 'top_up',
      reference: null,
      lines: [
        { account: bankFloatAccount, amount: -500 },
        { account: 'wallet:a', amount: 500 },
      ],
    })
    expect(() =>
      ledger.post({ kind: 'x', reference: null, lines: [{ account: 'wallet:a', amount: -1 }] }),
    ).toThrow(/unbalanced/)
    expect(() =>
      ledger.post({
        kind: 'x',
        reference: null,
        lines: [
          { account: 'wallet:a', amount: -0.5 },
          { account: 'wallet:b', amount: 0.5 },
        ],
      }),
    ).toThrow(/integer/)
    expect(() =>
      ledger.post({
        kind: 'x',
        reference: null,
        lines: [
          { account: 'wallet:a', amount: -501 },
          { account: 'wallet:b', amount: 501 },
        ],
      }),
    ).toThrow(/negative/)
    ledger.post({
      kind: 'through',
      reference: null,
      lines: [
        { account: 'wallet:a', amount: -200 },
        { account: 'wallet:b', amount: 200 },
        { account: 'wallet:b', amount: -200 },
        { account: 'wallet:a', amount: 200 },
      ],
    })
    expect([
      ledger.balanceOf('wallet:a'),
      ledger.balanceOf('wallet:b'),
      ledger.balanceOf(bankFloatAccount),
    ]).toEqual([500, 0, -500])
    expect(ledger.verify()).toEqual({ ok: true, total: 0, negativeAccounts: [], entryCount: 2 })
  })
})
