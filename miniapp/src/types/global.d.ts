/// <reference types="@tarojs/taro" />

// Style imports are side effects handled by the Taro build.
declare module '*.css';

declare namespace NodeJS {
  interface ProcessEnv {
    /** set by the Taro CLI for each build target */
    TARO_ENV?: string;
    /** API origin, e.g. "https://api.example.cn"; '' = same origin (see config/index.ts) */
    TARO_APP_API_BASE?: string;
  }
}
