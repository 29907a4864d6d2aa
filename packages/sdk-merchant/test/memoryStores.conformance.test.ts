import { createMemoryInFlightCreateStore } from '../src/actions/orders/inFlightCreateStore.js'
import { createMemoryReplayStore } from '../src/notifications/replayStore.js'
import { inFlightCreateStoreConformance } from './conformance/inFlightCreateStoreConformance.js'
import { replayStoreConformance } from './conformance/replayStoreConformance.js'

replayStoreConformance('in-memory', () => {
  let now = 1_000_000
  return {
    store: createMemoryReplayStore({ now: () => now }),
    elapse: async (ms) => {
      now += ms
    },
  }
})

inFlightCreateStoreConformance('in-memory', () => createMemoryInFlightCreateStore())
