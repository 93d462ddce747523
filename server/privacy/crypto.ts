// Personal data encrypted at rest: AES-256-GCM for the value, a keyed HMAC-SHA256 to find a
// record by its value without decrypting every row. Both keys are derived (HKDF-SHA256) from
// the one DATA_ENCRYPTION_KEY, so the encryption key is never the lookup key.
//
// Stored form: `v1.<iv>.<ciphertext>.<tag>` (base64url, 12-byte random IV, 16-byte tag). The
// `context` (e.g. 'person_phones.phone') is authenticated data: a ciphertext copied into
// another column does not decrypt there.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class DecryptionError extends Error {
  override name = 'DecryptionError';
}

export interface FieldCipher {
  encrypt(plaintext: string, context: string): string;
  /** the plaintext; throws DecryptionError for a wrong key, a wrong context or altered data */
  decrypt(stored: string, context: string): string;
  /** a stable keyed digest for lookups (hex): equal inputs give equal digests under one key */
  lookupHash(value: string, context: string): string;
}

function derive(master: Buffer, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), info, 32));
}

export function fieldCipher(masterKey: Buffer): FieldCipher {
  if (masterKey.length !== 32) throw new Error('the data encryption key must be 32 bytes');
  const encKey = derive(masterKey, 'bianmin/field-encryption/aes-256-gcm/v1');
  const macKey = derive(masterKey, 'bianmin/field-lookup/hmac-sha256/v1');
  return {
    encrypt(plaintext, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [VERSION, iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
    },
    decrypt(stored, context) {
      const parts = stored.split('.');
      if (parts.length !== 4 || parts[0] !== VERSION) throw new DecryptionError('not an encrypted value of a known version');
      const [, iv, body, tag] = parts.map((p) => Buffer.from(p, 'base64url'));
      if (iv!.length !== IV_BYTES || tag!.length !== TAG_BYTES) throw new DecryptionError('malformed encrypted value');
      try {
        const decipher = createDecipheriv('aes-256-gcm', encKey, iv!, { authTagLength: TAG_BYTES });
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(tag!);
        return Buffer.concat([decipher.update(body!), decipher.final()]).toString('utf8');
      } catch {
        throw new DecryptionError('the value does not decrypt with this key and context');
      }
    },
    lookupHash(value, context) {
      return createHmac('sha256', macKey).update(context, 'utf8').update('\0').update(value, 'utf8').digest('hex');
    },
  };
}
