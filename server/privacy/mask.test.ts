import { maskIdNumber, maskName, maskPersonalData, maskPhone } from './mask';

describe('masking personal data', () => {
  it('masks an ID number, keeping the region and the last four', () => {
    expect(maskIdNumber('51192219500101123X')).toBe('5119**********123X');
  });

  it('masks a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('masks both inside free text and leaves other numbers alone', () => {
    expect(maskPersonalData('申请人 511922195001011234 电话13812345678 件数 20261128')).toBe(
      '申请人 5119**********1234 电话138****5678 件数 20261128',
    );
  });

  it('masks mobile numbers written with the country code', () => {
    expect(maskPersonalData('to +8613812345678, 008613912345678 or 86-13712345678')).toBe(
      'to +86138****5678, 0086139****5678 or 86-137****5678',
    );
  });

  it('leaves the centre landline numbers as they are', () => {
    expect(maskPersonalData('0827-8821234')).toBe('0827-8821234');
  });
});

describe('maskName', () => {
  it.each([
    ['王秀英', '王*英'],
    ['张三', '张*'],
    ['欧阳娜娜', '欧**娜'],
    ['李', '李'],
  ])('%s → %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });
});
