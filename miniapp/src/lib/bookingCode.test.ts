import qrcode from 'qrcode-generator';
import { groupedCode, qrImage } from './bookingCode';

const payload = 'BMFW1.7K3MQ2XP.AbCdEfGhIjKlMnOp';

describe('qrImage', () => {
  it('draws the payload as a GIF data URL with a quiet zone', () => {
    const image = qrImage(payload);
    expect(image).not.toBeNull();
    expect(image?.dataUrl.startsWith('data:image/gif;base64,')).toBe(true);
    // 31 characters in byte mode at level M fit version 3 (29 modules)
    expect(image?.modules).toBe(29);
    expect(image?.pixels).toBe((29 + 8) * 8);
    const gif = Buffer.from(image?.dataUrl.split(',')[1] ?? '', 'base64');
    expect(gif.subarray(0, 6).toString('latin1')).toBe('GIF87a');
    expect(gif.readUInt16LE(6)).toBe(image?.pixels);
  });

  it('encodes exactly the payload (same modules as the library for the same text)', () => {
    const reference = qrcode(0, 'M');
    reference.addData(payload, 'Byte');
    reference.make();
    expect(qrImage(payload)?.dataUrl).toBe(reference.createDataURL(8, 32));
    // finder pattern corner is dark, the separator next to it light
    expect(reference.isDark(0, 0)).toBe(true);
    expect(reference.isDark(7, 7)).toBe(false);
  });

  it('is the same image every time, and nothing for an empty payload', () => {
    expect(qrImage(payload)?.dataUrl).toBe(qrImage(` ${payload} `)?.dataUrl);
    expect(qrImage('')).toBeNull();
  });
});

describe('groupedCode', () => {
  it('splits the 8 characters into two groups of four', () => {
    expect(groupedCode('7k3mq2xp')).toBe('7K3M Q2XP');
    expect(groupedCode('ABC')).toBe('ABC');
  });
});
