/**
 * `@ecny/sdk-core/app-pay`: the wallet side of App / H5 payments. A sub-path of its own so that
 * checkout pages, which load the main entry, never carry it.
 */
export type { AppHandoff, OpenedAppHandoff } from '@ecny/protocol/app-pay'
export {
  type OpenAppHandoffErrorType,
  type OpenAppHandoffParameters,
  type OpenAppHandoffReturnType,
  openAppHandoff,
} from '../actions/payments/openAppHandoff.js'
