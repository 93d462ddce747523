import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

const appRoot = path.resolve(__dirname, '..');
const repoRoot = path.resolve(appRoot, '..');
const isH5 = process.env.TARO_ENV === 'h5';

/**
 * NutUI is drawn on a 375-wide design, our own styles on a 750-wide one.
 * Taro also serialises this function into the app bundle for Taro.pxTransform (called with a
 * number there), so it must stay self-contained: no imports, no syntax needing helpers (typeof).
 */
function designWidthOf(input?: unknown): number {
  const file = (input as { file?: string } | null | undefined)?.file ?? '';
  return String(file).replace(/\\+/g, '/').indexOf('/@nutui/') > -1 ? 375 : 750;
}

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'bianmin-fuwu',
    date: '2025-11-28',
    designWidth: designWidthOf,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // weapp and H5 land in different folders so one build never wipes the other
    outputRoot: isH5 ? '../dist-h5' : '../dist',
    // the WeChat DevTools project file lives at the repo root; Taro copies it into dist/
    // with miniprogramRoot rewritten to './'
    projectConfigName: '../project.config.json',
    // same aliases as /tsconfig.json ("@contract" is type-only today, kept for symmetry)
    alias: {
      '@': path.join(appRoot, 'src'),
      '@contract': path.join(repoRoot, 'server/contract'),
    },
    env: {
      // '' = same origin (H5 served by our own server); set TARO_APP_API_BASE for weapp
      TARO_APP_API_BASE: JSON.stringify(process.env.TARO_APP_API_BASE ?? ''),
    },
    defineConstants: {},
    copy: { patterns: [], options: {} },
    plugins: [],
    framework: 'react',
    compiler: {
      type: 'webpack5',
      // without this the dev build pre-bundles all of NutUI (2.5 MB)
      prebundle: { exclude: ['@nutui/nutui-react-taro', '@nutui/icons-react-taro'] },
    },
    cache: { enable: false },
    mini: {
      // our class names never collide, so the CSS order across shared chunks does not matter
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      // Taro splits only initial chunks, so every lazily loaded page carried its own copy of
      // NutUI and the shared components; split async chunks too so pages share them.
      webpackChain(chain) {
        const splitChunks = chain.optimization.get('splitChunks');
        if (splitChunks) chain.optimization.splitChunks({ ...splitChunks, chunks: 'all' });
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
