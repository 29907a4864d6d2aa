'use client'
import { type EcnyBaseClient, EcnyError } from '@ecny/sdk-core'
import { useContext } from 'react'
import { EcnyContext } from './EcnyProvider.js'

/** The client from the nearest `EcnyProvider`. Docs: https://ecny-sdk.dev/docs/react */
export function useEcnyClient(): EcnyBaseClient {
  const client = useContext(EcnyContext)
  if (!client)
    throw new EcnyError('invalid_request', 'An e-CNY hook was used outside <EcnyProvider>.', {
      hint: 'Wrap the component tree that uses e-CNY hooks in <EcnyProvider baseUrl clientToken>.',
    })
  return client
}
