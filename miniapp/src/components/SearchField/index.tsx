import { Text, View } from '@tarojs/components';
import { SearchBar } from '@nutui/nutui-react-taro';
import { useEffect, useState, type ReactNode } from 'react';
import { normalizeSearchText } from '@/lib/searchText';
import './index.css';

interface Props {
  placeholder: string;
  /** the text to start with; a change from outside (e.g. "清除条件") replaces what is typed */
  value?: string;
  /** called with the text made forgiving (lib/searchText: full-width, 、，, spaces, question words) */
  onSearch: (text: string) => void;
}

/** NutUI's search bar in large type, with a visible 搜索 button (older users rarely find the keyboard's). */
export function SearchField({ placeholder, value = '', onSearch }: Props): ReactNode {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);

  const submit = (): void => onSearch(normalizeSearchText(text));

  return (
    <View className="search-field">
      <SearchBar
        value={text}
        placeholder={placeholder}
        maxLength={30}
        // no magnifier inside the box: the 搜索 button says it, and the text gets the room
        leftIn={null}
        inputProps={{ confirmType: 'search', placeholderStyle: 'color:#6b7280' }}
        onChange={(next) => setText(next)}
        onClear={() => setText('')}
        onSearch={(next) => onSearch(normalizeSearchText(next))}
        right={
          <View className="search-field__button" hoverClass="search-field__button--pressed" ariaRole="button" onClick={submit}>
            <Text>搜索</Text>
          </View>
        }
      />
    </View>
  );
}
