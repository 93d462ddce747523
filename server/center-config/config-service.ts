// Centre configuration use cases (managers and county admins) and the public staff notice.
// Scope checks, audit rows, slot reconciliation and booking protection are in the SQL functions
// (supabase/schemas/70_center_config.sql; the official calendar is the database's own table,
// app.calendar_days); this module validates and shapes the answers.
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { App } from '../app';
import { shanghaiDate } from '../calendar/shanghai-time';
import type { CenterConfig, ManagedCenterSummary, OnDuty } from '../contract/center-config';
import type { Caller } from '../db/database';
import { apiError } from '../core/errors';
import {
  type centerItemBody,
  type closureBody,
  type createStaffBody,
  type createWindowBody,
  type hoursBody,
  type overrideBody,
  type photoBody,
  rulesColumns,
  type rulesBody,
  type templatesBody,
  type updateStaffBody,
  type updateWindowBody,
} from './config-requests';
import { photoProblem } from './staff-photo';

const iso = (d: Date) => d.toISOString();
const hash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

export function listManagedCenters(app: App, caller: Caller): Promise<{ centers: ManagedCenterSummary[] }> {
  return app.db.rpc('manage_list_centers', {}, caller);
}

export function getConfig(app: App, caller: Caller, centerId: string, now: Date): Promise<CenterConfig> {
  return app.db.rpc('manage_center_config', { p_center: centerId, p_now: iso(now) }, caller);
}

export function setOpeningHours(app: App, caller: Caller, centerId: string, body: z.infer<typeof hoursBody>, now: Date): Promise<CenterConfig> {
  return app.db.rpc('manage_set_opening_hours', { p_center: centerId, p_hours: body.hours, p_now: iso(now) }, caller);
}

export function createWindow(app: App, caller: Caller, centerId: string, body: z.infer<typeof createWindowBody>, key: string, now: Date): Promise<CenterConfig> {
  return app.db.rpc(
    'manage_create_window',
    {
      p_center: centerId, p_number: body.number, p_name: body.name, p_item_ids: body.itemIds, p_now: iso(now),
      p_idempotency_key: key, p_request_hash: hash({ centerId, ...body }),
    },
    caller,
  );
}

export function updateWindow(app: App, caller: Caller, centerId: string, windowId: string, body: z.infer<typeof updateWindowBody>, now: Date): Promise<CenterConfig> {
  return app.db.rpc(
    'manage_update_window',
    {
      p_center: centerId, p_window: windowId, p_name: body.name ?? null, p_active: body.active ?? null,
      p_item_ids: body.itemIds ?? null, p_now: iso(now),
    },
    caller,
  );
}

export function setCenterItem(app: App, caller: Caller, centerId: string, body: z.infer<typeof centerItemBody>, now: Date): Promise<{ itemId: string; enabled: boolean }> {
  return app.db.rpc('manage_set_center_item', { p_center: centerId, p_item: body.itemId, p_enabled: body.enabled, p_now: iso(now) }, caller);
}

export function setTemplates(app: App, caller: Caller, centerId: string, body: z.infer<typeof templatesBody>, now: Date): Promise<CenterConfig> {
  return app.db.rpc(
    'manage_set_templates',
    { p_center: centerId, p_window: body.windowId, p_weekdays: body.weekdays, p_sessions: body.sessions, p_now: iso(now) },
    caller,
  );
}

export function setOverride(app: App, caller: Caller, centerId: string, body: z.infer<typeof overrideBody>, now: Date): Promise<CenterConfig> {
  return app.db.rpc(
    'manage_set_override',
    { p_center: centerId, p_window: body.windowId, p_date: body.date, p_sessions: body.sessions, p_now: iso(now) },
    caller,
  );
}

export function addClosure(app: App, caller: Caller, centerId: string, body: z.infer<typeof closureBody>, now: Date): Promise<CenterConfig> {
  return app.db.rpc(
    'manage_add_closure',
    {
      p_center: centerId, p_from: body.from, p_to: body.to, p_reason: body.reason, p_window: body.windowId ?? null,
      p_cancel_affected: body.cancelAffected ?? false, p_now: iso(now),
    },
    caller,
  );
}

