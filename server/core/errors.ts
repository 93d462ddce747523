// Every error a client can see: a stable machine code, an HTTP status and one plain
// Chinese sentence a villager understands. Database errors are mapped here, once.
import { DbError } from '../db/database';

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
    /** machine-readable context the client may use (e.g. { until } of a restriction) */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

type Detail = Record<string, unknown>;
type Message = string | ((detail: Detail) => string);

/** 2026-12-28T09:00:00+08:00 → 2026年12月28日 (Shanghai) */
function chineseDate(value: unknown): string {
  const d = new Date(String(value));
  if (Number.isNaN(d.getTime())) return '';
  const sh = new Date(d.getTime() + 8 * 3600_000);
  return `${sh.getUTCFullYear()}年${sh.getUTCMonth() + 1}月${sh.getUTCDate()}日`;
}

/** Why a case step cannot be taken, from the case's status (INVALID_CASE_TRANSITION). */
function caseStepRefusal(detail: Detail): string {
  switch (detail.status) {
    case 'completed':
      return '这件事已经办结了';
    case 'rejected':
      return '这件事已经不予受理了';
    case 'needs_supplement':
      return '还在等群众补正材料，材料补齐后才能继续';
    case 'forwarded':
      return '这件事已经上报，等县级部门办理';
    case 'accepted':
      return '这件事没有在等补正材料';
    default:
      return '办件状态已经变化，请刷新后再看';
  }
}

/** "12号" from a detail's number, or "这个号" */
function ticketNumber(detail: Detail): string {
  return typeof detail.number === 'number' ? `${detail.number}号` : '这个号';
}

/** Why 叫下一位 waits: the window's current person must not be lost (WINDOW_BUSY). */
function windowBusy(detail: Detail): string {
  return detail.status === 'serving'
    ? `${ticketNumber(detail)}还在办理，请先点“办完了”，再叫下一位`
    : `${ticketNumber(detail)}叫了还没来，请先选：再叫一次、过号，或放回排队`;
}

/** Why a queue step cannot be taken, from the ticket's status (INVALID_TICKET_TRANSITION). */
function ticketStepRefusal(detail: Detail): string {
  switch (detail.status) {
    case 'waiting':
      return `${ticketNumber(detail)}还在排队，没有叫到`;
    case 'called':
      return `${ticketNumber(detail)}刚叫号，人到了请先点“开始办理”`;
    case 'serving':
      return `${ticketNumber(detail)}正在办理`;
    case 'done':
      return `${ticketNumber(detail)}已经办完了`;
    case 'missed':
      return `${ticketNumber(detail)}已过号，人来了请点“放回排队”`;
    case 'cancelled':
      return `${ticketNumber(detail)}已作废`;
    default:
      return '排队情况已经变化，请刷新后再看';
  }
}

