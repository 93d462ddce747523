// JSON shapes of the centre configuration API (managers and county admins) and of the public
// staff-on-duty notice, shared with the mini-program (type-only imports).

export interface OpeningSession {
  /** ISO 1 = Monday … 7 = Sunday */
  weekday: number;
  /** 'HH:mm' */
  opens: string;
  closes: string;
}

export interface ManagedWindow {
  id: string;
  number: number;
  name: string;
  active: boolean;
  itemIds: string[];
}

export interface ManagedItem {
  id: string;
  code: string;
  name: string;
  department: string;
  /** handled at this centre */
  enabled: boolean;
}

export interface CapacitySession {
  starts: string;
  ends: string;
  slotMinutes: number;
  /** seats per slot, walk-in seats included */
  seats: number;
  /** of those, kept for people who come without booking */
  walkInSeats: number;
}

export interface ManagedTemplate extends CapacitySession {
  id: string;
  windowId: string;
  weekday: number;
  validFrom: string | null;
  validTo: string | null;
}

export interface ManagedOverride extends CapacitySession {
  id: string;
  windowId: string;
  date: string;
}

export interface ManagedClosure {
  id: string;
  date: string;
  /** null = the whole centre */
  windowId: string | null;
  reason: string;
}

/** Booking rules, as stored (snake_case, like the database columns). */
export interface ManagedRules {
  open_days_ahead: number;
  close_hours_before: number;
  cancel_hours_before: number;
  weekly_cap: number;
  monthly_cap: number;
  rebook_block_minutes: number;
  no_show_grace_minutes: number;
  no_show_limit: number;
  no_show_window_days: number;
  restriction_days: number;
}

export interface ManagedStaff {
  id: string;
  name: string;
  post: string;
  active: boolean;
  dutyWeekdays: number[];
  photoUrl: string | null;
  hasPhoto: boolean;
  consentAt: string | null;
  consentWithdrawnAt: string | null;
  /** shown to the public (active, consent given and not withdrawn) */
  public: boolean;
  onDutyToday: boolean;
  /** today's exception to the weekly days (null = none) */
  todayOverride: boolean | null;
}

export interface KeptSlot {
  windowId: string;
  start: string;
  booked: number;
  /** false: the new configuration has no such slot; the booked seats were kept */
  inConfig: boolean;
}

export interface CenterConfig {
  center: { id: string; name: string; kind: 'center' | 'station'; township: string; countyCode: string; active: boolean };
  openingHours: OpeningSession[];
  windows: ManagedWindow[];
  items: ManagedItem[];
  templates: ManagedTemplate[];
  overrides: ManagedOverride[];
  closures: ManagedClosure[];
  rules: ManagedRules;
  staff: ManagedStaff[];
  /** active bookings from now on */
  futureBookings: { count: number; first: string | null };
  /** after a capacity change: future slots brought in line, and those kept for their bookings */
  reconciled?: { slotsUpdated: number; kept: KeptSlot[] };
  /** after a closure with cancelAffected */
  cancelledBookings?: number;
}

export interface ManagedCenterSummary {
  id: string;
  name: string;
  kind: 'center' | 'station';
  township: string;
  active: boolean;
}

/** GET /api/centers/{id}/on-duty — public, consented staff only. */
export interface OnDutyStaff {
  id: string;
  name: string;
  post: string;
  /** relative URL of the photo, or null */
  photoUrl: string | null;
}

export interface OnDuty {
  centerId: string;
  date: string;
  staff: OnDutyStaff[];
}
