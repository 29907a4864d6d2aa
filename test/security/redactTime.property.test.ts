/**
 * Fuzzing the log redactor for time as well as output: every log line and error goes through it,
 * so input an attacker controls (a header, a gateway message) must not make it super-linear.
 * Time is compared as a ratio between inputs of size n and 4n on the same machine, never against a
 * wall-clock threshold: linear code scales by ~4, quadratic code by ~16. Time is this process's CPU
 * time (other processes loading the machine do not add to it), the best of interleaved trials.
 */

import { redact } from '@ecny/sdk-core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

/** CPU time of this process in ms: unlike wall-clock time, it does not grow when other processes load the machine. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}

/** Per-call CPU time of `run`, repeating it until at least 30 ms of CPU have passed. */
function perCall(run: () => void): number {
  let calls = 0
  const started = cpuMs()
  let elapsed = 0
  do {
    run()
    calls++
    elapsed = cpuMs() - started
  } while (elapsed < 30)
  return elapsed / calls
}

/**
 * How much longer `make(4n)` takes to redact than `make(n)`: the best of several interleaved trials
 * for each size, so a burst of load or a collection hurts both sides alike and never the minimum.
 */
function growthRatio(make: (size: number) => string, n: number, trials = 7): number {
  const small = make(n)
  const large = make(4 * n)
  redact(small)
  redact(large)
  let bestSmall = Number.POSITIVE_INFINITY
  let bestLarge = Number.POSITIVE_INFINITY
  for (let trial = 0; trial < trials; trial++) {
    bestSmall = Math.min(
      bestSmall,
      perCall(() => redact(small)),
    )
    bestLarge = Math.min(
      bestLarge,
      perCall(() => redact(large)),
    )
  }
  return bestLarge / bestSmall
}

/** Inputs shaped to make a backtracking pattern retry from every position. */
const adversarial: Array<[string, (n: number) => string]> = [
  ['eyJ repeated, no dots', (n) => 'eyJ'.repeat(n / 3)],
  ['eyJ then one long segment', (n) => `eyJ${'a'.repeat(n)}`],
  ['eyJ segments with one dot each', (n) => 'eyJa.'.repeat(n / 5)],
  ['dots after eyJ', (n) => `eyJ${'.'.repeat(n)}`],
  ['bearer then spaces', (n) => `Bearer ${' '.repeat(n)}`],
  ['PEM begin without end', (n) => `-----BEGIN ${'A'.repeat(n)}`],
  ['name without value', (n) => ` ${'a'.repeat(n)}`],
  ['digit groups', (n) => '1 '.repeat(n / 2)],
]

describe('log redaction runs in linear time (security: fuzzing for time)', () => {
  const n = 16_000
  it.each(adversarial)('%s: 4× the input takes well under 8× the time', (_, make) => {
    expect(growthRatio(make, n)).toBeLessThan(8)
  })

  it('random text made of the patterns’ own characters stays linear', () => {
    const alphabet = ['eyJ', '.', 'a', '-', '_', ' ', 'Bearer ', '=', '&', '1']
    const piece = (seed: number) => alphabet[seed % alphabet.length]!
    const make = (size: number) => {
      let text = ''
      for (let i = 0; text.length < size; i++) text += piece((i * 7919) % 104_729)
      return text
    }
    expect(growthRatio(make, n)).toBeLessThan(8)
  })
})

describe('log redaction output (security: fuzzing for output)', () => {
  const segment = fc.stringMatching(/^[A-Za-z0-9_-]{0,12}$/)

  it('no compact JWS survives, whatever surrounds it', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.array(segment, { minLength: 3, maxLength: 5 }),
        fc.string(),
        (before, rest, after) => {
          const jws = `eyJ${rest.join('.')}`
          const out = redact(`${before} ${jws} ${after}`) as string
          expect(out).not.toContain(jws)
        },
      ),
    )
  })

  it('text without eyJ, a PEM block, a bearer token or a secret pair is left as it was (after masking digits)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z.\-_ ]{0,80}$/), (text) => {
        fc.pre(!text.includes('eyJ') && !/bearer/i.test(text))
        expect(redact(text)).toBe(text)
      }),
    )
  })
})
