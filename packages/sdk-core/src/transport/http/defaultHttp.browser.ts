import { fetchHttp } from './fetchHttp.js'
import type { HttpClient } from './HttpClient.js'

/** Browsers and edge runtimes: `fetch`, so axios stays out of the bundle. */
export function defaultHttp(): HttpClient {
  return fetchHttp()
}
