export default defineAppConfig({
  // Main package: the resident's first journey (find a centre, read a guide).
  pages: [
    'pages/index/index',
    'pages/center/index',
    'pages/catalogue/index',
    'pages/item/index',
    // 一件事一次办: several items as one guide and one checklist
    'pages/bundle/index',
    // the resident's booking journey: log in, book, my bookings, one booking
    'pages/login/index',
    'pages/book/index',
    'pages/bookings/index',
    'pages/booking/index',
    // 设置: 长辈模式 and what this phone keeps
    'pages/settings/index',
  ],
  // Later features (booking, cases, staff) go here as { root, pages } entries,
  // so they load on demand and keep the main package small.
  // 找离我最近的中心: the position is asked for only at that tap, used on the phone to rank
  // centres, and never sent anywhere (platform/location.ts)
  requiredPrivateInfos: ['getLocation'],
  permission: {
    'scope.userLocation': { desc: '用来找离您最近的便民服务中心，位置只在手机上用，不会上传' },
  },
  subPackages: [
    // 工作人员: staff login and the window staff's workbench (手机工作台)
    {
      root: 'work',
      pages: ['pages/login/index', 'pages/today/index', 'pages/booking/index', 'pages/checkin/index', 'pages/queue/index', 'pages/case/index'],
    },
    // 管理: managers and county admins (also used in the H5 build on a desktop browser)
    {
      root: 'manage',
      pages: [
        'pages/center/index',
        'pages/capacity/index',
        'pages/closures/index',
        'pages/rules/index',
        'pages/on-duty/index',
        'pages/ratings/index',
        'pages/accounts/index',
        'pages/audit/index',
        // 目录管理 for county admins (mostly on a desktop browser): items, materials, bundles, import/export
        'pages/catalogue/index',
        'pages/catalogue-item/index',
        'pages/catalogue-import/index',
      ],
    },
  ],
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
