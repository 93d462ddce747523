import { randomBytes } from 'node:crypto';
import { DecryptionError, fieldCipher } from './crypto';

const key = Buffer.from('k'.repeat(32));
const c = fieldCipher(key);
const CONTEXT = 'person_phones.phone';

describe('field encryption (AES-256-GCM)', () => {
  it('round-trips, with a fresh IV every time and no plaintext in the stored form', () => {
    const a = c.encrypt('+8613812345678', CONTEXT);
    const b = c.encrypt('+8613812345678', CONTEXT);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    expect(a).not.toMatch(/13812345678|5678/);
    expect(c.decrypt(a, CONTEXT)).toBe('+8613812345678');
    expect(c.decrypt(b, CONTEXT)).toBe('+8613812345678');
    expect(c.decrypt(c.encrypt('王秀英 510123199001011234', CONTEXT), CONTEXT)).toBe('王秀英 510123199001011234');
  });

  it('refuses another key, another context and any altered byte', () => {
    const stored = c.encrypt('13812345678', CONTEXT);
    expect(() => fieldCipher(randomBytes(32)).decrypt(stored, CONTEXT)).toThrow(DecryptionError);
    expect(() => c.decrypt(stored, 'persons.id_number')).toThrow(DecryptionError);
    const [v, iv, body, tag] = stored.split('.');
    const flipped = Buffer.from(body!, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => c.decrypt([v, iv, flipped.toString('base64url'), tag].join('.'), CONTEXT)).toThrow(DecryptionError);
    expect(() => c.decrypt('v2.a.b.c', CONTEXT)).toThrow(DecryptionError);
    expect(() => c.decrypt('13812345678', CONTEXT)).toThrow(DecryptionError);
  });

  it('gives a stable keyed lookup hash, different per key and per context', () => {
    const h = c.lookupHash('+8613812345678', CONTEXT);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(c.lookupHash('+8613812345678', CONTEXT)).toBe(h);
    expect(c.lookupHash('+8613812345679', CONTEXT)).not.toBe(h);
    expect(fieldCipher(randomBytes(32)).lookupHash('+8613812345678', CONTEXT)).not.toBe(h);
    expect(c.lookupHash('+8613812345678', 'other')).not.toBe(h);
  });

  it('wants a 32-byte key', () => {
    expect(() => fieldCipher(Buffer.alloc(16))).toThrow();
  });
});
