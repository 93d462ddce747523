export default definePageConfig({
  navigationBarTitleText: '一件事一次办',
  // WeChat's 转发: the merged checklist goes to a family chat as a card
  enableShareAppMessage: true,
});
