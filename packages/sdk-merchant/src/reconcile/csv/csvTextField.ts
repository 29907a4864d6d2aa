import { csvField } from './csvField.js'

/** What a spreadsheet reads as the start of a formula (OWASP "CSV Injection"). */
const formulaStart = /^[=+\-@\t\r]/

/**
 * One CSV text field, safe to open in a spreadsheet: a value starting with `=`, `+`, `-`, `@`, a tab
 * or a carriage return is prefixed with `'` and quoted (OWASP), so Excel, LibreOffice and Sheets show
 * it as text instead of running it as a formula; any other value is {@link csvField}. Only for text
 * columns: integer fen columns go through `csvField`, so a negative amount stays a number.
 *
 * @example
 * csvTextField('A-1001')             // 'A-1001'
 * csvTextField("=cmd|' /C calc'!A0") // `"'=cmd|' /C calc'!A0"`
 */
export function csvTextField(value: string | null | undefined): string {
  if (value === null || value === undefined) return ''
  return formulaStart.test(value) ? `"'${value.replaceAll('"', '""')}"` : csvField(value)
}
