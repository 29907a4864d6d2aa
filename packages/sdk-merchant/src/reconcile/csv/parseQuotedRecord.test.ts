import { describe, expect, it } from 'vitest'
import { parseQuotedRecord } from './parseQuotedRecord.js'

describe('parseQuotedRecord', () => {
  it('parses quoted fields with commas, doubled quotes and line breaks', () => {
    expect(parseQuotedRecord('order,"a,b","say ""hi""",x')).toEqual(['order', 'a,b', 'say "hi"', 'x'])
    expect(parseQuotedRecord('"line\nbreak",""')).toEqual(['line\nbreak', ''])
    expect(parseQuotedRecord('a,"b"')).toEqual(['a', 'b'])
    expect(parseQuotedRecord('"a",')).toEqual(['a', ''])
  })

  it('says when a quoted field is still open', () => {
    expect(parseQuotedRecord('a,"open')).toBe('incomplete')
    expect(parseQuotedRecord('a,"open""')).toBe('incomplete')
  })

  it('names the column of a malformed field', () => {
    expect(parseQuotedRecord('a,"b"c')).toEqual({
      column: 2,
      problem: 'unexpected "c" after a closing quote',
    })
    expect(parseQuotedRecord('a,b"c,"d"')).toMatchObject({ column: 2 })
  })
})
