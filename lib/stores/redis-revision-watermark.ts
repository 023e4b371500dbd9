import type { Redis } from 'ioredis';
import type { RevisionWatermark } from './revision-watermark';

/** Compare and raise in one step, so two instances handling two events of one account cannot interleave. */
const ADMIT = `
local seen = tonumber(redis.call('GET', KEYS[1]))
if seen and seen > tonumber(ARGV[1]) then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1`;

export function createRedisRevisionWatermark(redis: Redis, prefix: string): RevisionWatermark {
  return {
    async admit(key, revision, ttlMs) {
      return (await redis.eval(ADMIT, 1, `${prefix}${key}`, revision, ttlMs)) === 1;
    },
  };
}
