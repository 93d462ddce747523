// The little of jsdom's API the weapp shim uses (jsdom comes with @tarojs/webpack5-runner;
// @types/jsdom is not installed).
declare module 'jsdom' {
  export interface ConstructorOptions {
    pretendToBeVisual?: boolean;
    url?: string;
  }
  export class JSDOM {
    constructor(html?: string, options?: ConstructorOptions);
    readonly window: Window & typeof globalThis;
  }
}
