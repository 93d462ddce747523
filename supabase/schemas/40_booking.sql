-- 40 Booking: windows and their items, capacity templates, per-date overrides and closures,
-- booking rules, the official working-day calendar, slot generation and availability,
-- materialised slots with their seat counters, bookings with their timeline, idempotency keys,
-- no-show restrictions, reminder consents, and the day's ticket numbering.
--
-- The guarantee: a slot never has more online bookings than its bookable seats. The counter
-- `slots.booked` is changed only by the functions below, under a row lock, and a CHECK
-- constraint refuses any update that would pass the limit, whatever the caller.
--
-- State changes are one function each, atomic. The server passes `p_now` (its clock, read once
-- per request) so rules about time are testable.
--
-- One owner for the slot rules, one transaction per booking:
-- * The official working-day calendar is a table (app.calendar_days), one row per date:
--   statutory holidays, adjusted working weekends (调休), and for years chinese-days has no
--   schedule for, the computed statutory holidays (schedule_known = false). It is filled by the
--   same TypeScript that answers dayStatus() (server/calendar/calendar-table.ts): loaded once at
--   the end of this file (so `db:migrate` and `supabase db push` get it) and upserted again by
--   the seed / `npm start` / the test databases (public.refresh_calendar). A date without a row
--   is "schedule unknown": no slots, never open.
-- * Slot generation lives here, once: app.generate_day_slots (templates, overrides, closures and
--   the calendar → a date's slots) and app.day_availability (plus the booking rules and `now` →
--   open/closed with the reason residents read). Both take the configuration as JSON so the
--   database tests can give them any configuration; app.center_config reads a centre's tables
--   into that JSON. Availability (public.booking_setup), booking (public.book,
--   public.reschedule_booking, app.take_seat) and the centre configuration's reconciliation
--   (app.config_sessions) all use them.
-- * book() and reschedule_booking() validate the start, look up / claim the idempotency key and
--   take the seat in one call: one round trip, one transaction per booking.

create table public.windows (
  id uuid primary key default extensions.gen_random_uuid(),
  center_id uuid not null references public.centers (id) on delete cascade,
  number smallint not null check (number between 1 and 99),
  name text not null check (length(name) between 1 and 40),
  active boolean not null default true,
  unique (center_id, number),
  unique (id, center_id)
);

-- Which items a window serves (only items its centre offers).
create table public.window_items (
  center_id uuid not null,
  window_id uuid not null,
  item_id uuid not null,
  primary key (window_id, item_id),
  foreign key (window_id, center_id) references public.windows (id, center_id) on delete cascade,
  foreign key (center_id, item_id) references public.center_items (center_id, item_id) on delete cascade
);

create index window_items_center_item_idx on public.window_items (center_id, item_id);

create table public.capacity_templates (
  id uuid primary key default extensions.gen_random_uuid(),
  center_id uuid not null,
  window_id uuid not null,
  weekday smallint not null check (weekday between 1 and 7),
  starts time not null,
  ends time not null,
  slot_minutes smallint not null check (slot_minutes between 10 and 240),
  seats smallint not null check (seats between 0 and 500),
  walk_in_seats smallint not null default 0,
  valid_from date,
  valid_to date,
  foreign key (window_id, center_id) references public.windows (id, center_id) on delete cascade,
  check (starts < ends),
  check (walk_in_seats between 0 and seats),
  check (valid_from is null or valid_to is null or valid_from <= valid_to)
);

create index capacity_templates_center_idx on public.capacity_templates (center_id, weekday);

-- Replaces a window's templates on one date (extra sessions before Spring Festival, …).
create table public.capacity_overrides (
  id uuid primary key default extensions.gen_random_uuid(),
  center_id uuid not null,
  window_id uuid not null,
  date date not null,
  starts time not null,
  ends time not null,
  slot_minutes smallint not null check (slot_minutes between 10 and 240),
  seats smallint not null check (seats between 0 and 500),
  walk_in_seats smallint not null default 0,
  foreign key (window_id, center_id) references public.windows (id, center_id) on delete cascade,
  check (starts < ends),
  check (walk_in_seats between 0 and seats)
);

create index capacity_overrides_center_date_idx on public.capacity_overrides (center_id, date);

-- A centre (window_id null) or one window closed on a date, with the reason residents see.
create table public.closures (
  id uuid primary key default extensions.gen_random_uuid(),
  center_id uuid not null references public.centers (id) on delete cascade,
  window_id uuid references public.windows (id) on delete cascade,
  date date not null,
  reason text not null check (length(reason) between 2 and 100),
  created_at timestamptz not null default now()
);

create unique index closures_one_per_day on public.closures
  (center_id, coalesce(window_id, '00000000-0000-0000-0000-000000000000'::uuid), date);

-- Per-centre booking rules; a centre without a row uses the defaults (see app.booking_rules).
create table public.booking_rules (
  center_id uuid primary key references public.centers (id) on delete cascade,
  open_days_ahead smallint not null default 14 check (open_days_ahead between 1 and 90),
  close_hours_before smallint not null default 1 check (close_hours_before between 0 and 72),
  cancel_hours_before smallint not null default 1 check (cancel_hours_before between 0 and 72),
  weekly_cap smallint not null default 2 check (weekly_cap between 1 and 50),
  monthly_cap smallint not null default 6 check (monthly_cap between 1 and 200),
  rebook_block_minutes smallint not null default 60 check (rebook_block_minutes between 0 and 10080),
  no_show_grace_minutes smallint not null default 15 check (no_show_grace_minutes between 0 and 240),
  no_show_limit smallint not null default 3 check (no_show_limit between 1 and 20),
  no_show_window_days smallint not null default 90 check (no_show_window_days between 1 and 365),
  restriction_days smallint not null default 30 check (restriction_days between 1 and 365)
);

create or replace function app.booking_rules(p_center uuid) returns public.booking_rules
language sql stable security definer
set search_path = ''
as $$
  select coalesce(
    (select r from public.booking_rules r where r.center_id = p_center),
    row(p_center, 14, 1, 1, 2, 6, 60, 15, 3, 90, 30)::public.booking_rules)
$$;
grant execute on function app.booking_rules(p_center uuid) to anon, authenticated, service_role;

-- Slots are materialised from the templates on first use (by the booking functions), so
-- their seat counts are fixed once and the counter has a row to lock.
create table public.slots (
  id uuid primary key default extensions.gen_random_uuid(),
  center_id uuid not null,
  window_id uuid not null,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  seats smallint not null check (seats >= 0),
  walk_in_seats smallint not null default 0,
  booked smallint not null default 0,
  foreign key (window_id, center_id) references public.windows (id, center_id) on delete cascade,
  unique (window_id, starts_at),
  check (starts_at < ends_at),
  check (walk_in_seats between 0 and seats),
  -- never more online bookings than bookable seats
  check (booked >= 0 and booked <= seats - walk_in_seats)
);

create index slots_center_starts_idx on public.slots (center_id, starts_at);

create type public.booking_status as enum (
  'booked',      -- 已预约，待确认
  'confirmed',   -- 已确认
  'checked_in',  -- 已签到
  'completed',   -- 已办结
  'cancelled',   -- 已取消
  'declined',    -- 未通过（中心拒绝，附原因）
  'no_show'      -- 爽约
);

create table public.bookings (
  id uuid primary key default extensions.gen_random_uuid(),
  code text not null unique check (code ~ '^[2-9A-HJ-NP-Z]{8}$'),
  center_id uuid not null references public.centers (id),
  item_id uuid not null references public.service_items (id),
  window_id uuid not null references public.windows (id),
  slot_id uuid not null references public.slots (id),
  slot_starts_at timestamptz not null,
  slot_ends_at timestamptz not null,
  applicant_id uuid not null references public.persons (id),
  booked_by uuid not null references public.users (id),
  booked_via text not null check (booked_via in ('self', 'family', 'agent', 'staff')),
  status public.booking_status not null default 'booked',
  note text check (length(note) <= 200),
  status_reason text check (length(status_reason) <= 200),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  cancelled_at timestamptz,
  checked_in_at timestamptz
);

-- one active booking per applicant per item
create unique index bookings_one_active_per_item on public.bookings (applicant_id, item_id)
  where status in ('booked', 'confirmed', 'checked_in');
create index bookings_applicant_idx on public.bookings (applicant_id, slot_starts_at);
create index bookings_booked_by_idx on public.bookings (booked_by, slot_starts_at);
create index bookings_center_starts_idx on public.bookings (center_id, slot_starts_at);
create index bookings_slot_idx on public.bookings (slot_id);
create index bookings_open_ends_idx on public.bookings (slot_ends_at) where status in ('booked', 'confirmed');

-- The booking's timeline (what the resident sees happen, with who did it). It carries case
-- steps too (60_cases.sql adds the foreign key to public.cases): a walk-in case has no booking,
-- its events have only a case. Calls and missed turns of the queue appear here as well:
-- 已叫号 (called), 过号 (missed), 重新排队 (requeued).
create table public.booking_events (
  id bigint generated always as identity primary key,
  booking_id uuid references public.bookings (id) on delete cascade,
  at timestamptz not null,
  kind text not null check (kind in (
    'booked', 'rescheduled', 'cancelled', 'confirmed', 'declined', 'checked_in', 'no_show',
    'accepted', 'needs_supplement', 'supplemented', 'forwarded', 'completed', 'rejected', 'rated',
    'called', 'missed', 'requeued')),
  actor_id uuid references public.users (id),
  data jsonb not null default '{}'::jsonb,
  case_id uuid,
  -- the case as it was before this step, to undo it
  undo_state jsonb,
  undone_at timestamptz,
  undone_by uuid references public.users (id),
  constraint booking_events_subject_check check (booking_id is not null or case_id is not null),
  constraint booking_events_undone_check check ((undone_at is null) = (undone_by is null))
);

create index booking_events_booking_idx on public.booking_events (booking_id, at);
create index booking_events_case_idx on public.booking_events (case_id, id) where case_id is not null;

-- The first answer to each (user, Idempotency-Key): a retried request gets it again.
create table public.idempotency_keys (
  user_id uuid not null references public.users (id) on delete cascade,
  key text not null check (length(key) between 8 and 100),
  operation text not null,
  request_hash text not null,
  response jsonb,
  created_at timestamptz not null,
  primary key (user_id, key)
);

-- Online booking blocked after repeated no-shows (not for agents or staff booking for someone).
create table public.booking_restrictions (
  id uuid primary key default extensions.gen_random_uuid(),
  person_id uuid not null references public.persons (id) on delete cascade,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  reason text not null,
  check (starts_at < ends_at)
);

create index booking_restrictions_person_idx on public.booking_restrictions (person_id, ends_at);

-- Row-level security. Residents read their own and their linked people's bookings; staff their
-- centre's; admins their county's. Nothing is writable directly: changes go through functions.
alter table public.windows enable row level security;
alter table public.window_items enable row level security;
alter table public.capacity_templates enable row level security;
alter table public.capacity_overrides enable row level security;
alter table public.closures enable row level security;
alter table public.booking_rules enable row level security;
alter table public.slots enable row level security;
alter table public.bookings enable row level security;
alter table public.booking_events enable row level security;
alter table public.idempotency_keys enable row level security;
alter table public.booking_restrictions enable row level security;

-- capacity set-up and seat counts are public (availability is shown before login)
create policy windows_read on public.windows for select to anon, authenticated using (active);
create policy window_items_read on public.window_items for select to anon, authenticated using (true);
create policy templates_read on public.capacity_templates for select to anon, authenticated using (true);
create policy overrides_read on public.capacity_overrides for select to anon, authenticated using (true);
create policy closures_read on public.closures for select to anon, authenticated using (true);
create policy rules_read on public.booking_rules for select to anon, authenticated using (true);
create policy slots_read on public.slots for select to anon, authenticated using (true);

