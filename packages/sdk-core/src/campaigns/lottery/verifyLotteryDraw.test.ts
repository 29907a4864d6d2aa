import { describe, expect, it } from 'vitest'
import { drawLottery } from './drawLottery.js'
import { verifyLotteryDraw } from './verifyLotteryDraw.js'

const entrants = Array.from({ length: 50 }, (_, i) => `claim-${i}`)

describe('verifyLotteryDraw', () => {
  it('confirms a genuine draw, whatever the order of the entrant list', async () => {
    const { audit } = await drawLottery({ entrants, winners: 5, seed: 'notary' })
    expect(await verifyLotteryDraw(audit, entrants)).toEqual({ valid: true })
    expect(await verifyLotteryDraw(JSON.parse(JSON.stringify(audit)), [...entrants].reverse())).toEqual({
      valid: true,
    })
  })

  it('catches swapped winners, a changed list, a changed seed and unknown algorithms', async () => {
    const { audit } = await drawLottery({ entrants, winners: 5, seed: 'notary' })
    const outsider = entrants.find((e) => !audit.winners.includes(e))!
    expect(
      await verifyLotteryDraw({ ...audit, winners: [outsider, ...audit.winners.slice(1)] }, entrants),
    ).toEqual({
      valid: false,
      reason: 'The recorded winners differ from the draw (first difference at position 1).',
    })
    expect(await verifyLotteryDraw({ ...audit, winners: audit.winners.slice(0, 4) }, entrants)).toMatchObject(
      { valid: false },
    )
    expect(await verifyLotteryDraw(audit, [...entrants, 'late-entry'])).toMatchObject({
      reason: expect.stringMatching(/counts 50/),
    })
    expect(await verifyLotteryDraw(audit, [...entrants.slice(1), 'swapped-in'])).toMatchObject({
      reason: expect.stringMatching(/entrantsHash/),
    })
    expect((await verifyLotteryDraw({ ...audit, seed: 'other' }, entrants)).valid).toBe(false)
    expect(await verifyLotteryDraw({ ...audit, algorithm: 'md5' as never }, entrants)).toMatchObject({
      reason: expect.stringMatching(/Unknown algorithm/),
    })
    expect(await verifyLotteryDraw(audit, [...entrants, entrants[0]!])).toMatchObject({
      reason: expect.stringMatching(/malformed/),
    })
  })
})
