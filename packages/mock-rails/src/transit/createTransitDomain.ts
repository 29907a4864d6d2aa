import type { MerchantContext } from '../merchants/merchantContext.js'
import { closeTransitDay } from './closeTransitDay.js'
import { issueHardwareWallet } from './issueHardwareWallet.js'
import { issueRideCode } from './issueRideCode.js'
import { scanRideCode } from './scanRideCode.js'
import { setOfflineCap } from './setOfflineCap.js'

type Input<F> = F extends (mc: never, ...rest: infer R) => unknown ? R : never

/** Ride codes and their scans, operating days, offline caps, hardware wallets: the transit use cases beyond tap batches. */
export function createTransitDomain(mc: MerchantContext) {
  return {
    issueRideCode: (...args: Input<typeof issueRideCode>) => issueRideCode(mc, ...args),
    scanRideCode: (...args: Input<typeof scanRideCode>) => scanRideCode(mc, ...args),
    closeTransitDay: (...args: Input<typeof closeTransitDay>) => closeTransitDay(mc, ...args),
    setOfflineCap: (...args: Input<typeof setOfflineCap>) => setOfflineCap(mc, ...args),
    issueHardwareWallet: (...args: Input<typeof issueHardwareWallet>) => issueHardwareWallet(mc, ...args),
  }
}
