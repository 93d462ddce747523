import { MAX_PHOTO_BYTES, photoProblem, photoTypeOf } from './staff-photo';

const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]);
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);

describe('staff photos', () => {
  it('recognises JPEG and PNG by their bytes', () => {
    expect(photoTypeOf(jpeg)).toBe('image/jpeg');
    expect(photoTypeOf(png)).toBe('image/png');
    expect(photoTypeOf(Buffer.from('GIF89a....'))).toBeNull();
    expect(photoTypeOf(Buffer.from([0xff, 0xd8, 0xff]))).toBeNull();
  });

  it('refuses a wrong type, a mismatch, an empty or too large image', () => {
    expect(photoProblem('image/jpeg', jpeg.toString('base64'))).toBeNull();
    expect(photoProblem('image/png', jpeg.toString('base64'))).toMatch('不一致');
    expect(photoProblem('image/png', Buffer.from('<svg/>').toString('base64'))).toMatch('JPG 或 PNG');
    expect(photoProblem('image/jpeg', '')).toMatch('空');
    const big = Buffer.concat([jpeg, Buffer.alloc(MAX_PHOTO_BYTES)]);
    expect(photoProblem('image/jpeg', big.toString('base64'))).toMatch('太大');
  });
});
