-- Booking state changes, one function each, atomic. The server passes `p_now` (its clock,
-- read once per request) so rules about time are testable; candidates for a slot come from
-- the server's slot generation (server/booking/slots.ts) and are materialised here once.

create or replace function app.shanghai_day_start(p_date date) returns timestamptz
language sql immutable
set search_path = ''
as $$
  select p_date::timestamp at time zone 'Asia/Shanghai'
$$;

-- An instant as ISO 8601 in Shanghai time ("2026-12-01T09:30:00+08:00"), whatever the
-- session's time zone (Supabase runs in UTC): what every API response shows.
create or replace function app.iso_shanghai(p_at timestamptz) returns text
language sql immutable
set search_path = ''
as $$
  select to_char(p_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24:MI:SS"+08:00"')
$$;

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

-- Everything availability needs for one centre, item and date range, in one round trip.
create or replace function public.booking_setup(p_center uuid, p_item uuid, p_from date, p_to date)
returns jsonb
language plpgsql stable
set search_path = ''
as $$
declare
  v_center public.centers;
  v_windows uuid[];
begin
  select * into v_center from public.centers c where c.id = p_center and c.active;
  if not found then
    perform app.raise('CENTER_NOT_FOUND');
  end if;
  if not exists (select 1 from public.service_items i where i.id = p_item and i.published) then
    perform app.raise('ITEM_NOT_FOUND');
  end if;
  if p_to < p_from or p_to - p_from > 62 then
    perform app.raise('INVALID_DATE_RANGE');
  end if;
  select coalesce(array_agg(w.id order by w.number), '{}') into v_windows
  from public.windows w join public.window_items wi on wi.window_id = w.id
  where w.center_id = p_center and w.active and wi.item_id = p_item;

  return jsonb_build_object(
    'center', jsonb_build_object('id', v_center.id, 'kind', v_center.kind, 'scheduleNote', v_center.schedule_note),
    'offered', exists (select 1 from public.center_items ci where ci.center_id = p_center and ci.item_id = p_item),
    'rules', (select to_jsonb(r) - 'center_id' from app.booking_rules(p_center) r),
    'windowIds', to_jsonb(v_windows),
    'templates', coalesce((
      select jsonb_agg(jsonb_build_object(
        'id', t.id, 'windowId', t.window_id, 'itemIds', null, 'weekday', t.weekday,
        'starts', to_char(t.starts, 'HH24:MI'), 'ends', to_char(t.ends, 'HH24:MI'),
        'slotMinutes', t.slot_minutes, 'seats', t.seats, 'walkInSeats', t.walk_in_seats,
        'validFrom', t.valid_from, 'validTo', t.valid_to))
      from public.capacity_templates t where t.window_id = any (v_windows)), '[]'::jsonb),
    'overrides', coalesce((
      select jsonb_agg(jsonb_build_object(
        'date', o.date, 'windowId', o.window_id,
        'starts', to_char(o.starts, 'HH24:MI'), 'ends', to_char(o.ends, 'HH24:MI'),
        'slotMinutes', o.slot_minutes, 'seats', o.seats, 'walkInSeats', o.walk_in_seats))
      from public.capacity_overrides o
      where o.center_id = p_center and o.window_id = any (v_windows) and o.date between p_from and p_to), '[]'::jsonb),
    'closures', coalesce((
      select jsonb_agg(jsonb_build_object('date', cl.date, 'windowId', cl.window_id, 'reason', cl.reason))
      from public.closures cl where cl.center_id = p_center and cl.date between p_from and p_to), '[]'::jsonb),
    'slots', coalesce((
      select jsonb_agg(jsonb_build_object(
        'windowId', s.window_id, 'startsAt', app.iso_shanghai(s.starts_at), 'endsAt', app.iso_shanghai(s.ends_at),
        'seats', s.seats, 'walkInSeats', s.walk_in_seats, 'booked', s.booked))
      from public.slots s
      where s.center_id = p_center
        and s.starts_at >= app.shanghai_day_start(p_from)
        and s.starts_at < app.shanghai_day_start(p_to + 1)
        and s.window_id = any (v_windows)), '[]'::jsonb)
  );
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
declare
  v_row public.idempotency_keys;
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
  select * into v_row from public.idempotency_keys k where k.user_id = app.uid() and k.key = p_key;
  if v_row.operation <> p_operation or v_row.request_hash <> p_hash then
    perform app.raise('IDEMPOTENCY_KEY_REUSED');
  end if;
  return v_row.response;
end
$$;

-- A retry's stored answer, looked up before any other work (null when the key is new).
create or replace function public.idempotent_response(p_key text, p_operation text, p_hash text) returns jsonb
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_row public.idempotency_keys;
begin
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

create or replace function app.remember_response(p_key text, p_response jsonb) returns jsonb
language sql
set search_path = ''
as $$
  update public.idempotency_keys set response = p_response where user_id = app.uid() and key = p_key;
  select p_response;
$$;

-- Lock the candidate slots of one start time (materialising them first) and return the one
-- with the most free seats, or null when all are full. Rows are locked in id order, so
-- concurrent bookers queue instead of deadlocking.
create or replace function app.take_seat(p_center uuid, p_item uuid, p_start timestamptz, p_candidates jsonb)
returns public.slots
language plpgsql
set search_path = ''
as $$
declare
  v_slot public.slots;
begin
  insert into public.slots (center_id, window_id, starts_at, ends_at, seats, walk_in_seats)
  select p_center, w.id, (c ->> 'startsAt')::timestamptz, (c ->> 'endsAt')::timestamptz,
         (c ->> 'seats')::smallint, (c ->> 'walkInSeats')::smallint
  from jsonb_array_elements(coalesce(p_candidates, '[]'::jsonb)) c
  join public.windows w on w.id = (c ->> 'windowId')::uuid and w.center_id = p_center and w.active
  join public.window_items wi on wi.window_id = w.id and wi.item_id = p_item
  where (c ->> 'startsAt')::timestamptz = p_start
  on conflict (window_id, starts_at) do nothing;

  perform 1 from public.slots s
  join public.window_items wi on wi.window_id = s.window_id and wi.item_id = p_item
  where s.center_id = p_center and s.starts_at = p_start
    and s.window_id in (select (c ->> 'windowId')::uuid from jsonb_array_elements(coalesce(p_candidates, '[]'::jsonb)) c)
  order by s.id
  for update of s;
  if not found then
    perform app.raise('SLOT_NOT_AVAILABLE');
  end if;

  select s.* into v_slot from public.slots s
  join public.window_items wi on wi.window_id = s.window_id and wi.item_id = p_item
  where s.center_id = p_center and s.starts_at = p_start
    and s.window_id in (select (c ->> 'windowId')::uuid from jsonb_array_elements(coalesce(p_candidates, '[]'::jsonb)) c)
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

create or replace function public.book(
  p_center uuid,
  p_item uuid,
  p_slot_start timestamptz,
  p_candidates jsonb,
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
  v_user public.users := app.current_account();
  v_replay jsonb;
  v_applicant uuid;
  v_relation text;
  v_via text;
  v_rules public.booking_rules := app.booking_rules(p_center);
  v_restriction public.booking_restrictions;
  v_slot public.slots;
  v_booking public.bookings;
  v_result jsonb;
begin
  if v_user.id is null then
    perform app.raise('UNAUTHENTICATED');
  end if;
  v_replay := app.claim_idempotency_key(p_idempotency_key, 'book', p_request_hash, p_now);
  if v_replay is not null then
    return v_replay;
  end if;

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

  if not exists (
    select 1 from public.center_items ci
    join public.centers c on c.id = ci.center_id and c.active
    join public.service_items i on i.id = ci.item_id and i.published
    where ci.center_id = p_center and ci.item_id = p_item) then
    perform app.raise('ITEM_NOT_OFFERED');
  end if;
  if p_slot_start <= p_now + make_interval(hours => v_rules.close_hours_before) then
    perform app.raise('SLOT_NOT_AVAILABLE');
  end if;

  if v_via in ('self', 'family') then
    select * into v_restriction from public.booking_restrictions r
    where r.person_id = v_applicant and r.starts_at <= p_now and r.ends_at > p_now
    order by r.ends_at desc limit 1;
    if found then
      perform app.raise('BOOKING_RESTRICTED', jsonb_build_object('until', app.iso_shanghai(v_restriction.ends_at), 'reason', v_restriction.reason));
    end if;
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

  v_slot := app.take_seat(p_center, p_item, p_slot_start, p_candidates);
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
  insert into public.booking_events (booking_id, at, kind, actor_id)
  values (v_booking.id, p_now, 'booked', v_user.id);

  v_result := app.booking_json(v_booking);
  return app.remember_response(p_idempotency_key, v_result);
end
$$;

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
  if (app.current_account()).id is null then
    perform app.raise('UNAUTHENTICATED');
  end if;
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
  if v_booking.slot_starts_at - make_interval(hours => v_rules.cancel_hours_before) <= p_now then
    perform app.raise('CANCEL_TOO_LATE', jsonb_build_object('hours', v_rules.cancel_hours_before));
  end if;

  update public.slots set booked = booked - 1 where id = v_booking.slot_id;
  update public.bookings
  set status = 'cancelled', cancelled_at = p_now, updated_at = p_now, status_reason = nullif(trim(p_reason), '')
  where id = v_booking.id
  returning * into v_booking;
  insert into public.booking_events (booking_id, at, kind, actor_id, data)
  values (v_booking.id, p_now, 'cancelled', app.uid(), jsonb_strip_nulls(jsonb_build_object('reason', nullif(trim(p_reason), ''))));
  return app.remember_response(p_idempotency_key, app.booking_json(v_booking));
end
$$;

-- Move a booking to another start time: the old seat is released only if the new one is taken.
create or replace function public.reschedule_booking(
  p_booking uuid,
  p_slot_start timestamptz,
  p_candidates jsonb,
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
  v_restriction public.booking_restrictions;
begin
  if (app.current_account()).id is null then
    perform app.raise('UNAUTHENTICATED');
  end if;
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
  if v_booking.slot_starts_at - make_interval(hours => v_rules.cancel_hours_before) <= p_now then
    perform app.raise('CANCEL_TOO_LATE', jsonb_build_object('hours', v_rules.cancel_hours_before));
  end if;
  if v_booking.booked_via in ('self', 'family') then
    select * into v_restriction from public.booking_restrictions r
    where r.person_id = v_booking.applicant_id and r.starts_at <= p_now and r.ends_at > p_now
    order by r.ends_at desc limit 1;
    if found then
      perform app.raise('BOOKING_RESTRICTED', jsonb_build_object('until', app.iso_shanghai(v_restriction.ends_at), 'reason', v_restriction.reason));
    end if;
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

  v_slot := app.take_seat(v_booking.center_id, v_booking.item_id, p_slot_start, p_candidates);
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
  insert into public.booking_events (booking_id, at, kind, actor_id, data)
  values (v_booking.id, p_now, 'rescheduled', app.uid(),
          jsonb_build_object('from', app.iso_shanghai(v_old.slot_starts_at), 'to', app.iso_shanghai(v_booking.slot_starts_at)));
  return app.remember_response(p_idempotency_key, app.booking_json(v_booking));
end
$$;

-- The caller's bookings and their linked people's (row-level security decides).
create or replace function public.list_my_bookings() returns jsonb
language sql stable
set search_path = ''
as $$
  select jsonb_build_object('bookings', coalesce(jsonb_agg(app.booking_json(b) order by b.slot_starts_at desc), '[]'::jsonb))
  from public.bookings b
  where b.booked_by = app.uid() or b.applicant_id in (select app.my_person_ids())
$$;

create or replace function public.get_booking(p_id uuid) returns jsonb
language plpgsql stable
set search_path = ''
as $$
declare
  v_booking public.bookings;
begin
  select * into v_booking from public.bookings b where b.id = p_id;
  if not found then
    perform app.raise('BOOKING_NOT_FOUND');
  end if;
  return app.booking_json(v_booking) || jsonb_build_object(
    'timeline', coalesce((
      select jsonb_agg(jsonb_build_object('at', app.iso_shanghai(e.at), 'kind', e.kind, 'data', e.data) order by e.at, e.id)
      from public.booking_events e where e.booking_id = v_booking.id), '[]'::jsonb));
end
$$;

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

-- Staff check a booking in: it joins the day's queue with the next ticket number.
create or replace function public.check_in_booking(p_code text, p_now timestamptz) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  v_booking public.bookings;
  v_day date := (p_now at time zone 'Asia/Shanghai')::date;
  v_number integer;
begin
  select * into v_booking from public.bookings b where b.code = upper(trim(p_code)) for update;
  if not found or not app.can_see_center(v_booking.center_id) or app.staff_center_id() is null then
    perform app.raise(case when app.staff_center_id() is null then 'FORBIDDEN' else 'BOOKING_NOT_FOUND' end);
  end if;
  if v_booking.status = 'checked_in' then
    return app.booking_json(v_booking) || jsonb_build_object('ticket',
      (select jsonb_build_object('number', t.number, 'serviceDate', t.service_date) from public.tickets t where t.booking_id = v_booking.id));
  end if;
  if v_booking.status not in ('booked', 'confirmed') then
    perform app.raise('BOOKING_NOT_ACTIVE');
  end if;
  if (v_booking.slot_starts_at at time zone 'Asia/Shanghai')::date <> v_day then
    perform app.raise('NOT_TODAY');
  end if;
  insert into public.ticket_counters as tc (center_id, service_date, last_number) values (v_booking.center_id, v_day, 1)
  on conflict (center_id, service_date) do update set last_number = tc.last_number + 1
  returning last_number into v_number;
  insert into public.tickets (center_id, service_date, number, item_id, booking_id, kind, issued_at, issued_by)
  values (v_booking.center_id, v_day, v_number, v_booking.item_id, v_booking.id, 'booking', p_now, app.uid());
  update public.bookings set status = 'checked_in', checked_in_at = p_now, updated_at = p_now
  where id = v_booking.id returning * into v_booking;
  insert into public.booking_events (booking_id, at, kind, actor_id, data)
  values (v_booking.id, p_now, 'checked_in', app.uid(), jsonb_build_object('ticket', v_number));
  return app.booking_json(v_booking) || jsonb_build_object('ticket', jsonb_build_object('number', v_number, 'serviceDate', v_day));
end
$$;

-- Staff issue a walk-in ticket: same numbering as checked-in bookings.
create or replace function public.issue_walk_in_ticket(p_now timestamptz, p_item uuid default null) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  v_center uuid := app.staff_center_id();
  v_day date := (p_now at time zone 'Asia/Shanghai')::date;
  v_number integer;
begin
  if v_center is null then
    perform app.raise('FORBIDDEN');
  end if;
  if p_item is not null and not exists (select 1 from public.center_items ci where ci.center_id = v_center and ci.item_id = p_item) then
    perform app.raise('ITEM_NOT_OFFERED');
  end if;
  insert into public.ticket_counters as tc (center_id, service_date, last_number) values (v_center, v_day, 1)
  on conflict (center_id, service_date) do update set last_number = tc.last_number + 1
  returning last_number into v_number;
  insert into public.tickets (center_id, service_date, number, item_id, kind, issued_at, issued_by)
  values (v_center, v_day, v_number, p_item, 'walk_in', p_now, app.uid());
  return jsonb_build_object('number', v_number, 'serviceDate', v_day, 'centerId', v_center, 'itemId', p_item, 'kind', 'walk_in');
end
$$;

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

-- Scheduled job: forget idempotency keys after 7 days (retries come within minutes).
create or replace function public.purge_idempotency_keys(p_now timestamptz) returns jsonb
language sql security definer
set search_path = ''
as $$
  with gone as (delete from public.idempotency_keys k where k.created_at < p_now - interval '7 days' returning 1)
  select jsonb_build_object('purgedIdempotencyKeys', count(*)) from gone
$$;

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

revoke all on function
  app.iso_shanghai(timestamptz), public.idempotent_response(text, text, text),
  app.shanghai_day_start(date), app.new_booking_code(), app.booking_json(public.bookings),
  app.claim_idempotency_key(text, text, text, timestamptz), app.remember_response(text, jsonb),
  app.take_seat(uuid, uuid, timestamptz, jsonb), app.check_booking_caps(uuid, timestamptz, public.booking_rules, uuid),
  app.lock_own_booking(uuid),
  public.booking_setup(uuid, uuid, date, date),
  public.book(uuid, uuid, timestamptz, jsonb, timestamptz, uuid, text, text, text),
  public.cancel_booking(uuid, timestamptz, text, text, text),
  public.reschedule_booking(uuid, timestamptz, jsonb, timestamptz, text, text),
  public.list_my_bookings(), public.get_booking(uuid), public.verify_booking(text),
  public.check_in_booking(text, timestamptz), public.issue_walk_in_ticket(timestamptz, uuid),
  public.mark_no_shows(timestamptz), public.booking_restriction(uuid, timestamptz),
  public.purge_idempotency_keys(timestamptz)
from public;
grant execute on function app.shanghai_day_start(date), app.iso_shanghai(timestamptz) to anon, authenticated, service_role;
grant execute on function public.idempotent_response(text, text, text) to authenticated;
grant execute on function app.booking_json(public.bookings) to authenticated, service_role;
grant execute on function public.booking_setup(uuid, uuid, date, date) to anon, authenticated, service_role;
grant execute on function
  public.book(uuid, uuid, timestamptz, jsonb, timestamptz, uuid, text, text, text),
  public.cancel_booking(uuid, timestamptz, text, text, text),
  public.reschedule_booking(uuid, timestamptz, jsonb, timestamptz, text, text),
  public.list_my_bookings(), public.get_booking(uuid), public.verify_booking(text),
  public.check_in_booking(text, timestamptz), public.issue_walk_in_ticket(timestamptz, uuid),
  public.booking_restriction(uuid, timestamptz)
to authenticated;
grant execute on function public.mark_no_shows(timestamptz), public.purge_idempotency_keys(timestamptz) to service_role;
