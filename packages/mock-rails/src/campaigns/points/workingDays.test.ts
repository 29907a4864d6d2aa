import { expect, it } from 'vitest'
import { addWorkingDays } from './workingDays.js'

const at = (iso: string) => Date.parse(iso)

it('counts Monday to Friday in Shanghai and credits at the midnight after the n-th working day', () => {
  // Friday 2 May 2025 → Mon 5, Tue 6, Wed 7 pass → Thu 8 May 00:00 +08:00.
  expect(addWorkingDays(at('2025-05-02T10:00:00+08:00'), 3)).toBe(at('2025-05-08T00:00:00+08:00'))
  // Saturday late (Friday 16:30 UTC is Saturday 00:30 in Shanghai) → Mon, Tue, Wed.
  expect(addWorkingDays(at('2025-05-02T16:30:00Z'), 3)).toBe(at('2025-05-08T00:00:00+08:00'))
  // Monday → Tue, Wed, Thu → Fri 00:00.
  expect(addWorkingDays(at('2025-05-05T09:00:00+08:00'), 3)).toBe(at('2025-05-09T00:00:00+08:00'))
  expect(addWorkingDays(5, 0)).toBe(5)
})
