export default defineAppConfig({
  // Main package: the resident's first journey (find a centre, read a guide).
  pages: [
    'pages/index/index',
    'pages/center/index',
    'pages/catalogue/index',
    'pages/item/index',
  ],
  // Later features (booking, cases, staff) go here as { root, pages } entries,
  // so they load on demand and keep the main package small.
  subPackages: [],
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
