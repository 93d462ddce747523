import { configure } from '@nutui/icons-react-taro';

// NutUI draws icons as <i>, which Taro's WeChat templates do not have (the icon would
// silently not render): use <view> there. H5 keeps <i>.
if (process.env.TARO_ENV !== 'h5') {
  configure({ tag: 'view' });
}
