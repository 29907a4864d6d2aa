import { uploadDocumentRequest } from '@ecny/protocol'
import type * as z from 'zod/mini'
import { nextId } from '../engine/engineContext.js'
import { parseParams } from '../support/parseParams.js'
import { formatTimestamp } from '../support/shanghaiTime.js'
import { base64ToBytes, sha256Hex } from './documentBytes.js'
import { invalidField } from './invalidField.js'
import type { MerchantContext } from './merchantContext.js'
import { editableApplication, merchantRecord } from './merchantLookups.js'
import type { DocumentRecord } from './merchantState.js'

/** `POST /v1/merchants/{id}/documents`: registers a document, checking the bytes against the digest. */
export function uploadDocument(
  mc: MerchantContext,
  merchantId: string,
  input: z.input<typeof uploadDocumentRequest>,
) {
  const record = editableApplication(mc, merchantId)
  const params = parseParams(uploadDocumentRequest, input)
  if (params.content !== undefined) {
    const bytes = base64ToBytes(params.content)
    if (!bytes) throw invalidField('content', 'is not valid base64')
    if (bytes.byteLength !== params.size)
      throw invalidField('size', `is ${params.size} but the content has ${bytes.byteLength} bytes`)
    if (sha256Hex(bytes) !== params.sha256)
      throw invalidField('sha256', 'does not match the content: the file was altered or truncated')
  }
  const document: DocumentRecord = {
    id: nextId(mc.ctx, 'doc'),
    type: params.type,
    sha256: params.sha256,
    size: params.size,
    contentType: params.contentType,
    uploadedAt: mc.now(),
  }
  mc.store.merchantDocuments.set(document.id, document)
  const documents = [
    ...record.documents.filter(
      (existing) => existing.type !== params.type || params.type.startsWith('site_photo'),
    ),
    { id: document.id, type: document.type, sha256: document.sha256, size: document.size },
  ]
  mc.ctx.merchants.put({ ...merchantRecord(mc, merchantId), documents })
  return { ...document, uploadedAt: formatTimestamp(document.uploadedAt) }
}
