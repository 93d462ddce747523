export default definePageConfig({ navigationBarTitleText: '停办安排' });
