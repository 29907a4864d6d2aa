/** One HTTP exchange as the transport needs it; bodies are raw bytes so signatures can be checked. */
export type HttpRequest = {
  method: string
  url: string
  headers: Record<string, string>
  body?: string
  signal?: AbortSignal
  /**
   * For `send`: the most body bytes to read. Past it the adapter stops reading, drops the connection
   * and throws `response_too_large`. `stream` hands the body over unbuffered and ignores it.
   */
  maxResponseBytes?: number
}

export type HttpResponse<Body> = {
  status: number
  /** A response header by lower-case name. */
  header(name: string): string | undefined
  body: Body
}

/**
 * The wire under the transport: axios on Node (the default there), `fetch` in browsers and edge
 * runtimes. Implementations throw on network failure; any HTTP status is a response.
 */
export interface HttpClient {
  send(request: HttpRequest): Promise<HttpResponse<Uint8Array>>
  /** The body as it arrives, for large downloads. */
  stream(request: HttpRequest): Promise<HttpResponse<AsyncIterable<Uint8Array>>>
}
