// Small builders for the materials checklists (申请材料) and the items that use them, so the
// item files read like the county's published lists.
import type { HandlingMode, ItemCategory, MaterialForm } from '../../../server/contract/catalogue';
import type { SeedItem, SeedMaterial } from '../types';

export const KEEP = '原件核验后退还';
export const FORM_NOTE = '可在中心窗口领取或现场填写';

/** A required material. */
export function req(name: string, form: MaterialForm = 'original', copies = 1, notes?: string): SeedMaterial {
  return { name, form, copies, ...(notes ? { notes } : {}) };
}

/** A conditional material; `condition` is a yes/no question ending with "？". */
export function cond(
  name: string,
  condition: string,
  form: MaterialForm = 'original',
  copies = 1,
  notes?: string,
): SeedMaterial {
  return { name, form, copies, condition, ...(notes ? { notes } : {}) };
}

/** 居民身份证（原件，核验后退还）. */
export const idCard = (who = '申请人', notes = KEEP): SeedMaterial => req(`${who}居民身份证`, 'original', 1, notes);

/** 居民身份证原件及复印件. */
export const idCardCopy = (who = '申请人', copies = 1): SeedMaterial =>
  req(`${who}居民身份证`, 'original_and_copy', copies, `${KEEP}，复印件留存（正反面印在同一页）`);

/** 户口簿（原件，核验后退还）. */
export const hukou = (who = '', notes = `${KEEP}；需有户主页和本人页`): SeedMaterial =>
  req(`${who}户口簿`, 'original', 1, notes);

/** 户口簿原件及复印件. */
export const hukouCopy = (copies = 1): SeedMaterial =>
  req('户口簿', 'original_and_copy', copies, `${KEEP}，复印户主页和本人页`);

/** 申请表、登记表（窗口领取或现场填写）. */
export const form = (name: string, notes = FORM_NOTE): SeedMaterial => req(name, 'original', 1, notes);

/** 证件照片. */
export const photo = (copies = 2, spec = '近期免冠2寸彩色照片', notes = '白色背景，不戴帽子、不戴有色眼镜'): SeedMaterial =>
  req(spec, 'original', copies, notes);

/** 社会保障卡（待遇发放账户）. */
export const socialCard = (
  notes = '用于发放待遇，须为本人名下、已激活金融功能的社会保障卡；没有的可提供本人一类银行账户（存折）',
): SeedMaterial => req('本人社会保障卡', 'original', 1, notes);

/** 委托他人代办时的授权委托书. */
export const proxy = (notes = '需提供代办人居民身份证原件；不会写字的可由工作人员代写，本人按手印'): SeedMaterial =>
  cond('授权委托书', '是否委托他人代办？', 'original', 1, notes);

/** 残疾人证（残疾人可享受的事项）. */
export const disabilityCert = (notes = '第二代或第三代残疾人证均可；' + KEEP): SeedMaterial =>
  cond('残疾人证', '是否为残疾人？', 'original', 1, notes);

/** 监护人证件（未成年人或无民事行为能力人）. */
export const guardian = (): SeedMaterial =>
  cond('监护人居民身份证及监护关系证明', '申请人是否为未成年人或无民事行为能力人？', 'original', 1, '户口簿能看出监护关系的，不再另外提供证明');

/** 结婚证. */
export const marriageCert = (condition?: string): SeedMaterial =>
  condition ? cond('结婚证', condition, 'original', 1, KEEP) : req('结婚证', 'original', 1, KEEP);

/** 村（社区）出具的情况说明或证明. */
export const villageProof = (name: string, notes = '由户籍所在地村（居）民委员会出具并盖章'): SeedMaterial =>
  req(name, 'original', 1, notes);

/** 电子证照（手机上出示即可）. */
export const electronic = (name: string, notes?: string): SeedMaterial => req(name, 'electronic', 0, notes);

/** What an item file writes; defaults: maxVisits 1, offeredAt 'all'. */
export interface ItemInput {
  code: string;
  name: string;
  category: ItemCategory;
  mode: HandlingMode;
  /** [法定办结时限, 承诺办结时限] in working days */
  days: [number, number];
  fee?: string;
  summary: string;
  conditions: string;
  maxVisits?: number;
  keywords?: string;
  popularity: number;
  materials: SeedMaterial[];
  offeredAt?: SeedItem['offeredAt'];
}

/** Items of one department. */
export function defineItems(department: string, rows: ItemInput[]): SeedItem[] {
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    category: r.category,
    department,
    handlingMode: r.mode,
    legalDays: r.days[0],
    promisedDays: r.days[1],
    ...(r.fee ? { fee: r.fee } : {}),
    summary: r.summary,
    conditions: r.conditions,
    maxVisits: r.maxVisits ?? 1,
    ...(r.keywords ? { keywords: r.keywords } : {}),
    popularity: r.popularity,
    materials: r.materials,
    offeredAt: r.offeredAt ?? 'all',
  }));
}
