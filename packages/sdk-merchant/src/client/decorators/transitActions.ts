import type { CallOptions } from '@ecny/sdk-core'
import {
  type UploadTapBatchParameters,
  type UploadTapBatchReturnType,
  uploadTapBatch,
} from '../../actions/transit/uploadTapBatch.js'
import type { MerchantBaseClient } from '../MerchantBaseClient.js'

export type TransitActions = {
  transit: {
    /** Uploads offline gate taps for deferred debit, in batches. See {@link uploadTapBatch}. */
    uploadTaps: (
      parameters: UploadTapBatchParameters,
      options?: Omit<CallOptions, 'idempotencyKey'>,
    ) => Promise<UploadTapBatchReturnType>
  }
}

/**
 * Binds the transit actions as `client.transit.*`.
 *
 * @example
 * const { results } = await transitActions(base).transit.uploadTaps({ sceneId, taps })
 */
export function transitActions(client: MerchantBaseClient): TransitActions {
  return {
    transit: {
      uploadTaps: (parameters, options) => uploadTapBatch(client, parameters, options),
    },
  }
}
