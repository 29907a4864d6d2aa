import { describe, expect, it } from 'vitest'
import { csvField } from './csvField.js'

describe('csvField', () => {
  it('quotes only when needed', () => {
    expect(csvField('plain')).toBe('plain')
    expect(csvField('a,"b"')).toBe('"a,""b"""')
    expect(csvField('two\nlines')).toBe('"two\nlines"')
    expect(csvField(12)).toBe('12')
    expect(csvField(null)).toBe('')
    expect(csvField(undefined)).toBe('')
  })
})
