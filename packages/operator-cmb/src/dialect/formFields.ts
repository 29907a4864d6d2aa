import { MalformedEnvelopeError } from './receivedFields.js'

/**
 * The fields of a form-encoded CMB notification, URL-decoded (`+` is a space), as received: CMB
 * signs the decoded values (§2.4.1.2 ②). An empty key or a key sent twice throws
 * {@link MalformedEnvelopeError} — a second value must never shadow the signed one.
 *
 * @example
 * readFormFields('biz_content=%7B%7D&sign=MEUC...') // { biz_content: '{}', sign: 'MEUC...' }
 */
export function readFormFields(body: string): Record<string, string> {
  const fields: Record<string, string> = Object.create(null)
  for (const pair of body.split('&')) {
    if (pair === '') continue
    const at = pair.indexOf('=')
    const decode = (part: string) => {
      try {
        return decodeURIComponent(part.replaceAll('+', ' '))
      } catch {
        throw new MalformedEnvelopeError('bad percent-encoding in the form')
      }
    }
    const key = decode(at < 0 ? pair : pair.slice(0, at))
    if (key === '') throw new MalformedEnvelopeError('empty key in the form')
    if (Object.hasOwn(fields, key)) throw new MalformedEnvelopeError(`key "${key}" sent twice`)
    fields[key] = at < 0 ? '' : decode(pair.slice(at + 1))
  }
  return { ...fields }
}

/** Fields as a form body (what the simulator sends), keys in the given order. */
export function writeFormFields(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&')
}
