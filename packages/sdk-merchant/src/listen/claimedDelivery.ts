import type { operations } from '@ecny/protocol'
import type { z } from '@ecny/sdk-core/internal'

/** One notification handed out by the gateway to forward: its signed body and headers, as sent. */
export type ClaimedDelivery = z.output<typeof operations.claimTestNotifications.response>['data'][number]