const CATALOGUE: Record<string, [status: number, message: Message]> = {
  NOT_FOUND: [404, '没有找到您要的页面或内容'],
  CENTER_NOT_FOUND: [404, '没有找到这个便民服务中心，可能已调整，请返回列表重新选择'],
  ITEM_NOT_FOUND: [404, '没有找到这个服务事项，可能已调整，请返回目录重新查找'],
  RECTIFICATION_NOT_FOUND: [404, '没有找到这条整改记录'],
  NOTIFICATION_NOT_FOUND: [404, '没有找到这条消息'],
  NOTIFICATION_NOT_RETRYABLE: [409, '这条消息已经送达或不再需要，不用重发'],
  RECTIFICATION_CLOSED: [409, '这条整改已经办结，不能再改'],
  BUNDLE_NOT_FOUND: [404, '没有找到这件“一件事”，可能已调整，请返回目录重新查找'],
  INVALID_ID: [400, '编号格式不对，请从列表中重新打开'],
  VALIDATION_FAILED: [422, '填写的内容有误，请按提示修改'],
  BAD_JSON: [400, '提交的内容格式不对，请刷新后重试'],
  UNSUPPORTED_MEDIA_TYPE: [415, '提交的内容格式不对，请刷新后重试'],
  PAYLOAD_TOO_LARGE: [413, '提交的内容太大了，请减少后重试'],
  METHOD_NOT_ALLOWED: [405, '不支持这种操作'],
  FORBIDDEN: [403, '您没有权限进行这个操作'],
  CONFLICT: [409, '内容已被修改或重复提交，请刷新后重试'],
  INVALID_INPUT: [400, '填写的内容格式不对，请检查后重试'],
  UNAVAILABLE: [503, '服务暂时繁忙，请稍后再试'],
  INTERNAL: [500, '服务出了点问题，请稍后再试'],
  UNAUTHENTICATED: [401, '请先登录，或登录已过期，请重新登录'],
  ACCOUNT_DISABLED: [403, '这个账号已停用，如有疑问请联系便民服务中心'],
  DEV_LOGIN_DISABLED: [403, '正式环境不能使用演示登录，请用微信登录'],
  APPLICANT_NOT_LINKED: [403, '只能为自己或已同意关联的亲友预约'],
  BOOKING_NOT_FOUND: [404, '没有找到这条预约，请在“我的预约”中查看'],
  ITEM_NOT_OFFERED: [422, '这个中心不办理该事项，请选择其他中心'],
  INVALID_DATE_RANGE: [422, '日期范围不对，请重新选择日期'],
  SLOT_NOT_AVAILABLE: [422, '这个时段不能预约，请重新选择时间'],
  SLOT_FULL: [409, '该时段已约满，请选择其他时段'],
  ALREADY_BOOKED: [409, '您已预约过这个事项，请按时前往，或先取消原来的预约'],
  SLOT_RECENTLY_RELEASED: [409, (d) => `刚取消的时段需要${Number(d.minutes ?? 60)}分钟后才能重新预约，请选择其他时段`],
  WEEKLY_LIMIT_REACHED: [409, (d) => `每人每周最多预约${Number(d.limit ?? 2)}次，请下周再约`],
  MONTHLY_LIMIT_REACHED: [409, (d) => `每人每月最多预约${Number(d.limit ?? 6)}次，请下月再约`],
  BOOKING_RESTRICTED: [
    403,
    (d) => `因多次预约后未到，线上预约暂停到${chineseDate(d.until)}。可请村代办员帮您预约，或直接到中心窗口办理`,
  ],
  CANCEL_TOO_LATE: [409, (d) => `离办理时间不到${Number(d.hours ?? 1)}小时，已不能在线取消或改期，请致电中心`],
  BOOKING_NOT_ACTIVE: [409, '这条预约已结束或已取消，不能再修改'],
  NOT_TODAY: [409, '这条预约不是今天的，不能签到'],
  INVALID_BOOKING_CODE: [422, '预约码不对，请核对后重新输入或扫码'],
  IDEMPOTENCY_KEY_REQUIRED: [400, '请求缺少防重复编号，请更新小程序后重试'],
  IDEMPOTENCY_KEY_REUSED: [422, '重复提交的请求内容不一致，请刷新后重试'],
  // cases (办件) and ratings (好差评)
  BOOKING_NOT_PENDING: [409, '这条预约已签到、办结或取消，不能再确认或拒绝'],
  CASE_NOT_FOUND: [404, '没有找到这个办件，请刷新后重试'],
  TICKET_NOT_FOUND: [404, '今天没有这个号，请核对取号单上的号码'],
  ITEM_REQUIRED: [422, '请选择要办理的事项'],
  NOT_CHECKED_IN: [409, '请先签到再受理'],
  ALREADY_ACCEPTED: [409, '这件事已经受理过了，请在办件里继续办理'],
  INVALID_CASE_TRANSITION: [409, (d) => `这一步现在不能做：${caseStepRefusal(d)}`],
  NOTHING_TO_UNDO: [409, '没有可以撤销的操作：只能撤销自己刚做的上一步'],
  UNDO_EXPIRED: [409, (d) => `已超过${Number(d.minutes ?? 2)}分钟，不能撤销了。如需更正，请继续办理下一步或请负责人处理`],
  UNDO_NOT_POSSIBLE: [409, '群众已经评价，这一步不能撤销了'],
  RATING_NOT_YET: [409, '办结后才能评价'],
  ALREADY_RATED: [409, '您已经评价过了，感谢您的反馈'],
  WECHAT_NOT_CONFIGURED: [503, '微信登录暂未开通，请联系便民服务中心'],
  WECHAT_CODE_INVALID: [400, '登录凭证已失效，请重新打开小程序'],
  WECHAT_PHONE_CODE_INVALID: [400, '获取手机号的授权已失效，请再点一次“获取手机号”'],
  WECHAT_RATE_LIMITED: [429, '操作太频繁，请稍等一分钟再试'],
  WECHAT_USER_BLOCKED: [403, '该微信账号暂时无法登录，请联系微信客服'],
  WECHAT_UNAVAILABLE: [503, '微信服务暂时连不上，请稍后再试'],
  // centre configuration (managers, county admins) and the public staff notice
  WINDOW_NOT_FOUND: [404, '没有找到这个窗口，请刷新后重试'],
  CLOSURE_NOT_FOUND: [404, '没有找到这条停办安排，可能已被删除，请刷新后重试'],
  STAFF_PROFILE_NOT_FOUND: [404, '没有找到这位工作人员，请刷新后重试'],
  PHOTO_NOT_FOUND: [404, '没有这张照片'],
  WINDOW_NUMBER_TAKEN: [409, (d) => `${Number(d.number ?? 0) || ''}号窗口已经有了，请换一个窗口号`],
  HAS_FUTURE_BOOKINGS: [
    409,
    (d) => `还有${Number(d.count ?? 0)}个预约没有办理（最早${chineseDate(d.first)}），请先处理这些预约再改`,
  ],
  CLOSURE_HAS_BOOKINGS: [
    409,
    (d) => `这几天已有${Number(d.count ?? 0)}个预约。确定停办的话，请勾选“取消这些预约并通知群众”后再提交`,
  ],
  INVALID_HOURS: [422, '开放时间不对：开门时间要早于关门时间'],
  HOURS_OVERLAP: [422, '同一天的开放时间段不能重叠'],
  INVALID_SESSION: [422, '时段设置不对：请检查开始结束时间、每段分钟数和号数'],
  SESSIONS_OVERLAP: [422, '同一窗口同一天的时段不能重叠'],
  DATE_IN_PAST: [422, '不能修改已经过去的日子'],
  INVALID_RULES: [422, '每月上限不能小于每周上限'],
  INVALID_PHOTO: [422, '照片只能是200KB以内的 JPG 或 PNG'],
  // staff accounts: password login, administration, WeChat binding
  LOGIN_FAILED: [
    400,
    (d) => `用户名或密码不对，请重新输入${Number(d.remaining) > 0 && Number(d.remaining) <= 3 ? `（再错${Number(d.remaining)}次，账号将暂时锁定）` : ''}`,
  ],
  ACCOUNT_LOCKED: [429, (d) => `密码连续输错次数太多，账号已暂时锁定，请${Number(d.minutes ?? 15)}分钟后再试，或请管理员重置密码`],
  PASSWORD_CHANGE_REQUIRED: [403, '请先修改初始密码，改好后才能使用'],
  WRONG_PASSWORD: [400, '原密码不对，请重新输入'],
  PASSWORD_TOO_WEAK: [422, (d) => passwordAdvice(d.reason)],
  USERNAME_TAKEN: [409, '这个用户名已经有人用了，请换一个'],
  ACCOUNT_NOT_FOUND: [404, '没有找到这个账号，或它不归您管理'],
  INVALID_ROLE: [422, '角色和所在中心不匹配：窗口人员和中心负责人属于一个中心，县管理员不属于中心'],
  CENTER_REQUIRED: [422, '窗口人员和中心负责人要选择所在的中心'],
  CANNOT_CHANGE_OWN_ACCOUNT: [409, '不能重置、停用自己的账号或更改自己的角色，请找其他管理员'],
  COUNTY_NOT_FOUND: [404, '没有这个县：区划代码不对，或这个县还没有加入（命令行请加 --county-name --city --province）'],
  WECHAT_ALREADY_BOUND: [409, '这个微信已经绑定了另一个工作账号。请先在那个账号里解除绑定，或请管理员重置那个账号'],
  WECHAT_NOT_BOUND: [404, '这个微信还没有绑定工作账号，请用用户名和密码登录'],
  // the window staff's queue (叫号)
  // WINDOW_NOT_FOUND: shared with centre configuration (above)
  WINDOW_BUSY: [409, (d) => windowBusy(d)],
  RECALL_LIMIT_REACHED: [409, (d) => `已经叫了${Number(d.limit ?? 3)}次，不能再叫了。人没来请点“过号”`],
  INVALID_TICKET_TRANSITION: [409, (d) => `这一步现在不能做：${ticketStepRefusal(d)}`],
  QUEUE_UNDO_NOT_POSSIBLE: [409, (d) => `${ticketNumber(d)}的情况已经变了，不能撤销，请直接处理`],
  // catalogue administration (county admins) and the spreadsheet import
  ITEM_CODE_TAKEN: [409, (d) => `事项编码“${String(d.code ?? '')}”已被另一个事项使用，请换一个编码`],
  BUNDLE_CODE_TAKEN: [409, (d) => `编码“${String(d.code ?? '')}”已被另一件“一件事”使用，请换一个编码`],
  ITEM_CODES_UNKNOWN: [422, (d) => `没有这些事项编码：${Array.isArray(d.codes) ? d.codes.join('、') : ''}，请核对`],
  DEPARTMENT_NOT_FOUND: [404, '没有找到这个部门，请刷新后重新选择'],
  DEPARTMENT_TAKEN: [409, '已有同样代码或名称的部门，请换一个'],
  ITEM_HAS_FUTURE_BOOKINGS: [
    409,
    (d) => `这个事项还有${Number(d.count ?? 0)}个未到期的预约。停止发布后群众不能再预约，已有的预约仍然有效，确认要停止发布吗？`,
  ],
  IMPORT_FILE_EMPTY: [422, '文件是空的，没有读到表头和内容，请检查后重新选择'],
  IMPORT_FILE_TOO_LARGE: [413, (d) => `文件太大了（最大${Math.round(Number(d.maxBytes ?? 4194304) / 1048576)}MB），请分成几个文件导入`],
  IMPORT_TOO_MANY_ROWS: [413, (d) => `一个文件最多${Number(d.max ?? 5000)}个事项，请分成几个文件导入`],
  IMPORT_FORMAT_UNSUPPORTED: [415, '不支持这种文件：请在 Excel 或 WPS 里“另存为”.xlsx 工作簿或 CSV 文件后再导入'],
  IMPORT_FILE_UNREADABLE: [422, '文件内容无法识别：请确认选的是事项目录的 .xlsx 或 CSV 文件，没有损坏'],
  IMPORT_INVALID: [422, (d) => `文件里有${Number(d.errorCount ?? 0)}处问题，没有导入任何内容。请按提示改正后重新导入`],
};

