// Evaluated at build time by Taro: the route table it reads is plain TypeScript, imported relatively.
import { appPages } from './lib/routes';

const { pages, subPackages } = appPages();

export default defineAppConfig({
  // Main package: the resident's first journey (find a centre, read a guide, book);
  // the page lists (main package and subpackages) come from the route table, lib/routes.ts.
  pages,
  // 找离我最近的中心: the position is asked for only at that tap, used on the phone to rank
  // centres, and never sent anywhere (platform/location.ts)
  requiredPrivateInfos: ['getLocation'],
  permission: {
    'scope.userLocation': { desc: '用来找离您最近的便民服务中心，位置只在手机上用，不会上传' },
  },
  // 工作人员 (work/), 管理 (manage/) and 消息 (notice/): loaded on demand, so the main package stays small
  subPackages,
  // H5: no sliding page transitions; they stutter on old phones and make screens jump
  animation: false,
  window: {
    navigationBarTitleText: '便民服务',
    navigationBarBackgroundColor: '#0b4f8a',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f2f4f7',
    backgroundTextStyle: 'dark',
  },
});
