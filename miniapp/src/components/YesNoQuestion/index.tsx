import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './index.css';

interface Props {
  /** "是否委托他人代办？" */
  question: string;
  /** what "是" adds, e.g. "委托书（原件 1份）" */
  adds: string;
  /** undefined = not answered yet */
  answer: boolean | undefined;
  onAnswer: (yes: boolean) => void;
  /** the material row shown under the question once answered 是 */
  children?: ReactNode;
}

/** A conditional material asked as a plain yes/no question: 是 adds it to the list, 否 removes it. */
export function YesNoQuestion({ question, adds, answer, onAnswer, children }: Props): ReactNode {
  const choice = (yes: boolean): ReactNode => {
    const selected = answer === yes;
    return (
      <View
        className={`yes-no__choice${selected ? ' yes-no__choice--selected' : ''}`}
        hoverClass="yes-no__choice--pressed"
        ariaRole="radio"
        ariaLabel={`${yes ? '是' : '否'}${selected ? '，已选' : ''}`}
        onClick={() => onAnswer(yes)}
      >
        <Text>{yes ? '是' : '否'}</Text>
      </View>
    );
  };
  return (
    <View className="material yes-no">
      <Text className="yes-no__question">{question}</Text>
      <Text className="yes-no__hint">
        {answer === false ? `不用带：${adds}` : answer === true ? `要带：${adds}` : `选“是”，就要多带：${adds}`}
      </Text>
      <View className="yes-no__choices">
        {choice(true)}
        {choice(false)}
      </View>
      {answer === true ? children : null}
    </View>
  );
}
