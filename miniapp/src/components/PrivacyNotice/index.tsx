import { Button, Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { BigButton } from '@/components/BigButton';
import { PRIVACY_POINTS, PRIVACY_TITLE } from '@/lib/privacyNotice';
import { PRIVACY_AGREE_BUTTON_ID } from '@/platform/auth';
import './index.css';

interface Props {
  onAgree: () => void;
  onDecline: () => void;
}

/**
 * The summary of the 用户隐私保护指引, shown before anything personal is collected.
 * On WeChat 同意 is a button with open-type agreePrivacyAuthorization, so WeChat records the
 * agreement too (and lets a pending privacy-protected call go on).
 */
export function PrivacyNotice({ onAgree, onDecline }: Props): ReactNode {
  return (
    <View className="privacy-notice">
      <Text className="privacy-notice__title">{PRIVACY_TITLE}</Text>
      <Text className="privacy-notice__lead">在手机上预约前，请先看一看我们怎么保护您的信息：</Text>
      {PRIVACY_POINTS.map((point) => (
        <View key={point.title} className="privacy-notice__point">
          <Text className="privacy-notice__point-title">{point.title}</Text>
          <Text className="privacy-notice__point-text">{point.text}</Text>
        </View>
      ))}
      <View className="privacy-notice__buttons">
        {process.env.TARO_ENV === 'weapp' ? (
          <Button
            id={PRIVACY_AGREE_BUTTON_ID}
            className="big-button big-button--primary privacy-notice__agree"
            openType="agreePrivacyAuthorization"
            onClick={onAgree}
          >
            同意
          </Button>
        ) : (
          <BigButton onClick={onAgree}>同意</BigButton>
        )}
        <View className="privacy-notice__decline">
          <BigButton kind="secondary" onClick={onDecline}>
            不同意
          </BigButton>
        </View>
      </View>
    </View>
  );
}
