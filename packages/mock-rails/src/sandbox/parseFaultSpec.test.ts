import { expect, it } from 'vitest'
import { parseFaultSpec } from './parseFaultSpec.js'

it('reads both drop faults: drop (first answer only) and dropall (every answer, replays included)', () => {
  expect(parseFaultSpec('drop=0.1, dropall=0.02')).toEqual({ dropAfterCommit: 0.1, dropEveryAnswer: 0.02 })
  expect(() => parseFaultSpec('dropall=2')).toThrow(/between 0 and 1/)
  expect(() => parseFaultSpec('dropevery=1')).toThrow(/names .*\bdropall\b/)
})
