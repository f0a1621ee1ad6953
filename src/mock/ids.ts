// ULID-shaped ids (26 Crockford base32 characters: time, then randomness), as the API issues them:
// they sort by creation and match the contract's `^(img|vid)_[0-9A-Za-z]{26}$`.
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function ulid(now = Date.now()): string {
  let time = '';
  for (let t = now, i = 0; i < 10; i++, t = Math.floor(t / 32)) time = ALPHABET[t % 32] + time;
  const random = randomBytes(16);
  let tail = '';
  for (const byte of random) tail += ALPHABET[byte % 32];
  return time + tail;
}

export const newRequestId = () => `req_${ulid()}`;
export const newGenerationId = (kind: 'img' | 'vid') => `${kind}_${ulid()}`;
export const newWebhookId = () => `msg_${ulid()}`;
