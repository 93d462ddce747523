import { codeFromScan, qrPayload } from './qr-payload';

const secret = 'qr-test-secret-of-at-least-32-characters';

describe('booking QR payload', () => {
  it('carries the code with a signature that verifies', () => {
    const payload = qrPayload(secret, 'AB23CD45');
    expect(payload).toMatch(/^BMFW1\.AB23CD45\.[A-Za-z0-9_-]{16}$/);
    expect(codeFromScan(secret, payload)).toBe('AB23CD45');
  });

  it('accepts a typed code, in any case', () => {
    expect(codeFromScan(secret, ' ab23cd45 ')).toBe('AB23CD45');
  });

  it('refuses a forged or foreign payload', () => {
    const forged = qrPayload('another-secret-of-at-least-32-characters', 'AB23CD45');
    expect(codeFromScan(secret, forged)).toBeNull();
    expect(codeFromScan(secret, 'BMFW1.AB23CD45.short')).toBeNull();
    expect(codeFromScan(secret, 'https://example.com')).toBeNull();
    expect(codeFromScan(secret, 'AB23CD4O')).toBeNull(); // O is not in the alphabet
  });
});
