export default defineAppConfig({
  // Main package: the resident's first journey (find a centre, read a guide).
  pages: [
    'pages/index/index',
    'pages/center/index',
    'pages/catalogue/index',
    'pages/item/index',
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
  subPackages: [
    // 目录管理 for county admins (mostly on a desktop browser): items, materials, bundles, import/export
    { root: 'manage', pages: ['pages/catalogue/index', 'pages/catalogue-item/index', 'pages/catalogue-import/index'] },
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
