/**
 * The shared state's multi-step commands, each run as one Lua script: Redis runs a script
 * atomically, so no other instance sees a half-done step and no crash leaves one behind.
 */

// Trim, add, keep the key only as long as its newest event matters, answer with the window.
export const ADD_TO_WINDOW = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', tonumber(ARGV[1]) - tonumber(ARGV[3]))
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')`;

// INCR and the expiry of the key it creates, as one step: a crash between the two would
// otherwise leave a counter that never expires.
export const INCREMENT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return n`;

// Delete only if we still hold it: a lease that ran out may already be another holder's.
export const RELEASE_LEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;
