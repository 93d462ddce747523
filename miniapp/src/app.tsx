import type { PropsWithChildren } from 'react';
import '@/platform/nutui';
import './app.css';

/** The app shell: Taro renders each page as `children`. */
function App({ children }: PropsWithChildren): React.ReactNode {
  return children;
}

export default App;
