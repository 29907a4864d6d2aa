import { ebillFormat, ebillSignatureType, type GovEBill } from '@ecny/protocol'
import type { JSONWebKeySet } from 'jose'
import { EcnyError, SignatureError } from '../../errors/EcnyError.js'
import { createGatewayKeySet, type GatewayKeySet } from '../../transport/createGatewayKeySet.js'
import { JwsRejection, verifyCompactJws } from '../../transport/verifyCompactJws.js'
import { signedEBillFromHtml } from './renderEBillHtml.js'

export type VerifyEBillOptions = {
  /** The gateway's public keys: a JWKS object, or its URL (`…/.well-known/jwks.json`). */
  gatewayKeys: JSONWebKeySet | string
}

/** A saved e-bill: the signed document, its JSON text, or the HTML page `renderEBillHtml` made. */
export type EBillDocument = { format?: unknown; ebill?: unknown; signature?: unknown } | string

const keySets = new Map<string, GatewayKeySet>()

function keySetFor(keys: JSONWebKeySet | string): GatewayKeySet {
  if (typeof keys !== 'string') return createGatewayKeySet({ keys })
  let set = keySets.get(keys)
  if (!set) {
    if (keySets.size >= 32) keySets.clear()
    set = createGatewayKeySet({ keys })
    keySets.set(keys, set)
  }
  return set
}

/** JSON with object keys sorted, so two equal e-bills compare equal however they were re-saved. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    )
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

const refused = (message: string, cause?: unknown) =>
  new SignatureError('signature_invalid', message, {
    hint: 'Do not accept this e-bill as proof of payment; fetch it again (checkGovEBill) and compare.',
    cause,
  })

function parseDocument(document: EBillDocument): { ebill?: unknown; signature?: unknown; format?: unknown } {
  if (typeof document !== 'string') return document ?? {}
  const text = document.trimStart()
  if (text.startsWith('<')) {
    const embedded = signedEBillFromHtml(text)
    if (embedded === undefined) throw refused('The HTML page carries no signed e-bill.')
    return embedded
  }
  try {
    return JSON.parse(text) as Record<string, unknown>
  } catch (cause) {
    throw refused('The e-bill is neither JSON nor a page made by renderEBillHtml.', cause)
  }
}

/**
 * Verifies a saved fiscal e-bill (财政电子票据) and returns it typed: the signature (typ
 * `ecny-ebill+jws`) must verify with one of the gateway's published keys — old keys stay published
 * after a rotation, so an e-bill verifies years later — and the e-bill shown next to it must be
 * exactly the one signed (a changed amount or name is refused with `signature_invalid`). Accepts the
 * document from `payGovBill` / `checkGovEBill`, its JSON text, or the HTML page `renderEBillHtml`
 * made. No freshness window: an e-bill is a lasting document.
 *
 * @example
 * const ebill = await verifyEBill(savedHtml, { gatewayKeys: 'https://gateway.example/.well-known/jwks.json' })
 * console.log(ebill.number, ebill.amount, ebill.issuingAgency.name)
 */
export async function verifyEBill(document: EBillDocument, options: VerifyEBillOptions): Promise<GovEBill> {
  const parsed = parseDocument(document)
  if (parsed.format !== ebillFormat) throw refused(`The document is not an e-bill (format ${ebillFormat}).`)
  if (typeof parsed.signature !== 'string') throw refused('The e-bill carries no signature.')
  const keys = keySetFor(options.gatewayKeys)
  let payload: Uint8Array
  try {
    ;({ payload } = await verifyCompactJws(parsed.signature, (header) => {
      if (header.typ !== ebillSignatureType)
        throw refused(
          `The signature type is "${String(header.typ)}", not an e-bill's (${ebillSignatureType}).`,
        )
      return keys(header.kid, header.alg)
    }))
  } catch (cause) {
    if (cause instanceof EcnyError) throw cause
    throw refused(
      cause instanceof JwsRejection
        ? `E-bill signature refused: ${cause.message}`
        : 'The e-bill signature does not verify.',
      cause,
    )
  }
  let signed: unknown
  try {
    signed = JSON.parse(new TextDecoder().decode(payload))
  } catch (cause) {
    throw refused('The e-bill signature carries an unreadable e-bill.', cause)
  }
  if (canonicalJson(signed) !== canonicalJson(parsed.ebill))
    throw refused('The e-bill was changed after it was signed: what it shows is not what the gateway signed.')
  return signed as GovEBill
}
