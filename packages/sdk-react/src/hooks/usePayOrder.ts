'use client'
import { type PayOrderParameters, type PayOrderReturnType, payOrderMutationOptions } from '@ecny/sdk-core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useEcnyContext } from '../useEcnyClient.js'
import { invalidateWallets, type MutationParameter } from './queryParameter.js'

export type UsePayOrderParameters = MutationParameter<PayOrderReturnType, PayOrderParameters>

/** Pays an order from a wallet (the holder side of a QR payment); cached reads refresh after it. Docs: https://ecny-sdk.dev/docs/react#usepayorder */
export function usePayOrder({ mutation }: UsePayOrderParameters = {}) {
  const { client, scopeKey } = useEcnyContext()
  const queryClient = useQueryClient()
  return useMutation({
    ...payOrderMutationOptions(client, { scopeKey }),
    ...mutation,
    onSuccess: (...args) => {
      void invalidateWallets(queryClient, [args[1].walletId, args[1].orderId])
      return mutation?.onSuccess?.(...args)
    },
  })
}
