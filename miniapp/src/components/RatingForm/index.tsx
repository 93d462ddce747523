import { Text, Textarea, View } from '@tarojs/components';
import type { RatingLevel, RatingRequest } from '@contract/cases';
import { useState, type ReactNode } from 'react';
import { ActionButton } from '@/components/ActionButton';
import { ChoiceTile } from '@/components/ChoiceTile';
import { TickBox } from '@/components/TickBox';
import { COMMENT_MAX_LENGTH, RATING_INDICATORS, RATING_LEVELS, isBadRating, ratingRequest, toggleIndicator } from '@/lib/rating';
import type { ApiError } from '@/platform/request';
import './index.css';

interface Props {
  pending: boolean;
  error: ApiError | null;
  onSubmit: (rating: RatingRequest) => void;
  onRetry: () => void;
}

/** 好差评: five big level buttons, the standard indicators as tick boxes, an optional comment. */
export function RatingForm({ pending, error, onSubmit, onRetry }: Props): ReactNode {
  const [level, setLevel] = useState<RatingLevel | null>(null);
  const [indicators, setIndicators] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const bad = level !== null && isBadRating(level);

  return (
    <View className="rating-form">
      <Text className="rating-form__question">您对这次办事满意吗？</Text>
      {RATING_LEVELS.map((choice) => (
        <ChoiceTile
          key={choice.level}
          title={choice.label}
          selected={level === choice.level}
          onClick={() => setLevel(choice.level)}
        />
      ))}

      {level !== null ? (
        <View className="rating-form__more">
          <Text className="rating-form__question">{bad ? '哪些方面不满意？' : '哪些方面做得好？'}</Text>
          <Text className="rating-form__hint">可以选几项，也可以不选</Text>
          {RATING_INDICATORS.map((indicator) => (
            <TickBox
              key={indicator.code}
              label={indicator.label}
              checked={indicators.includes(indicator.code)}
              onToggle={() => setIndicators((current) => toggleIndicator(current, indicator.code))}
            />
          ))}
          <Text className="rating-form__question">还想说点什么？（可以不填）</Text>
          <Textarea
            className="rating-form__comment"
            value={comment}
            maxlength={COMMENT_MAX_LENGTH}
            placeholder={bad ? '比如：等了多久、哪里没说清楚' : '比如：哪位工作人员帮了您'}
            placeholderStyle="color:#6b7280"
            onInput={(e) => setComment(e.detail.value)}
          />
          {bad ? <Text className="rating-form__follow">选了“不满意”，会有专人跟进整改。</Text> : null}
          <ActionButton
            pending={pending}
            error={error}
            onRetry={onRetry}
            onClick={() => onSubmit(ratingRequest(level, indicators, comment))}
          >
            提交评价
          </ActionButton>
        </View>
      ) : null}
    </View>
  );
}
