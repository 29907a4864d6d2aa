import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readFormFields, readReceivedFields, writeFormFields } from '../../src/index.js'

const record = fc.dictionary(
  fc.string({ minLength: 1, maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  {
    maxKeys: 6,
  },
)

describe('fields as received', () => {
  it('JSON text with escaped slashes reads back as the values with slashes escaped, nothing else changed', () => {
    fc.assert(
      fc.property(record, (fields) => {
        const text = JSON.stringify(fields).replace(/\//g, '\\/')
        const expected = Object.fromEntries(
          Object.entries(fields).map(([k, v]) => [k.replace(/\//g, '\\/'), v.replace(/\//g, '\\/')]),
        )
        expect(readReceivedFields(text)).toEqual(expected)
        expect(readReceivedFields(JSON.stringify(fields))).toEqual({ ...fields })
      }),
    )
  })

  it('form fields round trip', () => {
    fc.assert(
      fc.property(record, (fields) => {
        expect(readFormFields(writeFormFields(fields))).toEqual({ ...fields })
      }),
    )
  })

  it('refuses duplicate keys, nested values and trailing text', () => {
    expect(() => readReceivedFields('{"a":"1","a":"2"}')).toThrow(/duplicate/)
    expect(() => readReceivedFields('{"a":{"b":1}}')).toThrow()
    expect(() => readReceivedFields('{"a":"1"} x')).toThrow()
    expect(() => readFormFields('a=1&a=2')).toThrow(/twice/)
  })
})
