export default definePageConfig({ navigationBarTitleText: '开放时间和预约规则' });
