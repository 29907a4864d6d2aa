import type { CallOptions } from '@ecny/sdk-core'
import {
  type CloseTransitDayParameters,
  closeTransitDay,
  type IssueRideCodeParameters,
  issueRideCode,
  type RideCode,
  type RideScan,
  type ScanRideCodeParameters,
  scanRideCode,
  type TransitDay,
} from '../../actions/transit/rideCodes.js'
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
    /** Issues a sub-wallet-backed ride code (乘车码). See {@link issueRideCode}. */
    issueRideCode: (parameters: IssueRideCodeParameters, options?: CallOptions) => Promise<RideCode>
    /** A ride-code scan at an entry or exit gate. See {@link scanRideCode}. */
    scan: (parameters: ScanRideCodeParameters, options?: CallOptions) => Promise<RideScan>
    /** Closes an operating day and reconciles it. See {@link closeTransitDay}. */
    closeDay: (parameters: CloseTransitDayParameters, options?: CallOptions) => Promise<TransitDay>
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
      issueRideCode: (parameters, options) => issueRideCode(client, parameters, options),
      scan: (parameters, options) => scanRideCode(client, parameters, options),
      closeDay: (parameters, options) => closeTransitDay(client, parameters, options),
    },
  }
}
