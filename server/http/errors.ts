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
  ) {
    super(message);
  }
}

const CATALOGUE: Record<string, [status: number, message: string]> = {
  NOT_FOUND: [404, '没有找到您要的页面或内容'],
  CENTER_NOT_FOUND: [404, '没有找到这个便民服务中心，可能已调整，请返回列表重新选择'],
  ITEM_NOT_FOUND: [404, '没有找到这个服务事项，可能已调整，请返回目录重新查找'],
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
};

export function apiError(code: keyof typeof CATALOGUE | string, fields?: Record<string, string>): ApiError {
  const [status, message] = CATALOGUE[code] ?? CATALOGUE.INTERNAL!;
  return new ApiError(status, CATALOGUE[code] ? code : 'INTERNAL', message, fields);
}

export function isKnownErrorCode(code: string): boolean {
  return code in CATALOGUE;
}

/** Map a database error to what the client sees. Unknown ones become INTERNAL (and are logged). */
export function fromDbError(error: DbError): ApiError {
  const state = error.sqlState;
  if (state === 'P0001' && isKnownErrorCode(error.message)) return apiError(error.message);
  if (state === '22P02' || state === '22007' || state === '22008' || state === '22023') return apiError('INVALID_INPUT');
  if (state === '42501') return apiError('FORBIDDEN');
  if (state.startsWith('23')) return apiError('CONFLICT');
  if (state.startsWith('08') || state === '57P01' || state === '57P03' || state === '53300') return apiError('UNAVAILABLE');
  return apiError('INTERNAL');
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof DbError) return fromDbError(error);
  return apiError('INTERNAL');
}
