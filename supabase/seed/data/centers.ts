import type { SeedCenter, SeedSession } from '../types';

// The 32 township-level service centres of Nanjiang County (1 subdistrict, 29 towns,
// 2 townships) and the 16 service stations at townships merged in 2019.
//
// Names: 集州街道、沙河镇、长赤镇、大河镇、光雾山镇、下两镇、赶场镇、杨坝镇、天池镇、关坝镇、
// 元潭镇、坪河镇、团结乡、神门乡 appear in public sources. The other towns and the stations
// carry names of Nanjiang towns and former townships as remembered from older rosters, plus a
// few invented ones; parents of stations, addresses, phones, coordinates and hours are all
// invented. Every record is therefore marked isSample.

const WEEKDAYS = [1, 2, 3, 4, 5];
const CN_DAY = ['', '一', '二', '三', '四', '五', '六', '日'];

/** 工作日 08:30–12:00、14:00–17:30；`saturday` 周六上午也开放；`noNoonBreak` 这些日子中午不休息（逢场天）。 */
function centreHours(opts: { saturday?: boolean; noNoonBreak?: number[] } = {}): SeedSession[] {
  const continuous = opts.noNoonBreak ?? [];
  const split = WEEKDAYS.filter((d) => !continuous.includes(d));
  const sessions: SeedSession[] = [
    { weekdays: split, opens: '08:30', closes: '12:00' },
    { weekdays: split, opens: '14:00', closes: '17:30' },
  ];
  const weekdayContinuous = continuous.filter((d) => d <= 5);
  if (weekdayContinuous.length > 0) sessions.push({ weekdays: weekdayContinuous, opens: '08:30', closes: '17:30' });
  if (continuous.includes(6)) sessions.push({ weekdays: [6], opens: '08:30', closes: '17:30' });
  else if (opts.saturday) sessions.push({ weekdays: [6], opens: '08:30', closes: '12:00' });
  return sessions.filter((s) => s.weekdays.length > 0);
}

/** 便民服务站：只在指定的日子开放；`morningOnly` 只开上午。 */
function stationHours(days: number[], morningOnly = false): SeedSession[] {
  return morningOnly
    ? [{ weekdays: days, opens: '08:30', closes: '12:00' }]
    : [
        { weekdays: days, opens: '08:30', closes: '12:00' },
        { weekdays: days, opens: '14:00', closes: '17:00' },
      ];
}

const dayList = (days: number[]) => days.map((d) => CN_DAY[d]).join('、');

interface CentreRow {
  key: string;
  township: string;
  address: string;
  phone: string;
  lat: number;
  lng: number;
  sessions?: SeedSession[];
  scheduleNote?: string;
}

function centre(r: CentreRow): SeedCenter {
  return {
    key: r.key,
    kind: 'center',
    name: `${r.township}便民服务中心`,
    township: r.township,
    address: r.address,
    phone: r.phone,
    ...(r.scheduleNote ? { scheduleNote: r.scheduleNote } : {}),
    latitude: r.lat,
    longitude: r.lng,
    isSample: true,
    sessions: r.sessions ?? centreHours(),
  };
}

interface StationRow {
  key: string;
  /** former township, e.g. 贵民 (原贵民乡) */
  former: string;
  formerKind: '乡' | '镇';
  parentKey: string;
  address: string;
  phone: string;
  lat: number;
  lng: number;
  days: number[];
  morningOnly?: boolean;
  /** overrides the generated note */
  scheduleNote?: string;
}

const townshipOf = new Map<string, string>();

function station(r: StationRow): SeedCenter {
  const parentTownship = townshipOf.get(r.parentKey);
  if (!parentTownship) throw new Error(`station ${r.key}: unknown parent ${r.parentKey}`);
  const when = r.morningOnly ? `每周${dayList(r.days)}上午` : `逢赶场日（每周${dayList(r.days)}）`;
  return {
    key: r.key,
    kind: 'station',
    parentKey: r.parentKey,
    name: `${r.former}便民服务站`,
    township: `${parentTownship}（原${r.former}${r.formerKind}）`,
    address: r.address,
    phone: r.phone,
    scheduleNote: r.scheduleNote ?? `${when}开放；其他时间请到${parentTownship}便民服务中心办理`,
    latitude: r.lat,
    longitude: r.lng,
    isSample: true,
    sessions: stationHours(r.days, r.morningOnly),
  };
}

