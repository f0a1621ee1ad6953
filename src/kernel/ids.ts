// ULID-shaped ids (26 Crockford base32 characters: time, then randomness), as the API issues them:
// they sort by creation and match the contract's `^(img|vid)_[0-9A-Za-z]{26}$`.
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

// Random bytes are drawn 4 KiB at a time: one call per id costs more than the rest of the id.
let pool = randomBytes(4096);
let used = 0;

/** 16 fresh random bytes' worth of characters. */
function randomTail(): string {
  if (used + 16 > pool.length) {
    pool = randomBytes(4096);
    used = 0;
  }
  let tail = '';
  for (let i = 0; i < 16; i++) tail += ALPHABET[pool[used + i]! % 32];
  used += 16;
  return tail;
}

export function ulid(now = Date.now()): string {
  let time = '';
  for (let t = now, i = 0; i < 10; i++, t = Math.floor(t / 32)) time = ALPHABET[t % 32] + time;
  return time + randomTail();
}

export const newRequestId = () => `req_${ulid()}`;
export const newGenerationId = (kind: 'img' | 'vid') => `${kind}_${ulid()}`;
export const newWebhookId = () => `msg_${ulid()}`;
