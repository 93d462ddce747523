import { Image, Text, View } from '@tarojs/components';
import { useMemo, type ReactNode } from 'react';
import { groupedCode, qrImage } from '@/lib/bookingCode';
import './index.css';

interface Props {
  /** the server-signed payload the window's scanner reads */
  payload: string;
  /** the 8-character booking code, for reading out or typing */
  code: string;
}

/** The booking code to show at the window: a large QR code and the code in big letters. */
export function QrCode({ payload, code }: Props): ReactNode {
  const image = useMemo(() => qrImage(payload), [payload]);
  return (
    <View className="qr-code">
      <Text className="qr-code__hint">到窗口时，把这个码给工作人员扫一扫</Text>
      {image ? (
        <View className="qr-code__frame">
          <Image className="qr-code__image" src={image.dataUrl} mode="scaleToFill" ariaLabel={`预约码 ${code}`} />
        </View>
      ) : null}
      <Text className="qr-code__label">预约码</Text>
      <Text className="qr-code__code" userSelect>
        {groupedCode(code)}
      </Text>
      <Text className="qr-code__hint">扫不出来时，把这8位念给工作人员</Text>
    </View>
  );
}
