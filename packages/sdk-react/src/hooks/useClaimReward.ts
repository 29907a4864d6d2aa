'use client'
import {
  type ClaimRewardParameters,
  type ClaimRewardReturnType,
  claimRewardMutationOptions,
} from '@ecny/sdk-core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useEcnyContext } from '../useEcnyClient.js'
import { invalidateWallets, type MutationParameter } from './queryParameter.js'

export type UseClaimRewardParameters = MutationParameter<ClaimRewardReturnType, ClaimRewardParameters>

/** Claims a campaign benefit; the wallet's cached balance and campaigns refresh after it. Docs: https://ecny-sdk.dev/docs/react#useclaimreward */
export function useClaimReward({ mutation }: UseClaimRewardParameters = {}) {
  const { client, scopeKey } = useEcnyContext()
  const queryClient = useQueryClient()
  return useMutation({
    ...claimRewardMutationOptions(client, { scopeKey }),
    ...mutation,
    onSuccess: (...args) => {
      void invalidateWallets(queryClient, [args[1].walletId])
      return mutation?.onSuccess?.(...args)
    },
  })
}
