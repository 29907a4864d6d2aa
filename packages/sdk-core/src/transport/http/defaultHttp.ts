import axios from 'axios'
import { axiosHttp } from './axiosHttp.js'
import type { HttpClient } from './HttpClient.js'

/** Node: axios with its http adapter. The browser build swaps this file for `defaultHttp.browser.ts`. */
export function defaultHttp(): HttpClient {
  return axiosHttp(axios.create())
}
