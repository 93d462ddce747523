export default definePageConfig({ navigationBarTitleText: '导入目录' });
