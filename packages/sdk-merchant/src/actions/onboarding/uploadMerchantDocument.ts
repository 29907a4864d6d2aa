import { documentTypes, operations } from '@ecny/protocol'
import {
  type CallOptions,
  type ConflictError,
  type DocumentType,
  InvalidRequestError,
  type NotFoundError,
  type RequestErrorType,
  type ResultUnknownError,
} from '@ecny/sdk-core'
import { fromOperation, parseInput, sha256Hex, z } from '@ecny/sdk-core/internal'
import type { MerchantBaseClient } from '../../client/MerchantBaseClient.js'
import { toBase64 } from '../../internal/bytes.js'
import { gatewayId } from '../../internal/inputs.js'
import { merchantIdFor } from '../../internal/merchantIdFor.js'

/**
 * Largest document accepted: 700 KiB (716 800 bytes). Sent base64-encoded in a JSON body, it stays
 * under the gateway's 1 MiB request limit. Scan at 150–200 dpi or compress photos to fit.
 */
export const maxDocumentBytes = 700 * 1024

/** Formats accepted for documents. */
export const documentContentTypes = ['image/jpeg', 'image/png', 'application/pdf'] as const
export type DocumentContentType = (typeof documentContentTypes)[number]

/** The documents a review requires; site photos and a lease are optional extras. */
export const requiredDocumentTypes: readonly DocumentType[] = [
  'business_licence',
  'legal_rep_id',
  'account_proof',
]

const uploadMerchantDocumentParameters = z.object({
  merchantId: z.optional(gatewayId('merchantId')),
  type: z.enum(documentTypes, { error: `type must be one of ${documentTypes.join(', ')}` }),
  contentType: z.enum(documentContentTypes, {
    error: `contentType must be one of ${documentContentTypes.join(', ')}`,
  }),
})

export type UploadMerchantDocumentParameters = z.input<typeof uploadMerchantDocumentParameters> & {
  /** The file's bytes. */
  content: Uint8Array | ArrayBuffer | Blob
}

/** A stored document, as the gateway lists it on the application. */
export type MerchantDocument = { id: string; type: DocumentType | 'unknown'; sha256: string; size: number }
export type UploadMerchantDocumentReturnType = MerchantDocument
/** What uploadMerchantDocument can throw: see each code in docs/errors.md. */
export type UploadMerchantDocumentErrorType =
  | NotFoundError
  | ConflictError
  | ResultUnknownError
  | RequestErrorType

function invalid(path: string, message: string, hint: string): InvalidRequestError {
  return new InvalidRequestError('invalid_request', `Invalid document: ${path}: ${message}.`, {
    hint,
    details: { issues: [{ path, message }] },
  })
}

async function bytesOf(content: unknown): Promise<Uint8Array> {
  if (content instanceof Uint8Array) return content
  if (content instanceof ArrayBuffer) return new Uint8Array(content)
  if (typeof Blob !== 'undefined' && content instanceof Blob)
    return new Uint8Array(await content.arrayBuffer())
  throw invalid(
    'content',
    'must be a Uint8Array, Buffer, ArrayBuffer or Blob',
    'Pass the file bytes, e.g. await readFile(path).',
  )
}

/**
 * Uploads one document of an application: the business licence, the legal representative's ID,
 * account proof, site photos (street, storefront, till, interior) or a lease. The type, format
 * (JPEG, PNG, PDF) and size (≤ {@link maxDocumentBytes}) are checked and the SHA-256 computed
 * locally before anything is sent; the gateway checks the digest against the bytes it receives.
 *
 * @example
 * import { readFile } from 'node:fs/promises'
 * await uploadMerchantDocument(client, {
 *   merchantId, type: 'business_licence', contentType: 'application/pdf',
 *   content: await readFile('licence.pdf'),
 * })
 */
export async function uploadMerchantDocument(
  client: MerchantBaseClient,
  parameters: UploadMerchantDocumentParameters,
  options: CallOptions = {},
): Promise<UploadMerchantDocumentReturnType> {
  const { content, ...rest } = parameters
  const input = parseInput(uploadMerchantDocumentParameters, rest, 'document')
  const merchantId = merchantIdFor(client, input.merchantId, true)
  const bytes = await bytesOf(content)
  if (bytes.byteLength === 0) throw invalid('content', 'is empty', 'Pass the file bytes; nothing was sent.')
  if (bytes.byteLength > maxDocumentBytes)
    throw invalid(
      'content',
      `is ${bytes.byteLength} bytes, over the ${maxDocumentBytes}-byte limit`,
      'Compress the photo or scan at a lower resolution; nothing was sent.',
    )
  const sha256 = await sha256Hex(bytes)
  return client.request({
    ...fromOperation(operations.uploadDocument, { id: merchantId }),
    body: {
      type: input.type,
      contentType: input.contentType,
      size: bytes.byteLength,
      sha256,
      content: toBase64(bytes),
    },
    ...options,
  })
}
