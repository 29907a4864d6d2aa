import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { EcnyError } from '../../errors/EcnyError.js'
import { drawLottery, LOTTERY_ALGORITHM } from './drawLottery.js'
import { sha256Hex } from './sha256Hex.js'

const entrants = Array.from({ length: 200 }, (_, i) => `wallet-${String(i).padStart(4, '0')}`)

describe('drawLottery', () => {
  it('gives the same winners for the same seed and entrants, whatever their order', async () => {
    const first = await drawLottery({ entrants, winners: 10, seed: 'notary-2025-01-31' })
    const shuffled = [...entrants].reverse()
    const again = await drawLottery({ entrants: shuffled, winners: 10, seed: 'notary-2025-01-31' })
    expect(again).toEqual(first)
    const other = await drawLottery({ entrants, winners: 10, seed: 'notary-2025-02-01' })
    expect(other.winners).not.toEqual(first.winners)
  })

  it('draws distinct entrants, as many as asked, and records an audit', async () => {
    const { winners, audit } = await drawLottery({
      entrants,
      winners: 25,
      seed: 's',
      drawnAt: '2025-01-31T10:00:00+08:00',
    })
    expect(winners).toHaveLength(25)
    expect(new Set(winners).size).toBe(25)
    for (const winner of winners) expect(entrants).toContain(winner)
    expect(audit).toEqual({
      algorithm: LOTTERY_ALGORITHM,
      seed: 's',
      entrantsHash: await sha256Hex(entrants.join('\n')),
      entrantCount: 200,
      winnersRequested: 25,
      winners,
      drawnAt: '2025-01-31T10:00:00+08:00',
    })
  })

  it('pins the draw, so a change to the algorithm cannot go unnoticed', async () => {
    const { winners, audit } = await drawLottery({
      entrants: ['a', 'b', 'c', 'd', 'e'],
      winners: 3,
      seed: 'pinned',
    })
    expect({ winners, entrantsHash: audit.entrantsHash }).toMatchSnapshot()
  })

  it('keeps the first k winners when more are drawn with the same seed (prefix-stable)', async () => {
    const few = await drawLottery({ entrants, winners: 3, seed: 'x' })
    const more = await drawLottery({ entrants, winners: 30, seed: 'x' })
    expect(more.winners.slice(0, 3)).toEqual(few.winners)
  })

  it('lets everyone win when prizes outnumber entrants, and draws none for 0', async () => {
    const all = await drawLottery({ entrants: ['a', 'b', 'c'], winners: 5, seed: 's' })
    expect([...all.winners].sort()).toEqual(['a', 'b', 'c'])
    expect(all.audit.winnersRequested).toBe(5)
    expect((await drawLottery({ entrants: ['a'], winners: 0, seed: 's' })).winners).toEqual([])
    expect((await drawLottery({ entrants: [], winners: 3, seed: 's' })).winners).toEqual([])
  })

  it('is unbiased: every entrant wins about equally often (chi-square, 4 degrees of freedom)', async () => {
    const five = ['a', 'b', 'c', 'd', 'e']
    const draws = 5000
    const counts = new Map(five.map((e) => [e, 0]))
    const seeds = Array.from({ length: draws }, (_, i) => `seed-${i}`)
    for (const { winners } of await Promise.all(
      seeds.map((seed) => drawLottery({ entrants: five, winners: 1, seed })),
    )) {
      counts.set(winners[0]!, counts.get(winners[0]!)! + 1)
    }
    const expected = draws / five.length
    const chiSquare = [...counts.values()].reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0)
    expect(chiSquare).toBeLessThan(18.47) // p = 0.001
  })

  it('rejects duplicates (naming positions, not ids), malformed entrants, bad counts and empty seeds', async () => {
    await expect(drawLottery({ entrants: ['a', 'b', 'a'], winners: 1, seed: 's' })).rejects.toThrow(
      'entrants[0] and entrants[2] are the same entrant.',
    )
    for (const bad of [[''], ['a\nb'], [42]]) {
      await expect(drawLottery({ entrants: bad as string[], winners: 1, seed: 's' })).rejects.toThrow(
        EcnyError,
      )
    }
    await expect(drawLottery({ entrants, winners: -1, seed: 's' })).rejects.toThrow(/winners must be/)
    await expect(drawLottery({ entrants, winners: 1.5, seed: 's' })).rejects.toThrow(/winners must be/)
    await expect(drawLottery({ entrants, winners: 1, seed: '' })).rejects.toThrow(/seed must be/)
  })

  it('winners are always distinct members, in the right number (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(
          fc.string({ minLength: 1, maxLength: 6 }).filter((s) => !/[\r\n]/.test(s)),
          { maxLength: 60 },
        ),
        fc.nat({ max: 80 }),
        fc.string({ minLength: 1 }),
        async (people, count, seed) => {
          const { winners } = await drawLottery({ entrants: people, winners: count, seed })
          expect(winners).toHaveLength(Math.min(count, people.length))
          expect(new Set(winners).size).toBe(winners.length)
          for (const winner of winners) expect(people).toContain(winner)
        },
      ),
      { numRuns: 100 },
    )
  })
})
