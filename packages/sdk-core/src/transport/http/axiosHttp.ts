import type { AxiosInstance, AxiosResponse } from 'axios'
import type { HttpClient, HttpRequest } from './HttpClient.js'
import { defaultMaxResponseBytes, responseTooLarge } from './responseTooLarge.js'

function headerReader(response: AxiosResponse) {
  return (name: string) => {
    const value = response.headers[name]
    return typeof value === 'string' ? value : undefined
  }
}

/** axios's own refusal past `maxContentLength` (duck-typed: a value import would put axios in browser bundles). */
function exceededMaxContentLength(error: unknown): boolean {
  const { isAxiosError, message } = (error ?? {}) as { isAxiosError?: unknown; message?: unknown }
  return isAxiosError === true && typeof message === 'string' && message.includes('maxContentLength')
}

function config(request: HttpRequest) {
  return {
    method: request.method,
    url: request.url,
    data: request.body,
    headers: request.headers,
    signal: request.signal,
    transformRequest: [(data: unknown) => data],
    transformResponse: [(data: unknown) => data],
    validateStatus: () => true,
    maxRedirects: 0,
  }
}

/**
 * Runs the transport over an axios instance (keep-alive agents, proxies, interceptors for metrics).
 *
 * @example
 * createClient({ ..., axios: axios.create({ httpsAgent: new https.Agent({ keepAlive: true }) }) })
 */
export function axiosHttp(instance: AxiosInstance): HttpClient {
  return {
    async send(request) {
      const limit = request.maxResponseBytes ?? defaultMaxResponseBytes
      // axios counts while reading and destroys the socket past the cap (also on a big Content-Length).
      const response = await instance
        .request<ArrayBuffer | Uint8Array>({
          ...config(request),
          responseType: 'arraybuffer',
          maxContentLength: limit,
        })
        .catch((error: unknown) => {
          if (exceededMaxContentLength(error)) throw responseTooLarge(limit, request.url)
          throw error
        })
      const raw = response.data
      const body = raw instanceof Uint8Array ? raw : new Uint8Array(raw ?? new ArrayBuffer(0))
      return { status: response.status, header: headerReader(response), body }
    },
    async stream(request) {
      const response = await instance.request<AsyncIterable<Uint8Array>>({
        ...config(request),
        responseType: 'stream',
      })
      return { status: response.status, header: headerReader(response), body: response.data }
    },
  }
}
