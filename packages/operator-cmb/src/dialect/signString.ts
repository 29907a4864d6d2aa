/**
 * CMB's string to sign (§2.4.1.1): every field but `sign`, keys sorted by ASCII, `k=v` joined with `&`.
 * Values go in exactly as given: for a response, as they stand in the received text.
 *
 * @example
 * cmbSignString({ version: '0.0.1', biz_content: '{}', sign: 'ignored' })
 * // 'biz_content={}&version=0.0.1'
 */
export function cmbSignString(fields: Readonly<Record<string, string>>): string {
  return Object.keys(fields)
    .filter((key) => key !== 'sign')
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((key) => `${key}=${fields[key]}`)
    .join('&')
}