const SAT_NOTE = '周六上午开放综合窗口，只办理社保、医保、证明类等常办事项';

const centreRows: CentreRow[] = [
  // 街道
  {
    key: 'jizhou', township: '集州街道', address: '南江县集州街道南门口社区集州路118号', phone: '0827-8221606',
    lat: 32.3536, lng: 106.8412, sessions: centreHours({ saturday: true }), scheduleNote: SAT_NOTE,
  },
  // 镇（来源可查的名称）
  {
    key: 'shahe', township: '沙河镇', address: '南江县沙河镇滨河街36号', phone: '0827-8251203',
    lat: 32.2887, lng: 106.7731, sessions: centreHours({ saturday: true }), scheduleNote: SAT_NOTE,
  },
  {
    key: 'changchi', township: '长赤镇', address: '南江县长赤镇红军街52号', phone: '0827-8351018',
    lat: 32.0812, lng: 106.7596, sessions: centreHours({ noNoonBreak: [3, 6] }),
    scheduleNote: '逢赶场日（每周三、六）中午不休息，周六全天开放',
  },
  {
    key: 'dahe', township: '大河镇', address: '南江县大河镇大河口街17号', phone: '0827-8421135',
    lat: 32.4268, lng: 106.6357, sessions: centreHours({ saturday: true }), scheduleNote: SAT_NOTE,
  },
  {
    key: 'guangwushan', township: '光雾山镇', address: '南江县光雾山镇红叶路18号', phone: '0827-8661302',
    lat: 32.6615, lng: 106.8196, sessions: centreHours({ saturday: true }),
    scheduleNote: '周六上午开放综合窗口；旅游旺季（红叶节期间）以镇政府公告为准',
  },
  {
    key: 'xialiang', township: '下两镇', address: '南江县下两镇明江路66号', phone: '0827-8311227',
    lat: 32.2315, lng: 106.8873, sessions: centreHours({ saturday: true }), scheduleNote: SAT_NOTE,
  },
  {
    key: 'ganchang', township: '赶场镇', address: '南江县赶场镇明水街21号', phone: '0827-8371046',
    lat: 32.1627, lng: 106.9711, sessions: centreHours({ noNoonBreak: [2, 5], saturday: true }),
    scheduleNote: '逢赶场日（每周二、五）中午不休息；周六上午开放综合窗口',
  },
  {
    key: 'yangba', township: '杨坝镇', address: '南江县杨坝镇杨家坝街45号', phone: '0827-8631129',
    lat: 32.5426, lng: 106.7018, sessions: centreHours({ saturday: true }), scheduleNote: SAT_NOTE,
  },
  {
    key: 'tianchi', township: '天池镇', address: '南江县天池镇天池街9号', phone: '0827-8641087',
    lat: 32.4935, lng: 106.9482, sessions: centreHours({ noNoonBreak: [2, 5] }),
    scheduleNote: '逢赶场日（每周二、五）中午不休息',
  },
  { key: 'guanba', township: '关坝镇', address: '南江县关坝镇新街12号', phone: '0827-8681033', lat: 32.6034, lng: 107.0462 },
  {
    key: 'yuantan', township: '元潭镇', address: '南江县元潭镇滨江路28号', phone: '0827-8391152',
    lat: 32.0588, lng: 106.9027, sessions: centreHours({ saturday: true }), scheduleNote: SAT_NOTE,
  },
  {
    key: 'pinghe', township: '坪河镇', address: '南江县坪河镇坪河街31号', phone: '0827-8461078',
    lat: 32.4317, lng: 107.0786, sessions: centreHours({ noNoonBreak: [1, 4] }),
    scheduleNote: '逢赶场日（每周一、四）中午不休息',
  },
  // 镇（示例名称）
  { key: 'zhengzhi', township: '正直镇', address: '南江县正直镇正兴街8号', phone: '0827-8331061', lat: 32.1906, lng: 106.6921 },
  { key: 'hongguang', township: '红光镇', address: '南江县红光镇光明街23号', phone: '0827-8361095', lat: 32.0411, lng: 106.8302 },
  { key: 'chixi', township: '赤溪镇', address: '南江县赤溪镇溪口街15号', phone: '0827-8481024', lat: 32.3712, lng: 107.0218 },
  {
    key: 'bamiao', township: '八庙镇', address: '南江县八庙镇古城街40号', phone: '0827-8341117',
    lat: 32.2018, lng: 106.6105, sessions: centreHours({ noNoonBreak: [3] }), scheduleNote: '逢赶场日（每周三）中午不休息',
  },
  { key: 'shuangliu', township: '双流镇', address: '南江县双流镇双河街6号', phone: '0827-8381058', lat: 32.1203, lng: 106.6628 },
  { key: 'qiaoting', township: '桥亭镇', address: '南江县桥亭镇新桥路19号', phone: '0827-8431066', lat: 32.4521, lng: 106.7614 },
  { key: 'gongshan', township: '公山镇', address: '南江县公山镇公山街27号', phone: '0827-8491072', lat: 32.2497, lng: 107.0513 },
  { key: 'houjia', township: '侯家镇', address: '南江县侯家镇侯家街11号', phone: '0827-8321089', lat: 32.1295, lng: 106.8117 },
  { key: 'renhe', township: '仁和镇', address: '南江县仁和镇仁和街33号', phone: '0827-8401013', lat: 32.0023, lng: 106.9588 },
  {
    key: 'leba', township: '乐坝镇', address: '南江县乐坝镇车站路5号', phone: '0827-8261149',
    lat: 32.4004, lng: 106.7225, sessions: centreHours({ noNoonBreak: [1, 4] }), scheduleNote: '逢赶场日（每周一、四）中午不休息',
  },
  { key: 'gaota', township: '高塔镇', address: '南江县高塔镇塔坪街14号', phone: '0827-8281036', lat: 32.2912, lng: 106.9318 },
  { key: 'shangliang', township: '上两镇', address: '南江县上两镇两河街7号', phone: '0827-8621051', lat: 32.5708, lng: 106.8702 },
  { key: 'beiji', township: '北极镇', address: '南江县北极镇北极街20号', phone: '0827-8671028', lat: 32.7196, lng: 106.9611 },
  { key: 'zhugong', township: '朱公镇', address: '南江县朱公镇朱公街16号', phone: '0827-8271094', lat: 32.4012, lng: 106.8943 },
  { key: 'gaoqiao', township: '高桥镇', address: '南江县高桥镇高桥街25号', phone: '0827-8411081', lat: 32.3397, lng: 106.5716 },
  { key: 'hongsi', township: '红四镇', address: '南江县红四镇红四街10号', phone: '0827-8471105', lat: 32.0917, lng: 107.0204 },
  { key: 'shitan', township: '石滩镇', address: '南江县石滩镇滩口街13号', phone: '0827-8691042', lat: 32.5024, lng: 107.1013 },
  { key: 'zhaipo', township: '寨坡镇', address: '南江县寨坡镇寨坡街22号', phone: '0827-8501077', lat: 32.2006, lng: 107.1395 },
  // 乡
  { key: 'tuanjie', township: '团结乡', address: '南江县团结乡亭子街3号', phone: '0827-8441019', lat: 32.3108, lng: 106.6203 },
  { key: 'shenmen', township: '神门乡', address: '南江县神门乡三园街2号', phone: '0827-8701008', lat: 32.6822, lng: 107.1236 },
];

