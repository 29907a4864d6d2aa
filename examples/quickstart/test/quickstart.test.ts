import { expect, it } from 'vitest'
import { runDemo } from '../runDemo.js'
import { createStory } from '../story.js'

it('tells the whole quickstart story against the sandbox and every step does what it says', async () => {
  const lines: string[] = []
  const result = await runDemo(createStory((line) => lines.push(line)))
  const output = lines.join('\n')

  expect(result.steps).toBe(10)
  expect(output).toMatch(/→ approved/)
  expect(output).toMatch(/order LJZ-0001 → succeeded/)
  expect(output).toMatch(/order LJZ-0002 → succeeded/)
  expect(result.reward).toMatchObject({ granted: true, amount: 500 })
  expect(output).toMatch(/a second transfer today → no reward/)
  expect(output).toMatch(/refund ¥68\.00 → succeeded; order now partially_refunded/)
  expect(result.overLimitError.code).toBe('limit_exceeded')
  expect(result.overLimitError.details).toMatchObject({ cap: 'single', limit: 200_000 })
  expect(result.notificationsApplied).toBeGreaterThanOrEqual(4)
  // two paid orders, the refund, and the over-cap order the merchant closed (failed on both sides)
  expect(result.reconciliation.totals.matched.count).toBe(4)
  expect(result.reconciliation.totals.merchant_only.count).toBe(0)
  expect(result.reconciliation.totals.gateway_only.count).toBe(0)
  // personal data stays masked in what the demo prints
  expect(output).not.toMatch(/13812341234|13698765432/)
})
