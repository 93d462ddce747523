export default definePageConfig({ navigationBarTitleText: '在岗公示' });
