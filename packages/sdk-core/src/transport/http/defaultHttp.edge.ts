import { fetchHttp } from './fetchHttp.js'
import type { HttpClient } from './HttpClient.js'

/** Edge runtimes (Workers, Vercel Edge, Deno): `fetch`, so axios and its Node adapter stay out. */
export function defaultHttp(): HttpClient {
  return fetchHttp()
}
