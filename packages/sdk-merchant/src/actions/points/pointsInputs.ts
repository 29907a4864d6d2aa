import { gatewayId } from '@ecny/sdk-core/internal'

export const pointsWalletIdSchema = gatewayId('walletId')
