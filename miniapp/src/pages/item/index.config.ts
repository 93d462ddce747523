export default definePageConfig({
  navigationBarTitleText: '办事指南',
  // WeChat's 转发: the guide goes to a family chat as a card (see platform/share.ts)
  enableShareAppMessage: true,
});
