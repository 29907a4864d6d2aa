import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { redactCompactJws } from './redactCompactJws.js'

/** The pattern the redactor used before (quadratic on `eyJeyJ…`): the reference for short inputs. */
const reference = (text: string) => text.replace(/eyJ[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]*){2,4}/g, '[R]')

describe('redactCompactJws', () => {
  it('redacts a JWS inside text and leaves the rest', () => {
    expect(redactCompactJws('a eyJhbGciOi.eyJpc3Mi.c2ln b', '[R]')).toBe('a [R] b')
    expect(redactCompactJws('x.eyJa.b.c.d.e.f', '[R]')).toBe('x.[R].f')
    expect(redactCompactJws('eyJa.b', '[R]')).toBe('eyJa.b')
  })

  it('agrees with the single-pattern definition on any short input', () => {
    const alphabet = fc.constantFrom('eyJ', 'e', 'y', 'J', '.', 'a', '-', '_', ' ', '9', '+')
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('')
        expect(redactCompactJws(text, '[R]')).toBe(reference(text))
      }),
      { numRuns: 2000 },
    )
  })
})