create or replace function app.can_see_center(p_center uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select p_center = app.staff_center_id()
      or exists (select 1 from public.centers c where c.id = p_center and c.county_code = app.admin_county())
$$;
grant execute on function app.can_see_center(p_center uuid) to anon, authenticated, service_role;

-- Row-level security that stays fast on a year of history: a policy that called
-- app.current_account() / app.can_see_center() for every row made a resident's "my bookings"
-- scan the whole table (bench/availability.ts: over 10 s on 436k bookings). Wrapping each
-- helper in a scalar sub-select makes PostgreSQL evaluate it once per query (an InitPlan), and
-- the predicates name what the booked_by / applicant_id / centre indexes can serve.
-- (app.current_account() is null for a deactivated account: it then sees nothing.)
create policy bookings_read on public.bookings for select to authenticated using (
  booked_by = (select (app.current_account()).id)
  or applicant_id in (select app.my_person_ids())
  or center_id = (select app.staff_center_id())
  or center_id in (select app.admin_center_ids())
);


create policy restrictions_read on public.booking_restrictions for select to authenticated using (
  person_id in (select app.my_person_ids())
);

revoke all on public.windows, public.window_items, public.capacity_templates,
  public.capacity_overrides, public.closures, public.booking_rules, public.slots, public.bookings,
  public.booking_events, public.idempotency_keys, public.booking_restrictions from anon,
  authenticated;
grant select on public.windows, public.window_items, public.capacity_templates,
  public.capacity_overrides, public.closures, public.booking_rules, public.slots to anon,
  authenticated;
grant select on public.bookings, public.booking_events, public.booking_restrictions to
  authenticated;
grant all on public.windows, public.window_items, public.capacity_templates,
  public.capacity_overrides, public.closures, public.booking_rules, public.slots, public.bookings,
  public.booking_events, public.idempotency_keys, public.booking_restrictions to service_role;

create or replace function app.new_booking_code() returns text
language plpgsql volatile
set search_path = ''
as $$
declare
  v_alphabet constant text := '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  v_bytes bytea := extensions.gen_random_bytes(8);
  v_code text := '';
begin
  for i in 0..7 loop
    v_code := v_code || substr(v_alphabet, (get_byte(v_bytes, i) % 32) + 1, 1);
  end loop;
  return v_code;
end
$$;

create or replace function app.booking_json(p_booking public.bookings) returns jsonb
language sql stable security definer
set search_path = ''
as $$
  select jsonb_build_object(
    'id', p_booking.id,
    'code', p_booking.code,
    'status', p_booking.status,
    'slotStart', app.iso_shanghai(p_booking.slot_starts_at),
    'slotEnd', app.iso_shanghai(p_booking.slot_ends_at),
    'centerId', p_booking.center_id,
    'centerName', c.name,
    'itemId', p_booking.item_id,
    'itemName', i.name,
    'windowName', w.name,
    'applicant', jsonb_build_object('id', p.id, 'name', p.full_name),
    'bookedVia', p_booking.booked_via,
    'statusReason', p_booking.status_reason,
    'createdAt', app.iso_shanghai(p_booking.created_at),
    'cancelledAt', app.iso_shanghai(p_booking.cancelled_at),
    'checkedInAt', app.iso_shanghai(p_booking.checked_in_at))
  from public.centers c, public.service_items i, public.windows w, public.persons p
  where c.id = p_booking.center_id and i.id = p_booking.item_id
    and w.id = p_booking.window_id and p.id = p_booking.applicant_id
$$;
grant execute on function app.booking_json(p_booking bookings) to authenticated, service_role;

-- Append one entry to the timeline (booking_events): what happened to a booking or its case,
-- when, and who did it. Case steps name the case (p_case) and keep the case as it was before
-- (p_undo_state) so the step can be undone. (mark_no_shows appends its rows in one statement.)
create or replace function app.append_booking_event(
  p_booking uuid,
  p_at timestamptz,
  p_kind text,
  p_actor uuid,
  p_data jsonb default '{}'::jsonb,
  p_case uuid default null,
  p_undo_state jsonb default null
) returns void
language sql
set search_path = ''
as $$
  insert into public.booking_events (booking_id, case_id, at, kind, actor_id, data, undo_state)
  values (p_booking, p_case, p_at, p_kind, p_actor, p_data, p_undo_state)
$$;

-- ---------------------------------------------------------------------------------------
-- Availability: one call, the public read the mini-program calls: the days of a centre and
-- item between two dates, each with its slots and whether it is open (and why not).
create or replace function public.booking_setup(p_center uuid, p_item uuid, p_from date, p_to date, p_now timestamptz)
returns jsonb
language plpgsql stable security definer
set search_path = ''
as $$
begin
  if not exists (select 1 from public.centers c where c.id = p_center and c.active) then
    perform app.raise('CENTER_NOT_FOUND');
  end if;
  if not exists (select 1 from public.service_items i where i.id = p_item and i.published) then
    perform app.raise('ITEM_NOT_FOUND');
  end if;
  if p_to < p_from or p_to - p_from > 62 then
    perform app.raise('INVALID_DATE_RANGE');
  end if;
  if not exists (select 1 from public.center_items ci where ci.center_id = p_center and ci.item_id = p_item) then
    return jsonb_build_object('offered', false);
  end if;
  return jsonb_build_object('offered', true) || app.center_availability(p_center, p_item, p_from, p_to, p_now);
end
$$;
grant execute on function public.booking_setup(p_center uuid, p_item uuid, p_from date, p_to date, p_now timestamp with time zone) to anon, authenticated, service_role;

-- ---------------------------------------------------------------------------------------
-- Idempotency: the first answer to each (user, Idempotency-Key) is kept; a retried request gets
-- it again. A function that changes something claims the key first and stores its answer last:
--   v_replay := app.claim_idempotency_key(p_idempotency_key, '<operation>', p_request_hash, p_now);
--   if v_replay is not null then return v_replay; end if;
--   …
--   return app.remember_response(p_idempotency_key, <answer>);
-- (the early return is each function's own: PL/pgSQL cannot return from its caller). book() and
-- reschedule_booking() also look the answer up before checking anything (app.stored_response),
-- so a retry gets its answer even when the slot has closed since.

-- The stored answer for the caller's key (null when the key is new, or none was given); the key
-- used for another operation or another request is IDEMPOTENCY_KEY_REUSED.
create or replace function app.stored_response(p_key text, p_operation text, p_hash text) returns jsonb
language plpgsql stable
set search_path = ''
as $$
declare
  v_row public.idempotency_keys;
begin
  if p_key is null or app.uid() is null then
    return null;
  end if;
  select * into v_row from public.idempotency_keys k where k.user_id = app.uid() and k.key = p_key;
  if not found then
    return null;
  end if;
  if v_row.operation <> p_operation or v_row.request_hash <> p_hash then
    perform app.raise('IDEMPOTENCY_KEY_REUSED');
  end if;
  return v_row.response;
end
$$;

-- Claim an idempotency key for the caller. Returns the stored answer when this is a retry;
-- null when the key is new (the caller then stores its answer with app.remember_response).
-- A concurrent retry waits on the first one's row and then sees its answer.
create or replace function app.claim_idempotency_key(p_key text, p_operation text, p_hash text, p_now timestamptz)
returns jsonb
language plpgsql
set search_path = ''
as $$
begin
  if p_key is null then
    return null;
  end if;
  insert into public.idempotency_keys (user_id, key, operation, request_hash, created_at)
  values (app.uid(), p_key, p_operation, p_hash, p_now)
  on conflict do nothing;
  if found then
    return null;
  end if;
  return app.stored_response(p_key, p_operation, p_hash);
end
$$;

-- A retry's stored answer, looked up before any other work (null when the key is new): for the
-- server, which answers a retry without calling the changing function again.
create or replace function public.idempotent_response(p_key text, p_operation text, p_hash text) returns jsonb
language plpgsql stable security definer
set search_path = ''
as $$
begin
  return app.stored_response(p_key, p_operation, p_hash);
end
$$;
grant execute on function public.idempotent_response(p_key text, p_operation text, p_hash text) to authenticated;

-- Store the answer to the caller's claimed key (a no-op without a key) and return it.
create or replace function app.remember_response(p_key text, p_response jsonb) returns jsonb
language sql
set search_path = ''
as $$
  update public.idempotency_keys set response = p_response where user_id = app.uid() and key = p_key;
  select p_response;
$$;

-- ---------------------------------------------------------------------------------------
-- Seat-taking: the candidates are what the configuration generates now (under the shared
-- per-centre config lock), materialised once, locked for update in id order; the one with
-- the most free seats gets booked + 1. Null when all are full. p_candidates (what the server
-- used to compute) is ignored: the configuration decides; the argument stays for callers of the
-- old signature.
create or replace function app.take_seat(p_center uuid, p_item uuid, p_start timestamptz, p_candidates jsonb)
returns public.slots
language plpgsql
set search_path = ''
as $$
declare
  v_slot public.slots;
  v_windows uuid[];
begin
  perform app.lock_center_config(p_center, false);
  with candidates as (
    select g.window_id, g.starts_at, g.ends_at, g.seats, g.walk_in_seats
    from app.center_day_slots(p_center, p_item, null, (p_start at time zone 'Asia/Shanghai')::date) g
    where g.starts_at = p_start and g.seats - g.walk_in_seats > 0
  ), materialised as (
    insert into public.slots (center_id, window_id, starts_at, ends_at, seats, walk_in_seats)
    select p_center, c.window_id, c.starts_at, c.ends_at, c.seats, c.walk_in_seats from candidates c
    on conflict (window_id, starts_at) do nothing
  )
  select array_agg(c.window_id) into v_windows from candidates c;
  if v_windows is null then
    perform app.raise('SLOT_NOT_AVAILABLE');
  end if;

  perform 1 from public.slots s
  where s.center_id = p_center and s.starts_at = p_start and s.window_id = any (v_windows)
  order by s.id
  for update of s;

  select s.* into v_slot from public.slots s
  where s.center_id = p_center and s.starts_at = p_start and s.window_id = any (v_windows)
    and s.booked < s.seats - s.walk_in_seats
  order by s.seats - s.walk_in_seats - s.booked desc, s.id
  limit 1;
  if not found then
    return null;
  end if;
  update public.slots set booked = booked + 1 where id = v_slot.id returning * into v_slot;
  return v_slot;
end
$$;

-- Caps per ISO week and per month (Shanghai), counting every booking that was not
-- cancelled or declined; `p_except` leaves out the booking being rescheduled.
create or replace function app.check_booking_caps(p_applicant uuid, p_start timestamptz, p_rules public.booking_rules, p_except uuid)
returns void
language plpgsql
set search_path = ''
as $$
declare
  v_local timestamp := p_start at time zone 'Asia/Shanghai';
  v_week int;
  v_month int;
begin
  select
    count(*) filter (where date_trunc('week', b.slot_starts_at at time zone 'Asia/Shanghai') = date_trunc('week', v_local)),
    count(*) filter (where date_trunc('month', b.slot_starts_at at time zone 'Asia/Shanghai') = date_trunc('month', v_local))
  into v_week, v_month
  from public.bookings b
  where b.applicant_id = p_applicant
    and b.status not in ('cancelled', 'declined')
    and b.id is distinct from p_except
    and b.slot_starts_at >= date_trunc('month', v_local) at time zone 'Asia/Shanghai' - interval '7 days'
    and b.slot_starts_at < date_trunc('month', v_local) at time zone 'Asia/Shanghai' + interval '1 month 7 days';
  if v_week >= p_rules.weekly_cap then
    perform app.raise('WEEKLY_LIMIT_REACHED', jsonb_build_object('limit', p_rules.weekly_cap));
  end if;
  if v_month >= p_rules.monthly_cap then
    perform app.raise('MONTHLY_LIMIT_REACHED', jsonb_build_object('limit', p_rules.monthly_cap));
  end if;
end
$$;

-- BOOKING_RESTRICTED (until when, why) while the person's no-show restriction runs.
create or replace function app.check_not_restricted(p_person uuid, p_now timestamptz) returns void
language plpgsql stable
set search_path = ''
as $$
declare
  v_restriction public.booking_restrictions;
begin
  select * into v_restriction from public.booking_restrictions r
  where r.person_id = p_person and r.starts_at <= p_now and r.ends_at > p_now
  order by r.ends_at desc limit 1;
  if found then
    perform app.raise('BOOKING_RESTRICTED', jsonb_build_object('until', app.iso_shanghai(v_restriction.ends_at), 'reason', v_restriction.reason));
  end if;
end
$$;

-- ---------------------------------------------------------------------------------------
-- book(): one call, one transaction. A retry gets the first answer (even if the slot has
-- closed since); then the start is checked against the generated slots (SLOT_NOT_AVAILABLE
-- with the day's reason), the key claimed, then the booking rules and the seat. Lock order:
-- the applicant's person row, the centre's config lock (shared), the slot rows in id order.
create or replace function public.book(
  p_center uuid,
  p_item uuid,
  p_slot_start timestamptz,
  p_now timestamptz,
  p_applicant uuid default null,
  p_idempotency_key text default null,
  p_request_hash text default '',
  p_note text default null
) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  v_user public.users;
  v_replay jsonb;
  v_applicant uuid;
  v_relation text;
  v_via text;
  v_rules public.booking_rules;
  v_slot public.slots;
  v_booking public.bookings;
  v_result jsonb;
begin
  v_replay := app.stored_response(p_idempotency_key, 'book', p_request_hash);
  if v_replay is not null then
    return v_replay;
  end if;
  v_user := app.require_account();
  perform app.check_bookable_start(p_center, p_item, p_slot_start, p_now);
  v_replay := app.claim_idempotency_key(p_idempotency_key, 'book', p_request_hash, p_now);
  if v_replay is not null then
    return v_replay;
  end if;
  v_rules := app.booking_rules(p_center);

  -- who the booking is for, and by what right
  if p_applicant is null then
    select l.person_id, l.relation into v_applicant, v_relation
    from public.person_links l where l.user_id = v_user.id and l.relation = 'self';
  else
    select l.person_id, l.relation into v_applicant, v_relation
    from public.person_links l
    where l.user_id = v_user.id and l.person_id = p_applicant and l.consented_at is not null;
  end if;
  if v_applicant is null then
    perform app.raise('APPLICANT_NOT_LINKED');
  end if;
  v_via := case v_relation when 'self' then 'self' when 'family' then 'family' else 'agent' end;
  if v_user.app_role in ('staff', 'manager') then
    v_via := 'staff';
  end if;
  -- one booking at a time per applicant: caps and duplicates are then race-free
  perform 1 from public.persons p where p.id = v_applicant for update;

  if p_slot_start <= p_now + make_interval(hours => v_rules.close_hours_before) then
    perform app.raise('SLOT_NOT_AVAILABLE');
  end if;

  if v_via in ('self', 'family') then
    perform app.check_not_restricted(v_applicant, p_now);
  end if;

  if exists (
    select 1 from public.bookings b
    where b.applicant_id = v_applicant and b.item_id = p_item and b.status in ('booked', 'confirmed', 'checked_in')) then
    perform app.raise('ALREADY_BOOKED');
  end if;
  if exists (
    select 1 from public.bookings b
    where b.applicant_id = v_applicant and b.center_id = p_center and b.slot_starts_at = p_slot_start
      and b.status = 'cancelled'
      and b.cancelled_at > p_now - make_interval(mins => v_rules.rebook_block_minutes)) then
    perform app.raise('SLOT_RECENTLY_RELEASED', jsonb_build_object('minutes', v_rules.rebook_block_minutes));
  end if;
  perform app.check_booking_caps(v_applicant, p_slot_start, v_rules, null);

  v_slot := app.take_seat(p_center, p_item, p_slot_start, null);
  if v_slot.id is null then
    perform app.raise('SLOT_FULL');
  end if;

  loop
    begin
      insert into public.bookings (code, center_id, item_id, window_id, slot_id, slot_starts_at, slot_ends_at,
        applicant_id, booked_by, booked_via, note, created_at, updated_at)
      values (app.new_booking_code(), p_center, p_item, v_slot.window_id, v_slot.id, v_slot.starts_at, v_slot.ends_at,
        v_applicant, v_user.id, v_via, nullif(trim(p_note), ''), p_now, p_now)
      returning * into v_booking;
      exit;
    exception when unique_violation then
      -- a code collision (1 in 10^12): draw again; any other unique violation is re-raised
      if sqlerrm not like '%bookings_code_key%' then
        raise;
      end if;
    end;
  end loop;
  perform app.append_booking_event(v_booking.id, p_now, 'booked', v_user.id);

  v_result := app.booking_json(v_booking);
  return app.remember_response(p_idempotency_key, v_result);
end
$$;
grant execute on function public.book(p_center uuid, p_item uuid, p_slot_start timestamp with time zone, p_now timestamp with time zone, p_applicant uuid, p_idempotency_key text, p_request_hash text, p_note text) to authenticated;

-- The booking the caller may change (their own or a linked person's), locked.
create or replace function app.lock_own_booking(p_booking uuid) returns public.bookings
language plpgsql
set search_path = ''
as $$
declare
  v_booking public.bookings;
begin
  select * into v_booking from public.bookings b where b.id = p_booking for update;
  if not found or not (v_booking.booked_by = app.uid() or v_booking.applicant_id in (select app.my_person_ids())) then
    perform app.raise('BOOKING_NOT_FOUND');
  end if;
  return v_booking;
end
$$;

-- Cancel a booking (app.lock_own_booking decides whose); its cut-off is the shared rule
-- app.can_still_cancel. Cancelling twice is not an error.
create or replace function public.cancel_booking(
  p_booking uuid,
  p_now timestamptz,
  p_reason text default null,
  p_idempotency_key text default null,
  p_request_hash text default ''
) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  v_replay jsonb;
  v_booking public.bookings;
  v_rules public.booking_rules;
begin
  perform app.require_account();
  v_replay := app.claim_idempotency_key(p_idempotency_key, 'cancel', p_request_hash, p_now);
  if v_replay is not null then
    return v_replay;
  end if;
  v_booking := app.lock_own_booking(p_booking);
  if v_booking.status = 'cancelled' then
    -- cancelling twice is not an error: the result is the same
    return app.remember_response(p_idempotency_key, app.booking_json(v_booking));
  end if;
  if v_booking.status not in ('booked', 'confirmed') then
    perform app.raise('BOOKING_NOT_ACTIVE');
  end if;
  v_rules := app.booking_rules(v_booking.center_id);
  if not app.can_still_cancel(v_booking.slot_starts_at, p_now, v_rules.cancel_hours_before) then
    perform app.raise('CANCEL_TOO_LATE', jsonb_build_object('hours', v_rules.cancel_hours_before));
  end if;

  update public.slots set booked = booked - 1 where id = v_booking.slot_id;
  update public.bookings
  set status = 'cancelled', cancelled_at = p_now, updated_at = p_now, status_reason = nullif(trim(p_reason), '')
  where id = v_booking.id
  returning * into v_booking;
  perform app.append_booking_event(v_booking.id, p_now, 'cancelled', app.uid(),
                                   jsonb_strip_nulls(jsonb_build_object('reason', nullif(trim(p_reason), ''))));
  return app.remember_response(p_idempotency_key, app.booking_json(v_booking));
end
$$;
grant execute on function public.cancel_booking(p_booking uuid, p_now timestamp with time zone, p_reason text, p_idempotency_key text, p_request_hash text) to authenticated;

-- Move a booking to another start time, in one call: the start is checked against the
-- generated slots of the booking's centre and item; the old seat is released only if the new
-- one is taken. Lock order: the booking, the person row, the config lock, the slot rows.
create or replace function public.reschedule_booking(
  p_booking uuid,
  p_slot_start timestamptz,
  p_now timestamptz,
  p_idempotency_key text default null,
  p_request_hash text default ''
) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  v_replay jsonb;
  v_booking public.bookings;
  v_old public.bookings;
  v_rules public.booking_rules;
  v_slot public.slots;
begin
  v_replay := app.stored_response(p_idempotency_key, 'reschedule', p_request_hash);
  if v_replay is not null then
    return v_replay;
  end if;
  perform app.require_account();
  select * into v_booking from public.bookings b where b.id = p_booking;
  if not found or not (v_booking.booked_by = app.uid() or v_booking.applicant_id in (select app.my_person_ids())) then
    perform app.raise('BOOKING_NOT_FOUND');
  end if;
  perform app.check_bookable_start(v_booking.center_id, v_booking.item_id, p_slot_start, p_now);
  v_replay := app.claim_idempotency_key(p_idempotency_key, 'reschedule', p_request_hash, p_now);
  if v_replay is not null then
    return v_replay;
  end if;
  v_booking := app.lock_own_booking(p_booking);
  if v_booking.status not in ('booked', 'confirmed') then
    perform app.raise('BOOKING_NOT_ACTIVE');
  end if;
  -- the same per-person serialisation as book(): caps are checked one request at a time
  perform 1 from public.persons p where p.id = v_booking.applicant_id for update;
  v_rules := app.booking_rules(v_booking.center_id);
  if not app.can_still_cancel(v_booking.slot_starts_at, p_now, v_rules.cancel_hours_before) then
    perform app.raise('CANCEL_TOO_LATE', jsonb_build_object('hours', v_rules.cancel_hours_before));
  end if;
  if v_booking.booked_via in ('self', 'family') then
    perform app.check_not_restricted(v_booking.applicant_id, p_now);
  end if;
  if exists (
    select 1 from public.bookings b
    where b.applicant_id = v_booking.applicant_id and b.center_id = v_booking.center_id and b.slot_starts_at = p_slot_start
      and b.status = 'cancelled'
      and b.cancelled_at > p_now - make_interval(mins => v_rules.rebook_block_minutes)) then
    perform app.raise('SLOT_RECENTLY_RELEASED', jsonb_build_object('minutes', v_rules.rebook_block_minutes));
  end if;
  if p_slot_start = v_booking.slot_starts_at then
    return app.remember_response(p_idempotency_key, app.booking_json(v_booking));
  end if;
  if p_slot_start <= p_now + make_interval(hours => v_rules.close_hours_before) then
    perform app.raise('SLOT_NOT_AVAILABLE');
  end if;
  perform app.check_booking_caps(v_booking.applicant_id, p_slot_start, v_rules, v_booking.id);

  v_slot := app.take_seat(v_booking.center_id, v_booking.item_id, p_slot_start, null);
  if v_slot.id is null then
    perform app.raise('SLOT_FULL');
  end if;
  v_old := v_booking;
  update public.slots set booked = booked - 1 where id = v_old.slot_id;
  update public.bookings
  set slot_id = v_slot.id, window_id = v_slot.window_id, slot_starts_at = v_slot.starts_at,
      slot_ends_at = v_slot.ends_at, status = 'booked', updated_at = p_now
  where id = v_booking.id
  returning * into v_booking;
  perform app.append_booking_event(v_booking.id, p_now, 'rescheduled', app.uid(),
          jsonb_build_object('from', app.iso_shanghai(v_old.slot_starts_at), 'to', app.iso_shanghai(v_booking.slot_starts_at)));
  return app.remember_response(p_idempotency_key, app.booking_json(v_booking));
end
$$;
grant execute on function public.reschedule_booking(p_booking uuid, p_slot_start timestamp with time zone, p_now timestamp with time zone, p_idempotency_key text, p_request_hash text) to authenticated;

-- My bookings: refused (not an empty list) for an account that is not active, so a stopped
-- account or one that must change its password is told so, like on every other route.
create or replace function public.list_my_bookings() returns jsonb
language plpgsql stable
set search_path = ''
as $$
begin
  perform app.require_account();
  return (
    select jsonb_build_object('bookings', coalesce(jsonb_agg(app.booking_json(b) order by b.slot_starts_at desc), '[]'::jsonb))
    from (
      select x.* from public.bookings x where x.booked_by = (select (app.current_account()).id)
      union
      select x.* from public.bookings x join app.my_person_ids() as p(id) on x.applicant_id = p.id
    ) b);
end
$$;
grant execute on function public.list_my_bookings() to authenticated;

-- Staff check a booking code: only bookings of their own centre (admins: their county).
create or replace function public.verify_booking(p_code text) returns jsonb
language plpgsql stable
set search_path = ''
as $$
declare
  v_booking public.bookings;
begin
  if app.staff_center_id() is null and app.admin_county() is null then
    perform app.raise('FORBIDDEN');
  end if;
  select * into v_booking from public.bookings b where b.code = upper(trim(p_code));
  if not found then
    perform app.raise('BOOKING_NOT_FOUND');
  end if;
  return app.booking_json(v_booking);
end
$$;
grant execute on function public.verify_booking(p_code text) to authenticated;

-- Scheduled job: bookings not checked in by slot end + grace become no-shows; applicants with
-- too many recent no-shows lose online booking for a while. Returns what it did.
create or replace function public.mark_no_shows(p_now timestamptz) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  v_marked integer;
  v_restricted integer;
begin
  with due as (
    select b.id from public.bookings b
    join lateral app.booking_rules(b.center_id) r on true
    where b.status in ('booked', 'confirmed')
      and b.slot_ends_at + make_interval(mins => r.no_show_grace_minutes) < p_now
    for update of b
  ), marked as (
    update public.bookings b set status = 'no_show', updated_at = p_now
    from due where b.id = due.id
    returning b.id, b.applicant_id, b.center_id
  ), events as (
    insert into public.booking_events (booking_id, at, kind) select id, p_now, 'no_show' from marked
  )
  select count(*) into v_marked from marked;

  with counts as (
    select b.applicant_id, r.no_show_limit, r.restriction_days, count(*) as n
    from public.bookings b
    join lateral app.booking_rules(b.center_id) r on true
    where b.status = 'no_show' and b.slot_starts_at > p_now - make_interval(days => r.no_show_window_days)
    group by b.applicant_id, r.no_show_limit, r.restriction_days
  ), inserted as (
    insert into public.booking_restrictions (person_id, starts_at, ends_at, reason)
    select c.applicant_id, p_now, p_now + make_interval(days => c.restriction_days), 'NO_SHOWS'
    from counts c
    where c.n >= c.no_show_limit
      and not exists (select 1 from public.booking_restrictions r where r.person_id = c.applicant_id and r.ends_at > p_now)
    returning 1
  )
  select count(*) into v_restricted from inserted;
  return jsonb_build_object('markedNoShow', v_marked, 'restricted', v_restricted);
end
$$;
grant execute on function public.mark_no_shows(p_now timestamp with time zone) to service_role;

-- Scheduled job: forget idempotency keys after 7 days (retries come within minutes).
create or replace function public.purge_idempotency_keys(p_now timestamptz) returns jsonb
language sql security definer
set search_path = ''
as $$
  with gone as (delete from public.idempotency_keys k where k.created_at < p_now - interval '7 days' returning 1)
  select jsonb_build_object('purgedIdempotencyKeys', count(*)) from gone
$$;
grant execute on function public.purge_idempotency_keys(p_now timestamp with time zone) to service_role;

-- The caller's current restriction for a person they act for (null when none).
create or replace function public.booking_restriction(p_person uuid default null, p_now timestamptz default now())
returns jsonb
language sql stable
set search_path = ''
as $$
  select jsonb_build_object('until', app.iso_shanghai(r.ends_at), 'reason', r.reason)
  from public.booking_restrictions r
  where r.person_id = coalesce(p_person, (select l.person_id from public.person_links l where l.user_id = app.uid() and l.relation = 'self'))
    and r.person_id in (select app.my_person_ids())
    and r.starts_at <= p_now and r.ends_at > p_now
  order by r.ends_at desc limit 1
$$;
grant execute on function public.booking_restriction(p_person uuid, p_now timestamp with time zone) to authenticated;

-- ---------------------------------------------------------------------------------------
-- Subscribe-message consents (wx.requestSubscribeMessage, asked at a tap, ≤ 3 templates).
-- One row per accepted template: each accept allows WeChat to deliver one message later.
-- The dispatcher (80_notifications.sql) takes an unsent row of the user and template, sends
-- to users.wechat_openid, and records the outcome. An accept given at a booking names it; one
-- given on the notification settings page (or by staff) names none.
create table public.reminder_consents (
  id bigint generated always as identity primary key,
  booking_id uuid references public.bookings (id) on delete cascade,
  user_id uuid not null references public.users (id) on delete cascade,
  template_id text not null check (template_id ~ '^[A-Za-z0-9_-]{1,128}$'),
  accepted_at timestamptz not null,
  -- set when the one message this accept allows has been used
  sent_at timestamptz,
  outcome text check (outcome in ('sent', 'refused', 'failed')),
  check ((sent_at is null) = (outcome is null))
);
create index reminder_consents_unsent_idx on public.reminder_consents (booking_id, template_id) where sent_at is null;
create index reminder_consents_user_idx on public.reminder_consents (user_id);

alter table public.reminder_consents enable row level security;
create policy reminder_consents_read_own on public.reminder_consents for select to authenticated using (user_id = app.uid());

revoke all on public.reminder_consents from anon, authenticated;
grant select on public.reminder_consents to authenticated;
grant all on public.reminder_consents to service_role;

-- One wx.requestSubscribeMessage answer of a user: p_template_ids what was asked (1–3),
-- p_accepted the ones accepted (a subset), for a booking or for none. Answers how many rows it
-- recorded; INVALID_INPUT for anything else.
create or replace function app.insert_consents(p_user uuid, p_booking uuid, p_template_ids jsonb, p_accepted jsonb, p_now timestamptz)
returns integer
language plpgsql
set search_path = ''
as $$
declare
  v_count integer;
begin
  if jsonb_typeof(p_template_ids) <> 'array' or jsonb_typeof(p_accepted) <> 'array'
     or jsonb_array_length(p_template_ids) not between 1 and 3
     or exists (select 1 from jsonb_array_elements(p_accepted) a where not (p_template_ids @> jsonb_build_array(a.value))) then
    perform app.raise('INVALID_INPUT');
  end if;
  insert into public.reminder_consents (booking_id, user_id, template_id, accepted_at)
  select distinct p_booking, p_user, t, p_now from jsonb_array_elements_text(p_accepted) t;
  get diagnostics v_count = row_count;
  return v_count;
end
$$;

-- A user's unused accepts per template: of one booking, or (p_booking null) all of them.
create or replace function app.pending_consents(p_user uuid, p_booking uuid) returns jsonb
language sql stable
set search_path = ''
as $$
  select coalesce(jsonb_agg(jsonb_build_object('templateId', c.template_id, 'count', c.n) order by c.template_id collate "C"), '[]'::jsonb)
  from (select r.template_id, count(*)::int as n from public.reminder_consents r
        where r.user_id = p_user and r.sent_at is null and (p_booking is null or r.booking_id = p_booking)
        group by r.template_id) c
$$;

-- Record which templates the caller accepted for a booking they may see (their own or a
-- linked person's, still booked or confirmed). Answers the unsent accepts per template for this
-- booking. With an Idempotency-Key (optional here), a retry answers the first result and
-- records nothing.
create or replace function public.record_reminder_consent(
  p_booking uuid,
  p_template_ids jsonb,
  p_accepted jsonb,
  p_now timestamptz,
  p_idempotency_key text default null,
  p_request_hash text default ''
) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  v_user public.users;
  v_booking public.bookings;
  v_count integer;
  v_replay jsonb;
begin
  v_user := app.require_account();
  v_replay := app.claim_idempotency_key(p_idempotency_key, 'reminders', p_request_hash, p_now);
  if v_replay is not null then
    return v_replay;
  end if;
  select * into v_booking from public.bookings b where b.id = p_booking;
  if not found or not (v_booking.booked_by = v_user.id or v_booking.applicant_id in (select app.my_person_ids())) then
    perform app.raise('BOOKING_NOT_FOUND');
  end if;
  if v_booking.status not in ('booked', 'confirmed') then
    perform app.raise('BOOKING_NOT_ACTIVE');
  end if;
  v_count := app.insert_consents(v_user.id, v_booking.id, p_template_ids, p_accepted, p_now);
  return app.remember_response(p_idempotency_key, jsonb_build_object(
    'bookingId', v_booking.id, 'recorded', v_count, 'pending', app.pending_consents(v_user.id, v_booking.id)));
end
$$;
grant execute on function public.record_reminder_consent(p_booking uuid, p_template_ids jsonb, p_accepted jsonb, p_now timestamp with time zone, p_idempotency_key text, p_request_hash text) to authenticated;

-- A booking of the given centre, locked; another centre's is BOOKING_NOT_FOUND.
create or replace function app.lock_center_booking(p_booking uuid, p_center uuid) returns public.bookings
language plpgsql
set search_path = ''
as $$
declare
  v_booking public.bookings;
begin
  select * into v_booking from public.bookings b where b.id = p_booking for update;
  if not found or v_booking.center_id is distinct from p_center then
    perform app.raise('BOOKING_NOT_FOUND');
  end if;
  return v_booking;
end
$$;

-- ---------------------------------------------------------------------------------------
-- Staff actions on bookings

-- 确认: a pending booking of the caller's centre becomes confirmed (confirming twice answers it again).
create or replace function public.confirm_booking(
  p_booking uuid,
  p_now timestamptz,
  p_idempotency_key text default null,
  p_request_hash text default ''
) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  v_staff public.users := app.require_staff();
  v_replay jsonb;
  v_booking public.bookings;
begin
  v_replay := app.claim_idempotency_key(p_idempotency_key, 'confirm', p_request_hash, p_now);
  if v_replay is not null then
    return v_replay;
  end if;
  v_booking := app.lock_center_booking(p_booking, v_staff.center_id);
  if v_booking.status = 'confirmed' then
    return app.remember_response(p_idempotency_key, app.booking_json(v_booking));
  end if;
  if v_booking.status <> 'booked' then
    perform app.raise('BOOKING_NOT_PENDING', jsonb_build_object('status', v_booking.status));
  end if;
  update public.bookings set status = 'confirmed', updated_at = p_now where id = v_booking.id returning * into v_booking;
  perform app.append_booking_event(v_booking.id, p_now, 'confirmed', v_staff.id);
  return app.remember_response(p_idempotency_key, app.booking_json(v_booking));
end
$$;
grant execute on function public.confirm_booking(p_booking uuid, p_now timestamp with time zone, p_idempotency_key text, p_request_hash text) to authenticated;

-- 拒绝: a booking not yet checked in is declined with the reason the resident reads; its seat is
-- freed at once. Declining twice answers it again.
create or replace function public.decline_booking(
  p_booking uuid,
  p_reason text,
  p_now timestamptz,
  p_idempotency_key text default null,
  p_request_hash text default ''
) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  v_staff public.users := app.require_staff();
  v_replay jsonb;
  v_booking public.bookings;
  v_reason text := app.short_text(p_reason, 200);
begin
  if v_reason is null then
    perform app.raise('INVALID_INPUT');
  end if;
  v_replay := app.claim_idempotency_key(p_idempotency_key, 'decline', p_request_hash, p_now);
  if v_replay is not null then
    return v_replay;
  end if;
  v_booking := app.lock_center_booking(p_booking, v_staff.center_id);
  if v_booking.status = 'declined' then
    return app.remember_response(p_idempotency_key, app.booking_json(v_booking));
  end if;
  if v_booking.status not in ('booked', 'confirmed') then
    perform app.raise('BOOKING_NOT_PENDING', jsonb_build_object('status', v_booking.status));
  end if;
  update public.slots set booked = booked - 1 where id = v_booking.slot_id;
  update public.bookings set status = 'declined', status_reason = v_reason, updated_at = p_now
  where id = v_booking.id returning * into v_booking;
  perform app.append_booking_event(v_booking.id, p_now, 'declined', v_staff.id, jsonb_build_object('reason', v_reason));
  return app.remember_response(p_idempotency_key, app.booking_json(v_booking));
end
$$;
grant execute on function public.decline_booking(p_booking uuid, p_reason text, p_now timestamp with time zone, p_idempotency_key text, p_request_hash text) to authenticated;

-- ---------------------------------------------------------------------------------------
-- The calendar
create table app.calendar_days (
  date date primary key,
  weekday smallint not null check (weekday between 1 and 7),
  kind text not null check (kind in ('workday', 'adjusted_workday', 'weekend', 'holiday')),
  is_working_day boolean generated always as (kind in ('workday', 'adjusted_workday')) stored,
  -- the holiday, or for an adjusted working day the holiday it makes up for ('国庆节')
  name text,
  -- false: the State Council schedule of that year is not in our data (computed fallback)
  schedule_known boolean not null,
  check (kind in ('holiday', 'adjusted_workday') or name is null),
  check (kind <> 'adjusted_workday' or weekday >= 6)
);

revoke all on app.calendar_days from public, anon, authenticated;
grant select on app.calendar_days to service_role;

-- Upsert whole years from the compact form server/calendar/calendar-table.ts produces:
-- [{ "year": 2026, "scheduleKnown": true, "special": { "2026-10-01": ["holiday", "国庆节"], … } }].
-- Every date of a year not in `special` is a workday (Monday–Friday) or a weekend day.
create or replace function app.load_calendar(p_years jsonb) returns integer
language plpgsql
set search_path = ''
as $$
declare
  v_year jsonb;
  v_n integer := 0;
  v_rows integer;
begin
  for v_year in select * from jsonb_array_elements(p_years) loop
    insert into app.calendar_days as c (date, weekday, kind, name, schedule_known)
    select d::date, extract(isodow from d)::smallint,
           coalesce(v_year -> 'special' -> d::date::text ->> 0, case when extract(isodow from d) >= 6 then 'weekend' else 'workday' end),
           v_year -> 'special' -> d::date::text ->> 1,
           (v_year ->> 'scheduleKnown')::boolean
    from generate_series(make_date((v_year ->> 'year')::int, 1, 1), make_date((v_year ->> 'year')::int, 12, 31), interval '1 day') d
    on conflict (date) do update
      set weekday = excluded.weekday, kind = excluded.kind, name = excluded.name, schedule_known = excluded.schedule_known
      where (c.weekday, c.kind, c.name, c.schedule_known) is distinct from (excluded.weekday, excluded.kind, excluded.name, excluded.schedule_known);
    get diagnostics v_rows = row_count;
    v_n := v_n + v_rows;
  end loop;
  return v_n;
end
$$;

-- The service role refreshes the calendar (after an upgrade of chinese-days); returns the rows changed.
create or replace function public.refresh_calendar(p_years jsonb) returns jsonb
language sql security definer
set search_path = ''
as $$
  select to_jsonb(app.load_calendar(p_years))
$$;
grant execute on function public.refresh_calendar(p_years jsonb) to service_role;

-- ---------------------------------------------------------------------------------------
-- Slot generation, from a configuration given as JSON (the shapes of the API's config):
--   templates [{ id, windowId, itemIds|null, weekday, starts 'HH:mm', ends, slotMinutes, seats,
--                walkInSeats, validFrom|null, validTo|null }]
--   overrides [{ date, windowId, templates: [{ itemIds|null, starts, ends, slotMinutes, seats, walkInSeats }] }]
--   closures  [{ date, windowId|null, reason }]
--
-- - Statutory holiday, or a date outside the calendar: none. Whole-centre closure: none.
--   A window's closure: none for it.
-- - A window's overrides for the date replace its templates (all of them together, an empty
--   list closes the window); otherwise the templates of the date's weekday valid on the date.
-- - Adjusted working day (调休): Monday's templates (a centre's ordinary full working day; its
--   Saturday templates describe a reduced weekend service and do not apply).
-- - Slots with no seats are left out; all-walk-in slots are kept (staff and the queue need them).
-- - Of two sessions of one window giving the same start, the first (in the order given) wins.
-- - Sorted by start, then window, then end. A session the database's constraints would refuse
--   is an error (22023), not a closed day.
-- Does a template apply on this date (validFrom ≤ date ≤ validTo, open ends)?
create or replace function app.template_valid_on(p_template jsonb, p_date date) returns boolean
language sql immutable
set search_path = ''
as $$
  select (p_template ->> 'validFrom' is null or (p_template ->> 'validFrom')::date <= p_date)
     and (p_template ->> 'validTo' is null or p_date <= (p_template ->> 'validTo')::date)
$$;

-- The sessions that apply to a window on a date (calendar and whole-centre closure aside).
create or replace function app.day_sessions(p_date date, p_weekday integer, p_templates jsonb, p_overrides jsonb, p_closures jsonb)
returns table (window_id text, ord bigint, item_ids jsonb, starts text, ends text, slot_minutes numeric, seats numeric, walk_in_seats numeric)
language sql stable
set search_path = ''
as $$
  with overridden as (
    select o ->> 'windowId' as window_id, oi, o -> 'templates' as sessions
    from jsonb_array_elements(coalesce(p_overrides, '[]'::jsonb)) with ordinality as x(o, oi)
    where (o ->> 'date')::date = p_date
  ), closed as (
    select c ->> 'windowId' as window_id from jsonb_array_elements(coalesce(p_closures, '[]'::jsonb)) c
    where (c ->> 'date')::date = p_date and c ->> 'windowId' is not null
  ), sessions as (
    select ov.window_id, ov.oi * 100000 + si as ord, s
    from overridden ov, jsonb_array_elements(coalesce(ov.sessions, '[]'::jsonb)) with ordinality as y(s, si)
    union all
    select t ->> 'windowId', ti, t
    from jsonb_array_elements(coalesce(p_templates, '[]'::jsonb)) with ordinality as z(t, ti)
    where not exists (select 1 from overridden ov where ov.window_id = t ->> 'windowId')
      and (t ->> 'weekday')::int = p_weekday
      and app.template_valid_on(t, p_date)
  )
  select s.window_id, s.ord, case when jsonb_typeof(s.s -> 'itemIds') = 'array' then s.s -> 'itemIds' end,
         s.s ->> 'starts', s.s ->> 'ends', (s.s ->> 'slotMinutes')::numeric, (s.s ->> 'seats')::numeric, (s.s ->> 'walkInSeats')::numeric
  from sessions s
  where s.window_id not in (select cl.window_id from closed cl)
$$;

create or replace function app.generate_day_slots(
  p_date date, p_templates jsonb, p_overrides jsonb, p_closures jsonb, p_item text
) returns table (window_id text, starts_at timestamptz, ends_at timestamptz, seats integer, walk_in_seats integer, item_ids jsonb)
language plpgsql stable
set search_path = ''
as $$
declare
  v_day app.calendar_days;
  v_weekday integer;
  v_sessions jsonb;
  v_bad record;
begin
  select * into v_day from app.calendar_days c where c.date = p_date;
  if not found or v_day.kind = 'holiday' then
    return;
  end if;
  if exists (select 1 from jsonb_array_elements(coalesce(p_closures, '[]'::jsonb)) c
             where (c ->> 'date')::date = p_date and c ->> 'windowId' is null) then
    return;
  end if;
  v_weekday := case when v_day.kind = 'adjusted_workday' then 1 else v_day.weekday end;

  select coalesce(jsonb_agg(to_jsonb(d)), '[]'::jsonb) into v_sessions
  from app.day_sessions(p_date, v_weekday, p_templates, p_overrides, p_closures) d;
  if v_sessions = '[]'::jsonb then
    return;
  end if;

  select * into v_bad from jsonb_to_recordset(v_sessions) as d(window_id text, ord bigint, item_ids jsonb, starts text, ends text,
    slot_minutes numeric, seats numeric, walk_in_seats numeric)
  where d.starts is null or d.ends is null
     or d.starts !~ '^([01]\d|2[0-3]):[0-5]\d$' or d.ends !~ '^([01]\d|2[0-3]):[0-5]\d$'
     or d.starts >= d.ends or d.slot_minutes is null or d.slot_minutes <> trunc(d.slot_minutes) or d.slot_minutes not between 10 and 240
     or d.seats is null or d.seats <> trunc(d.seats) or d.seats < 0
     or d.walk_in_seats is null or d.walk_in_seats <> trunc(d.walk_in_seats) or d.walk_in_seats not between 0 and d.seats
  limit 1;
  if found then
    raise exception using errcode = '22023',
      message = format('template window %s, %s–%s: refused (slotMinutes %s, seats %s, walkInSeats %s)',
                       v_bad.window_id, v_bad.starts, v_bad.ends, v_bad.slot_minutes, v_bad.seats, v_bad.walk_in_seats);
  end if;

  return query
    with minutes as (
      select d.*, split_part(d.starts, ':', 1)::int * 60 + split_part(d.starts, ':', 2)::int as from_min,
             split_part(d.ends, ':', 1)::int * 60 + split_part(d.ends, ':', 2)::int as to_min
      from jsonb_to_recordset(v_sessions) as d(window_id text, ord bigint, item_ids jsonb, starts text, ends text,
        slot_minutes numeric, seats numeric, walk_in_seats numeric)
      where d.seats > 0 and (p_item is null or d.item_ids is null or d.item_ids ? p_item)
    ), slots as (
      select distinct on (m.window_id, g.start_min) m.window_id, g.start_min, m.slot_minutes::int as slot_minutes,
             m.seats::int as seats, m.walk_in_seats::int as walk_in_seats, m.item_ids, m.ord
      from minutes m, generate_series(m.from_min, m.to_min - m.slot_minutes::int, m.slot_minutes::int) as g(start_min)
      order by m.window_id, g.start_min, m.ord
    )
    select s.window_id,
           (p_date + make_interval(mins => s.start_min)) at time zone 'Asia/Shanghai',
           (p_date + make_interval(mins => s.start_min + s.slot_minutes)) at time zone 'Asia/Shanghai',
           s.seats, s.walk_in_seats, s.item_ids
    from slots s
    order by 2, s.window_id collate "C", 3;
end
$$;

-- A generated slot as JSON (the API's shape: ISO 8601 in +08:00).
create or replace function app.slot_json(p_window text, p_starts timestamptz, p_ends timestamptz, p_seats integer, p_walk integer, p_items jsonb)
returns jsonb
language sql immutable
set search_path = ''
as $$
  select jsonb_build_object('windowId', p_window, 'startsAt', app.iso_shanghai(p_starts), 'endsAt', app.iso_shanghai(p_ends),
    'seats', p_seats, 'walkInSeats', p_walk, 'itemIds', p_items)
$$;

-- The booking rules on one slot: bookable when its Shanghai date is within today … today +
-- openDaysAhead and it starts more than closeHoursBefore hours after p_now (that instant excluded).
create or replace function app.slot_bookable(p_start timestamptz, p_now timestamptz, p_rules jsonb) returns boolean
language sql immutable
set search_path = ''
as $$
  select (p_start at time zone 'Asia/Shanghai')::date between (p_now at time zone 'Asia/Shanghai')::date
           and (p_now at time zone 'Asia/Shanghai')::date + (p_rules ->> 'openDaysAhead')::int
     and p_start - p_now > make_interval(hours => (p_rules ->> 'closeHoursBefore')::int)
$$;

-- A booking can be cancelled (or moved) until cancelHoursBefore hours before its start, that instant excluded.
create or replace function app.can_still_cancel(p_start timestamptz, p_now timestamptz, p_hours integer) returns boolean
language sql immutable
set search_path = ''
as $$
  select p_start - make_interval(hours => p_hours) > p_now
$$;

-- Whether a resident can book p_item on p_date at p_now, why not, and the slots they can:
-- { date, open, reason: { code, text } | null, slots: [slot_json] }.
-- p_rules = { openDaysAhead, closeHoursBefore }: booking opens openDaysAhead days ahead
-- (day 0 = today, by the Shanghai date) and closes closeHoursBefore hours before the start
-- (that instant excluded).
--
-- Reasons, first that applies wins: PAST (date before today) > HOLIDAY (or a date outside the
-- calendar: NOT_OPEN_THIS_DAY) > CLOSURE of the whole centre > NOT_YET_OPEN > WEEKEND /
-- NOT_OPEN_THIS_DAY (no session that day for any item) > CLOSURE of the windows serving the
-- item > NO_CAPACITY (no session for this item, or only walk-in seats) > PAST (every slot
-- already closed). A weekend day with templates is open. Slots returned are those with online
-- seats still bookable at p_now.
create or replace function app.day_availability(
  p_date date, p_now timestamptz, p_rules jsonb, p_templates jsonb, p_overrides jsonb, p_closures jsonb,
  p_item text, p_schedule_note text default null
) returns jsonb
language plpgsql stable
set search_path = ''
as $$
declare
  v_today date := (p_now at time zone 'Asia/Shanghai')::date;
  v_ahead integer := (p_rules ->> 'openDaysAhead')::int;
  v_day app.calendar_days;
  v_reason text;
  v_opens date;
  v_no_window_closures jsonb;
  v_item_slots jsonb;
  v_slots jsonb;
begin
  if p_date < v_today then
    return app.closed_day(p_date, 'PAST', '已过预约时间');
  end if;
  select * into v_day from app.calendar_days c where c.date = p_date;
  if not found then
    return app.closed_day(p_date, 'NOT_OPEN_THIS_DAY', '该日期的办公安排尚未公布，请选择其他日期');
  end if;
  if v_day.kind = 'holiday' then
    return app.closed_day(p_date, 'HOLIDAY', coalesce(v_day.name, '法定节假日') || '放假');
  end if;
  select c ->> 'reason' into v_reason
  from jsonb_array_elements(coalesce(p_closures, '[]'::jsonb)) with ordinality as x(c, i)
  where (c ->> 'date')::date = p_date and c ->> 'windowId' is null order by i limit 1;
  if found then
    return app.closed_day(p_date, 'CLOSURE', v_reason);
  end if;
  if p_date > v_today + v_ahead then
    v_opens := p_date - v_ahead;
    return app.closed_day(p_date, 'NOT_YET_OPEN',
      format('该日期暂未开放预约，可于%s月%s日起预约', extract(month from v_opens), extract(day from v_opens)));
  end if;

  select coalesce(jsonb_agg(c order by i), '[]'::jsonb) into v_no_window_closures
  from jsonb_array_elements(coalesce(p_closures, '[]'::jsonb)) with ordinality as x(c, i)
  where (c ->> 'date')::date <> p_date or c ->> 'windowId' is null;

  -- the item's slots, generated once (a subset of the centre's slots of any item without window closures)
  select coalesce(jsonb_agg(app.slot_json(g.window_id, g.starts_at, g.ends_at, g.seats, g.walk_in_seats, g.item_ids)
                            order by g.starts_at, g.window_id collate "C", g.ends_at), '[]'::jsonb)
  into v_item_slots
  from app.generate_day_slots(p_date, p_templates, p_overrides, p_closures, p_item) g;

  if jsonb_array_length(v_item_slots) = 0 then
    if not exists (select 1 from app.generate_day_slots(p_date, p_templates, p_overrides, v_no_window_closures, null)) then
      if v_day.kind = 'weekend' then
        return app.closed_day(p_date, 'WEEKEND', '周末休息');
      end if;
      return app.closed_day(p_date, 'NOT_OPEN_THIS_DAY',
        case when nullif(p_schedule_note, '') is not null then format('当日不开放（%s）', p_schedule_note) else '当日不开放，请选择其他日期' end);
    end if;
    select c ->> 'reason' into v_reason
    from jsonb_array_elements(coalesce(p_closures, '[]'::jsonb)) with ordinality as x(c, i)
    where (c ->> 'date')::date = p_date and c ->> 'windowId' is not null
      and c ->> 'windowId' in (select g.window_id from app.generate_day_slots(p_date, p_templates, p_overrides, v_no_window_closures, p_item) g)
    order by i limit 1;
    if found then
      return app.closed_day(p_date, 'CLOSURE', v_reason);
    end if;
    return app.closed_day(p_date, 'NO_CAPACITY', '当日该事项无可预约时段');
  end if;

  if not exists (select 1 from jsonb_array_elements(v_item_slots) s
                 where (s ->> 'seats')::int - (s ->> 'walkInSeats')::int > 0) then
    return app.closed_day(p_date, 'NO_CAPACITY', '当日该事项不接受网上预约，请到窗口现场取号办理');
  end if;

  select coalesce(jsonb_agg(s order by i), '[]'::jsonb) into v_slots
  from jsonb_array_elements(v_item_slots) with ordinality as x(s, i)
  where (s ->> 'seats')::int - (s ->> 'walkInSeats')::int > 0
    and app.slot_bookable((s ->> 'startsAt')::timestamptz, p_now, p_rules);
  if jsonb_array_length(v_slots) = 0 then
    return app.closed_day(p_date, 'PAST', '已过预约时间');
  end if;
  return jsonb_build_object('date', p_date, 'open', true, 'reason', null, 'slots', v_slots);
end
$$;

create or replace function app.closed_day(p_date date, p_code text, p_text text) returns jsonb
language sql immutable
set search_path = ''
as $$
  select jsonb_build_object('date', p_date, 'open', false, 'reason', jsonb_build_object('code', p_code, 'text', p_text), 'slots', '[]'::jsonb)
$$;

-- A centre's configuration from its tables, as the generator takes it: the active windows
-- serving p_item (all active windows when null; only p_window when given), their templates and
-- the overrides and closures of p_from … p_to; with the centre's booking rules and schedule note.
create or replace function app.center_config(p_center uuid, p_item uuid, p_window uuid, p_from date, p_to date)
returns jsonb
language plpgsql stable
set search_path = ''
as $$
begin
  -- plpgsql, not sql: its plan is prepared once per connection
  return (
  with w as (
    select w.id from public.windows w
    where w.center_id = p_center and w.active and (p_window is null or w.id = p_window)
      and (p_item is null or exists (select 1 from public.window_items wi where wi.window_id = w.id and wi.item_id = p_item))
  )
  select jsonb_build_object(
    'rules', (select jsonb_build_object('openDaysAhead', r.open_days_ahead, 'closeHoursBefore', r.close_hours_before)
              from app.booking_rules(p_center) r),
    'scheduleNote', (select c.schedule_note from public.centers c where c.id = p_center),
    'templates', coalesce((
      select jsonb_agg(jsonb_build_object(
        'id', t.id, 'windowId', t.window_id, 'itemIds', null, 'weekday', t.weekday,
        'starts', to_char(t.starts, 'HH24:MI'), 'ends', to_char(t.ends, 'HH24:MI'),
        'slotMinutes', t.slot_minutes, 'seats', t.seats, 'walkInSeats', t.walk_in_seats,
        'validFrom', t.valid_from, 'validTo', t.valid_to) order by t.starts, t.id)
      from public.capacity_templates t
      where t.center_id = p_center and t.window_id in (select id from w)
        -- the weekdays of the range, and Monday (adjusted working days use it)
        and (t.weekday = 1 or p_to - p_from >= 6
             or t.weekday in (select extract(isodow from d)::smallint from generate_series(p_from, p_to, interval '1 day') d))
        and (t.valid_from is null or t.valid_from <= p_to) and (t.valid_to is null or p_from <= t.valid_to)), '[]'::jsonb),
    'overrides', coalesce((
      select jsonb_agg(jsonb_build_object('date', o.date, 'windowId', o.window_id, 'templates', o.sessions) order by o.date, o.window_id)
      from (
        select o.date, o.window_id, jsonb_agg(jsonb_build_object(
          'itemIds', null, 'starts', to_char(o.starts, 'HH24:MI'), 'ends', to_char(o.ends, 'HH24:MI'),
          'slotMinutes', o.slot_minutes, 'seats', o.seats, 'walkInSeats', o.walk_in_seats) order by o.starts, o.id) as sessions
        from public.capacity_overrides o
        where o.center_id = p_center and o.window_id in (select id from w) and o.date between p_from and p_to
        group by o.date, o.window_id) o), '[]'::jsonb),
    'closures', coalesce((
      select jsonb_agg(jsonb_build_object('date', cl.date, 'windowId', cl.window_id, 'reason', cl.reason) order by cl.date, cl.window_id nulls first, cl.id)
      from public.closures cl where cl.center_id = p_center and cl.date between p_from and p_to), '[]'::jsonb)));
end
$$;

-- A centre's slots of one date for an item (or every item), as its tables say now.
create or replace function app.center_day_slots(p_center uuid, p_item uuid, p_window uuid, p_date date)
returns table (window_id uuid, starts_at timestamptz, ends_at timestamptz, seats integer, walk_in_seats integer)
language sql stable
set search_path = ''
as $$
  select g.window_id::uuid, g.starts_at, g.ends_at, g.seats, g.walk_in_seats
  from app.center_config(p_center, p_item, p_window, p_date, p_date) cfg,
       app.generate_day_slots(p_date, cfg -> 'templates', cfg -> 'overrides', cfg -> 'closures', null) g
$$;

-- The centre's availability for one item and date range at p_now, as residents see it: per
-- date the generator's answer, the seats of all windows serving the item pooled per start time
-- (materialised slots count their bookings), 已约满 when every start is full.
create or replace function app.center_availability(p_center uuid, p_item uuid, p_from date, p_to date, p_now timestamptz)
returns jsonb
language plpgsql stable
set search_path = ''
as $$
declare
  v_cfg jsonb := app.center_config(p_center, p_item, null, p_from, p_to);
  v_date date;
  v_day jsonb;
  v_slots jsonb;
  v_days jsonb := '[]'::jsonb;
begin
  for v_date in select d::date from generate_series(p_from, p_to, interval '1 day') d loop
    v_day := app.day_availability(v_date, p_now, v_cfg -> 'rules', v_cfg -> 'templates', v_cfg -> 'overrides',
                                  v_cfg -> 'closures', p_item::text, v_cfg ->> 'scheduleNote');
    v_slots := '[]'::jsonb;
    if (v_day ->> 'open')::boolean then
      select coalesce(jsonb_agg(jsonb_build_object('start', p.start, 'end', p.ends, 'remaining', p.remaining, 'capacity', p.capacity)
                                order by p.starts_at), '[]'::jsonb)
      into v_slots
      from (
        select g."startsAt" as start, (array_agg(g."endsAt" order by g."windowId" collate "C", g."endsAt"))[1] as ends,
               g."startsAt"::timestamptz as starts_at,
               sum(case when m.id is null then g.seats - g."walkInSeats" else m.seats - m.walk_in_seats end)::int as capacity,
               sum(greatest(0, case when m.id is null then g.seats - g."walkInSeats" else m.seats - m.walk_in_seats - m.booked end))::int as remaining
        from jsonb_to_recordset(v_day -> 'slots') as g("windowId" text, "startsAt" text, "endsAt" text, seats int, "walkInSeats" int)
        left join public.slots m on m.window_id = g."windowId"::uuid and m.starts_at = g."startsAt"::timestamptz
        group by g."startsAt"
      ) p
      where p.capacity > 0;
      if jsonb_array_length(v_slots) = 0 then
        v_day := app.closed_day(v_date, 'NO_CAPACITY', '当天没有可预约的时段');
      elsif not exists (select 1 from jsonb_array_elements(v_slots) s where (s ->> 'remaining')::int > 0) then
        v_day := jsonb_build_object('open', false, 'reason', jsonb_build_object('code', 'FULL', 'text', '已约满'));
      else
        v_day := jsonb_build_object('open', true, 'reason', null);
      end if;
    end if;
    v_days := v_days || jsonb_build_object(
      'date', v_date, 'weekday', extract(isodow from v_date)::int,
      'open', (v_day ->> 'open')::boolean, 'reason', v_day -> 'reason', 'slots', v_slots);
  end loop;
  return jsonb_build_object(
    'centerId', p_center, 'itemId', p_item, 'from', p_from, 'to', p_to,
    'scheduleKnown', not exists (
      select 1 from generate_series(p_from, p_to, interval '1 day') d
      left join app.calendar_days c on c.date = d::date
      where c.schedule_known is distinct from true),
    'days', v_days);
end
$$;

-- Is p_start bookable for p_item at the centre at p_now? Raises what the resident reads
-- (SLOT_NOT_AVAILABLE with the day's reason) when not. The centre and item are checked first.
create or replace function app.check_bookable_start(p_center uuid, p_item uuid, p_start timestamptz, p_now timestamptz)
returns void
language plpgsql stable
set search_path = ''
as $$
declare
  v_date date := (p_start at time zone 'Asia/Shanghai')::date;
  v_cfg jsonb;
  v_day jsonb;
begin
  perform app.check_center_item(p_center, p_item);
  v_cfg := app.center_config(p_center, p_item, null, v_date, v_date);
  v_day := app.day_availability(v_date, p_now, v_cfg -> 'rules', v_cfg -> 'templates', v_cfg -> 'overrides',
                                v_cfg -> 'closures', p_item::text, v_cfg ->> 'scheduleNote');
  if not (v_day ->> 'open')::boolean
     or not exists (select 1 from jsonb_array_elements(v_day -> 'slots') s where (s ->> 'startsAt')::timestamptz = p_start) then
    perform app.raise('SLOT_NOT_AVAILABLE', case when v_day -> 'reason' <> 'null'::jsonb then jsonb_build_object('reason', v_day -> 'reason') end);
  end if;
end
$$;

-- CENTER_NOT_FOUND / ITEM_NOT_FOUND / ITEM_NOT_OFFERED, in that order.
create or replace function app.check_center_item(p_center uuid, p_item uuid) returns void
language plpgsql stable
set search_path = ''
as $$
begin
  if not exists (select 1 from public.centers c where c.id = p_center and c.active) then
    perform app.raise('CENTER_NOT_FOUND');
  end if;
  if not exists (select 1 from public.service_items i where i.id = p_item and i.published) then
    perform app.raise('ITEM_NOT_FOUND');
  end if;
  if not exists (select 1 from public.center_items ci where ci.center_id = p_center and ci.item_id = p_item) then
    perform app.raise('ITEM_NOT_OFFERED');
  end if;
end
$$;


-- ---------------------------------------------------------------------------------------
-- The calendar 2020–2099 as server/calendar/calendar-table.ts computes it with chinese-days
-- 1.5.7 (generated by `tsx server/calendar/calendar-table.ts sql`; the seed refreshes it).
select app.load_calendar('[
{"year":2020,"scheduleKnown":true,"special":{"2020-01-01":["holiday","元旦"],"2020-01-19":["adjusted_workday","春节"],"2020-01-24":["holiday","春节"],"2020-01-25":["holiday","春节"],"2020-01-26":["holiday","春节"],"2020-01-27":["holiday","春节"],"2020-01-28":["holiday","春节"],"2020-01-29":["holiday","春节"],"2020-01-30":["holiday","春节"],"2020-01-31":["holiday","春节"],"2020-02-01":["holiday","春节"],"2020-02-02":["holiday","春节"],"2020-04-04":["holiday","清明节"],"2020-04-05":["holiday","清明节"],"2020-04-06":["holiday","清明节"],"2020-04-26":["adjusted_workday","劳动节"],"2020-05-01":["holiday","劳动节"],"2020-05-02":["holiday","劳动节"],"2020-05-03":["holiday","劳动节"],"2020-05-04":["holiday","劳动节"],"2020-05-05":["holiday","劳动节"],"2020-05-09":["adjusted_workday","劳动节"],"2020-06-25":["holiday","端午节"],"2020-06-26":["holiday","端午节"],"2020-06-27":["holiday","端午节"],"2020-06-28":["adjusted_workday","端午节"],"2020-09-27":["adjusted_workday","国庆节"],"2020-10-01":["holiday","国庆节"],"2020-10-02":["holiday","国庆节"],"2020-10-03":["holiday","国庆节"],"2020-10-04":["holiday","国庆节"],"2020-10-05":["holiday","国庆节"],"2020-10-06":["holiday","国庆节"],"2020-10-07":["holiday","国庆节"],"2020-10-08":["holiday","国庆节"],"2020-10-10":["adjusted_workday","国庆节"]}},
{"year":2021,"scheduleKnown":true,"special":{"2021-01-01":["holiday","元旦"],"2021-01-02":["holiday","元旦"],"2021-01-03":["holiday","元旦"],"2021-02-07":["adjusted_workday","春节"],"2021-02-11":["holiday","春节"],"2021-02-12":["holiday","春节"],"2021-02-13":["holiday","春节"],"2021-02-14":["holiday","春节"],"2021-02-15":["holiday","春节"],"2021-02-16":["holiday","春节"],"2021-02-17":["holiday","春节"],"2021-02-20":["adjusted_workday","春节"],"2021-04-03":["holiday","清明节"],"2021-04-04":["holiday","清明节"],"2021-04-05":["holiday","清明节"],"2021-04-25":["adjusted_workday","劳动节"],"2021-05-01":["holiday","劳动节"],"2021-05-02":["holiday","劳动节"],"2021-05-03":["holiday","劳动节"],"2021-05-04":["holiday","劳动节"],"2021-05-05":["holiday","劳动节"],"2021-05-08":["adjusted_workday","劳动节"],"2021-06-12":["holiday","端午节"],"2021-06-13":["holiday","端午节"],"2021-06-14":["holiday","端午节"],"2021-09-18":["adjusted_workday","中秋节"],"2021-09-19":["holiday","中秋节"],"2021-09-20":["holiday","中秋节"],"2021-09-21":["holiday","中秋节"],"2021-09-26":["adjusted_workday","国庆节"],"2021-10-01":["holiday","国庆节"],"2021-10-02":["holiday","国庆节"],"2021-10-03":["holiday","国庆节"],"2021-10-04":["holiday","国庆节"],"2021-10-05":["holiday","国庆节"],"2021-10-06":["holiday","国庆节"],"2021-10-07":["holiday","国庆节"],"2021-10-09":["adjusted_workday","国庆节"]}},
{"year":2022,"scheduleKnown":true,"special":{"2022-01-01":["holiday","元旦"],"2022-01-02":["holiday","元旦"],"2022-01-03":["holiday","元旦"],"2022-01-29":["adjusted_workday","春节"],"2022-01-30":["adjusted_workday","春节"],"2022-01-31":["holiday","春节"],"2022-02-01":["holiday","春节"],"2022-02-02":["holiday","春节"],"2022-02-03":["holiday","春节"],"2022-02-04":["holiday","春节"],"2022-02-05":["holiday","春节"],"2022-02-06":["holiday","春节"],"2022-04-02":["adjusted_workday","清明节"],"2022-04-03":["holiday","清明节"],"2022-04-04":["holiday","清明节"],"2022-04-05":["holiday","清明节"],"2022-04-24":["adjusted_workday","劳动节"],"2022-04-30":["holiday","劳动节"],"2022-05-01":["holiday","劳动节"],"2022-05-02":["holiday","劳动节"],"2022-05-03":["holiday","劳动节"],"2022-05-04":["holiday","劳动节"],"2022-05-07":["adjusted_workday","劳动节"],"2022-06-03":["holiday","端午节"],"2022-06-04":["holiday","端午节"],"2022-06-05":["holiday","端午节"],"2022-09-10":["holiday","中秋节"],"2022-09-11":["holiday","中秋节"],"2022-09-12":["holiday","中秋节"],"2022-10-01":["holiday","国庆节"],"2022-10-02":["holiday","国庆节"],"2022-10-03":["holiday","国庆节"],"2022-10-04":["holiday","国庆节"],"2022-10-05":["holiday","国庆节"],"2022-10-06":["holiday","国庆节"],"2022-10-07":["holiday","国庆节"],"2022-10-08":["adjusted_workday","国庆节"],"2022-10-09":["adjusted_workday","国庆节"],"2022-12-31":["holiday","元旦"]}},
{"year":2023,"scheduleKnown":true,"special":{"2023-01-01":["holiday","元旦"],"2023-01-02":["holiday","元旦"],"2023-01-21":["holiday","春节"],"2023-01-22":["holiday","春节"],"2023-01-23":["holiday","春节"],"2023-01-24":["holiday","春节"],"2023-01-25":["holiday","春节"],"2023-01-26":["holiday","春节"],"2023-01-27":["holiday","春节"],"2023-01-28":["adjusted_workday","春节"],"2023-01-29":["adjusted_workday","春节"],"2023-04-05":["holiday","清明节"],"2023-04-23":["adjusted_workday","劳动节"],"2023-04-29":["holiday","劳动节"],"2023-04-30":["holiday","劳动节"],"2023-05-01":["holiday","劳动节"],"2023-05-02":["holiday","劳动节"],"2023-05-03":["holiday","劳动节"],"2023-05-06":["adjusted_workday","劳动节"],"2023-06-22":["holiday","端午节"],"2023-06-23":["holiday","端午节"],"2023-06-24":["holiday","端午节"],"2023-06-25":["adjusted_workday","端午节"],"2023-09-29":["holiday","中秋节"],"2023-09-30":["holiday","国庆节"],"2023-10-01":["holiday","国庆节"],"2023-10-02":["holiday","国庆节"],"2023-10-03":["holiday","国庆节"],"2023-10-04":["holiday","国庆节"],"2023-10-05":["holiday","国庆节"],"2023-10-06":["holiday","国庆节"],"2023-10-07":["adjusted_workday","国庆节"],"2023-10-08":["adjusted_workday","国庆节"]}},
{"year":2024,"scheduleKnown":true,"special":{"2024-01-01":["holiday","元旦"],"2024-02-04":["adjusted_workday","春节"],"2024-02-10":["holiday","春节"],"2024-02-11":["holiday","春节"],"2024-02-12":["holiday","春节"],"2024-02-13":["holiday","春节"],"2024-02-14":["holiday","春节"],"2024-02-15":["holiday","春节"],"2024-02-16":["holiday","春节"],"2024-02-17":["holiday","春节"],"2024-02-18":["adjusted_workday","春节"],"2024-04-04":["holiday","清明节"],"2024-04-05":["holiday","清明节"],"2024-04-06":["holiday","清明节"],"2024-04-07":["adjusted_workday","清明节"],"2024-04-28":["adjusted_workday","劳动节"],"2024-05-01":["holiday","劳动节"],"2024-05-02":["holiday","劳动节"],"2024-05-03":["holiday","劳动节"],"2024-05-04":["holiday","劳动节"],"2024-05-05":["holiday","劳动节"],"2024-05-11":["adjusted_workday","劳动节"],"2024-06-10":["holiday","端午节"],"2024-09-14":["adjusted_workday","中秋节"],"2024-09-15":["holiday","中秋节"],"2024-09-16":["holiday","中秋节"],"2024-09-17":["holiday","中秋节"],"2024-09-29":["adjusted_workday","国庆节"],"2024-10-01":["holiday","国庆节"],"2024-10-02":["holiday","国庆节"],"2024-10-03":["holiday","国庆节"],"2024-10-04":["holiday","国庆节"],"2024-10-05":["holiday","国庆节"],"2024-10-06":["holiday","国庆节"],"2024-10-07":["holiday","国庆节"],"2024-10-12":["adjusted_workday","国庆节"]}},
{"year":2025,"scheduleKnown":true,"special":{"2025-01-01":["holiday","元旦"],"2025-01-26":["adjusted_workday","春节"],"2025-01-28":["holiday","春节"],"2025-01-29":["holiday","春节"],"2025-01-30":["holiday","春节"],"2025-01-31":["holiday","春节"],"2025-02-01":["holiday","春节"],"2025-02-02":["holiday","春节"],"2025-02-03":["holiday","春节"],"2025-02-04":["holiday","春节"],"2025-02-08":["adjusted_workday","春节"],"2025-04-04":["holiday","清明节"],"2025-04-05":["holiday","清明节"],"2025-04-06":["holiday","清明节"],"2025-04-27":["adjusted_workday","劳动节"],"2025-05-01":["holiday","劳动节"],"2025-05-02":["holiday","劳动节"],"2025-05-03":["holiday","劳动节"],"2025-05-04":["holiday","劳动节"],"2025-05-05":["holiday","劳动节"],"2025-05-31":["holiday","端午节"],"2025-06-01":["holiday","端午节"],"2025-06-02":["holiday","端午节"],"2025-09-28":["adjusted_workday","国庆节"],"2025-10-01":["holiday","国庆节"],"2025-10-02":["holiday","国庆节"],"2025-10-03":["holiday","国庆节"],"2025-10-04":["holiday","国庆节"],"2025-10-05":["holiday","国庆节"],"2025-10-06":["holiday","中秋节"],"2025-10-07":["holiday","国庆节"],"2025-10-08":["holiday","国庆节"],"2025-10-11":["adjusted_workday","国庆节"]}},
{"year":2026,"scheduleKnown":true,"special":{"2026-01-01":["holiday","元旦"],"2026-01-02":["holiday","元旦"],"2026-01-03":["holiday","元旦"],"2026-01-04":["adjusted_workday","元旦"],"2026-02-14":["adjusted_workday","春节"],"2026-02-15":["holiday","春节"],"2026-02-16":["holiday","春节"],"2026-02-17":["holiday","春节"],"2026-02-18":["holiday","春节"],"2026-02-19":["holiday","春节"],"2026-02-20":["holiday","春节"],"2026-02-21":["holiday","春节"],"2026-02-22":["holiday","春节"],"2026-02-23":["holiday","春节"],"2026-02-28":["adjusted_workday","春节"],"2026-04-04":["holiday","清明节"],"2026-04-05":["holiday","清明节"],"2026-04-06":["holiday","清明节"],"2026-05-01":["holiday","劳动节"],"2026-05-02":["holiday","劳动节"],"2026-05-03":["holiday","劳动节"],"2026-05-04":["holiday","劳动节"],"2026-05-05":["holiday","劳动节"],"2026-05-09":["adjusted_workday","劳动节"],"2026-06-19":["holiday","端午节"],"2026-06-20":["holiday","端午节"],"2026-06-21":["holiday","端午节"],"2026-09-20":["adjusted_workday","国庆节"],"2026-09-25":["holiday","中秋节"],"2026-09-26":["holiday","中秋节"],"2026-09-27":["holiday","中秋节"],"2026-10-01":["holiday","国庆节"],"2026-10-02":["holiday","国庆节"],"2026-10-03":["holiday","国庆节"],"2026-10-04":["holiday","国庆节"],"2026-10-05":["holiday","国庆节"],"2026-10-06":["holiday","国庆节"],"2026-10-07":["holiday","国庆节"],"2026-10-10":["adjusted_workday","国庆节"]}},
{"year":2027,"scheduleKnown":false,"special":{"2027-01-01":["holiday","元旦"],"2027-02-05":["holiday","春节"],"2027-02-06":["holiday","春节"],"2027-02-07":["holiday","春节"],"2027-02-08":["holiday","春节"],"2027-04-05":["holiday","清明节"],"2027-05-01":["holiday","劳动节"],"2027-05-02":["holiday","劳动节"],"2027-06-09":["holiday","端午节"],"2027-09-15":["holiday","中秋节"],"2027-10-01":["holiday","国庆节"],"2027-10-02":["holiday","国庆节"],"2027-10-03":["holiday","国庆节"]}},
{"year":2028,"scheduleKnown":false,"special":{"2028-01-01":["holiday","元旦"],"2028-01-25":["holiday","春节"],"2028-01-26":["holiday","春节"],"2028-01-27":["holiday","春节"],"2028-01-28":["holiday","春节"],"2028-04-04":["holiday","清明节"],"2028-05-01":["holiday","劳动节"],"2028-05-02":["holiday","劳动节"],"2028-05-28":["holiday","端午节"],"2028-10-01":["holiday","国庆节"],"2028-10-02":["holiday","国庆节"],"2028-10-03":["holiday","国庆节、中秋节"]}},
{"year":2029,"scheduleKnown":false,"special":{"2029-01-01":["holiday","元旦"],"2029-02-12":["holiday","春节"],"2029-02-13":["holiday","春节"],"2029-02-14":["holiday","春节"],"2029-02-15":["holiday","春节"],"2029-04-04":["holiday","清明节"],"2029-05-01":["holiday","劳动节"],"2029-05-02":["holiday","劳动节"],"2029-06-16":["holiday","端午节"],"2029-09-22":["holiday","中秋节"],"2029-10-01":["holiday","国庆节"],"2029-10-02":["holiday","国庆节"],"2029-10-03":["holiday","国庆节"]}},
{"year":2030,"scheduleKnown":false,"special":{"2030-01-01":["holiday","元旦"],"2030-02-02":["holiday","春节"],"2030-02-03":["holiday","春节"],"2030-02-04":["holiday","春节"],"2030-02-05":["holiday","春节"],"2030-04-05":["holiday","清明节"],"2030-05-01":["holiday","劳动节"],"2030-05-02":["holiday","劳动节"],"2030-06-05":["holiday","端午节"],"2030-09-12":["holiday","中秋节"],"2030-10-01":["holiday","国庆节"],"2030-10-02":["holiday","国庆节"],"2030-10-03":["holiday","国庆节"]}},
{"year":2031,"scheduleKnown":false,"special":{"2031-01-01":["holiday","元旦"],"2031-01-22":["holiday","春节"],"2031-01-23":["holiday","春节"],"2031-01-24":["holiday","春节"],"2031-01-25":["holiday","春节"],"2031-04-05":["holiday","清明节"],"2031-05-01":["holiday","劳动节"],"2031-05-02":["holiday","劳动节"],"2031-06-24":["holiday","端午节"],"2031-10-01":["holiday","国庆节、中秋节"],"2031-10-02":["holiday","国庆节"],"2031-10-03":["holiday","国庆节"]}},
{"year":2032,"scheduleKnown":false,"special":{"2032-01-01":["holiday","元旦"],"2032-02-10":["holiday","春节"],"2032-02-11":["holiday","春节"],"2032-02-12":["holiday","春节"],"2032-02-13":["holiday","春节"],"2032-04-04":["holiday","清明节"],"2032-05-01":["holiday","劳动节"],"2032-05-02":["holiday","劳动节"],"2032-06-12":["holiday","端午节"],"2032-09-19":["holiday","中秋节"],"2032-10-01":["holiday","国庆节"],"2032-10-02":["holiday","国庆节"],"2032-10-03":["holiday","国庆节"]}},
{"year":2033,"scheduleKnown":false,"special":{"2033-01-01":["holiday","元旦"],"2033-01-30":["holiday","春节"],"2033-01-31":["holiday","春节"],"2033-02-01":["holiday","春节"],"2033-02-02":["holiday","春节"],"2033-04-04":["holiday","清明节"],"2033-05-01":["holiday","劳动节"],"2033-05-02":["holiday","劳动节"],"2033-06-01":["holiday","端午节"],"2033-09-08":["holiday","中秋节"],"2033-10-01":["holiday","国庆节"],"2033-10-02":["holiday","国庆节"],"2033-10-03":["holiday","国庆节"]}},
{"year":2034,"scheduleKnown":false,"special":{"2034-01-01":["holiday","元旦"],"2034-02-18":["holiday","春节"],"2034-02-19":["holiday","春节"],"2034-02-20":["holiday","春节"],"2034-02-21":["holiday","春节"],"2034-04-05":["holiday","清明节"],"2034-05-01":["holiday","劳动节"],"2034-05-02":["holiday","劳动节"],"2034-06-20":["holiday","端午节"],"2034-09-27":["holiday","中秋节"],"2034-10-01":["holiday","国庆节"],"2034-10-02":["holiday","国庆节"],"2034-10-03":["holiday","国庆节"]}},
{"year":2035,"scheduleKnown":false,"special":{"2035-01-01":["holiday","元旦"],"2035-02-07":["holiday","春节"],"2035-02-08":["holiday","春节"],"2035-02-09":["holiday","春节"],"2035-02-10":["holiday","春节"],"2035-04-05":["holiday","清明节"],"2035-05-01":["holiday","劳动节"],"2035-05-02":["holiday","劳动节"],"2035-06-10":["holiday","端午节"],"2035-09-16":["holiday","中秋节"],"2035-10-01":["holiday","国庆节"],"2035-10-02":["holiday","国庆节"],"2035-10-03":["holiday","国庆节"]}},
{"year":2036,"scheduleKnown":false,"special":{"2036-01-01":["holiday","元旦"],"2036-01-27":["holiday","春节"],"2036-01-28":["holiday","春节"],"2036-01-29":["holiday","春节"],"2036-01-30":["holiday","春节"],"2036-04-04":["holiday","清明节"],"2036-05-01":["holiday","劳动节"],"2036-05-02":["holiday","劳动节"],"2036-05-30":["holiday","端午节"],"2036-10-01":["holiday","国庆节"],"2036-10-02":["holiday","国庆节"],"2036-10-03":["holiday","国庆节"],"2036-10-04":["holiday","中秋节"]}},
{"year":2037,"scheduleKnown":false,"special":{"2037-01-01":["holiday","元旦"],"2037-02-14":["holiday","春节"],"2037-02-15":["holiday","春节"],"2037-02-16":["holiday","春节"],"2037-02-17":["holiday","春节"],"2037-04-04":["holiday","清明节"],"2037-05-01":["holiday","劳动节"],"2037-05-02":["holiday","劳动节"],"2037-06-18":["holiday","端午节"],"2037-09-24":["holiday","中秋节"],"2037-10-01":["holiday","国庆节"],"2037-10-02":["holiday","国庆节"],"2037-10-03":["holiday","国庆节"]}},
{"year":2038,"scheduleKnown":false,"special":{"2038-01-01":["holiday","元旦"],"2038-02-03":["holiday","春节"],"2038-02-04":["holiday","春节"],"2038-02-05":["holiday","春节"],"2038-02-06":["holiday","春节"],"2038-04-05":["holiday","清明节"],"2038-05-01":["holiday","劳动节"],"2038-05-02":["holiday","劳动节"],"2038-06-07":["holiday","端午节"],"2038-09-13":["holiday","中秋节"],"2038-10-01":["holiday","国庆节"],"2038-10-02":["holiday","国庆节"],"2038-10-03":["holiday","国庆节"]}},
{"year":2039,"scheduleKnown":false,"special":{"2039-01-01":["holiday","元旦"],"2039-01-23":["holiday","春节"],"2039-01-24":["holiday","春节"],"2039-01-25":["holiday","春节"],"2039-01-26":["holiday","春节"],"2039-04-05":["holiday","清明节"],"2039-05-01":["holiday","劳动节"],"2039-05-02":["holiday","劳动节"],"2039-05-27":["holiday","端午节"],"2039-10-01":["holiday","国庆节"],"2039-10-02":["holiday","国庆节、中秋节"],"2039-10-03":["holiday","国庆节"]}},
{"year":2040,"scheduleKnown":false,"special":{"2040-01-01":["holiday","元旦"],"2040-02-11":["holiday","春节"],"2040-02-12":["holiday","春节"],"2040-02-13":["holiday","春节"],"2040-02-14":["holiday","春节"],"2040-04-04":["holiday","清明节"],"2040-05-01":["holiday","劳动节"],"2040-05-02":["holiday","劳动节"],"2040-06-14":["holiday","端午节"],"2040-09-20":["holiday","中秋节"],"2040-10-01":["holiday","国庆节"],"2040-10-02":["holiday","国庆节"],"2040-10-03":["holiday","国庆节"]}},
{"year":2041,"scheduleKnown":false,"special":{"2041-01-01":["holiday","元旦"],"2041-01-31":["holiday","春节"],"2041-02-01":["holiday","春节"],"2041-02-02":["holiday","春节"],"2041-02-03":["holiday","春节"],"2041-04-04":["holiday","清明节"],"2041-05-01":["holiday","劳动节"],"2041-05-02":["holiday","劳动节"],"2041-06-03":["holiday","端午节"],"2041-09-10":["holiday","中秋节"],"2041-10-01":["holiday","国庆节"],"2041-10-02":["holiday","国庆节"],"2041-10-03":["holiday","国庆节"]}},
{"year":2042,"scheduleKnown":false,"special":{"2042-01-01":["holiday","元旦"],"2042-01-21":["holiday","春节"],"2042-01-22":["holiday","春节"],"2042-01-23":["holiday","春节"],"2042-01-24":["holiday","春节"],"2042-04-04":["holiday","清明节"],"2042-05-01":["holiday","劳动节"],"2042-05-02":["holiday","劳动节"],"2042-06-22":["holiday","端午节"],"2042-09-28":["holiday","中秋节"],"2042-10-01":["holiday","国庆节"],"2042-10-02":["holiday","国庆节"],"2042-10-03":["holiday","国庆节"]}},
{"year":2043,"scheduleKnown":false,"special":{"2043-01-01":["holiday","元旦"],"2043-02-09":["holiday","春节"],"2043-02-10":["holiday","春节"],"2043-02-11":["holiday","春节"],"2043-02-12":["holiday","春节"],"2043-04-05":["holiday","清明节"],"2043-05-01":["holiday","劳动节"],"2043-05-02":["holiday","劳动节"],"2043-06-11":["holiday","端午节"],"2043-09-17":["holiday","中秋节"],"2043-10-01":["holiday","国庆节"],"2043-10-02":["holiday","国庆节"],"2043-10-03":["holiday","国庆节"]}},
{"year":2044,"scheduleKnown":false,"special":{"2044-01-01":["holiday","元旦"],"2044-01-29":["holiday","春节"],"2044-01-30":["holiday","春节"],"2044-01-31":["holiday","春节"],"2044-02-01":["holiday","春节"],"2044-04-04":["holiday","清明节"],"2044-05-01":["holiday","劳动节"],"2044-05-02":["holiday","劳动节"],"2044-05-31":["holiday","端午节"],"2044-10-01":["holiday","国庆节"],"2044-10-02":["holiday","国庆节"],"2044-10-03":["holiday","国庆节"],"2044-10-05":["holiday","中秋节"]}},
{"year":2045,"scheduleKnown":false,"special":{"2045-01-01":["holiday","元旦"],"2045-02-16":["holiday","春节"],"2045-02-17":["holiday","春节"],"2045-02-18":["holiday","春节"],"2045-02-19":["holiday","春节"],"2045-04-04":["holiday","清明节"],"2045-05-01":["holiday","劳动节"],"2045-05-02":["holiday","劳动节"],"2045-06-19":["holiday","端午节"],"2045-09-25":["holiday","中秋节"],"2045-10-01":["holiday","国庆节"],"2045-10-02":["holiday","国庆节"],"2045-10-03":["holiday","国庆节"]}},
{"year":2046,"scheduleKnown":false,"special":{"2046-01-01":["holiday","元旦"],"2046-02-05":["holiday","春节"],"2046-02-06":["holiday","春节"],"2046-02-07":["holiday","春节"],"2046-02-08":["holiday","春节"],"2046-04-04":["holiday","清明节"],"2046-05-01":["holiday","劳动节"],"2046-05-02":["holiday","劳动节"],"2046-06-08":["holiday","端午节"],"2046-09-15":["holiday","中秋节"],"2046-10-01":["holiday","国庆节"],"2046-10-02":["holiday","国庆节"],"2046-10-03":["holiday","国庆节"]}},
{"year":2047,"scheduleKnown":false,"special":{"2047-01-01":["holiday","元旦"],"2047-01-25":["holiday","春节"],"2047-01-26":["holiday","春节"],"2047-01-27":["holiday","春节"],"2047-01-28":["holiday","春节"],"2047-04-05":["holiday","清明节"],"2047-05-01":["holiday","劳动节"],"2047-05-02":["holiday","劳动节"],"2047-05-29":["holiday","端午节"],"2047-10-01":["holiday","国庆节"],"2047-10-02":["holiday","国庆节"],"2047-10-03":["holiday","国庆节"],"2047-10-04":["holiday","中秋节"]}},
{"year":2048,"scheduleKnown":false,"special":{"2048-01-01":["holiday","元旦"],"2048-02-13":["holiday","春节"],"2048-02-14":["holiday","春节"],"2048-02-15":["holiday","春节"],"2048-02-16":["holiday","春节"],"2048-04-04":["holiday","清明节"],"2048-05-01":["holiday","劳动节"],"2048-05-02":["holiday","劳动节"],"2048-06-15":["holiday","端午节"],"2048-09-22":["holiday","中秋节"],"2048-10-01":["holiday","国庆节"],"2048-10-02":["holiday","国庆节"],"2048-10-03":["holiday","国庆节"]}},
{"year":2049,"scheduleKnown":false,"special":{"2049-01-01":["holiday","元旦"],"2049-02-01":["holiday","春节"],"2049-02-02":["holiday","春节"],"2049-02-03":["holiday","春节"],"2049-02-04":["holiday","春节"],"2049-04-04":["holiday","清明节"],"2049-05-01":["holiday","劳动节"],"2049-05-02":["holiday","劳动节"],"2049-06-04":["holiday","端午节"],"2049-09-11":["holiday","中秋节"],"2049-10-01":["holiday","国庆节"],"2049-10-02":["holiday","国庆节"],"2049-10-03":["holiday","国庆节"]}},
{"year":2050,"scheduleKnown":false,"special":{"2050-01-01":["holiday","元旦"],"2050-01-22":["holiday","春节"],"2050-01-23":["holiday","春节"],"2050-01-24":["holiday","春节"],"2050-01-25":["holiday","春节"],"2050-04-04":["holiday","清明节"],"2050-05-01":["holiday","劳动节"],"2050-05-02":["holiday","劳动节"],"2050-06-23":["holiday","端午节"],"2050-09-30":["holiday","中秋节"],"2050-10-01":["holiday","国庆节"],"2050-10-02":["holiday","国庆节"],"2050-10-03":["holiday","国庆节"]}},
{"year":2051,"scheduleKnown":false,"special":{"2051-01-01":["holiday","元旦"],"2051-02-10":["holiday","春节"],"2051-02-11":["holiday","春节"],"2051-02-12":["holiday","春节"],"2051-02-13":["holiday","春节"],"2051-04-05":["holiday","清明节"],"2051-05-01":["holiday","劳动节"],"2051-05-02":["holiday","劳动节"],"2051-06-13":["holiday","端午节"],"2051-09-19":["holiday","中秋节"],"2051-10-01":["holiday","国庆节"],"2051-10-02":["holiday","国庆节"],"2051-10-03":["holiday","国庆节"]}},
{"year":2052,"scheduleKnown":false,"special":{"2052-01-01":["holiday","元旦"],"2052-01-31":["holiday","春节"],"2052-02-01":["holiday","春节"],"2052-02-02":["holiday","春节"],"2052-02-03":["holiday","春节"],"2052-04-04":["holiday","清明节"],"2052-05-01":["holiday","劳动节"],"2052-05-02":["holiday","劳动节"],"2052-06-01":["holiday","端午节"],"2052-09-07":["holiday","中秋节"],"2052-10-01":["holiday","国庆节"],"2052-10-02":["holiday","国庆节"],"2052-10-03":["holiday","国庆节"]}},
{"year":2053,"scheduleKnown":false,"special":{"2053-01-01":["holiday","元旦"],"2053-02-18":["holiday","春节"],"2053-02-19":["holiday","春节"],"2053-02-20":["holiday","春节"],"2053-02-21":["holiday","春节"],"2053-04-04":["holiday","清明节"],"2053-05-01":["holiday","劳动节"],"2053-05-02":["holiday","劳动节"],"2053-06-20":["holiday","端午节"],"2053-09-26":["holiday","中秋节"],"2053-10-01":["holiday","国庆节"],"2053-10-02":["holiday","国庆节"],"2053-10-03":["holiday","国庆节"]}},
{"year":2054,"scheduleKnown":false,"special":{"2054-01-01":["holiday","元旦"],"2054-02-07":["holiday","春节"],"2054-02-08":["holiday","春节"],"2054-02-09":["holiday","春节"],"2054-02-10":["holiday","春节"],"2054-04-04":["holiday","清明节"],"2054-05-01":["holiday","劳动节"],"2054-05-02":["holiday","劳动节"],"2054-06-10":["holiday","端午节"],"2054-09-16":["holiday","中秋节"],"2054-10-01":["holiday","国庆节"],"2054-10-02":["holiday","国庆节"],"2054-10-03":["holiday","国庆节"]}},
{"year":2055,"scheduleKnown":false,"special":{"2055-01-01":["holiday","元旦"],"2055-01-27":["holiday","春节"],"2055-01-28":["holiday","春节"],"2055-01-29":["holiday","春节"],"2055-01-30":["holiday","春节"],"2055-04-05":["holiday","清明节"],"2055-05-01":["holiday","劳动节"],"2055-05-02":["holiday","劳动节"],"2055-05-30":["holiday","端午节"],"2055-10-01":["holiday","国庆节"],"2055-10-02":["holiday","国庆节"],"2055-10-03":["holiday","国庆节"],"2055-10-05":["holiday","中秋节"]}},
{"year":2056,"scheduleKnown":false,"special":{"2056-01-01":["holiday","元旦"],"2056-02-14":["holiday","春节"],"2056-02-15":["holiday","春节"],"2056-02-16":["holiday","春节"],"2056-02-17":["holiday","春节"],"2056-04-04":["holiday","清明节"],"2056-05-01":["holiday","劳动节"],"2056-05-02":["holiday","劳动节"],"2056-06-17":["holiday","端午节"],"2056-09-24":["holiday","中秋节"],"2056-10-01":["holiday","国庆节"],"2056-10-02":["holiday","国庆节"],"2056-10-03":["holiday","国庆节"]}},
{"year":2057,"scheduleKnown":false,"special":{"2057-01-01":["holiday","元旦"],"2057-02-03":["holiday","春节"],"2057-02-04":["holiday","春节"],"2057-02-05":["holiday","春节"],"2057-02-06":["holiday","春节"],"2057-04-04":["holiday","清明节"],"2057-05-01":["holiday","劳动节"],"2057-05-02":["holiday","劳动节"],"2057-06-06":["holiday","端午节"],"2057-09-13":["holiday","中秋节"],"2057-10-01":["holiday","国庆节"],"2057-10-02":["holiday","国庆节"],"2057-10-03":["holiday","国庆节"]}},
{"year":2058,"scheduleKnown":false,"special":{"2058-01-01":["holiday","元旦"],"2058-01-23":["holiday","春节"],"2058-01-24":["holiday","春节"],"2058-01-25":["holiday","春节"],"2058-01-26":["holiday","春节"],"2058-04-04":["holiday","清明节"],"2058-05-01":["holiday","劳动节"],"2058-05-02":["holiday","劳动节"],"2058-06-25":["holiday","端午节"],"2058-10-01":["holiday","国庆节"],"2058-10-02":["holiday","国庆节、中秋节"],"2058-10-03":["holiday","国庆节"]}},
{"year":2059,"scheduleKnown":false,"special":{"2059-01-01":["holiday","元旦"],"2059-02-11":["holiday","春节"],"2059-02-12":["holiday","春节"],"2059-02-13":["holiday","春节"],"2059-02-14":["holiday","春节"],"2059-04-05":["holiday","清明节"],"2059-05-01":["holiday","劳动节"],"2059-05-02":["holiday","劳动节"],"2059-06-14":["holiday","端午节"],"2059-09-21":["holiday","中秋节"],"2059-10-01":["holiday","国庆节"],"2059-10-02":["holiday","国庆节"],"2059-10-03":["holiday","国庆节"]}},
{"year":2060,"scheduleKnown":false,"special":{"2060-01-01":["holiday","元旦"],"2060-02-01":["holiday","春节"],"2060-02-02":["holiday","春节"],"2060-02-03":["holiday","春节"],"2060-02-04":["holiday","春节"],"2060-04-04":["holiday","清明节"],"2060-05-01":["holiday","劳动节"],"2060-05-02":["holiday","劳动节"],"2060-06-03":["holiday","端午节"],"2060-09-09":["holiday","中秋节"],"2060-10-01":["holiday","国庆节"],"2060-10-02":["holiday","国庆节"],"2060-10-03":["holiday","国庆节"]}},
{"year":2061,"scheduleKnown":false,"special":{"2061-01-01":["holiday","元旦"],"2061-01-20":["holiday","春节"],"2061-01-21":["holiday","春节"],"2061-01-22":["holiday","春节"],"2061-01-23":["holiday","春节"],"2061-04-04":["holiday","清明节"],"2061-05-01":["holiday","劳动节"],"2061-05-02":["holiday","劳动节"],"2061-06-22":["holiday","端午节"],"2061-09-28":["holiday","中秋节"],"2061-10-01":["holiday","国庆节"],"2061-10-02":["holiday","国庆节"],"2061-10-03":["holiday","国庆节"]}},
{"year":2062,"scheduleKnown":false,"special":{"2062-01-01":["holiday","元旦"],"2062-02-08":["holiday","春节"],"2062-02-09":["holiday","春节"],"2062-02-10":["holiday","春节"],"2062-02-11":["holiday","春节"],"2062-04-04":["holiday","清明节"],"2062-05-01":["holiday","劳动节"],"2062-05-02":["holiday","劳动节"],"2062-06-11":["holiday","端午节"],"2062-09-17":["holiday","中秋节"],"2062-10-01":["holiday","国庆节"],"2062-10-02":["holiday","国庆节"],"2062-10-03":["holiday","国庆节"]}},
{"year":2063,"scheduleKnown":false,"special":{"2063-01-01":["holiday","元旦"],"2063-01-28":["holiday","春节"],"2063-01-29":["holiday","春节"],"2063-01-30":["holiday","春节"],"2063-01-31":["holiday","春节"],"2063-04-05":["holiday","清明节"],"2063-05-01":["holiday","劳动节"],"2063-05-02":["holiday","劳动节"],"2063-06-01":["holiday","端午节"],"2063-10-01":["holiday","国庆节"],"2063-10-02":["holiday","国庆节"],"2063-10-03":["holiday","国庆节"],"2063-10-06":["holiday","中秋节"]}},
{"year":2064,"scheduleKnown":false,"special":{"2064-01-01":["holiday","元旦"],"2064-02-16":["holiday","春节"],"2064-02-17":["holiday","春节"],"2064-02-18":["holiday","春节"],"2064-02-19":["holiday","春节"],"2064-04-04":["holiday","清明节"],"2064-05-01":["holiday","劳动节"],"2064-05-02":["holiday","劳动节"],"2064-06-19":["holiday","端午节"],"2064-09-25":["holiday","中秋节"],"2064-10-01":["holiday","国庆节"],"2064-10-02":["holiday","国庆节"],"2064-10-03":["holiday","国庆节"]}},
{"year":2065,"scheduleKnown":false,"special":{"2065-01-01":["holiday","元旦"],"2065-02-04":["holiday","春节"],"2065-02-05":["holiday","春节"],"2065-02-06":["holiday","春节"],"2065-02-07":["holiday","春节"],"2065-04-04":["holiday","清明节"],"2065-05-01":["holiday","劳动节"],"2065-05-02":["holiday","劳动节"],"2065-06-08":["holiday","端午节"],"2065-09-15":["holiday","中秋节"],"2065-10-01":["holiday","国庆节"],"2065-10-02":["holiday","国庆节"],"2065-10-03":["holiday","国庆节"]}},
{"year":2066,"scheduleKnown":false,"special":{"2066-01-01":["holiday","元旦"],"2066-01-25":["holiday","春节"],"2066-01-26":["holiday","春节"],"2066-01-27":["holiday","春节"],"2066-01-28":["holiday","春节"],"2066-04-04":["holiday","清明节"],"2066-05-01":["holiday","劳动节"],"2066-05-02":["holiday","劳动节"],"2066-05-28":["holiday","端午节"],"2066-10-01":["holiday","国庆节"],"2066-10-02":["holiday","国庆节"],"2066-10-03":["holiday","国庆节、中秋节"]}},
{"year":2067,"scheduleKnown":false,"special":{"2067-01-01":["holiday","元旦"],"2067-02-13":["holiday","春节"],"2067-02-14":["holiday","春节"],"2067-02-15":["holiday","春节"],"2067-02-16":["holiday","春节"],"2067-04-05":["holiday","清明节"],"2067-05-01":["holiday","劳动节"],"2067-05-02":["holiday","劳动节"],"2067-06-16":["holiday","端午节"],"2067-09-23":["holiday","中秋节"],"2067-10-01":["holiday","国庆节"],"2067-10-02":["holiday","国庆节"],"2067-10-03":["holiday","国庆节"]}},
{"year":2068,"scheduleKnown":false,"special":{"2068-01-01":["holiday","元旦"],"2068-02-02":["holiday","春节"],"2068-02-03":["holiday","春节"],"2068-02-04":["holiday","春节"],"2068-02-05":["holiday","春节"],"2068-04-04":["holiday","清明节"],"2068-05-01":["holiday","劳动节"],"2068-05-02":["holiday","劳动节"],"2068-06-04":["holiday","端午节"],"2068-09-11":["holiday","中秋节"],"2068-10-01":["holiday","国庆节"],"2068-10-02":["holiday","国庆节"],"2068-10-03":["holiday","国庆节"]}},
{"year":2069,"scheduleKnown":false,"special":{"2069-01-01":["holiday","元旦"],"2069-01-22":["holiday","春节"],"2069-01-23":["holiday","春节"],"2069-01-24":["holiday","春节"],"2069-01-25":["holiday","春节"],"2069-04-04":["holiday","清明节"],"2069-05-01":["holiday","劳动节"],"2069-05-02":["holiday","劳动节"],"2069-06-23":["holiday","端午节"],"2069-09-29":["holiday","中秋节"],"2069-10-01":["holiday","国庆节"],"2069-10-02":["holiday","国庆节"],"2069-10-03":["holiday","国庆节"]}},
{"year":2070,"scheduleKnown":false,"special":{"2070-01-01":["holiday","元旦"],"2070-02-10":["holiday","春节"],"2070-02-11":["holiday","春节"],"2070-02-12":["holiday","春节"],"2070-02-13":["holiday","春节"],"2070-04-04":["holiday","清明节"],"2070-05-01":["holiday","劳动节"],"2070-05-02":["holiday","劳动节"],"2070-06-13":["holiday","端午节"],"2070-09-19":["holiday","中秋节"],"2070-10-01":["holiday","国庆节"],"2070-10-02":["holiday","国庆节"],"2070-10-03":["holiday","国庆节"]}},
{"year":2071,"scheduleKnown":false,"special":{"2071-01-01":["holiday","元旦"],"2071-01-30":["holiday","春节"],"2071-01-31":["holiday","春节"],"2071-02-01":["holiday","春节"],"2071-02-02":["holiday","春节"],"2071-04-05":["holiday","清明节"],"2071-05-01":["holiday","劳动节"],"2071-05-02":["holiday","劳动节"],"2071-06-02":["holiday","端午节"],"2071-09-08":["holiday","中秋节"],"2071-10-01":["holiday","国庆节"],"2071-10-02":["holiday","国庆节"],"2071-10-03":["holiday","国庆节"]}},
{"year":2072,"scheduleKnown":false,"special":{"2072-01-01":["holiday","元旦"],"2072-02-18":["holiday","春节"],"2072-02-19":["holiday","春节"],"2072-02-20":["holiday","春节"],"2072-02-21":["holiday","春节"],"2072-04-04":["holiday","清明节"],"2072-05-01":["holiday","劳动节"],"2072-05-02":["holiday","劳动节"],"2072-06-20":["holiday","端午节"],"2072-09-26":["holiday","中秋节"],"2072-10-01":["holiday","国庆节"],"2072-10-02":["holiday","国庆节"],"2072-10-03":["holiday","国庆节"]}},
{"year":2073,"scheduleKnown":false,"special":{"2073-01-01":["holiday","元旦"],"2073-02-06":["holiday","春节"],"2073-02-07":["holiday","春节"],"2073-02-08":["holiday","春节"],"2073-02-09":["holiday","春节"],"2073-04-04":["holiday","清明节"],"2073-05-01":["holiday","劳动节"],"2073-05-02":["holiday","劳动节"],"2073-06-10":["holiday","端午节"],"2073-09-16":["holiday","中秋节"],"2073-10-01":["holiday","国庆节"],"2073-10-02":["holiday","国庆节"],"2073-10-03":["holiday","国庆节"]}},
{"year":2074,"scheduleKnown":false,"special":{"2074-01-01":["holiday","元旦"],"2074-01-26":["holiday","春节"],"2074-01-27":["holiday","春节"],"2074-01-28":["holiday","春节"],"2074-01-29":["holiday","春节"],"2074-04-04":["holiday","清明节"],"2074-05-01":["holiday","劳动节"],"2074-05-02":["holiday","劳动节"],"2074-05-30":["holiday","端午节"],"2074-10-01":["holiday","国庆节"],"2074-10-02":["holiday","国庆节"],"2074-10-03":["holiday","国庆节"],"2074-10-05":["holiday","中秋节"]}},
{"year":2075,"scheduleKnown":false,"special":{"2075-01-01":["holiday","元旦"],"2075-02-14":["holiday","春节"],"2075-02-15":["holiday","春节"],"2075-02-16":["holiday","春节"],"2075-02-17":["holiday","春节"],"2075-04-04":["holiday","清明节"],"2075-05-01":["holiday","劳动节"],"2075-05-02":["holiday","劳动节"],"2075-06-17":["holiday","端午节"],"2075-09-24":["holiday","中秋节"],"2075-10-01":["holiday","国庆节"],"2075-10-02":["holiday","国庆节"],"2075-10-03":["holiday","国庆节"]}},
{"year":2076,"scheduleKnown":false,"special":{"2076-01-01":["holiday","元旦"],"2076-02-04":["holiday","春节"],"2076-02-05":["holiday","春节"],"2076-02-06":["holiday","春节"],"2076-02-07":["holiday","春节"],"2076-04-04":["holiday","清明节"],"2076-05-01":["holiday","劳动节"],"2076-05-02":["holiday","劳动节"],"2076-06-06":["holiday","端午节"],"2076-09-12":["holiday","中秋节"],"2076-10-01":["holiday","国庆节"],"2076-10-02":["holiday","国庆节"],"2076-10-03":["holiday","国庆节"]}},
{"year":2077,"scheduleKnown":false,"special":{"2077-01-01":["holiday","元旦"],"2077-01-23":["holiday","春节"],"2077-01-24":["holiday","春节"],"2077-01-25":["holiday","春节"],"2077-01-26":["holiday","春节"],"2077-04-04":["holiday","清明节"],"2077-05-01":["holiday","劳动节"],"2077-05-02":["holiday","劳动节"],"2077-06-24":["holiday","端午节"],"2077-10-01":["holiday","国庆节、中秋节"],"2077-10-02":["holiday","国庆节"],"2077-10-03":["holiday","国庆节"]}},
{"year":2078,"scheduleKnown":false,"special":{"2078-01-01":["holiday","元旦"],"2078-02-11":["holiday","春节"],"2078-02-12":["holiday","春节"],"2078-02-13":["holiday","春节"],"2078-02-14":["holiday","春节"],"2078-04-04":["holiday","清明节"],"2078-05-01":["holiday","劳动节"],"2078-05-02":["holiday","劳动节"],"2078-06-14":["holiday","端午节"],"2078-09-20":["holiday","中秋节"],"2078-10-01":["holiday","国庆节"],"2078-10-02":["holiday","国庆节"],"2078-10-03":["holiday","国庆节"]}},
{"year":2079,"scheduleKnown":false,"special":{"2079-01-01":["holiday","元旦"],"2079-02-01":["holiday","春节"],"2079-02-02":["holiday","春节"],"2079-02-03":["holiday","春节"],"2079-02-04":["holiday","春节"],"2079-04-04":["holiday","清明节"],"2079-05-01":["holiday","劳动节"],"2079-05-02":["holiday","劳动节"],"2079-06-04":["holiday","端午节"],"2079-09-10":["holiday","中秋节"],"2079-10-01":["holiday","国庆节"],"2079-10-02":["holiday","国庆节"],"2079-10-03":["holiday","国庆节"]}},
{"year":2080,"scheduleKnown":false,"special":{"2080-01-01":["holiday","元旦"],"2080-01-21":["holiday","春节"],"2080-01-22":["holiday","春节"],"2080-01-23":["holiday","春节"],"2080-01-24":["holiday","春节"],"2080-04-04":["holiday","清明节"],"2080-05-01":["holiday","劳动节"],"2080-05-02":["holiday","劳动节"],"2080-06-22":["holiday","端午节"],"2080-09-28":["holiday","中秋节"],"2080-10-01":["holiday","国庆节"],"2080-10-02":["holiday","国庆节"],"2080-10-03":["holiday","国庆节"]}},
{"year":2081,"scheduleKnown":false,"special":{"2081-01-01":["holiday","元旦"],"2081-02-08":["holiday","春节"],"2081-02-09":["holiday","春节"],"2081-02-10":["holiday","春节"],"2081-02-11":["holiday","春节"],"2081-04-04":["holiday","清明节"],"2081-05-01":["holiday","劳动节"],"2081-05-02":["holiday","劳动节"],"2081-06-11":["holiday","端午节"],"2081-09-17":["holiday","中秋节"],"2081-10-01":["holiday","国庆节"],"2081-10-02":["holiday","国庆节"],"2081-10-03":["holiday","国庆节"]}},
{"year":2082,"scheduleKnown":false,"special":{"2082-01-01":["holiday","元旦"],"2082-01-28":["holiday","春节"],"2082-01-29":["holiday","春节"],"2082-01-30":["holiday","春节"],"2082-01-31":["holiday","春节"],"2082-04-04":["holiday","清明节"],"2082-05-01":["holiday","劳动节"],"2082-05-02":["holiday","劳动节"],"2082-06-01":["holiday","端午节"],"2082-10-01":["holiday","国庆节"],"2082-10-02":["holiday","国庆节"],"2082-10-03":["holiday","国庆节"],"2082-10-06":["holiday","中秋节"]}},
{"year":2083,"scheduleKnown":false,"special":{"2083-01-01":["holiday","元旦"],"2083-02-16":["holiday","春节"],"2083-02-17":["holiday","春节"],"2083-02-18":["holiday","春节"],"2083-02-19":["holiday","春节"],"2083-04-04":["holiday","清明节"],"2083-05-01":["holiday","劳动节"],"2083-05-02":["holiday","劳动节"],"2083-06-19":["holiday","端午节"],"2083-09-26":["holiday","中秋节"],"2083-10-01":["holiday","国庆节"],"2083-10-02":["holiday","国庆节"],"2083-10-03":["holiday","国庆节"]}},
{"year":2084,"scheduleKnown":false,"special":{"2084-01-01":["holiday","元旦"],"2084-02-05":["holiday","春节"],"2084-02-06":["holiday","春节"],"2084-02-07":["holiday","春节"],"2084-02-08":["holiday","春节"],"2084-04-04":["holiday","清明节"],"2084-05-01":["holiday","劳动节"],"2084-05-02":["holiday","劳动节"],"2084-06-07":["holiday","端午节"],"2084-09-14":["holiday","中秋节"],"2084-10-01":["holiday","国庆节"],"2084-10-02":["holiday","国庆节"],"2084-10-03":["holiday","国庆节"]}},
{"year":2085,"scheduleKnown":false,"special":{"2085-01-01":["holiday","元旦"],"2085-01-25":["holiday","春节"],"2085-01-26":["holiday","春节"],"2085-01-27":["holiday","春节"],"2085-01-28":["holiday","春节"],"2085-04-04":["holiday","清明节"],"2085-05-01":["holiday","劳动节"],"2085-05-02":["holiday","劳动节"],"2085-05-27":["holiday","端午节"],"2085-10-01":["holiday","国庆节"],"2085-10-02":["holiday","国庆节"],"2085-10-03":["holiday","国庆节、中秋节"]}},
{"year":2086,"scheduleKnown":false,"special":{"2086-01-01":["holiday","元旦"],"2086-02-13":["holiday","春节"],"2086-02-14":["holiday","春节"],"2086-02-15":["holiday","春节"],"2086-02-16":["holiday","春节"],"2086-04-04":["holiday","清明节"],"2086-05-01":["holiday","劳动节"],"2086-05-02":["holiday","劳动节"],"2086-06-15":["holiday","端午节"],"2086-09-22":["holiday","中秋节"],"2086-10-01":["holiday","国庆节"],"2086-10-02":["holiday","国庆节"],"2086-10-03":["holiday","国庆节"]}},
{"year":2087,"scheduleKnown":false,"special":{"2087-01-01":["holiday","元旦"],"2087-02-02":["holiday","春节"],"2087-02-03":["holiday","春节"],"2087-02-04":["holiday","春节"],"2087-02-05":["holiday","春节"],"2087-04-04":["holiday","清明节"],"2087-05-01":["holiday","劳动节"],"2087-05-02":["holiday","劳动节"],"2087-06-05":["holiday","端午节"],"2087-09-11":["holiday","中秋节"],"2087-10-01":["holiday","国庆节"],"2087-10-02":["holiday","国庆节"],"2087-10-03":["holiday","国庆节"]}},
{"year":2088,"scheduleKnown":false,"special":{"2088-01-01":["holiday","元旦"],"2088-01-23":["holiday","春节"],"2088-01-24":["holiday","春节"],"2088-01-25":["holiday","春节"],"2088-01-26":["holiday","春节"],"2088-04-04":["holiday","清明节"],"2088-05-01":["holiday","劳动节"],"2088-05-02":["holiday","劳动节"],"2088-06-23":["holiday","端午节"],"2088-09-29":["holiday","中秋节"],"2088-10-01":["holiday","国庆节"],"2088-10-02":["holiday","国庆节"],"2088-10-03":["holiday","国庆节"]}},
{"year":2089,"scheduleKnown":false,"special":{"2089-01-01":["holiday","元旦"],"2089-02-09":["holiday","春节"],"2089-02-10":["holiday","春节"],"2089-02-11":["holiday","春节"],"2089-02-12":["holiday","春节"],"2089-04-04":["holiday","清明节"],"2089-05-01":["holiday","劳动节"],"2089-05-02":["holiday","劳动节"],"2089-06-13":["holiday","端午节"],"2089-09-18":["holiday","中秋节"],"2089-10-01":["holiday","国庆节"],"2089-10-02":["holiday","国庆节"],"2089-10-03":["holiday","国庆节"]}},
{"year":2090,"scheduleKnown":false,"special":{"2090-01-01":["holiday","元旦"],"2090-01-29":["holiday","春节"],"2090-01-30":["holiday","春节"],"2090-01-31":["holiday","春节"],"2090-02-01":["holiday","春节"],"2090-04-04":["holiday","清明节"],"2090-05-01":["holiday","劳动节"],"2090-05-02":["holiday","劳动节"],"2090-06-02":["holiday","端午节"],"2090-09-08":["holiday","中秋节"],"2090-10-01":["holiday","国庆节"],"2090-10-02":["holiday","国庆节"],"2090-10-03":["holiday","国庆节"]}},
{"year":2091,"scheduleKnown":false,"special":{"2091-01-01":["holiday","元旦"],"2091-02-17":["holiday","春节"],"2091-02-18":["holiday","春节"],"2091-02-19":["holiday","春节"],"2091-02-20":["holiday","春节"],"2091-04-04":["holiday","清明节"],"2091-05-01":["holiday","劳动节"],"2091-05-02":["holiday","劳动节"],"2091-06-21":["holiday","端午节"],"2091-09-27":["holiday","中秋节"],"2091-10-01":["holiday","国庆节"],"2091-10-02":["holiday","国庆节"],"2091-10-03":["holiday","国庆节"]}},
{"year":2092,"scheduleKnown":false,"special":{"2092-01-01":["holiday","元旦"],"2092-02-06":["holiday","春节"],"2092-02-07":["holiday","春节"],"2092-02-08":["holiday","春节"],"2092-02-09":["holiday","春节"],"2092-04-04":["holiday","清明节"],"2092-05-01":["holiday","劳动节"],"2092-05-02":["holiday","劳动节"],"2092-06-09":["holiday","端午节"],"2092-09-16":["holiday","中秋节"],"2092-10-01":["holiday","国庆节"],"2092-10-02":["holiday","国庆节"],"2092-10-03":["holiday","国庆节"]}},
{"year":2093,"scheduleKnown":false,"special":{"2093-01-01":["holiday","元旦"],"2093-01-26":["holiday","春节"],"2093-01-27":["holiday","春节"],"2093-01-28":["holiday","春节"],"2093-01-29":["holiday","春节"],"2093-04-04":["holiday","清明节"],"2093-05-01":["holiday","劳动节"],"2093-05-02":["holiday","劳动节"],"2093-05-29":["holiday","端午节"],"2093-10-01":["holiday","国庆节"],"2093-10-02":["holiday","国庆节"],"2093-10-03":["holiday","国庆节"],"2093-10-05":["holiday","中秋节"]}},
{"year":2094,"scheduleKnown":false,"special":{"2094-01-01":["holiday","元旦"],"2094-02-14":["holiday","春节"],"2094-02-15":["holiday","春节"],"2094-02-16":["holiday","春节"],"2094-02-17":["holiday","春节"],"2094-04-04":["holiday","清明节"],"2094-05-01":["holiday","劳动节"],"2094-05-02":["holiday","劳动节"],"2094-06-17":["holiday","端午节"],"2094-09-24":["holiday","中秋节"],"2094-10-01":["holiday","国庆节"],"2094-10-02":["holiday","国庆节"],"2094-10-03":["holiday","国庆节"]}},
{"year":2095,"scheduleKnown":false,"special":{"2095-01-01":["holiday","元旦"],"2095-02-04":["holiday","春节"],"2095-02-05":["holiday","春节"],"2095-02-06":["holiday","春节"],"2095-02-07":["holiday","春节"],"2095-04-04":["holiday","清明节"],"2095-05-01":["holiday","劳动节"],"2095-05-02":["holiday","劳动节"],"2095-06-06":["holiday","端午节"],"2095-09-13":["holiday","中秋节"],"2095-10-01":["holiday","国庆节"],"2095-10-02":["holiday","国庆节"],"2095-10-03":["holiday","国庆节"]}},
{"year":2096,"scheduleKnown":false,"special":{"2096-01-01":["holiday","元旦"],"2096-01-24":["holiday","春节"],"2096-01-25":["holiday","春节"],"2096-01-26":["holiday","春节"],"2096-01-27":["holiday","春节"],"2096-04-04":["holiday","清明节"],"2096-05-01":["holiday","劳动节"],"2096-05-02":["holiday","劳动节"],"2096-06-24":["holiday","端午节"],"2096-09-30":["holiday","中秋节"],"2096-10-01":["holiday","国庆节"],"2096-10-02":["holiday","国庆节"],"2096-10-03":["holiday","国庆节"]}},
{"year":2097,"scheduleKnown":false,"special":{"2097-01-01":["holiday","元旦"],"2097-02-11":["holiday","春节"],"2097-02-12":["holiday","春节"],"2097-02-13":["holiday","春节"],"2097-02-14":["holiday","春节"],"2097-04-04":["holiday","清明节"],"2097-05-01":["holiday","劳动节"],"2097-05-02":["holiday","劳动节"],"2097-06-14":["holiday","端午节"],"2097-09-20":["holiday","中秋节"],"2097-10-01":["holiday","国庆节"],"2097-10-02":["holiday","国庆节"],"2097-10-03":["holiday","国庆节"]}},
{"year":2098,"scheduleKnown":false,"special":{"2098-01-01":["holiday","元旦"],"2098-01-31":["holiday","春节"],"2098-02-01":["holiday","春节"],"2098-02-02":["holiday","春节"],"2098-02-03":["holiday","春节"],"2098-04-04":["holiday","清明节"],"2098-05-01":["holiday","劳动节"],"2098-05-02":["holiday","劳动节"],"2098-06-04":["holiday","端午节"],"2098-09-09":["holiday","中秋节"],"2098-10-01":["holiday","国庆节"],"2098-10-02":["holiday","国庆节"],"2098-10-03":["holiday","国庆节"]}},
{"year":2099,"scheduleKnown":false,"special":{"2099-01-01":["holiday","元旦"],"2099-01-20":["holiday","春节"],"2099-01-21":["holiday","春节"],"2099-01-22":["holiday","春节"],"2099-01-23":["holiday","春节"],"2099-04-04":["holiday","清明节"],"2099-05-01":["holiday","劳动节"],"2099-05-02":["holiday","劳动节"],"2099-06-23":["holiday","端午节"],"2099-09-29":["holiday","中秋节"],"2099-10-01":["holiday","国庆节"],"2099-10-02":["holiday","国庆节"],"2099-10-03":["holiday","国庆节"]}}
]'::jsonb);

-- ---------------------------------------------------------------------------------------
-- The day's tickets. A checked-in booking and a walk-in share one numbering per centre and day;
-- the queue itself (calling, the workbench) is 60_queue.sql.
create table public.ticket_counters (
  center_id uuid not null references public.centers (id) on delete cascade,
  service_date date not null,
  last_number integer not null default 0,
  primary key (center_id, service_date)
);
create table public.tickets (
  id uuid primary key default extensions.gen_random_uuid(),
  center_id uuid not null references public.centers (id),
  service_date date not null,
  number integer not null check (number > 0),
  item_id uuid references public.service_items (id),
  booking_id uuid unique references public.bookings (id),
  kind text not null check (kind in ('walk_in', 'booking')),
  status text not null default 'waiting' check (status in ('waiting', 'called', 'serving', 'done', 'missed', 'cancelled')),
  issued_at timestamptz not null,
  issued_by uuid references public.users (id),
  -- when the ticket was called to a window (set by "call next"): handling time of a case runs
  -- from the call when there was one, else from acceptance
  called_at timestamptz,
  window_id uuid references public.windows (id),
  -- the order of the queue (see above); set by the trigger app.ticket_queue_at
  queue_at timestamptz not null,
  call_count smallint not null default 0 check (call_count between 0 and 3),
  last_called_at timestamptz,
  called_by uuid references public.users (id),
  serving_at timestamptz,
  finished_at timestamptz,
  missed_at timestamptz,
  requeue_count smallint not null default 0,
  updated_at timestamptz not null,
  -- handling time at the window: from the call that brought the person to it, to the finish
  handling_seconds integer generated always as (
    case when finished_at is null or called_at is null then null
         else greatest(0, extract(epoch from (finished_at - called_at)))::integer end
  ) stored,
  unique (center_id, service_date, number),
  check ((kind = 'booking') = (booking_id is not null)),
  constraint tickets_window_when_called check (status not in ('called', 'serving') or (window_id is not null and called_at is not null)),
  constraint tickets_done_finished check ((status = 'done') = (finished_at is not null)),
  constraint tickets_missed_at check ((status = 'missed') = (missed_at is not null))
);

create index tickets_center_date_idx on public.tickets (center_id, service_date, status);
-- one current person per window and day
create unique index tickets_one_current_per_window on public.tickets (window_id, service_date)
  where status in ('called', 'serving');
-- the waiting line, in calling order
create index tickets_waiting_idx on public.tickets (center_id, service_date, queue_at, number) where status = 'waiting';

alter table public.ticket_counters enable row level security;
alter table public.tickets enable row level security;

create policy tickets_read on public.tickets for select to authenticated using (app.can_see_center(center_id));

revoke all on public.ticket_counters, public.tickets from anon, authenticated;
grant select on public.tickets to authenticated;
grant all on public.ticket_counters, public.tickets to service_role;

-- queue_at for new tickets, so the functions that issue tickets need not compute it
create or replace function app.ticket_queue_at() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_slot timestamptz;
  v_grace integer;
begin
  new.updated_at := coalesce(new.updated_at, new.issued_at);
  if new.queue_at is not null then
    return new;
  end if;
  new.queue_at := new.issued_at;
  if new.kind = 'booking' then
    select b.slot_starts_at, (app.booking_rules(b.center_id)).no_show_grace_minutes into v_slot, v_grace
    from public.bookings b where b.id = new.booking_id;
    if v_slot is not null and new.issued_at <= v_slot + make_interval(mins => v_grace) then
      new.queue_at := v_slot;
    end if;
  end if;
  return new;
end
$$;

create trigger tickets_queue_at before insert on public.tickets
  for each row execute function app.ticket_queue_at();
