// 水电气、广电、通信 — service companies with a desk (or a booking line) at the centre.
import type { SeedItem } from '../types';
import { cond, defineItems, form, idCard, KEEP, proxy, req } from './materials';

const houseProof = () =>
  req('房屋产权或使用证明', 'copy', 1, '不动产权证、宅基地批准书、购房合同或村委会出具的房屋使用证明均可');

const utilities = defineItems('utilities', [
  {
    code: 'SDQ-001', name: '居民生活用电报装', category: 'convenience', mode: 'commitment', days: [5, 3],
    summary: '新修的房子要通电、装电表的，在中心登记报装，供电所上门勘查、安装，居民低压用电报装不收费。',
    conditions: '在本辖区有合法住房、需要新装居民生活用电的户主。',
    keywords: '装电表 新装电 通电 报装 电表 供电所', popularity: 55,
    materials: [idCard('户主'), houseProof()],
  },
  {
    code: 'SDQ-002', name: '用电过户', category: 'convenience', mode: 'immediate', days: [3, 0],
    summary: '房子换了主人、户主去世或分户的，电表户名可以改成现在的使用人，电费账单、电费补贴等跟着过来。',
    conditions: '用电地址不变、用电户名需要变更的用户，须结清电费。',
    keywords: '电表过户 改户名 电费户名', popularity: 25,
    materials: [idCard('新户主'), houseProof(), cond('原户主同意过户的证明', '原户主是否在世且可以联系？', 'original', 1, '原户主签字或到场')],
  },
  {
    code: 'SDQ-003', name: '电费缴纳及查询', category: 'convenience', mode: 'online', days: [0, 0], maxVisits: 0,
    summary: '电费可以用“网上国网”App、微信或支付宝缴纳，也可以在村里代收点交。想查电费、用电量的，中心可以帮忙查。',
    conditions: '本辖区的电力用户。',
    keywords: '交电费 电费 欠费停电 电费查询', popularity: 58,
    materials: [req('用电户号', 'original', 1, '电费单上有，报户主姓名和地址也能查')],
  },
  {
    code: 'SDQ-004', name: '农业生产和加工用电增容', category: 'convenience', mode: 'commitment', days: [15, 7],
    summary: '搞养殖、茶叶加工、粮油加工等需要加大用电容量或装三相电的，在中心登记，供电所上门勘查后给出供电方案。',
    conditions: '在本辖区从事农业生产或加工、需要新增或增加用电容量的用户。',
    keywords: '三相电 增容 加工用电 动力电 养殖用电', popularity: 15,
    materials: [idCard(), houseProof(), cond('营业执照', '是否为企业或个体工商户？', 'copy', 1)],
    offeredAt: 'centers',
  },
  {
    code: 'SDQ-005', name: '电表故障报修及电量异议', category: 'convenience', mode: 'commitment', days: [5, 1],
    summary: '电表坏了、家里突然停电、觉得电费不对劲的，可以在中心报修或提出异议，供电所会尽快上门处理或校验电表。停电抢修也可直接拨打95598。',
    conditions: '本辖区的电力用户。',
    keywords: '停电 电表坏了 电费太高 报修 95598', popularity: 30,
    materials: [req('用电户号或户主姓名、地址', 'original', 1, '口头告知即可')],
  },
  {
    code: 'SDQ-006', name: '分布式光伏发电并网申请', category: 'convenience', mode: 'report_up', days: [20, 10],
    summary: '在自家屋顶装光伏发电、想并网卖电的，先在中心登记并网申请，供电公司审查方案、验收合格后接入电网。签合同前请看清楚安装商的条件，谨防“光伏贷”骗局。',
    conditions: '拥有屋顶产权或使用权、拟安装分布式光伏的居民。',
    keywords: '光伏 屋顶光伏 太阳能发电 并网 卖电', popularity: 18,
    materials: [idCard(), houseProof(), req('光伏项目安装方案或设备清单', 'copy', 1, '由安装单位提供')],
    offeredAt: 'centers',
  },
  {
    code: 'SDQ-007', name: '居民用水报装', category: 'convenience', mode: 'commitment', days: [10, 5],
    summary: '集镇和集中供水覆盖的村，新房要接自来水、装水表的，在中心登记报装，供水单位上门勘查安装。',
    conditions: '在自来水供水管网覆盖范围内有合法住房的户主。',
    keywords: '接自来水 装水表 通水 报装', popularity: 35,
    materials: [idCard('户主'), houseProof()],
  },
  {
    code: 'SDQ-008', name: '用水过户', category: 'convenience', mode: 'immediate', days: [3, 0],
    summary: '房子换了主人或户主变更的，水表户名可以改成现在的使用人。',
    conditions: '用水地址不变、户名需要变更的用户，须结清水费。',
    keywords: '水表过户 改户名 水费户名', popularity: 12,
    materials: [idCard('新户主'), houseProof()],
  },
  {
    code: 'SDQ-009', name: '水费缴纳及用水报修', category: 'convenience', mode: 'immediate', days: [3, 0],
    summary: '交水费、查水费，或者水管破了、水表坏了、长时间停水的，都可以在中心办理或报修。',
    conditions: '本辖区的供水用户。',
    keywords: '交水费 水管爆了 停水 水表坏了', popularity: 30,
    materials: [req('用水户号或户主姓名、地址', 'original', 1, '口头告知即可')],
  },
  {
    code: 'SDQ-010', name: '农村供水问题反映', category: 'public_service', mode: 'immediate', days: [3, 0],
    summary: '村里的集中供水站、山泉水管网出现水质浑浊、水量不够、管道冻坏等问题的，可以到中心反映，乡镇组织水务人员上门处理。',
    conditions: '农村饮水工程覆盖范围内的群众。',
    keywords: '吃水难 水浑 没水吃 饮水安全 水管冻坏', popularity: 26,
    materials: [cond('现场照片', '是否方便拍照？', 'original', 1)],
  },
  {
    code: 'SDQ-011', name: '管道天然气开户报装', category: 'convenience', mode: 'commitment', days: [15, 7],
    summary: '集镇通了天然气管道的，居民可以申请开户安装，燃气公司上门勘查、安装燃气表并做安全检查，验收合格后通气。',
    conditions: '天然气管网覆盖范围内有合法住房的居民。',
    keywords: '天然气 开户 装气 燃气报装', popularity: 20,
    materials: [idCard('户主'), houseProof()],
    offeredAt: 'centers',
  },
  {
    code: 'SDQ-012', name: '燃气过户、停用及安全检查预约', category: 'convenience', mode: 'immediate', days: [3, 0],
    summary: '天然气用户更名、暂停使用、恢复供气，或者想请燃气公司上门做安全检查的，可以在中心办理和预约。闻到燃气味道要立即开窗、关阀门，到室外拨打燃气公司抢修电话。',
    conditions: '本辖区的管道燃气用户。',
    keywords: '燃气过户 停气 燃气安检 漏气', popularity: 10,
    materials: [idCard(), cond('房屋产权证明', '是否办理过户？', 'copy', 1)],
    offeredAt: 'centers',
  },
  {
    code: 'SDQ-013', name: '水电气联合报装', category: 'convenience', mode: 'joint', days: [15, 10],
    summary: '新房要同时接电、接水、接天然气的，在中心一个窗口一次提交材料，供电、供水、燃气单位联合勘查、一起安装，不用分头跑。',
    conditions: '新建住房或经营场所需要同时报装两项及以上水、电、气业务的用户。',
    keywords: '联合报装 新房通水通电 一次报装 水电气', popularity: 22,
    materials: [idCard('户主'), houseProof(), form('水电气联合报装申请表'), proxy()],
    offeredAt: 'centers',
  },
  {
    code: 'SDQ-014', name: '一户多人口阶梯电价申请', category: 'convenience', mode: 'commitment', days: [10, 5],
    summary: '家里常住人口多、用电量大的（一般5人及以上），可以申请提高阶梯电价的分档电量，少交电费。',
    conditions: '同一户口簿人口达到规定人数、在同一电表下用电的居民用户，一年申请一次。',
    keywords: '阶梯电价 人口多 电费 多人口', popularity: 16,
    materials: [idCard('户主'), req('户口簿', 'original', 1, '看人口数；' + KEEP), req('用电户号', 'original', 1)],
  },
  {
    code: 'SDQ-015', name: '电力设施安全隐患报告', category: 'public_service', mode: 'immediate', days: [1, 0],
    summary: '发现电线断落、电杆倾斜、树枝碰到电线、变压器冒烟等危险情况，请远离现场，立即报告中心或拨打95598，供电所会尽快处理。',
    conditions: '任何发现电力安全隐患的群众。',
    keywords: '电线断了 电杆倒了 树碰电线 漏电 危险', popularity: 10,
    materials: [cond('现场照片和位置', '是否能在安全距离外拍照？', 'original', 1, '千万不要靠近断落的电线')],
  },
]);

