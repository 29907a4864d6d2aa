import { InvalidRequestError } from '@ecny/sdk-core'

/** The body exactly as it arrived: text, bytes or a Node `Buffer` (a `Uint8Array`). */
export type RawBody = string | Uint8Array | ArrayBuffer

/** Where the body came from, to say how to get the raw bytes in that framework. */
export type BodySource = 'generic' | 'node' | 'express' | 'fetch'

const fixes: Record<BodySource, string> = {
  generic:
    'Pass the body exactly as received (string, Buffer or Uint8Array), before any JSON parsing. ' +
    'Express: express.raw({ type: "application/json" }) on this route; Next.js/Hono/edge: await request.text(); ' +
    'Fastify: addContentTypeParser("application/json", { parseAs: "buffer" }, (req, body, done) => done(null, body)).',
  node: 'Do not read or parse the request before the verifier: it reads the raw body from the request itself.',
  express:
    'Mount express.raw({ type: "application/json" }) on the notification route (before express.json(), or instead of it), ' +
    'so req.body is a Buffer of the raw bytes; for CMB\'s form-encoded notifications, express.raw({ type: "application/x-www-form-urlencoded" }) instead of express.urlencoded().',
  fetch: 'Do not call request.json() or request.text() before verifying: pass the untouched Request.',
}

/** `body_already_parsed`, saying what was received and how to fix it in that framework. */
export function bodyAlreadyParsed(received: string, source: BodySource): InvalidRequestError {
  return new InvalidRequestError(
    'body_already_parsed',
    `The notification body was already parsed (got ${received}), so its signature cannot be checked.`,
    {
      hint: `Signatures cover the raw bytes; re-serialised JSON never matches them. ${fixes[source]}`,
      details: { received, source },
    },
  )
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'object') return `an object (${(value as object).constructor?.name ?? 'Object'})`
  return typeof value === 'undefined' ? 'undefined' : `a ${typeof value}`
}

/** The raw bytes of a body, or `body_already_parsed` for anything that is not raw. */
export function rawBytes(body: unknown, source: BodySource = 'generic'): Uint8Array {
  if (typeof body === 'string') return new TextEncoder().encode(body)
  if (body instanceof Uint8Array) return body
  if (body instanceof ArrayBuffer) return new Uint8Array(body)
  throw bodyAlreadyParsed(describe(body), source)
}
