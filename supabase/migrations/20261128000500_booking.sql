-- Booking: windows and their items, capacity templates, per-date overrides and closures,
-- booking rules, materialised slots with their seat counters, bookings with their events,
-- idempotency keys, no-show restrictions, and the walk-in ticket queue.
--
-- The guarantee: a slot never has more online bookings than its bookable seats. The
-- counter `slots.booked` is changed only by the functions below, under a row lock, and a
-- CHECK constraint refuses any update that would pass the limit, whatever the caller.

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

-- The booking's timeline (what the resident sees happen, with who did it).
create table public.booking_events (
  id bigint generated always as identity primary key,
  booking_id uuid not null references public.bookings (id) on delete cascade,
  at timestamptz not null,
  kind text not null check (kind in ('booked', 'rescheduled', 'cancelled', 'confirmed', 'declined', 'checked_in', 'no_show', 'completed')),
  actor_id uuid references public.users (id),
  data jsonb not null default '{}'::jsonb
);
create index booking_events_booking_idx on public.booking_events (booking_id, at);

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

-- The day's queue: walk-in tickets and checked-in bookings share one numbering per centre.
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
  unique (center_id, service_date, number),
  check ((kind = 'booking') = (booking_id is not null))
);
create index tickets_center_date_idx on public.tickets (center_id, service_date, status);

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
alter table public.ticket_counters enable row level security;
alter table public.tickets enable row level security;

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

-- (app.current_account() is null for a deactivated account: it then sees nothing)
create policy bookings_read on public.bookings for select to authenticated using (
  booked_by = (app.current_account()).id
  or applicant_id in (select app.my_person_ids())
  or app.can_see_center(center_id)
);
create policy booking_events_read on public.booking_events for select to authenticated using (
  exists (select 1 from public.bookings b where b.id = booking_id)
);
create policy restrictions_read on public.booking_restrictions for select to authenticated using (
  person_id in (select app.my_person_ids())
);
create policy tickets_read on public.tickets for select to authenticated using (app.can_see_center(center_id));

revoke all on public.windows, public.window_items, public.capacity_templates, public.capacity_overrides,
  public.closures, public.booking_rules, public.slots, public.bookings, public.booking_events,
  public.idempotency_keys, public.booking_restrictions, public.ticket_counters, public.tickets
  from anon, authenticated;
grant select on public.windows, public.window_items, public.capacity_templates, public.capacity_overrides,
  public.closures, public.booking_rules, public.slots to anon, authenticated;
grant select on public.bookings, public.booking_events, public.booking_restrictions, public.tickets to authenticated;
grant all on public.windows, public.window_items, public.capacity_templates, public.capacity_overrides,
  public.closures, public.booking_rules, public.slots, public.bookings, public.booking_events,
  public.idempotency_keys, public.booking_restrictions, public.ticket_counters, public.tickets
  to service_role;

revoke all on function app.booking_rules(uuid), app.can_see_center(uuid) from public;
grant execute on function app.booking_rules(uuid), app.can_see_center(uuid) to anon, authenticated, service_role;