export function removeClosure(app: App, caller: Caller, centerId: string, closureId: string, now: Date): Promise<CenterConfig> {
  return app.db.rpc('manage_remove_closure', { p_center: centerId, p_closure: closureId, p_now: iso(now) }, caller);
}

export function setRules(app: App, caller: Caller, centerId: string, body: z.infer<typeof rulesBody>, now: Date): Promise<CenterConfig> {
  const rules: Record<string, number> = {};
  for (const [field, value] of Object.entries(body)) if (value !== undefined) rules[rulesColumns[field]!] = value;
  return app.db.rpc('manage_set_booking_rules', { p_center: centerId, p_rules: rules, p_now: iso(now) }, caller);
}

export function createStaff(app: App, caller: Caller, centerId: string, body: z.infer<typeof createStaffBody>, key: string, now: Date): Promise<CenterConfig> {
  return app.db.rpc(
    'manage_save_staff_profile',
    {
      p_center: centerId, p_profile: null, p_name: body.name, p_post: body.post, p_duty_weekdays: body.dutyWeekdays,
      p_active: true, p_sort_order: body.sortOrder ?? null, p_now: iso(now), p_idempotency_key: key, p_request_hash: hash({ centerId, ...body }),
    },
    caller,
  );
}

/** Profile fields, consent and today's duty are separate changes, each audited on its own. */
export async function updateStaff(app: App, caller: Caller, centerId: string, profileId: string, body: z.infer<typeof updateStaffBody>, now: Date): Promise<CenterConfig> {
  const { consent, today, ...profile } = body;
  let config: CenterConfig | null = null;
  if (Object.values(profile).some((v) => v !== undefined) || (consent === undefined && today === undefined)) {
    config = await app.db.rpc<CenterConfig>(
      'manage_save_staff_profile',
      {
        p_center: centerId, p_profile: profileId, p_name: profile.name ?? null, p_post: profile.post ?? null,
        p_duty_weekdays: profile.dutyWeekdays ?? null, p_active: profile.active ?? null, p_sort_order: profile.sortOrder ?? null, p_now: iso(now),
      },
      caller,
    );
  }
  if (consent !== undefined) {
    config = await app.db.rpc<CenterConfig>('manage_set_staff_consent', { p_center: centerId, p_profile: profileId, p_consented: consent, p_now: iso(now) }, caller);
  }
  if (today !== undefined) {
    config = await app.db.rpc<CenterConfig>(
      'manage_set_staff_duty_date',
      { p_center: centerId, p_profile: profileId, p_date: shanghaiDate(now), p_on_duty: today, p_now: iso(now) },
      caller,
    );
  }
  return config!;
}

export function setStaffPhoto(app: App, caller: Caller, centerId: string, profileId: string, body: z.infer<typeof photoBody> | null, now: Date): Promise<CenterConfig> {
  if (body) {
    const problem = photoProblem(body.contentType, body.data);
    if (problem) throw apiError('VALIDATION_FAILED', { data: problem });
  }
  return app.db.rpc(
    'manage_set_staff_photo',
    { p_center: centerId, p_profile: profileId, p_type: body?.contentType ?? null, p_data: body?.data ?? null, p_now: iso(now) },
    caller,
  );
}

export function onDuty(app: App, caller: Caller, centerId: string, now: Date): Promise<OnDuty> {
  return app.db.rpc('center_on_duty', { p_center: centerId, p_date: shanghaiDate(now) }, caller);
}

export interface Photo {
  type: string;
  bytes: Buffer;
  etag: string;
}

/** A consented profile's photo, or 404 (no photo, no consent, withdrawn, inactive). */
export async function staffPhoto(app: App, caller: Caller, profileId: string): Promise<Photo> {
  const row = await app.db.rpc<{ type: string; data: string; etag: string } | null>('staff_photo', { p_profile: profileId }, caller);
  if (!row) throw apiError('PHOTO_NOT_FOUND');
  return { type: row.type, bytes: Buffer.from(row.data, 'base64'), etag: `"${row.etag}"` };
}
