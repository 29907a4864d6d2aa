import { renderHook } from '@testing-library/react'
import type { ReactNode } from 'react'
import { describe, expect, it } from 'vitest'
import { EcnyProvider } from './EcnyProvider.js'
import { useEcnyClient } from './useEcnyClient.js'

describe('useEcnyClient', () => {
  it('throws a typed error outside the provider', () => {
    expect(() => renderHook(() => useEcnyClient())).toThrowError(
      expect.objectContaining({ code: 'invalid_request', message: expect.stringContaining('EcnyProvider') }),
    )
  })

  it('returns a token-authenticated client inside the provider', () => {
    const wrapper = ({ children }: { children: ReactNode }) => (
      <EcnyProvider baseUrl="http://127.0.0.1:9" clientToken="ct_test">
        {children}
      </EcnyProvider>
    )
    const { result } = renderHook(() => useEcnyClient(), { wrapper })
    expect(result.current.authKind).toBe('token')
    expect(result.current.baseUrl).toBe('http://127.0.0.1:9')
  })
})
