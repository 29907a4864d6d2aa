'use client'
import {
  type CreateTransferParameters,
  type CreateTransferReturnType,
  createTransferMutationOptions,
} from '@ecny/sdk-core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useEcnyContext } from '../useEcnyClient.js'
import { invalidateWallets, type MutationParameter } from './queryParameter.js'

export type UseCreateTransferParameters = MutationParameter<
  CreateTransferReturnType,
  CreateTransferParameters
>

/** Sends a transfer; the sender's and recipient's cached balances refresh after it. Docs: https://ecny-sdk.dev/docs/react#usecreatetransfer */
export function useCreateTransfer({ mutation }: UseCreateTransferParameters = {}) {
  const { client, scopeKey } = useEcnyContext()
  const queryClient = useQueryClient()
  return useMutation({
    ...createTransferMutationOptions(client, { scopeKey }),
    ...mutation,
    onSuccess: (...args) => {
      void invalidateWallets(queryClient, [args[1].fromWalletId, args[1].toWalletId])
      return mutation?.onSuccess?.(...args)
    },
  })
}
