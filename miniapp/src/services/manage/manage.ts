// The centre configuration API for managers and county admins (manage subpackage). One call
// per function; all with the login; creating calls carry the action's Idempotency-Key.
import type { CapacitySession, CenterConfig, ManagedCenterSummary, OpeningSession } from '@contract/center-config';
import { getWithLogin, postWithLogin } from '@/platform/send';

const base = (centerId: string) => `/api/manage/centers/${encodeURIComponent(centerId)}`;

export function fetchManagedCenters(): Promise<{ centers: ManagedCenterSummary[] }> {
  return getWithLogin('/api/manage/centers');
}

export function fetchCenterConfig(centerId: string): Promise<CenterConfig> {
  return getWithLogin(base(centerId));
}

export function saveOpeningHours(centerId: string, hours: OpeningSession[]): Promise<CenterConfig> {
  return postWithLogin(`${base(centerId)}/hours`, { hours });
}

export function saveTemplates(centerId: string, windowId: string, weekdays: number[], sessions: CapacitySession[]): Promise<CenterConfig> {
  return postWithLogin(`${base(centerId)}/capacity`, { windowId, weekdays, sessions });
}

export function updateWindow(centerId: string, windowId: string, change: { name?: string; active?: boolean }): Promise<CenterConfig> {
  return postWithLogin(`${base(centerId)}/windows/${encodeURIComponent(windowId)}`, change);
}

export function addClosure(
  centerId: string,
  closure: { from: string; to: string; reason: string; cancelAffected?: boolean },
): Promise<CenterConfig> {
  return postWithLogin(`${base(centerId)}/closures`, closure);
}

export function removeClosure(centerId: string, closureId: string): Promise<CenterConfig> {
  return postWithLogin(`${base(centerId)}/closures/remove`, { closureId });
}

export function saveRules(centerId: string, rules: Record<string, number>): Promise<CenterConfig> {
  return postWithLogin(`${base(centerId)}/rules`, rules);
}

export function createStaff(centerId: string, staff: { name: string; post: string; dutyWeekdays: number[] }, idempotencyKey: string): Promise<CenterConfig> {
  return postWithLogin(`${base(centerId)}/staff`, staff, idempotencyKey);
}

export function updateStaff(
  centerId: string,
  staffId: string,
  change: { consent?: boolean; today?: boolean | null; active?: boolean; dutyWeekdays?: number[] },
): Promise<CenterConfig> {
  return postWithLogin(`${base(centerId)}/staff/${encodeURIComponent(staffId)}`, change);
}

/** The photo on the public notice (a small JPEG, base64); the database checks the bytes again. */
export function uploadStaffPhoto(centerId: string, staffId: string, photo: { contentType: string; base64: string }): Promise<CenterConfig> {
  return postWithLogin(`${base(centerId)}/staff/${encodeURIComponent(staffId)}/photo`, { contentType: photo.contentType, data: photo.base64 });
}
