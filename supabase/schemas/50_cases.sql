-- 50 Cases (办件) and ratings (好差评).
--
-- Staff accept (受理) a checked-in booking or a walk-in ticket as a case, ask for missing
-- materials (补正), forward it to the county (上报), complete it (办结) or refuse it (不予受理).
-- Every step is a booking_events row (so the resident's booking timeline shows it) with who did
-- it, and the case as it was before, so the staff member can take their own latest step back
-- within 2 minutes without losing history. Residents rate a finished case once; 不满意 /
-- 非常不满意 open a rectification (整改), which the centre's manager (or the county admin)
-- follows up by its due date and closes with what was done; they also read the ratings with a
-- summary (满意率, per level, per indicator).
--
-- Dates computed from the working-day calendar (the promised completion date, the
-- rectification deadline) come from the server (TypeScript, server/calendar); the functions
-- check they are plausible. Everything is changed only through the functions below.

create type public.case_status as enum (
  'accepted',          -- 已受理
  'needs_supplement',  -- 待补正（缺材料）
  'forwarded',         -- 已上报（县级部门办理）
  'completed',         -- 已办结
  'rejected'           -- 不予受理
);

create table public.cases (
  id uuid primary key default extensions.gen_random_uuid(),
  center_id uuid not null,
  county_code char(6) not null,
  item_id uuid not null,
  -- what the case was accepted from: a checked-in booking (with its ticket), or a walk-in ticket
  booking_id uuid references public.bookings (id),
  ticket_id uuid references public.tickets (id),
  status public.case_status not null default 'accepted',
  accepted_at timestamptz not null,
  accepted_by uuid not null references public.users (id),
  accepted_on date not null, -- the Shanghai date of accepted_at
  promised_days smallint not null check (promised_days between 0 and 365),
  promised_by date not null,
  -- handling time runs from here: the ticket's call, else the acceptance
  service_started_at timestamptz not null,
  missing_materials text[] not null default '{}',
  forward_note text check (length(forward_note) between 1 and 200),
  reject_reason text check (length(reject_reason) between 1 and 200),
  outcome text check (length(outcome) between 1 and 200),
  finished_at timestamptz,
  finished_by uuid references public.users (id),
  handling_seconds integer generated always as (
    case when finished_at is null then null
         else greatest(0, extract(epoch from (finished_at - service_started_at)))::integer end
  ) stored,
  -- the acceptance itself was undone (a mis-tap): the row and its history stay
  voided_at timestamptz,
  voided_by uuid references public.users (id),
  updated_at timestamptz not null,
  foreign key (center_id, county_code) references public.centers (id, county_code),
  foreign key (item_id, county_code) references public.service_items (id, county_code),
  check (booking_id is not null or ticket_id is not null),
  check (promised_by >= accepted_on),
  check ((status in ('completed', 'rejected')) = (finished_at is not null)),
  check ((finished_at is null) = (finished_by is null)),
  check (status <> 'rejected' or reject_reason is not null),
  check (cardinality(missing_materials) <= 20),
  check (status <> 'needs_supplement' or cardinality(missing_materials) >= 1),
  check ((voided_at is null) = (voided_by is null))
);

-- one live case per booking and per ticket
create unique index cases_one_per_booking on public.cases (booking_id) where voided_at is null and booking_id is not null;
create unique index cases_one_per_ticket on public.cases (ticket_id) where voided_at is null and ticket_id is not null;
create index cases_center_accepted_idx on public.cases (center_id, accepted_at);
create index cases_open_idx on public.cases (center_id, promised_by) where status not in ('completed', 'rejected') and voided_at is null;

create table public.ratings (
  id uuid primary key default extensions.gen_random_uuid(),
  booking_id uuid not null unique references public.bookings (id),
  case_id uuid not null references public.cases (id),
  center_id uuid not null,
  county_code char(6) not null,
  rated_by uuid not null references public.users (id),
  -- who handled the case (for staff appraisal): who finished it
  staff_id uuid references public.users (id),
  level smallint not null check (level between 1 and 5),
  indicators text[] not null default '{}' check (
    indicators <@ array['attitude', 'efficiency', 'guidance', 'one_visit', 'environment', 'fairness']::text[]
    and cardinality(indicators) <= 6),
  comment text check (length(comment) between 1 and 300),
  created_at timestamptz not null,
  foreign key (center_id, county_code) references public.centers (id, county_code)
);

create index ratings_center_created_idx on public.ratings (center_id, created_at);

-- 整改: a bad rating (level ≤ 2) followed up by the centre's manager by a deadline.
create table public.rectifications (
  id uuid primary key default extensions.gen_random_uuid(),
  rating_id uuid not null unique references public.ratings (id),
  case_id uuid not null references public.cases (id),
  booking_id uuid not null references public.bookings (id),
  center_id uuid not null,
  county_code char(6) not null,
  -- the centre's manager at the time (null when the centre has none: the county admin sees it)
  assigned_to uuid references public.users (id),
  status text not null default 'open' check (status in ('open', 'closed')),
  opened_at timestamptz not null,
  due_by date not null,
  closed_at timestamptz,
  closed_by uuid references public.users (id),
  resolution text check (length(resolution) between 1 and 500),
  foreign key (center_id, county_code) references public.centers (id, county_code),
  check ((status = 'closed') = (closed_at is not null))
);

create index rectifications_center_due_idx on public.rectifications (center_id, status, due_by);

-- Row-level security: residents see the cases, ratings and rectifications of bookings they may
-- see (their own and their linked people's); staff their centre's; admins their county's.
-- Nothing is writable directly.
alter table public.cases enable row level security;
alter table public.ratings enable row level security;
alter table public.rectifications enable row level security;

create policy cases_read on public.cases for select to authenticated using (
  app.can_see_center(center_id)
  or (booking_id is not null and exists (select 1 from public.bookings b where b.id = booking_id))
);
create policy ratings_read on public.ratings for select to authenticated using (
  app.can_see_center(center_id) or exists (select 1 from public.bookings b where b.id = booking_id)
);
create policy rectifications_read on public.rectifications for select to authenticated using (
  app.can_see_center(center_id) or exists (select 1 from public.bookings b where b.id = booking_id)
);
-- The booking timeline (40_booking.sql) carries case steps: its case_id refers to a case, and
-- its read policy also lets through the events of cases the caller may see.
alter table public.booking_events
  add constraint booking_events_case_id_fkey foreign key (case_id) references public.cases (id) on delete cascade;
create policy booking_events_read on public.booking_events for select to authenticated using (
  (booking_id is not null and exists (select 1 from public.bookings b where b.id = booking_id))
  or (case_id is not null and exists (select 1 from public.cases c where c.id = case_id))
);

revoke all on public.cases, public.ratings, public.rectifications from anon, authenticated;
grant select on public.cases, public.ratings, public.rectifications to authenticated;
grant all on public.cases, public.ratings, public.rectifications to service_role;

-- A live case of the given centre, locked; another centre's (or an undone one) is CASE_NOT_FOUND.
create or replace function app.lock_center_case(p_case uuid, p_center uuid) returns public.cases
language plpgsql
set search_path = ''
as $$
declare
  v_case public.cases;
begin
  select * into v_case from public.cases c where c.id = p_case and c.voided_at is null for update;
  if not found or v_case.center_id is distinct from p_center then
    perform app.raise('CASE_NOT_FOUND');
  end if;
  return v_case;
end
$$;

-- The state machine (server/cases/case-machine.ts mirrors it): the status after an action,
-- or null when the action is not allowed from this status. completed and rejected are final.
create or replace function app.case_next_status(p_status public.case_status, p_action text) returns public.case_status
language sql immutable
set search_path = ''
as $$
  select case
    when p_status = 'accepted' and p_action = 'supplement' then 'needs_supplement'
    when p_status = 'accepted' and p_action = 'forward' then 'forwarded'
    when p_status = 'accepted' and p_action = 'complete' then 'completed'
    when p_status = 'accepted' and p_action = 'reject' then 'rejected'
    when p_status = 'needs_supplement' and p_action = 'supplemented' then 'accepted'
    when p_status = 'needs_supplement' and p_action = 'reject' then 'rejected'
    when p_status = 'forwarded' and p_action = 'supplement' then 'needs_supplement'
    when p_status = 'forwarded' and p_action = 'complete' then 'completed'
    when p_status = 'forwarded' and p_action = 'reject' then 'rejected'
  end::public.case_status
$$;

-- Material names of a 补正 request: a JSON array of 1–20 distinct non-empty strings of at most
-- 100 characters (trimmed), else INVALID_INPUT.
create or replace function app.material_names(p_missing jsonb) returns text[]
language plpgsql immutable
set search_path = ''
as $$
declare
  v_names text[];
begin
  if p_missing is null or jsonb_typeof(p_missing) <> 'array' or jsonb_array_length(p_missing) not between 1 and 20
     or exists (select 1 from jsonb_array_elements(p_missing) e where jsonb_typeof(e) <> 'string') then
    perform app.raise('INVALID_INPUT');
  end if;
  select array_agg(btrim(e) order by n) into v_names from jsonb_array_elements_text(p_missing) with ordinality as x(e, n);
  if exists (select 1 from unnest(v_names) v where length(v) not between 1 and 100)
     or (select count(distinct v) from unnest(v_names) v) <> cardinality(v_names) then
    perform app.raise('INVALID_INPUT');
  end if;
  return v_names;
end
$$;

-- A short optional text (trimmed; empty = none), else INVALID_INPUT when too long.
create or replace function app.short_text(p_text text, p_max integer) returns text
language plpgsql immutable
set search_path = ''
as $$
declare
  v_text text := nullif(btrim(p_text), '');
begin
  if length(v_text) > p_max then
    perform app.raise('INVALID_INPUT');
  end if;
  return v_text;
end
$$;

-- CaseSummary (server/contract/cases.ts)
create or replace function app.case_summary_json(p_case public.cases) returns jsonb
language sql stable
set search_path = ''
as $$
  select jsonb_build_object(
    'id', p_case.id,
    'status', p_case.status,
    'acceptedAt', app.iso_shanghai(p_case.accepted_at),
    'promisedBy', p_case.promised_by,
    'missingMaterials', case when p_case.status = 'needs_supplement' then to_jsonb(p_case.missing_materials) else '[]'::jsonb end,
    'rejectReason', case when p_case.status = 'rejected' then p_case.reject_reason end,
    'outcome', case when p_case.status = 'completed' then p_case.outcome end,
    'completedAt', app.iso_shanghai(p_case.finished_at))
$$;
grant execute on function app.case_summary_json(p_case cases) to authenticated, service_role;

-- CaseDetail without `undo` (the server adds it from lastStep and its clock). Undone steps are
-- listed for staff and admins of the case's centre only. Invoker's rights: what it reads is
-- filtered by row-level security for a reader (get_case), and complete inside the definer-rights
-- state changes.
create or replace function app.case_json(p_case public.cases) returns jsonb
language sql stable
set search_path = ''
as $$
  select app.case_summary_json(p_case) || jsonb_build_object(
    'centerId', p_case.center_id,
    'itemId', p_case.item_id,
    'itemName', i.name,
    'bookingId', p_case.booking_id,
    'ticketNumber', (select t.number from public.tickets t where t.id = p_case.ticket_id),
    'promisedDays', p_case.promised_days,
    'forwardNote', p_case.forward_note,
    'handlingSeconds', p_case.handling_seconds,
    'voided', p_case.voided_at is not null,
    'steps', coalesce((
      select jsonb_agg(jsonb_build_object('at', app.iso_shanghai(e.at), 'kind', e.kind, 'data', e.data, 'undone', e.undone_at is not null)
                       order by e.at, e.id)
      from public.booking_events e
      where e.case_id = p_case.id and (e.undone_at is null or app.can_see_center(p_case.center_id))), '[]'::jsonb),
    'lastStep', (
      select jsonb_build_object('kind', e.kind, 'at', app.iso_shanghai(e.at), 'byMe', e.actor_id = app.uid())
      from public.booking_events e
      where e.case_id = p_case.id and e.undone_at is null and e.kind <> 'rated'
      order by e.id desc limit 1))
  from public.service_items i
  where i.id = p_case.item_id
$$;
grant execute on function app.case_json(p_case cases) to authenticated, service_role;

-- The rating as the resident sees it, with the follow-up's state and result.
create or replace function app.rating_json(p_rating public.ratings) returns jsonb
language sql stable
set search_path = ''
as $$
  select jsonb_build_object(
    'level', p_rating.level,
    'indicators', to_jsonb(p_rating.indicators),
    'comment', p_rating.comment,
    'createdAt', app.iso_shanghai(p_rating.created_at),
    'followUp', exists (select 1 from public.rectifications r where r.rating_id = p_rating.id),
    'followUpResult', (
      select jsonb_build_object('status', r.status, 'dueBy', r.due_by, 'closedAt', app.iso_shanghai(r.closed_at), 'resolution', r.resolution)
      from public.rectifications r where r.rating_id = p_rating.id))
$$;
grant execute on function app.rating_json(p_rating ratings) to authenticated, service_role;

-- ---------------------------------------------------------------------------------------
-- Cases

-- What a case would be accepted from, checked: a checked-in booking of the centre (by id, or by
-- its queue number today), or a walk-in ticket of today with its item. Raises the reason it
-- cannot be accepted.
create or replace function app.case_source(p_center uuid, p_booking uuid, p_ticket_number integer, p_item uuid, p_day date)
returns jsonb
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_booking public.bookings;
  v_ticket public.tickets;
  v_booking_id uuid := p_booking;
  v_item uuid;
  v_case uuid;
begin
  if (p_booking is null) = (p_ticket_number is null) then
    perform app.raise('INVALID_INPUT');
  end if;
  if p_ticket_number is not null then
    select * into v_ticket from public.tickets t
    where t.center_id = p_center and t.service_date = p_day and t.number = p_ticket_number;
    if not found or v_ticket.status = 'cancelled' then
      perform app.raise('TICKET_NOT_FOUND');
    end if;
    if v_ticket.kind = 'booking' then
      v_booking_id := v_ticket.booking_id;
    else
      v_item := coalesce(p_item, v_ticket.item_id);
      if v_item is null then
        perform app.raise('ITEM_REQUIRED');
      end if;
      if not exists (
        select 1 from public.center_items ci join public.service_items i on i.id = ci.item_id and i.published
        where ci.center_id = p_center and ci.item_id = v_item) then
        perform app.raise('ITEM_NOT_OFFERED');
      end if;
      select c.id into v_case from public.cases c where c.ticket_id = v_ticket.id and c.voided_at is null;
    end if;
  end if;
  if v_booking_id is not null then
    select * into v_booking from public.bookings b where b.id = v_booking_id;
    if not found or v_booking.center_id <> p_center then
      perform app.raise('BOOKING_NOT_FOUND');
    end if;
    select c.id into v_case from public.cases c where c.booking_id = v_booking.id and c.voided_at is null;
    if v_case is null and v_booking.status in ('booked', 'confirmed') then
      perform app.raise('NOT_CHECKED_IN');
    end if;
    if v_case is null and v_booking.status <> 'checked_in' then
      perform app.raise('BOOKING_NOT_ACTIVE');
    end if;
    select * into v_ticket from public.tickets t where t.booking_id = v_booking.id;
    v_item := v_booking.item_id;
  end if;
  if v_case is not null then
    perform app.raise('ALREADY_ACCEPTED', jsonb_build_object('caseId', v_case));
  end if;
  return jsonb_build_object(
    'bookingId', v_booking.id,
    'ticketId', v_ticket.id,
    'calledAt', v_ticket.called_at,
    'itemId', v_item,
    'promisedDays', (select i.promised_days from public.service_items i where i.id = v_item),
    'acceptedOn', p_day);
end
$$;

-- Step one of 受理 for the server: what would be accepted and the item's promised working days,
-- so it can compute the promised date on the official calendar.
create or replace function public.case_intake(
  p_now timestamptz,
  p_booking uuid default null,
  p_ticket_number integer default null,
  p_item uuid default null
) returns jsonb
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_staff public.users := app.require_staff();
begin
  return app.case_source(v_staff.center_id, p_booking, p_ticket_number, p_item, (p_now at time zone 'Asia/Shanghai')::date);
end
$$;
grant execute on function public.case_intake(p_now timestamp with time zone, p_booking uuid, p_ticket_number integer, p_item uuid) to authenticated;

-- 受理: create the case. `p_promised_by` is the item's promised working days after today, from
-- the server's calendar; it must lie between that many calendar days and a generous bound.
create or replace function public.accept_case(
  p_promised_by date,
  p_now timestamptz,
  p_booking uuid default null,
  p_ticket_number integer default null,
  p_item uuid default null,
  p_idempotency_key text default null,
  p_request_hash text default ''
) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  v_staff public.users := app.require_staff();
  v_day date := (p_now at time zone 'Asia/Shanghai')::date;
  v_replay jsonb;
  v_source jsonb;
  v_days integer;
  v_case public.cases;
begin
  v_replay := app.claim_idempotency_key(p_idempotency_key, 'case_accept', p_request_hash, p_now);
  if v_replay is not null then
    return v_replay;
  end if;
  -- lock what the case is for: two windows cannot accept it twice
  if p_booking is not null then
    perform 1 from public.bookings b where b.id = p_booking for update;
  else
    perform 1 from public.bookings b
    where b.id = (select t.booking_id from public.tickets t
                  where t.center_id = v_staff.center_id and t.service_date = v_day and t.number = p_ticket_number)
    for update;
    perform 1 from public.tickets t
    where t.center_id = v_staff.center_id and t.service_date = v_day and t.number = p_ticket_number
    for update;
  end if;
  v_source := app.case_source(v_staff.center_id, p_booking, p_ticket_number, p_item, v_day);
  v_days := (v_source ->> 'promisedDays')::integer;
  if p_promised_by is null or p_promised_by < v_day + v_days or p_promised_by > v_day + v_days * 2 + 30
     or (v_days = 0 and p_promised_by <> v_day) then
    perform app.raise('INVALID_INPUT');
  end if;

  insert into public.cases (center_id, county_code, item_id, booking_id, ticket_id, accepted_at, accepted_by, accepted_on,
    promised_days, promised_by, service_started_at, updated_at)
  select v_staff.center_id, c.county_code, (v_source ->> 'itemId')::uuid, (v_source ->> 'bookingId')::uuid,
    (v_source ->> 'ticketId')::uuid, p_now, v_staff.id, v_day, v_days, p_promised_by,
    least(coalesce((v_source ->> 'calledAt')::timestamptz, p_now), p_now), p_now
  from public.centers c where c.id = v_staff.center_id
  returning * into v_case;
  perform app.append_booking_event(v_case.booking_id, p_now, 'accepted', v_staff.id,
                                   jsonb_build_object('promisedBy', v_case.promised_by), p_case => v_case.id);
  return app.remember_response(p_idempotency_key, app.case_json(v_case));
end
$$;
grant execute on function public.accept_case(p_promised_by date, p_now timestamp with time zone, p_booking uuid, p_ticket_number integer, p_item uuid, p_idempotency_key text, p_request_hash text) to authenticated;

-- The next step of a case, by the centre's staff: supplement (补正, p_missing), supplemented,
-- forward (上报, p_note), complete (办结, p_outcome), reject (不予受理, p_reason). Invalid steps
-- are INVALID_CASE_TRANSITION. Completing or rejecting ends the visit: the booking is completed.
create or replace function public.advance_case(
  p_case uuid,
  p_action text,
  p_now timestamptz,
  p_missing jsonb default null,
  p_note text default null,
  p_outcome text default null,
  p_reason text default null,
  p_idempotency_key text default null,
  p_request_hash text default ''
) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  v_staff public.users := app.require_staff();
  v_replay jsonb;
  v_case public.cases;
  v_before jsonb;
  v_next public.case_status;
  v_kind text;
  v_data jsonb := '{}'::jsonb;
  v_missing text[];
  v_text text;
begin
  if p_action is null or p_action not in ('supplement', 'supplemented', 'forward', 'complete', 'reject') then
    perform app.raise('INVALID_INPUT');
  end if;
  v_replay := app.claim_idempotency_key(p_idempotency_key, 'case_' || p_action, p_request_hash, p_now);
  if v_replay is not null then
    return v_replay;
  end if;
  v_case := app.lock_center_case(p_case, v_staff.center_id);
  v_next := app.case_next_status(v_case.status, p_action);
  if v_next is null then
    perform app.raise('INVALID_CASE_TRANSITION', jsonb_build_object('status', v_case.status, 'action', p_action));
  end if;
  v_before := to_jsonb(v_case);

  if p_action = 'supplement' then
    v_missing := app.material_names(p_missing);
    v_kind := 'needs_supplement';
    v_data := jsonb_build_object('missing', to_jsonb(v_missing));
    update public.cases set status = v_next, missing_materials = v_missing, updated_at = p_now
    where id = v_case.id returning * into v_case;
  elsif p_action = 'supplemented' then
    v_kind := 'supplemented';
    v_data := jsonb_build_object('missing', to_jsonb(v_case.missing_materials));
    update public.cases set status = v_next, missing_materials = '{}', updated_at = p_now
    where id = v_case.id returning * into v_case;
  elsif p_action = 'forward' then
    v_text := app.short_text(p_note, 200);
    v_kind := 'forwarded';
    v_data := jsonb_strip_nulls(jsonb_build_object('note', v_text));
    update public.cases set status = v_next, forward_note = v_text, updated_at = p_now
    where id = v_case.id returning * into v_case;
  elsif p_action = 'complete' then
    v_text := app.short_text(p_outcome, 200);
    v_kind := 'completed';
    v_data := jsonb_strip_nulls(jsonb_build_object('outcome', v_text));
    update public.cases set status = v_next, outcome = v_text, finished_at = p_now, finished_by = v_staff.id, updated_at = p_now
    where id = v_case.id returning * into v_case;
  else
    v_text := app.short_text(p_reason, 200);
    if v_text is null then
      perform app.raise('INVALID_INPUT');
    end if;
    v_kind := 'rejected';
    v_data := jsonb_build_object('reason', v_text);
    update public.cases set status = v_next, reject_reason = v_text, finished_at = p_now, finished_by = v_staff.id, updated_at = p_now
    where id = v_case.id returning * into v_case;
  end if;

  if v_next in ('completed', 'rejected') and v_case.booking_id is not null then
    update public.bookings set status = 'completed', updated_at = p_now
    where id = v_case.booking_id and status = 'checked_in';
  end if;
  perform app.append_booking_event(v_case.booking_id, p_now, v_kind, v_staff.id, v_data,
                                   p_case => v_case.id, p_undo_state => v_before);
  return app.remember_response(p_idempotency_key, app.case_json(v_case));
end
$$;
grant execute on function public.advance_case(p_case uuid, p_action text, p_now timestamp with time zone, p_missing jsonb, p_note text, p_outcome text, p_reason text, p_idempotency_key text, p_request_hash text) to authenticated;

-- 撤销: the caller takes back their own latest step of a case within 2 minutes. The event stays,
-- marked undone; the case returns to what it was before (undoing the acceptance voids the case).
-- Not once the resident has rated it.
create or replace function public.undo_case_step(
  p_case uuid,
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
  v_case public.cases;
  v_event public.booking_events;
  v_old public.cases;
begin
  v_replay := app.claim_idempotency_key(p_idempotency_key, 'case_undo', p_request_hash, p_now);
  if v_replay is not null then
    return v_replay;
  end if;
  v_case := app.lock_center_case(p_case, v_staff.center_id);
  select * into v_event from public.booking_events e
  where e.case_id = v_case.id and e.undone_at is null and e.kind <> 'rated'
  order by e.id desc limit 1
  for update;
  if not found or v_event.actor_id is distinct from v_staff.id then
    perform app.raise('NOTHING_TO_UNDO');
  end if;
  if p_now > v_event.at + interval '2 minutes' then
    perform app.raise('UNDO_EXPIRED', jsonb_build_object('minutes', 2));
  end if;
  if exists (select 1 from public.ratings r where r.case_id = v_case.id) then
    perform app.raise('UNDO_NOT_POSSIBLE');
  end if;

  if v_event.kind = 'accepted' then
    update public.cases set voided_at = p_now, voided_by = v_staff.id, updated_at = p_now
    where id = v_case.id returning * into v_case;
  else
    v_old := jsonb_populate_record(null::public.cases, v_event.undo_state);
    update public.cases
    set status = v_old.status, missing_materials = v_old.missing_materials, forward_note = v_old.forward_note,
        reject_reason = v_old.reject_reason, outcome = v_old.outcome, finished_at = v_old.finished_at,
        finished_by = v_old.finished_by, updated_at = p_now
    where id = v_case.id returning * into v_case;
    if v_event.kind in ('completed', 'rejected') and v_case.booking_id is not null then
      update public.bookings set status = 'checked_in', updated_at = p_now
      where id = v_case.booking_id and status = 'completed';
    end if;
  end if;
  update public.booking_events set undone_at = p_now, undone_by = v_staff.id where id = v_event.id;
  return app.remember_response(p_idempotency_key,
    app.case_json(v_case) || jsonb_build_object('undone', jsonb_build_object('kind', v_event.kind, 'at', app.iso_shanghai(v_event.at))));
end
$$;
grant execute on function public.undo_case_step(p_case uuid, p_now timestamp with time zone, p_idempotency_key text, p_request_hash text) to authenticated;

-- A case the caller may see (row-level security decides).
create or replace function public.get_case(p_id uuid) returns jsonb
language plpgsql stable
set search_path = ''
as $$
declare
  v_case public.cases;
begin
  select * into v_case from public.cases c where c.id = p_id and c.voided_at is null;
  if not found then
    perform app.raise('CASE_NOT_FOUND');
  end if;
  return app.case_json(v_case);
end
$$;
grant execute on function public.get_case(p_id uuid) to authenticated;

-- ---------------------------------------------------------------------------------------
-- The booking as its resident sees it, with its timeline, case and rating (so it lives here, after
-- the cases). Steps staff undid are left out of the timeline (they stay in booking_events, marked
-- undone).
create or replace function public.get_booking(p_id uuid) returns jsonb
language plpgsql stable
set search_path = ''
as $$
declare
  v_booking public.bookings;
  v_case public.cases;
  v_rating public.ratings;
begin
  select * into v_booking from public.bookings b where b.id = p_id;
  if not found then
    perform app.raise('BOOKING_NOT_FOUND');
  end if;
  select * into v_case from public.cases c where c.booking_id = v_booking.id and c.voided_at is null;
  select * into v_rating from public.ratings r where r.booking_id = v_booking.id;
  return app.booking_json(v_booking) || jsonb_build_object(
    'timeline', coalesce((
      select jsonb_agg(jsonb_build_object('at', app.iso_shanghai(e.at), 'kind', e.kind, 'data', e.data) order by e.at, e.id)
      from public.booking_events e where e.booking_id = v_booking.id and e.undone_at is null), '[]'::jsonb),
    'case', case when v_case.id is null then null else app.case_summary_json(v_case) end,
    'rating', case when v_rating.id is null then null else app.rating_json(v_rating) end);
end
$$;
grant execute on function public.get_booking(p_id uuid) to authenticated;

-- ---------------------------------------------------------------------------------------
-- Ratings

-- 好差评: the applicant (self) or a consenting family member rates a booking once its case is
-- completed or rejected, once. Level ≤ 2 opens a rectification due `p_follow_up_by` (10 working
-- days later, from the server's calendar), assigned to the centre's manager.
create or replace function public.rate_booking(
  p_booking uuid,
  p_level integer,
  p_indicators jsonb,
  p_follow_up_by date,
  p_now timestamptz,
  p_comment text default null,
  p_idempotency_key text default null,
  p_request_hash text default ''
) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  v_user public.users := app.require_account();
  v_day date := (p_now at time zone 'Asia/Shanghai')::date;
  v_replay jsonb;
  v_booking public.bookings;
  v_case public.cases;
  v_rating public.ratings;
  v_indicators text[];
  v_comment text;
  v_due date;
begin
  v_replay := app.claim_idempotency_key(p_idempotency_key, 'rate', p_request_hash, p_now);
  if v_replay is not null then
    return v_replay;
  end if;
  select * into v_booking from public.bookings b where b.id = p_booking for update;
  if v_booking.id is null then
    perform app.raise('BOOKING_NOT_FOUND');
  end if;
  if not (v_booking.booked_by = v_user.id or v_booking.applicant_id in (select app.my_person_ids())) then
    perform app.raise(case when app.can_see_center(v_booking.center_id) then 'FORBIDDEN' else 'BOOKING_NOT_FOUND' end);
  end if;
  -- the resident's own voice: the applicant or consenting family, not an agent or staff
  if not exists (
    select 1 from public.person_links l
    where l.user_id = v_user.id and l.person_id = v_booking.applicant_id
      and l.relation in ('self', 'family') and l.consented_at is not null) then
    perform app.raise('FORBIDDEN');
  end if;
  select * into v_case from public.cases c where c.booking_id = v_booking.id and c.voided_at is null;
  if v_case.id is null or v_case.status not in ('completed', 'rejected') then
    perform app.raise('RATING_NOT_YET');
  end if;
  if exists (select 1 from public.ratings r where r.booking_id = v_booking.id) then
    perform app.raise('ALREADY_RATED');
  end if;

  if p_level is null or p_level not between 1 and 5
     or p_indicators is null or jsonb_typeof(p_indicators) <> 'array'
     or exists (select 1 from jsonb_array_elements(p_indicators) e where jsonb_typeof(e) <> 'string') then
    perform app.raise('INVALID_INPUT');
  end if;
  select coalesce(array_agg(e order by n), '{}') into v_indicators from jsonb_array_elements_text(p_indicators) with ordinality as x(e, n);
  if (select count(distinct v) from unnest(v_indicators) v) <> cardinality(v_indicators) then
    perform app.raise('INVALID_INPUT');
  end if;
  v_comment := app.short_text(p_comment, 300);

  insert into public.ratings (booking_id, case_id, center_id, county_code, rated_by, staff_id, level, indicators, comment, created_at)
  values (v_booking.id, v_case.id, v_case.center_id, v_case.county_code, v_user.id, coalesce(v_case.finished_by, v_case.accepted_by),
          p_level, v_indicators, v_comment, p_now)
  returning * into v_rating;
  if p_level <= 2 then
    if p_follow_up_by is null or p_follow_up_by <= v_day or p_follow_up_by > v_day + 30 then
      perform app.raise('INVALID_INPUT');
    end if;
    v_due := p_follow_up_by;
    insert into public.rectifications (rating_id, case_id, booking_id, center_id, county_code, assigned_to, opened_at, due_by)
    values (v_rating.id, v_case.id, v_booking.id, v_case.center_id, v_case.county_code,
            (select u.id from public.users u
             where u.center_id = v_case.center_id and u.app_role = 'manager' and u.active
             order by u.created_at, u.id limit 1),
            p_now, v_due);
  end if;
  perform app.append_booking_event(v_booking.id, p_now, 'rated', v_user.id, jsonb_build_object('level', p_level),
                                   p_case => v_case.id);
  return app.remember_response(p_idempotency_key, app.rating_json(v_rating) || jsonb_build_object('followUpBy', v_due));
end
$$;
grant execute on function public.rate_booking(p_booking uuid, p_level integer, p_indicators jsonb, p_follow_up_by date, p_now timestamp with time zone, p_comment text, p_idempotency_key text, p_request_hash text) to authenticated;

-- Managers (their centre) and admins (their county) only; everyone else FORBIDDEN. A centre
-- outside the caller's scope is CENTER_NOT_FOUND, as if it did not exist.
create or replace function app.require_rating_reader(p_center uuid) returns void
language plpgsql stable
set search_path = ''
as $$
declare
  v_user public.users;
begin
  v_user := app.require_manager();
  if p_center is not null and not app.can_see_center(p_center) then
    perform app.raise('CENTER_NOT_FOUND');
  end if;
end
$$;
grant execute on function app.require_rating_reader(p_center uuid) to authenticated;

create or replace function app.rectification_json(p_r public.rectifications, p_today date) returns jsonb
language sql stable
set search_path = ''
as $$
  select jsonb_build_object(
    'id', p_r.id,
    'status', p_r.status,
    'openedAt', app.iso_shanghai(p_r.opened_at),
    'dueBy', p_r.due_by,
    'overdue', p_r.status = 'open' and p_r.due_by < p_today,
    'closedAt', app.iso_shanghai(p_r.closed_at),
    'closedByName', (select u.display_name from public.users u where u.id = p_r.closed_by),
    'resolution', p_r.resolution)
$$;
grant execute on function app.rectification_json(p_r rectifications, p_today date) to authenticated;

-- Ratings newest first, with their case's item, centre, the staff member who finished it, the
-- booking code (to open the booking) and the follow-up; and a summary over the whole filter.
create or replace function public.list_ratings(
  p_today date,
  p_center uuid default null,
  p_from date default null,
  p_to date default null,
  p_only_bad boolean default false,
  p_limit integer default 20,
  p_offset integer default 0
) returns jsonb
language plpgsql stable
set search_path = ''
as $$
begin
  perform app.require_rating_reader(p_center);
  return (
    with chosen as (
      -- row-level security keeps this to the caller's centre or county
      select r.* from public.ratings r
      where (p_center is null or r.center_id = p_center)
        and (p_from is null or r.created_at >= app.shanghai_day_start(p_from))
        and (p_to is null or r.created_at < app.shanghai_day_start(p_to + 1))
    ),
    listed as (
      select * from chosen where not coalesce(p_only_bad, false) or level <= 2
    )
    select jsonb_build_object(
      'summary', jsonb_build_object(
        'total', (select count(*) from chosen),
        'satisfied', (select count(*) from chosen where level >= 4),
        'byLevel', jsonb_build_object(
          '1', (select count(*) from chosen where level = 1), '2', (select count(*) from chosen where level = 2),
          '3', (select count(*) from chosen where level = 3), '4', (select count(*) from chosen where level = 4),
          '5', (select count(*) from chosen where level = 5)),
        'indicators', coalesce((
          select jsonb_object_agg(code, n) from (
            select unnest(indicators) as code, count(*) as n from chosen group by 1) x), '{}'::jsonb),
        'openFollowUps', (select count(*) from public.rectifications x
                          where x.rating_id in (select id from chosen) and x.status = 'open'),
        'overdueFollowUps', (select count(*) from public.rectifications x
                             where x.rating_id in (select id from chosen) and x.status = 'open' and x.due_by < p_today)),
      'total', (select count(*) from listed),
      'rows', coalesce((
        select jsonb_agg(row order by created_at desc, id) from (
          select l.created_at, l.id, jsonb_build_object(
            'id', l.id,
            'level', l.level,
            'indicators', to_jsonb(l.indicators),
            'comment', l.comment,
            'createdAt', app.iso_shanghai(l.created_at),
            'itemName', i.name,
            'center', app.center_ref(c),
            'staffName', (select u.display_name from public.users u where u.id = l.staff_id),
            'bookingId', l.booking_id,
            'bookingCode', b.code,
            'followUp', (select app.rectification_json(x, p_today) from public.rectifications x where x.rating_id = l.id)
          ) as row
          from listed l
          join public.cases k on k.id = l.case_id
          join public.service_items i on i.id = k.item_id
          join public.centers c on c.id = l.center_id
          join public.bookings b on b.id = l.booking_id
          order by l.created_at desc, l.id
          limit least(greatest(coalesce(p_limit, 20), 1), 100) offset greatest(coalesce(p_offset, 0), 0)
        ) page), '[]'::jsonb)
    )
  );
end
$$;
grant execute on function public.list_ratings(p_today date, p_center uuid, p_from date, p_to date, p_only_bad boolean, p_limit integer, p_offset integer) to authenticated;

-- Close a follow-up with what was done (e.g. 已电话联系群众，说明补交材料要求，并对窗口人员批评教育).
-- The centre's manager or the county admin; closing again with the same words answers the same.
create or replace function public.close_rectification(p_id uuid, p_resolution text, p_now timestamptz, p_today date)
returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  v_user public.users;
  v_r public.rectifications;
  v_resolution text := nullif(trim(p_resolution), '');
begin
  v_user := app.require_manager();
  select * into v_r from public.rectifications r where r.id = p_id for update;
  if not found or not (
       (v_user.app_role = 'manager' and v_r.center_id = v_user.center_id)
       or (v_user.app_role = 'admin' and v_r.county_code = v_user.county_code)) then
    perform app.raise('RECTIFICATION_NOT_FOUND');
  end if;
  if v_resolution is null or length(v_resolution) < 4 or length(v_resolution) > 500 then
    perform app.raise('INVALID_INPUT'); -- the API checks it first, with the field named
  end if;
  if v_r.status = 'closed' then
    if v_r.resolution = v_resolution then
      return app.rectification_json(v_r, p_today);
    end if;
    perform app.raise('RECTIFICATION_CLOSED');
  end if;
  update public.rectifications r
  set status = 'closed', closed_at = p_now, closed_by = v_user.id, resolution = v_resolution
  where r.id = p_id
  returning * into v_r;
  perform app.audit(p_now, 'rating.follow_up_close', 'rectification', p_id::text,
    jsonb_build_object('ratingId', v_r.rating_id, 'dueBy', v_r.due_by, 'late', v_r.due_by < p_today), v_r.center_id);
  return app.rectification_json(v_r, p_today);
end
$$;
grant execute on function public.close_rectification(p_id uuid, p_resolution text, p_now timestamp with time zone, p_today date) to authenticated;
