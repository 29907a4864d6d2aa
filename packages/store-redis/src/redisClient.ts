import type { Cluster, Redis } from 'ioredis'

/** An ioredis client: a `Redis` (one server, or Sentinel) or a `Cluster`. Every command is one Lua script. */
export type RedisClient = Redis | Cluster

/** A TTL Redis accepts for `PX`: a whole number of ms, at least 1. */
export const pxMilliseconds = (ttlMs: number): number => Math.max(1, Math.ceil(ttlMs))
