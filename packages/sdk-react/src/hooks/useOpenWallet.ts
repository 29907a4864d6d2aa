'use client'
import {
  type OpenWalletParameters,
  type OpenWalletReturnType,
  openWalletMutationOptions,
} from '@ecny/sdk-core'
import { useMutation } from '@tanstack/react-query'
import { useEcnyContext } from '../useEcnyClient.js'
import type { MutationParameter } from './queryParameter.js'

export type UseOpenWalletParameters = MutationParameter<OpenWalletReturnType, OpenWalletParameters>

/** Opens a wallet; identity is checked before anything is sent. Docs: https://ecny-sdk.dev/docs/react#useopenwallet */
export function useOpenWallet({ mutation }: UseOpenWalletParameters = {}) {
  const { client, scopeKey } = useEcnyContext()
  return useMutation({ ...openWalletMutationOptions(client, { scopeKey }), ...mutation })
}