const broadcasting = defineItems('broadcasting', [
  {
    code: 'GD-001', name: '有线电视开户报装', category: 'convenience', mode: 'commitment', days: [5, 3],
    summary: '想装有线电视（数字电视）的，在中心登记，广电网络公司上门安装机顶盒、调试开通。',
    conditions: '有线电视网络覆盖范围内的居民。',
    fee: '开户及收视费按四川广电网络公司公示的标准收取',
    keywords: '有线电视 装电视 机顶盒 数字电视', popularity: 20,
    materials: [idCard('户主'), req('安装地址', 'original', 1, '口头告知即可')],
  },
  {
    code: 'GD-002', name: '有线电视过户及停复机', category: 'convenience', mode: 'immediate', days: [3, 0],
    summary: '有线电视户名变更、长期外出要暂停、回来后恢复收看的，可以在中心办理。',
    conditions: '有线电视用户本人或家属。',
    keywords: '电视停机 复机 过户 暂停收看', popularity: 12,
    materials: [idCard(), req('智能卡号或机顶盒号', 'original', 1, '机顶盒或智能卡背面有')],
  },
  {
    code: 'GD-003', name: '有线电视故障报修', category: 'convenience', mode: 'commitment', days: [3, 1],
    summary: '电视没信号、画面卡顿、机顶盒坏了的，在中心报修，广电网络公司安排人员上门维修。',
    conditions: '有线电视用户。',
    keywords: '电视没信号 电视坏了 机顶盒坏了 报修', popularity: 22,
    materials: [req('智能卡号或户主姓名、地址', 'original', 1, '口头告知即可')],
  },
  {
    code: 'GD-004', name: '直播卫星“户户通”维修及激活', category: 'convenience', mode: 'commitment', days: [5, 2],
    summary: '用“锅盖”（直播卫星“户户通”）看电视的，出现没信号、需要重新激活、搬家移机等问题，可以在中心登记，安排人员上门处理。',
    conditions: '安装了直播卫星“户户通”设备的农村用户。',
    keywords: '户户通 锅盖 卫星电视 没信号 激活', popularity: 30,
    materials: [req('户户通机顶盒编号', 'original', 1, '机顶盒背面有，拍照带来即可')],
  },
  {
    code: 'GD-005', name: '应急广播故障报告', category: 'public_service', mode: 'immediate', days: [3, 0],
    summary: '村里的应急广播（“村村响”大喇叭）不响、声音不清的，请告诉中心，及时安排维修，保证防汛、防火等紧急通知能听到。',
    conditions: '任何发现故障的群众。',
    keywords: '大喇叭 村村响 广播坏了 应急广播', popularity: 8,
    materials: [req('故障喇叭位置', 'original', 1, '口头说明所在村组即可')],
  },
  {
    code: 'GD-006', name: '广电宽带报装', category: 'convenience', mode: 'commitment', days: [5, 3],
    summary: '想装广电网络宽带的，在中心登记，上门勘查安装，也可以和有线电视合办套餐。',
    conditions: '广电网络覆盖范围内的居民。',
    fee: '按广电网络公司公示的套餐资费标准收取',
    keywords: '广电宽带 装网 宽带', popularity: 10,
    materials: [idCard()],
    offeredAt: 'centers',
  },
  {
    code: 'GD-007', name: '有线电视收视费缴纳', category: 'convenience', mode: 'online', days: [0, 0], maxVisits: 0,
    summary: '有线电视收视费可以在手机上通过四川广电网络的公众号或App缴纳，不会操作的可以到中心请工作人员帮忙。',
    conditions: '有线电视用户。',
    keywords: '交电视费 收视费 有线电视费', popularity: 18,
    materials: [req('智能卡号或户主姓名', 'original', 1)],
  },
]);