for (const r of centreRows) townshipOf.set(r.key, r.township);

const stationRows: StationRow[] = [
  {
    key: 'st-dongyu', former: '东榆', formerKind: '镇', parentKey: 'jizhou', address: '南江县集州街道东榆场镇东榆街4号',
    phone: '0827-8231045', lat: 32.3921, lng: 106.8637, days: [1, 2, 3, 4, 5], morningOnly: true,
    scheduleNote: '工作日上午开放；下午及周六请到集州街道便民服务中心办理',
  },
  { key: 'st-guimin', former: '贵民', formerKind: '乡', parentKey: 'guanba', address: '南江县关坝镇贵民场镇老街6号', phone: '0827-8681160', lat: 32.6602, lng: 107.1804, days: [2, 5] },
  { key: 'st-shuanggui', former: '双桂', formerKind: '乡', parentKey: 'changchi', address: '南江县长赤镇双桂场镇正街3号', phone: '0827-8351162', lat: 32.0401, lng: 106.7103, days: [1, 4] },
  { key: 'st-fujia', former: '傅家', formerKind: '乡', parentKey: 'xialiang', address: '南江县下两镇傅家场镇新街8号', phone: '0827-8311163', lat: 32.2604, lng: 106.9395, days: [3, 6] },
  { key: 'st-heitan', former: '黑潭', formerKind: '乡', parentKey: 'chixi', address: '南江县赤溪镇黑潭场镇河街5号', phone: '0827-8481166', lat: 32.3398, lng: 107.0867, days: [2, 5] },
  { key: 'st-pinggang', former: '平岗', formerKind: '乡', parentKey: 'gaoqiao', address: '南江县高桥镇平岗场镇正街2号', phone: '0827-8411168', lat: 32.3022, lng: 106.5291, days: [1, 4] },
  { key: 'st-hongyan', former: '红岩', formerKind: '乡', parentKey: 'zhengzhi', address: '南江县正直镇红岩场镇岩口街7号', phone: '0827-8331170', lat: 32.2213, lng: 106.6402, days: [3, 6] },
  { key: 'st-liuwan', former: '柳湾', formerKind: '乡', parentKey: 'tianchi', address: '南江县天池镇柳湾场镇柳湾街1号', phone: '0827-8641171', lat: 32.5311, lng: 106.9913, days: [1, 3, 5], morningOnly: true },
  { key: 'st-liuba', former: '流坝', formerKind: '乡', parentKey: 'guangwushan', address: '南江县光雾山镇流坝场镇河坝街9号', phone: '0827-8661173', lat: 32.6208, lng: 106.7527, days: [2, 5] },
  { key: 'st-fengyi', former: '凤仪', formerKind: '乡', parentKey: 'renhe', address: '南江县仁和镇凤仪场镇凤仪街5号', phone: '0827-8401175', lat: 31.9708, lng: 106.9102, days: [3, 6] },
  { key: 'st-qinglong', former: '青龙', formerKind: '乡', parentKey: 'shahe', address: '南江县沙河镇青龙场镇青龙街12号', phone: '0827-8251177', lat: 32.2611, lng: 106.7208, days: [1, 4] },
  { key: 'st-huilong', former: '回龙', formerKind: '乡', parentKey: 'dahe', address: '南江县大河镇回龙场镇回龙街4号', phone: '0827-8421179', lat: 32.4702, lng: 106.5914, days: [2, 5] },
  { key: 'st-baiguo', former: '白果', formerKind: '乡', parentKey: 'yangba', address: '南江县杨坝镇白果场镇白果街6号', phone: '0827-8631181', lat: 32.5897, lng: 106.6611, days: [1, 3, 5], morningOnly: true },
  { key: 'st-xinglong', former: '兴隆', formerKind: '乡', parentKey: 'ganchang', address: '南江县赶场镇兴隆场镇兴隆街10号', phone: '0827-8371183', lat: 32.1208, lng: 107.0322, days: [3, 6] },
  { key: 'st-jintai', former: '金台', formerKind: '乡', parentKey: 'yuantan', address: '南江县元潭镇金台场镇金台街3号', phone: '0827-8391185', lat: 32.0201, lng: 106.8604, days: [1, 4] },
  { key: 'st-shimen', former: '石门', formerKind: '乡', parentKey: 'pinghe', address: '南江县坪河镇石门场镇石门街8号', phone: '0827-8461187', lat: 32.4688, lng: 107.1302, days: [2, 5] },
];

export const centers: SeedCenter[] = [...centreRows.map(centre), ...stationRows.map(station)];

/** Larger towns: they also host tax, market regulation and police household-registration windows. */
export const largeCenterKeys: string[] = [
  'jizhou', 'shahe', 'changchi', 'dahe', 'guangwushan', 'xialiang', 'ganchang', 'yangba', 'yuantan',
];
