export default definePageConfig({ navigationBarTitleText: '窗口号源' });
