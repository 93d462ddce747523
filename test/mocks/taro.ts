// Minimal stand-in for @tarojs/taro in unit tests (mapped in jest.config.cjs, project "unit").
// Only the calls the mini-program makes; tests replace the jest.fn()s' behaviour as needed.

type Params = Partial<Record<string, string>>;

const ok = (name: string) => () => Promise.resolve({ errMsg: `${name}:ok` });

const router: { params: Params } = { params: {} };

const Taro = {
  request: jest.fn(() => Promise.reject(new Error('Taro.request is not stubbed in this test'))),
  makePhoneCall: jest.fn(ok('makePhoneCall')),
  navigateTo: jest.fn(ok('navigateTo')),
  redirectTo: jest.fn(ok('redirectTo')),
  navigateBack: jest.fn(ok('navigateBack')),
  setNavigationBarTitle: jest.fn(ok('setNavigationBarTitle')),
  showToast: jest.fn(ok('showToast')),
  getEnv: () => 'WEB',
  ENV_TYPE: { WEAPP: 'WEAPP', WEB: 'WEB' },
  /** tests set `Taro.__router.params` to fake the current page's query */
  __router: router,
  useRouter: () => router,
  useDidShow: (_callback: () => void) => undefined,
  useReachBottom: (_callback: () => void) => undefined,
  usePullDownRefresh: (_callback: () => void) => undefined,
};

export default Taro;
export const {
  request,
  makePhoneCall,
  navigateTo,
  redirectTo,
  navigateBack,
  setNavigationBarTitle,
  showToast,
  getEnv,
  ENV_TYPE,
  useRouter,
  useDidShow,
  useReachBottom,
  usePullDownRefresh,
} = Taro;
