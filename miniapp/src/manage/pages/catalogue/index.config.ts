export default definePageConfig({ navigationBarTitleText: '目录管理' });
