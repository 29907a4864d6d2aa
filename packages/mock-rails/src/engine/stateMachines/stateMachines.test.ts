import { describe, expect, it } from 'vitest'
import { RailsError } from '../../support/railsError.js'
import { orderStateMachine } from './orderStateMachine.js'
import { paymentCodeStateMachine } from './paymentCodeStateMachine.js'
import { refundStateMachine } from './refundStateMachine.js'
import { subWalletStateMachine } from './subWalletStateMachine.js'
import { walletStateMachine } from './walletStateMachine.js'

const machines = [
  orderStateMachine,
  refundStateMachine,
  paymentCodeStateMachine,
  subWalletStateMachine,
  walletStateMachine,
]

describe('state machine tables', () => {
  it.each(machines.map((m) => [m.name, m] as const))(
    '%s: every listed move is legal, every other move is invalid_state',
    (_, machine) => {
      const states = Object.keys(machine.table) as string[]
      for (const from of states) {
        for (const to of states) {
          const legal = (machine.table as Record<string, readonly string[]>)[from]!.includes(to)
          expect(machine.can(from as never, to as never)).toBe(legal)
          if (legal) expect(() => machine.assert(from as never, to as never)).not.toThrow()
          else {
            const error = (() => {
              try {
                machine.assert(from as never, to as never)
              } catch (e) {
                return e
              }
            })() as RailsError
            expect(error).toBeInstanceOf(RailsError)
            expect(error.code).toBe('invalid_state')
            expect(error.status).toBe(409)
            expect(error.details).toMatchObject({ from, to })
          }
        }
      }
    },
  )

  it('order: the paid path and its ends', () => {
    expect(orderStateMachine.can('created', 'processing')).toBe(true)
    expect(orderStateMachine.can('processing', 'succeeded')).toBe(true)
    expect(orderStateMachine.can('succeeded', 'partially_refunded')).toBe(true)
    expect(orderStateMachine.can('partially_refunded', 'refunded')).toBe(true)
    expect(orderStateMachine.can('succeeded', 'canceled')).toBe(true)
    expect(orderStateMachine.can('created', 'succeeded')).toBe(false)
    expect(orderStateMachine.can('closed', 'processing')).toBe(false)
    expect(orderStateMachine.can('partially_refunded', 'canceled')).toBe(false)
    expect(orderStateMachine.can('refunded', 'partially_refunded')).toBe(false)
  })

  it('final states allow nothing', () => {
    expect(refundStateMachine.table.succeeded).toEqual([])
    expect(paymentCodeStateMachine.table.used).toEqual([])
    expect(subWalletStateMachine.table.revoked).toEqual([])
    expect(walletStateMachine.table.closed).toEqual([])
  })
})
