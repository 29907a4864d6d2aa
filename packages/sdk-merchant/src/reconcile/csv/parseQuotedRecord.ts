/** Why a quoted record did not parse: `column` is the 1-based field number at fault. */
export interface QuotedRecordProblem {
  column: number
  problem: string
}

/**
 * RFC 4180 parsing of one record that contains a `"` (the slow path; lines without quotes are just
 * split on commas). A quoted field may hold commas, doubled quotes (`""` → `"`) and line breaks.
 * Returns the fields, `'incomplete'` when a quoted field is still open at the end of the text (the
 * caller appends the next line and tries again), or a problem.
 *
 * @example
 * parseQuotedRecord('order,"a,b","say ""hi"""') // ['order', 'a,b', 'say "hi"']
 * parseQuotedRecord('order,"open')              // 'incomplete'
 */
export function parseQuotedRecord(text: string): string[] | 'incomplete' | QuotedRecordProblem {
  const fields: string[] = []
  let i = 0
  for (;;) {
    const column = fields.length + 1
    if (text.charCodeAt(i) === 34) {
      let value = ''
      let start = i + 1
      for (;;) {
        const quote = text.indexOf('"', start)
        if (quote === -1) return 'incomplete'
        value += text.slice(start, quote)
        if (text.charCodeAt(quote + 1) === 34) {
          value += '"'
          start = quote + 2
          continue
        }
        i = quote + 1
        break
      }
      fields.push(value)
      if (i === text.length) return fields
      if (text.charCodeAt(i) !== 44) {
        return { column, problem: `unexpected ${JSON.stringify(text[i])} after a closing quote` }
      }
      i++
    } else {
      const comma = text.indexOf(',', i)
      const end = comma === -1 ? text.length : comma
      const value = text.slice(i, end)
      if (value.includes('"'))
        return { column, problem: 'a quote inside an unquoted field (quote the whole field)' }
      fields.push(value)
      if (comma === -1) return fields
      i = comma + 1
    }
  }
}