const telecom = defineItems('telecom', [
  {
    code: 'TX-001', name: '固定电话和宽带报装', category: 'convenience', mode: 'commitment', days: [5, 3],
    summary: '想装宽带、固定电话的，在中心登记电信、移动或联通的业务，运营商安排人员上门勘查、安装。',
    conditions: '网络覆盖范围内的居民，须本人实名办理。',
    fee: '按运营商公示的套餐资费标准收取',
    keywords: '装宽带 装网 光纤 座机 WiFi', popularity: 35,
    materials: [idCard()],
  },
  {
    code: 'TX-002', name: '手机号码实名办理', category: 'convenience', mode: 'immediate', days: [1, 0],
    summary: '办手机卡、给老人孩子办号码，须本人带身份证实名登记。办卡时工作人员会提醒开通防诈骗提示服务。',
    conditions: '须本人持有效身份证件现场办理；为未满16周岁的孩子办卡须监护人陪同。',
    keywords: '办电话卡 手机卡 办号 实名 换卡', popularity: 30,
    materials: [idCard('办卡人')],
  },
  {
    code: 'TX-003', name: '通信故障报修和信号问题反映', category: 'convenience', mode: 'commitment', days: [3, 1],
    summary: '宽带断网、固话不通，或者村里手机信号差的，可以在中心报修或反映，运营商会上门处理或安排网络优化。',
    conditions: '通信用户及群众。',
    keywords: '没信号 断网 网络故障 信号差 报修', popularity: 28,
    materials: [req('宽带账号或电话号码', 'original', 1, '口头告知即可')],
  },
  {
    code: 'TX-004', name: '话费缴纳和套餐变更', category: 'convenience', mode: 'immediate', days: [1, 0],
    summary: '交话费、查话费、把套餐换成更便宜的老年套餐等，可以在中心办理。',
    conditions: '手机和固话用户；变更套餐须机主本人办理。',
    keywords: '交话费 充话费 套餐 老年套餐 查话费', popularity: 32,
    materials: [cond('机主居民身份证', '是否变更套餐或办理机主业务？', 'original', 1, KEEP)],
  },
  {
    code: 'TX-005', name: '手机卡挂失补卡', category: 'convenience', mode: 'immediate', days: [1, 0],
    summary: '手机丢了要尽快挂失号码，防止被盗用，然后补办新卡，原号码不变。',
    conditions: '机主本人持身份证办理。',
    keywords: '手机丢了 补卡 挂失 号码补办', popularity: 14,
    materials: [idCard('机主')],
  },
  {
    code: 'TX-006', name: '老年人智能手机使用帮教', category: 'public_service', mode: 'immediate', days: [1, 0],
    summary: '老人不会用智能手机视频通话、扫码、认证养老金、交医保的，可以到中心请工作人员和志愿者手把手教，也会讲讲怎么防电信诈骗。',
    conditions: '有需要的老年人，家属也可以陪同。',
    keywords: '学手机 智能手机 老人用手机 防诈骗 视频通话', popularity: 25,
    materials: [req('本人手机', 'original', 1)],
  },
]);

export const utilityItems: SeedItem[] = [...utilities, ...broadcasting, ...telecom];