/** What to change in a new password (PASSWORD_TOO_WEAK, details.reason). */
function passwordAdvice(reason: unknown): string {
  switch (reason) {
    case 'too_short':
      return '密码太短了，至少要8位';
    case 'too_long':
      return '密码太长了，最多64位';
    case 'needs_letters_and_digits':
      return '密码要同时有字母和数字';
    case 'contains_username':
      return '密码里不能有用户名';
    case 'too_common':
      return '这个密码太常见，容易被猜到，请换一个';
    case 'same_as_current':
      return '新密码不能和原来的一样';
    default:
      return '密码不够安全：至少8位，要有字母和数字';
  }
}

export function apiError(code: string, fields?: Record<string, string>, details?: Detail): ApiError {
  const [status, message] = CATALOGUE[code] ?? CATALOGUE.INTERNAL!;
  const text = typeof message === 'function' ? message(details ?? {}) : message;
  return new ApiError(status, CATALOGUE[code] ? code : 'INTERNAL', text, fields, details);
}

export function isKnownErrorCode(code: string): boolean {
  return code in CATALOGUE;
}

/** Map a database error to what the client sees. Unknown ones become INTERNAL (and are logged). */
export function fromDbError(error: DbError): ApiError {
  const state = error.sqlState;
  if (state === 'P0001' && isKnownErrorCode(error.message)) return apiError(error.message, undefined, parseDetail(error.detail));
  if (state === '22P02' || state === '22007' || state === '22008' || state === '22023') return apiError('INVALID_INPUT');
  if (state === '42501') return apiError('FORBIDDEN');
  // a deadlock or serialization failure: nothing was changed, the client may retry
  if (state === '40P01' || state === '40001') return apiError('CONFLICT');
  if (state.startsWith('23')) return apiError('CONFLICT');
  if (state.startsWith('08') || state === '57P01' || state === '57P03' || state === '53300') return apiError('UNAVAILABLE');
  return apiError('INTERNAL');
}

function parseDetail(detail: string | null): Detail | undefined {
  if (!detail) return undefined;
  try {
    const value: unknown = JSON.parse(detail);
    return typeof value === 'object' && value !== null ? (value as Detail) : undefined;
  } catch {
    return undefined;
  }
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof DbError) return fromDbError(error);
  return apiError('INTERNAL');
}
