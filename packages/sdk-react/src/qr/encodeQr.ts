/** The QR encoder lives in `@ecny/sdk-core` (shared with `@ecny/sdk-merchant`'s renderers). */
export {
  type EncodeQrOptions,
  encodeQr,
  type QrErrorCorrection,
  type QrMatrix,
} from '@ecny/sdk-core/internal'
