-- 70 Centre configuration by its manager or the county admin: opening hours, windows and the
-- items they serve, items enabled at the centre, capacity templates and per-date overrides,
-- closures, booking rules; and the staff on duty shown to the public (在岗公示).
--
-- Every change is one security-definer function that checks the caller's scope in the
-- database (a manager: their own centre; an admin: any centre of their county; nobody else)
-- and writes app.audit() in the same transaction.
--
-- Existing bookings. Slots are materialised on first booking with their seat counts fixed
-- (40_booking.sql). A change of capacity therefore brings every future materialised slot of
-- the centre in line with the new configuration in the same transaction
-- (app.reconcile_future_slots): never below the seats already booked (those are kept, and
-- reported), past slots untouched. Capacity changes hold an exclusive per-centre advisory lock;
-- app.take_seat holds the shared one, and refuses a candidate slot the current configuration
-- would not generate, so a booking computed from the old configuration can never materialise a
-- stale slot.

-- JSON arrays as SQL arrays (arguments travel as JSON on every backend)
create or replace function app.uuid_list(p jsonb) returns uuid[]
language sql immutable
set search_path = ''
as $$
  select case when p is null then null else array(select distinct e::uuid from jsonb_array_elements_text(p) e) end
$$;

create or replace function app.weekday_list(p jsonb) returns smallint[]
language sql immutable
set search_path = ''
as $$
  select case when p is null then null
    else array(select distinct e::smallint from jsonb_array_elements_text(p) e order by 1) end
$$;

-- ---------------------------------------------------------------------------------------
-- Scope and locks

-- A manager or a county admin, who configure centres: no account (or a deactivated one) is
-- UNAUTHENTICATED without a token, else FORBIDDEN; another role FORBIDDEN.
create or replace function app.require_config_manager() returns public.users
language plpgsql stable
set search_path = ''
as $$
declare
  v_user public.users := app.current_account();
begin
  if v_user.id is null then
    -- no account, or a deactivated one: refused outright
    perform app.raise(case when app.uid() is null then 'UNAUTHENTICATED' else 'FORBIDDEN' end);
  end if;
  if v_user.app_role not in ('manager', 'admin') then
    perform app.raise('FORBIDDEN');
  end if;
  return v_user;
end
$$;

-- The centre the caller may configure (locked against concurrent removal), or an error.
create or replace function app.manage_center(p_center uuid) returns public.centers
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_user public.users := app.require_config_manager();
  v_center public.centers;
begin
  select * into v_center from public.centers c where c.id = p_center;
  if not found then
    perform app.raise(case when v_user.app_role = 'admin' then 'CENTER_NOT_FOUND' else 'FORBIDDEN' end);
  end if;
  if not ((v_user.app_role = 'manager' and v_user.center_id = v_center.id)
          or (v_user.app_role = 'admin' and v_user.county_code = v_center.county_code)) then
    perform app.raise('FORBIDDEN');
  end if;
  return v_center;
end
$$;

-- Capacity changes take it exclusively, seat-taking shared: a change and a booking at the same
-- centre never interleave, bookings at other centres are not held up.
create or replace function app.lock_center_config(p_center uuid, p_exclusive boolean) returns void
language plpgsql
set search_path = ''
as $$
begin
  if p_exclusive then
    perform pg_advisory_xact_lock(hashtextextended('center-config:' || p_center::text, 0));
  else
    perform pg_advisory_xact_lock_shared(hashtextextended('center-config:' || p_center::text, 0));
  end if;
end
$$;
grant execute on function app.lock_center_config(p_center uuid, p_exclusive boolean) to authenticated, service_role;

-- ---------------------------------------------------------------------------------------
-- What the configuration says about one slot start of a window (its end and seats; no row when
-- the configuration has no such slot), from the same generator as availability and booking:
-- the calendar table decides holidays and 调休. app.reconcile_future_slots reads it.
create or replace function app.config_sessions(p_window uuid, p_start timestamptz)
returns table (ends_at timestamptz, seats smallint, walk_in_seats smallint)
language sql stable
set search_path = ''
as $$
  select g.ends_at, g.seats::smallint, g.walk_in_seats::smallint
  from public.windows w,
       app.center_day_slots(w.center_id, null, w.id, (p_start at time zone 'Asia/Shanghai')::date) g
  where w.id = p_window and w.active and g.window_id = p_window and g.starts_at = p_start
$$;
grant execute on function app.config_sessions(p_window uuid, p_start timestamp with time zone) to authenticated, service_role;

-- Bring every future materialised slot of the centre in line with its configuration. A slot
-- keeps at least the seats already booked (and its walk-in seats): nothing booked is lost; a
-- slot the configuration no longer has keeps only its booked seats, so nobody new can book it.
-- Returns what it did, with the kept slots for the manager to follow up.
create or replace function app.reconcile_future_slots(p_center uuid, p_now timestamptz)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_slot public.slots;
  v_found boolean;
  v_n_ends timestamptz;
  v_n_seats smallint;
  v_n_walk smallint;
  v_seats smallint;
  v_walk smallint;
  v_ends timestamptz;
  v_updated int := 0;
  v_kept jsonb := '[]'::jsonb;
begin
  for v_slot in
    select * from public.slots s where s.center_id = p_center and s.starts_at > p_now order by s.id for update
  loop
    select m.ends_at, m.seats, m.walk_in_seats into v_n_ends, v_n_seats, v_n_walk
    from app.config_sessions(v_slot.window_id, v_slot.starts_at) m limit 1;
    v_found := found;
    if not v_found then
      v_seats := v_slot.booked; v_walk := 0; v_ends := v_slot.ends_at;
    elsif v_n_seats - v_n_walk >= v_slot.booked then
      v_seats := v_n_seats; v_walk := v_n_walk;
      -- a booked slot keeps its times: the residents were told them
      v_ends := case when v_slot.booked > 0 then v_slot.ends_at else v_n_ends end;
    else
      v_seats := least(v_slot.booked + v_n_walk, 500); v_walk := v_n_walk; v_ends := v_slot.ends_at;
    end if;
    if v_slot.booked > 0 and (not v_found or v_n_seats - v_n_walk < v_slot.booked) then
      v_kept := v_kept || jsonb_build_object('windowId', v_slot.window_id, 'start', app.iso_shanghai(v_slot.starts_at),
        'booked', v_slot.booked, 'inConfig', v_found);
    end if;
    if (v_seats, v_walk, v_ends) is distinct from (v_slot.seats, v_slot.walk_in_seats, v_slot.ends_at) then
      update public.slots set seats = v_seats, walk_in_seats = v_walk, ends_at = v_ends where id = v_slot.id;
      v_updated := v_updated + 1;
    end if;
  end loop;
  return jsonb_build_object('slotsUpdated', v_updated, 'kept', v_kept);
end
$$;

-- Active bookings from now on, of a centre, optionally one window, item, or dates.
create or replace function app.future_bookings(p_center uuid, p_now timestamptz, p_window uuid, p_item uuid)
returns jsonb
language sql stable
set search_path = ''
as $$
  select jsonb_build_object('count', count(*), 'first', app.iso_shanghai(min(b.slot_starts_at)))
  from public.bookings b
  where b.center_id = p_center and b.slot_starts_at > p_now
    and b.status in ('booked', 'confirmed')
    and (p_window is null or b.window_id = p_window)
    and (p_item is null or b.item_id = p_item)
$$;

-- ---------------------------------------------------------------------------------------
-- Staff on duty (在岗公示)
create table public.staff_profiles (
  id uuid primary key default extensions.gen_random_uuid(),
  center_id uuid not null references public.centers (id) on delete cascade,
  name text not null check (length(name) between 1 and 20),
  -- 岗位, e.g. 民政窗口
  post text not null check (length(post) between 2 and 30),
  photo bytea check (octet_length(photo) <= 204800),
  photo_type text check (photo_type in ('image/jpeg', 'image/png')),
  photo_updated_at timestamptz,
  -- shown to the public only while consent is recorded and not withdrawn
  consent_at timestamptz,
  consent_recorded_by uuid references public.users (id),
  consent_withdrawn_at timestamptz,
  -- regular duty days (ISO 1..7); staff_duty_dates overrides one date
  duty_weekdays smallint[] not null default '{}' check (duty_weekdays <@ array[1, 2, 3, 4, 5, 6, 7]::smallint[]),
  active boolean not null default true,
  sort_order smallint not null default 0,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  check ((photo is null) = (photo_type is null)),
  -- the bytes must be what the type says (JPEG FF D8 FF, PNG 89 50 4E 47 0D 0A 1A 0A)
  check (photo is null
         or (photo_type = 'image/jpeg' and substring(photo from 1 for 3) = '\xffd8ff'::bytea)
         or (photo_type = 'image/png' and substring(photo from 1 for 8) = '\x89504e470d0a1a0a'::bytea))
);

create index staff_profiles_center_idx on public.staff_profiles (center_id, sort_order);

create table public.staff_duty_dates (
  profile_id uuid not null references public.staff_profiles (id) on delete cascade,
  date date not null,
  on_duty boolean not null,
  primary key (profile_id, date)
);

alter table public.staff_profiles enable row level security;
alter table public.staff_duty_dates enable row level security;

-- no direct access: the public reads through center_on_duty / staff_photo (consented only),
-- managers through manage_center_config
revoke all on public.staff_profiles, public.staff_duty_dates from anon, authenticated;
grant all on public.staff_profiles, public.staff_duty_dates to service_role;

create or replace function app.staff_public(p_profile public.staff_profiles) returns boolean
language sql stable
set search_path = ''
as $$
  select p_profile.active and p_profile.consent_at is not null and p_profile.consent_withdrawn_at is null
$$;

create or replace function app.staff_on_duty(p_profile public.staff_profiles, p_date date) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select coalesce(
    (select d.on_duty from public.staff_duty_dates d where d.profile_id = p_profile.id and d.date = p_date),
    extract(isodow from p_date)::smallint = any (p_profile.duty_weekdays))
$$;

create or replace function app.staff_photo_url(p_profile public.staff_profiles) returns text
language sql stable
set search_path = ''
as $$
  -- the version in the URL changes with the photo, so it may be cached long
  select case when p_profile.photo is null then null
    else '/api/staff-photos/' || p_profile.id || '?v=' || extract(epoch from p_profile.photo_updated_at)::bigint end
$$;

-- Public: who is on duty at a centre on a date (today by default), consented profiles only.
create or replace function public.center_on_duty(p_center uuid, p_date date) returns jsonb
language plpgsql stable security definer
set search_path = ''
as $$
begin
  if not exists (select 1 from public.centers c where c.id = p_center and c.active) then
    perform app.raise('CENTER_NOT_FOUND');
  end if;
  return jsonb_build_object('centerId', p_center, 'date', p_date, 'staff', coalesce((
    select jsonb_agg(jsonb_build_object('id', p.id, 'name', p.name, 'post', p.post, 'photoUrl', app.staff_photo_url(p))
      order by p.sort_order, p.post, p.created_at)
    from public.staff_profiles p
    where p.center_id = p_center and app.staff_public(p) and app.staff_on_duty(p, p_date)), '[]'::jsonb));
end
$$;
grant execute on function public.center_on_duty(p_center uuid, p_date date) to anon, authenticated, service_role;

-- Public: a consented profile's photo (null when there is none or it may not be shown).
create or replace function public.staff_photo(p_profile uuid) returns jsonb
language sql stable security definer
set search_path = ''
as $$
  select jsonb_build_object('type', p.photo_type, 'data', encode(p.photo, 'base64'),
    'etag', md5(p.photo))
  from public.staff_profiles p
  join public.centers c on c.id = p.center_id and c.active
  where p.id = p_profile and p.photo is not null and app.staff_public(p)
$$;
grant execute on function public.staff_photo(p_profile uuid) to anon, authenticated, service_role;

-- ---------------------------------------------------------------------------------------
-- Reading the configuration (manager / admin)
create or replace function public.manage_list_centers() returns jsonb
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_user public.users := app.require_config_manager();
begin
  return jsonb_build_object('centers', coalesce((
    select jsonb_agg(jsonb_build_object('id', c.id, 'name', c.name, 'kind', c.kind, 'township', c.township, 'active', c.active)
      order by c.kind, c.sort_order, c.name)
    from public.centers c
    where (v_user.app_role = 'manager' and c.id = v_user.center_id)
       or (v_user.app_role = 'admin' and c.county_code = v_user.county_code)), '[]'::jsonb));
end
$$;
grant execute on function public.manage_list_centers() to authenticated;

create or replace function public.manage_center_config(p_center uuid, p_now timestamptz) returns jsonb
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_center public.centers := app.manage_center(p_center);
  v_today date := (p_now at time zone 'Asia/Shanghai')::date;
begin
  return jsonb_build_object(
    'center', jsonb_build_object('id', v_center.id, 'name', v_center.name, 'kind', v_center.kind,
      'township', v_center.township, 'countyCode', v_center.county_code, 'active', v_center.active),
    'openingHours', coalesce((
      select jsonb_agg(jsonb_build_object('weekday', h.weekday, 'opens', to_char(h.opens, 'HH24:MI'), 'closes', to_char(h.closes, 'HH24:MI'))
        order by h.weekday, h.opens)
      from public.center_opening_hours h where h.center_id = p_center), '[]'::jsonb),
    'windows', coalesce((
      select jsonb_agg(jsonb_build_object('id', w.id, 'number', w.number, 'name', w.name, 'active', w.active,
        'itemIds', coalesce((select jsonb_agg(wi.item_id order by wi.item_id) from public.window_items wi where wi.window_id = w.id), '[]'::jsonb))
        order by w.number)
      from public.windows w where w.center_id = p_center), '[]'::jsonb),
    'items', coalesce((
      select jsonb_agg(jsonb_build_object('id', i.id, 'code', i.code, 'name', i.name, 'department', d.name,
        'enabled', exists (select 1 from public.center_items ci where ci.center_id = p_center and ci.item_id = i.id))
        order by d.sort_order, i.name)
      from public.service_items i join public.departments d on d.id = i.department_id
      where i.county_code = v_center.county_code and i.published), '[]'::jsonb),
    'templates', coalesce((
      select jsonb_agg(jsonb_build_object('id', t.id, 'windowId', t.window_id, 'weekday', t.weekday,
        'starts', to_char(t.starts, 'HH24:MI'), 'ends', to_char(t.ends, 'HH24:MI'), 'slotMinutes', t.slot_minutes,
        'seats', t.seats, 'walkInSeats', t.walk_in_seats, 'validFrom', t.valid_from, 'validTo', t.valid_to)
        order by t.window_id, t.weekday, t.starts)
      from public.capacity_templates t where t.center_id = p_center), '[]'::jsonb),
    'overrides', coalesce((
      select jsonb_agg(jsonb_build_object('id', o.id, 'windowId', o.window_id, 'date', o.date,
        'starts', to_char(o.starts, 'HH24:MI'), 'ends', to_char(o.ends, 'HH24:MI'), 'slotMinutes', o.slot_minutes,
        'seats', o.seats, 'walkInSeats', o.walk_in_seats) order by o.date, o.window_id, o.starts)
      from public.capacity_overrides o where o.center_id = p_center and o.date >= v_today), '[]'::jsonb),
    'closures', coalesce((
      select jsonb_agg(jsonb_build_object('id', cl.id, 'date', cl.date, 'windowId', cl.window_id, 'reason', cl.reason)
        order by cl.date, cl.window_id nulls first)
      from public.closures cl where cl.center_id = p_center and cl.date >= v_today), '[]'::jsonb),
    'rules', (select to_jsonb(r) - 'center_id' from app.booking_rules(p_center) r),
    'staff', coalesce((
      select jsonb_agg(jsonb_build_object('id', p.id, 'name', p.name, 'post', p.post, 'active', p.active,
        'dutyWeekdays', to_jsonb(p.duty_weekdays), 'photoUrl', app.staff_photo_url(p),
        'hasPhoto', p.photo is not null,
        'consentAt', app.iso_shanghai(p.consent_at), 'consentWithdrawnAt', app.iso_shanghai(p.consent_withdrawn_at),
        'public', app.staff_public(p), 'onDutyToday', app.staff_on_duty(p, v_today),
        'todayOverride', (select d.on_duty from public.staff_duty_dates d where d.profile_id = p.id and d.date = v_today))
        order by p.sort_order, p.created_at)
      from public.staff_profiles p where p.center_id = p_center), '[]'::jsonb),
    'futureBookings', app.future_bookings(p_center, p_now, null, null)
  );
end
$$;
grant execute on function public.manage_center_config(p_center uuid, p_now timestamp with time zone) to authenticated;

-- ---------------------------------------------------------------------------------------
-- Opening hours: the weekly sessions residents read (replaces them all)
create or replace function public.manage_set_opening_hours(p_center uuid, p_hours jsonb, p_now timestamptz) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  v_center public.centers := app.manage_center(p_center);
  v_overlap int;
begin
  if exists (
    select 1 from jsonb_array_elements(coalesce(p_hours, '[]'::jsonb)) h
    where (h ->> 'weekday')::int not between 1 and 7 or (h ->> 'opens')::time >= (h ->> 'closes')::time) then
    perform app.raise('INVALID_HOURS');
  end if;
  select min((a.h ->> 'weekday')::int) into v_overlap
  from jsonb_array_elements(coalesce(p_hours, '[]'::jsonb)) with ordinality a(h, i)
  join jsonb_array_elements(coalesce(p_hours, '[]'::jsonb)) with ordinality b(h, i)
    on a.i < b.i and (a.h ->> 'weekday') = (b.h ->> 'weekday')
   and (a.h ->> 'opens')::time < (b.h ->> 'closes')::time and (b.h ->> 'opens')::time < (a.h ->> 'closes')::time;
  if v_overlap is not null then
    perform app.raise('HOURS_OVERLAP', jsonb_build_object('weekday', v_overlap));
  end if;
  delete from public.center_opening_hours where center_id = p_center;
  insert into public.center_opening_hours (center_id, weekday, opens, closes)
  select p_center, (h ->> 'weekday')::smallint, (h ->> 'opens')::time, (h ->> 'closes')::time
  from jsonb_array_elements(coalesce(p_hours, '[]'::jsonb)) h;
  update public.centers set updated_at = p_now where id = p_center;
  perform app.audit(p_now, 'center.hours', 'center', p_center::text,
    jsonb_build_object('sessions', jsonb_array_length(coalesce(p_hours, '[]'::jsonb))), p_center);
  return public.manage_center_config(p_center, p_now);
end
$$;
grant execute on function public.manage_set_opening_hours(p_center uuid, p_hours jsonb, p_now timestamp with time zone) to authenticated;

-- ---------------------------------------------------------------------------------------
-- Windows and the items they serve
create or replace function app.set_window_items(p_center uuid, p_window uuid, p_items uuid[], p_now timestamptz) returns void
language plpgsql
set search_path = ''
as $$
declare
  v_removed uuid[];
  v_count jsonb;
begin
  if exists (select 1 from unnest(p_items) i where not exists (
      select 1 from public.center_items ci where ci.center_id = p_center and ci.item_id = i)) then
    perform app.raise('ITEM_NOT_OFFERED');
  end if;
  select coalesce(array_agg(wi.item_id), '{}') into v_removed from public.window_items wi
  where wi.window_id = p_window and not (wi.item_id = any (p_items));
  select jsonb_build_object('count', count(*), 'first', app.iso_shanghai(min(b.slot_starts_at))) into v_count
  from public.bookings b
  where b.window_id = p_window and b.item_id = any (v_removed) and b.slot_starts_at > p_now and b.status in ('booked', 'confirmed');
  if (v_count ->> 'count')::int > 0 then
    perform app.raise('HAS_FUTURE_BOOKINGS', v_count);
  end if;
  delete from public.window_items wi where wi.window_id = p_window and wi.item_id = any (v_removed);
  insert into public.window_items (center_id, window_id, item_id)
  select p_center, p_window, i from unnest(p_items) i
  on conflict do nothing;
end
$$;

create or replace function public.manage_create_window(
  p_center uuid, p_number smallint, p_name text, p_item_ids jsonb, p_now timestamptz,
  p_idempotency_key text default null, p_request_hash text default ''
) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  v_center public.centers := app.manage_center(p_center);
  v_replay jsonb;
  v_window public.windows;
begin
  v_replay := app.claim_idempotency_key(p_idempotency_key, 'create_window', p_request_hash, p_now);
  if v_replay is not null then
    return v_replay;
  end if;
  perform app.lock_center_config(p_center, true);
  if exists (select 1 from public.windows w where w.center_id = p_center and w.number = p_number) then
    perform app.raise('WINDOW_NUMBER_TAKEN', jsonb_build_object('number', p_number));
  end if;
  insert into public.windows (center_id, number, name) values (p_center, p_number, trim(p_name)) returning * into v_window;
  perform app.set_window_items(p_center, v_window.id, app.uuid_list(p_item_ids), p_now);
  perform app.audit(p_now, 'center.window_create', 'window', v_window.id::text,
    jsonb_build_object('number', p_number, 'name', v_window.name, 'items', coalesce(jsonb_array_length(p_item_ids), 0)), p_center);
  return app.remember_response(p_idempotency_key, public.manage_center_config(p_center, p_now));
end
$$;
grant execute on function public.manage_create_window(p_center uuid, p_number smallint, p_name text, p_item_ids jsonb, p_now timestamp with time zone, p_idempotency_key text, p_request_hash text) to authenticated;

-- Rename, (de)activate and set the items of a window. Deactivating a window with bookings to
-- come, or taking an item away from it, is refused with how many (HAS_FUTURE_BOOKINGS).
create or replace function public.manage_update_window(
  p_center uuid, p_window uuid, p_name text, p_active boolean, p_item_ids jsonb, p_now timestamptz
) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  v_center public.centers := app.manage_center(p_center);
  v_window public.windows;
  v_count jsonb;
  v_result jsonb;
begin
  perform app.lock_center_config(p_center, true);
  select * into v_window from public.windows w where w.id = p_window and w.center_id = p_center for update;
  if not found then
    perform app.raise('WINDOW_NOT_FOUND');
  end if;
  if p_active is not null and not p_active and v_window.active then
    v_count := app.future_bookings(p_center, p_now, p_window, null);
    if (v_count ->> 'count')::int > 0 then
      perform app.raise('HAS_FUTURE_BOOKINGS', v_count);
    end if;
  end if;
  update public.windows set name = coalesce(nullif(trim(p_name), ''), name), active = coalesce(p_active, active)
  where id = p_window returning * into v_window;
  if p_item_ids is not null then
    perform app.set_window_items(p_center, p_window, app.uuid_list(p_item_ids), p_now);
  end if;
  v_result := app.reconcile_future_slots(p_center, p_now);
  perform app.audit(p_now, 'center.window_update', 'window', p_window::text,
    jsonb_strip_nulls(jsonb_build_object('name', nullif(trim(p_name), ''), 'active', p_active,
      'items', case when p_item_ids is null then null else jsonb_array_length(p_item_ids) end)), p_center);
  return public.manage_center_config(p_center, p_now) || jsonb_build_object('reconciled', v_result);
end
$$;
grant execute on function public.manage_update_window(p_center uuid, p_window uuid, p_name text, p_active boolean, p_item_ids jsonb, p_now timestamp with time zone) to authenticated;

-- ---------------------------------------------------------------------------------------
-- Items handled at the centre. Enabling adds the item to every active window (adjust per
-- window afterwards); disabling is refused while bookings for it are to come.
create or replace function public.manage_set_center_item(p_center uuid, p_item uuid, p_enabled boolean, p_now timestamptz)
returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  v_center public.centers := app.manage_center(p_center);
  v_count jsonb;
begin
  perform app.lock_center_config(p_center, true);
  if not exists (select 1 from public.service_items i where i.id = p_item and i.county_code = v_center.county_code and i.published) then
    perform app.raise('ITEM_NOT_FOUND');
  end if;
  if p_enabled then
    insert into public.center_items (county_code, center_id, item_id) values (v_center.county_code, p_center, p_item)
    on conflict do nothing;
    if found then
      insert into public.window_items (center_id, window_id, item_id)
      select p_center, w.id, p_item from public.windows w where w.center_id = p_center and w.active
      on conflict do nothing;
    end if;
  else
    v_count := app.future_bookings(p_center, p_now, null, p_item);
    if (v_count ->> 'count')::int > 0 then
      perform app.raise('HAS_FUTURE_BOOKINGS', v_count);
    end if;
    delete from public.center_items where center_id = p_center and item_id = p_item;
  end if;
  update public.centers set updated_at = p_now where id = p_center;
  perform app.audit(p_now, case when p_enabled then 'center.item_enable' else 'center.item_disable' end,
    'service_item', p_item::text, '{}'::jsonb, p_center);
  return jsonb_build_object('itemId', p_item, 'enabled', p_enabled);
end
$$;
grant execute on function public.manage_set_center_item(p_center uuid, p_item uuid, p_enabled boolean, p_now timestamp with time zone) to authenticated;

-- ---------------------------------------------------------------------------------------
-- Capacity: weekly templates and per-date overrides
create or replace function app.check_sessions(p_sessions jsonb) returns void
language plpgsql
set search_path = ''
as $$
begin
  if exists (
    select 1 from jsonb_array_elements(coalesce(p_sessions, '[]'::jsonb)) s
    where (s ->> 'starts')::time >= (s ->> 'ends')::time
       or (s ->> 'slotMinutes')::int not between 10 and 240
       or (s ->> 'seats')::int not between 0 and 500
       or (s ->> 'walkInSeats')::int not between 0 and (s ->> 'seats')::int) then
    perform app.raise('INVALID_SESSION');
  end if;
  if exists (
    select 1
    from jsonb_array_elements(coalesce(p_sessions, '[]'::jsonb)) with ordinality a(s, i)
    join jsonb_array_elements(coalesce(p_sessions, '[]'::jsonb)) with ordinality b(s, i) on a.i < b.i
    where (a.s ->> 'starts')::time < (b.s ->> 'ends')::time and (b.s ->> 'starts')::time < (a.s ->> 'ends')::time) then
    perform app.raise('SESSIONS_OVERLAP');
  end if;
end
$$;

-- Replace a window's sessions on the given weekdays, from now on (validity dates dropped).
create or replace function public.manage_set_templates(
  p_center uuid, p_window uuid, p_weekdays jsonb, p_sessions jsonb, p_now timestamptz
) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  v_center public.centers := app.manage_center(p_center);
  v_days smallint[];
  v_result jsonb;
begin
  perform app.lock_center_config(p_center, true);
  if not exists (select 1 from public.windows w where w.id = p_window and w.center_id = p_center) then
    perform app.raise('WINDOW_NOT_FOUND');
  end if;
  v_days := array(select distinct d::smallint from jsonb_array_elements_text(coalesce(p_weekdays, '[]'::jsonb)) d);
  if cardinality(v_days) = 0 or exists (select 1 from unnest(v_days) d where d not between 1 and 7) then
    perform app.raise('INVALID_SESSION');
  end if;
  perform app.check_sessions(p_sessions);
  delete from public.capacity_templates t where t.window_id = p_window and t.weekday = any (v_days);
  insert into public.capacity_templates (center_id, window_id, weekday, starts, ends, slot_minutes, seats, walk_in_seats)
  select p_center, p_window, d, (s ->> 'starts')::time, (s ->> 'ends')::time, (s ->> 'slotMinutes')::smallint,
         (s ->> 'seats')::smallint, (s ->> 'walkInSeats')::smallint
  from unnest(v_days) d, jsonb_array_elements(coalesce(p_sessions, '[]'::jsonb)) s;
  v_result := app.reconcile_future_slots(p_center, p_now);
  perform app.audit(p_now, 'center.capacity', 'window', p_window::text,
    jsonb_build_object('weekdays', to_jsonb(v_days), 'sessions', p_sessions,
      'slotsUpdated', v_result -> 'slotsUpdated', 'kept', jsonb_array_length(v_result -> 'kept')), p_center);
  return public.manage_center_config(p_center, p_now) || jsonb_build_object('reconciled', v_result);
end
$$;
grant execute on function public.manage_set_templates(p_center uuid, p_window uuid, p_weekdays jsonb, p_sessions jsonb, p_now timestamp with time zone) to authenticated;

-- Replace a window's sessions on one date (empty = back to the weekly template).
create or replace function public.manage_set_override(
  p_center uuid, p_window uuid, p_date date, p_sessions jsonb, p_now timestamptz
) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  v_center public.centers := app.manage_center(p_center);
  v_result jsonb;
begin
  perform app.lock_center_config(p_center, true);
  if not exists (select 1 from public.windows w where w.id = p_window and w.center_id = p_center) then
    perform app.raise('WINDOW_NOT_FOUND');
  end if;
  if p_date < (p_now at time zone 'Asia/Shanghai')::date then
    perform app.raise('DATE_IN_PAST');
  end if;
  perform app.check_sessions(p_sessions);
  delete from public.capacity_overrides o where o.window_id = p_window and o.date = p_date;
  insert into public.capacity_overrides (center_id, window_id, date, starts, ends, slot_minutes, seats, walk_in_seats)
  select p_center, p_window, p_date, (s ->> 'starts')::time, (s ->> 'ends')::time, (s ->> 'slotMinutes')::smallint,
         (s ->> 'seats')::smallint, (s ->> 'walkInSeats')::smallint
  from jsonb_array_elements(coalesce(p_sessions, '[]'::jsonb)) s;
  v_result := app.reconcile_future_slots(p_center, p_now);
  perform app.audit(p_now, 'center.capacity_override', 'window', p_window::text,
    jsonb_build_object('date', p_date, 'sessions', p_sessions,
      'slotsUpdated', v_result -> 'slotsUpdated', 'kept', jsonb_array_length(v_result -> 'kept')), p_center);
  return public.manage_center_config(p_center, p_now) || jsonb_build_object('reconciled', v_result);
end
$$;
grant execute on function public.manage_set_override(p_center uuid, p_window uuid, p_date date, p_sessions jsonb, p_now timestamp with time zone) to authenticated;

-- ---------------------------------------------------------------------------------------
-- Closures: a date range with the reason residents see. Days with active bookings are refused
-- (CLOSURE_HAS_BOOKINGS, with how many) unless p_cancel_affected: then those bookings are
-- cancelled with the reason, each with an event on the resident's timeline.
create or replace function public.manage_add_closure(
  p_center uuid, p_from date, p_to date, p_reason text, p_window uuid, p_cancel_affected boolean,
  p_now timestamptz
) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  v_center public.centers := app.manage_center(p_center);
  v_reason text := trim(p_reason);
  v_today date := (p_now at time zone 'Asia/Shanghai')::date;
  v_affected jsonb;
  v_cancelled int := 0;
  v_booking public.bookings;
  v_result jsonb;
  v_text text;
begin
  if p_from < v_today then
    perform app.raise('DATE_IN_PAST');
  end if;
  if p_to < p_from or p_to - p_from > 92 then
    perform app.raise('INVALID_DATE_RANGE');
  end if;
  if p_window is not null and not exists (select 1 from public.windows w where w.id = p_window and w.center_id = p_center) then
    perform app.raise('WINDOW_NOT_FOUND');
  end if;
  -- lock order as the booking functions': bookings first, then the centre's config lock, then slots
  perform 1 from public.bookings b
  where b.center_id = p_center and (p_window is null or b.window_id = p_window)
    and b.slot_starts_at >= app.shanghai_day_start(p_from) and b.slot_starts_at < app.shanghai_day_start(p_to + 1)
    and b.slot_starts_at > p_now and b.status in ('booked', 'confirmed')
  order by b.id for update;
  perform app.lock_center_config(p_center, true);

  select jsonb_build_object('count', count(*), 'first', app.iso_shanghai(min(b.slot_starts_at)),
           'dates', coalesce(jsonb_agg(distinct (b.slot_starts_at at time zone 'Asia/Shanghai')::date), '[]'::jsonb))
  into v_affected
  from public.bookings b
  where b.center_id = p_center and (p_window is null or b.window_id = p_window)
    and b.slot_starts_at >= app.shanghai_day_start(p_from) and b.slot_starts_at < app.shanghai_day_start(p_to + 1)
    and b.slot_starts_at > p_now and b.status in ('booked', 'confirmed');
  if (v_affected ->> 'count')::int > 0 and not coalesce(p_cancel_affected, false) then
    perform app.raise('CLOSURE_HAS_BOOKINGS', v_affected);
  end if;

  insert into public.closures (center_id, window_id, date, reason, created_at)
  select p_center, p_window, d::date, v_reason, p_now from generate_series(p_from, p_to, interval '1 day') d
  on conflict (center_id, coalesce(window_id, '00000000-0000-0000-0000-000000000000'::uuid), date)
  do update set reason = excluded.reason;

  v_text := '中心停止办公：' || v_reason;
  for v_booking in
    select * from public.bookings b
    where b.center_id = p_center and (p_window is null or b.window_id = p_window)
      and b.slot_starts_at >= app.shanghai_day_start(p_from) and b.slot_starts_at < app.shanghai_day_start(p_to + 1)
      and b.slot_starts_at > p_now and b.status in ('booked', 'confirmed')
    order by b.id for update
  loop
    update public.slots set booked = booked - 1 where id = v_booking.slot_id;
    update public.bookings set status = 'cancelled', cancelled_at = p_now, updated_at = p_now, status_reason = left(v_text, 200)
    where id = v_booking.id;
    perform app.append_booking_event(v_booking.id, p_now, 'cancelled', app.uid(),
                                     jsonb_build_object('reason', left(v_text, 200), 'by', 'center'));
    v_cancelled := v_cancelled + 1;
  end loop;

  v_result := app.reconcile_future_slots(p_center, p_now);
  perform app.audit(p_now, 'center.closure_add', 'center', p_center::text,
    jsonb_build_object('from', p_from, 'to', p_to, 'windowId', p_window, 'reason', v_reason, 'cancelledBookings', v_cancelled), p_center);
  return public.manage_center_config(p_center, p_now)
    || jsonb_build_object('cancelledBookings', v_cancelled, 'reconciled', v_result);
end
$$;
grant execute on function public.manage_add_closure(p_center uuid, p_from date, p_to date, p_reason text, p_window uuid, p_cancel_affected boolean, p_now timestamp with time zone) to authenticated;

create or replace function public.manage_remove_closure(p_center uuid, p_closure uuid, p_now timestamptz)
returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  v_center public.centers := app.manage_center(p_center);
  v_closure public.closures;
  v_result jsonb;
begin
  perform app.lock_center_config(p_center, true);
  delete from public.closures cl where cl.id = p_closure and cl.center_id = p_center returning * into v_closure;
  if v_closure.id is null then
    perform app.raise('CLOSURE_NOT_FOUND');
  end if;
  v_result := app.reconcile_future_slots(p_center, p_now);
  perform app.audit(p_now, 'center.closure_remove', 'center', p_center::text,
    jsonb_build_object('date', v_closure.date, 'windowId', v_closure.window_id, 'reason', v_closure.reason), p_center);
  return public.manage_center_config(p_center, p_now) || jsonb_build_object('reconciled', v_result);
end
$$;
grant execute on function public.manage_remove_closure(p_center uuid, p_closure uuid, p_now timestamp with time zone) to authenticated;

-- ---------------------------------------------------------------------------------------
-- Booking rules (apply to bookings made from now on; existing ones are not touched)
create or replace function public.manage_set_booking_rules(p_center uuid, p_rules jsonb, p_now timestamptz) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  v_center public.centers := app.manage_center(p_center);
  v_old public.booking_rules := app.booking_rules(p_center);
  v_new public.booking_rules;
begin
  v_new := jsonb_populate_record(v_old, p_rules);
  v_new.center_id := p_center;
  if v_new.monthly_cap < v_new.weekly_cap then
    perform app.raise('INVALID_RULES');
  end if;
  insert into public.booking_rules select v_new.*
  on conflict (center_id) do update set
    open_days_ahead = excluded.open_days_ahead, close_hours_before = excluded.close_hours_before,
    cancel_hours_before = excluded.cancel_hours_before, weekly_cap = excluded.weekly_cap,
    monthly_cap = excluded.monthly_cap, rebook_block_minutes = excluded.rebook_block_minutes,
    no_show_grace_minutes = excluded.no_show_grace_minutes, no_show_limit = excluded.no_show_limit,
    no_show_window_days = excluded.no_show_window_days, restriction_days = excluded.restriction_days;
  perform app.audit(p_now, 'center.rules', 'center', p_center::text,
    jsonb_build_object('from', to_jsonb(v_old) - 'center_id', 'to', to_jsonb(v_new) - 'center_id'), p_center);
  return public.manage_center_config(p_center, p_now);
end
$$;
grant execute on function public.manage_set_booking_rules(p_center uuid, p_rules jsonb, p_now timestamp with time zone) to authenticated;

-- ---------------------------------------------------------------------------------------
-- Staff profiles for the public notice
create or replace function app.lock_staff_profile(p_center uuid, p_profile uuid) returns public.staff_profiles
language plpgsql
set search_path = ''
as $$
declare
  v_profile public.staff_profiles;
begin
  select * into v_profile from public.staff_profiles p where p.id = p_profile and p.center_id = p_center for update;
  if not found then
    perform app.raise('STAFF_PROFILE_NOT_FOUND');
  end if;
  return v_profile;
end
$$;

-- Create (p_profile null) or change a profile. Names are not written to the audit log.
create or replace function public.manage_save_staff_profile(
  p_center uuid, p_profile uuid, p_name text, p_post text, p_duty_weekdays jsonb, p_active boolean,
  p_sort_order smallint, p_now timestamptz, p_idempotency_key text default null, p_request_hash text default ''
) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  v_center public.centers := app.manage_center(p_center);
  v_replay jsonb;
  v_profile public.staff_profiles;
begin
  if p_profile is null then
    v_replay := app.claim_idempotency_key(p_idempotency_key, 'create_staff_profile', p_request_hash, p_now);
    if v_replay is not null then
      return v_replay;
    end if;
    insert into public.staff_profiles (center_id, name, post, duty_weekdays, active, sort_order, created_at, updated_at)
    values (p_center, trim(p_name), trim(p_post), coalesce(app.weekday_list(p_duty_weekdays), '{}'), coalesce(p_active, true),
            coalesce(p_sort_order, 0), p_now, p_now)
    returning * into v_profile;
    perform app.audit(p_now, 'center.staff_create', 'staff_profile', v_profile.id::text,
      jsonb_build_object('post', v_profile.post, 'dutyWeekdays', to_jsonb(v_profile.duty_weekdays)), p_center);
    return app.remember_response(p_idempotency_key, public.manage_center_config(p_center, p_now));
  end if;
  v_profile := app.lock_staff_profile(p_center, p_profile);
  update public.staff_profiles set
    name = coalesce(nullif(trim(p_name), ''), name), post = coalesce(nullif(trim(p_post), ''), post),
    duty_weekdays = coalesce(app.weekday_list(p_duty_weekdays), duty_weekdays), active = coalesce(p_active, active),
    sort_order = coalesce(p_sort_order, sort_order), updated_at = p_now
  where id = p_profile returning * into v_profile;
  perform app.audit(p_now, 'center.staff_update', 'staff_profile', p_profile::text,
    jsonb_strip_nulls(jsonb_build_object('post', v_profile.post, 'dutyWeekdays', p_duty_weekdays,
      'active', p_active, 'renamed', p_name is not null)), p_center);
  return public.manage_center_config(p_center, p_now);
end
$$;
grant execute on function public.manage_save_staff_profile(p_center uuid, p_profile uuid, p_name text, p_post text, p_duty_weekdays jsonb, p_active boolean, p_sort_order smallint, p_now timestamp with time zone, p_idempotency_key text, p_request_hash text) to authenticated;

-- Consent to the public notice: recorded with its time and who recorded it; withdrawal
-- hides the profile (and its photo) at once.
create or replace function public.manage_set_staff_consent(p_center uuid, p_profile uuid, p_consented boolean, p_now timestamptz)
returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  v_center public.centers := app.manage_center(p_center);
  v_profile public.staff_profiles := app.lock_staff_profile(p_center, p_profile);
begin
  if p_consented then
    update public.staff_profiles set consent_at = p_now, consent_recorded_by = app.uid(), consent_withdrawn_at = null, updated_at = p_now
    where id = p_profile;
  elsif v_profile.consent_at is not null and v_profile.consent_withdrawn_at is null then
    update public.staff_profiles set consent_withdrawn_at = p_now, updated_at = p_now where id = p_profile;
  end if;
  perform app.audit(p_now, case when p_consented then 'center.staff_consent' else 'center.staff_consent_withdraw' end,
    'staff_profile', p_profile::text, '{}'::jsonb, p_center);
  return public.manage_center_config(p_center, p_now);
end
$$;
grant execute on function public.manage_set_staff_consent(p_center uuid, p_profile uuid, p_consented boolean, p_now timestamp with time zone) to authenticated;

-- Set (or with null data, remove) a profile's photo; the bytes are checked by a constraint.
create or replace function public.manage_set_staff_photo(p_center uuid, p_profile uuid, p_type text, p_data text, p_now timestamptz)
returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  v_center public.centers := app.manage_center(p_center);
  v_profile public.staff_profiles := app.lock_staff_profile(p_center, p_profile);
  v_bytes bytea := case when p_data is null then null else decode(p_data, 'base64') end;
begin
  if v_bytes is not null and (octet_length(v_bytes) > 204800
      or not ((p_type = 'image/jpeg' and substring(v_bytes from 1 for 3) = '\xffd8ff'::bytea)
           or (p_type = 'image/png' and substring(v_bytes from 1 for 8) = '\x89504e470d0a1a0a'::bytea))) then
    perform app.raise('INVALID_PHOTO');
  end if;
  update public.staff_profiles set photo = v_bytes, photo_type = case when v_bytes is null then null else p_type end,
    photo_updated_at = case when v_bytes is null then null else p_now end, updated_at = p_now
  where id = p_profile;
  perform app.audit(p_now, case when v_bytes is null then 'center.staff_photo_remove' else 'center.staff_photo' end,
    'staff_profile', p_profile::text,
    jsonb_strip_nulls(jsonb_build_object('type', p_type, 'bytes', octet_length(v_bytes))), p_center);
  return public.manage_center_config(p_center, p_now);
end
$$;
grant execute on function public.manage_set_staff_photo(p_center uuid, p_profile uuid, p_type text, p_data text, p_now timestamp with time zone) to authenticated;

-- On or off duty on one date (null: back to the weekly days).
create or replace function public.manage_set_staff_duty_date(p_center uuid, p_profile uuid, p_date date, p_on_duty boolean, p_now timestamptz)
returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  v_center public.centers := app.manage_center(p_center);
  v_profile public.staff_profiles := app.lock_staff_profile(p_center, p_profile);
begin
  if p_date < (p_now at time zone 'Asia/Shanghai')::date then
    perform app.raise('DATE_IN_PAST');
  end if;
  if p_on_duty is null then
    delete from public.staff_duty_dates where profile_id = p_profile and date = p_date;
  else
    insert into public.staff_duty_dates (profile_id, date, on_duty) values (p_profile, p_date, p_on_duty)
    on conflict (profile_id, date) do update set on_duty = excluded.on_duty;
  end if;
  perform app.audit(p_now, 'center.staff_duty', 'staff_profile', p_profile::text,
    jsonb_build_object('date', p_date, 'onDuty', p_on_duty), p_center);
  return public.manage_center_config(p_center, p_now);
end
$$;
grant execute on function public.manage_set_staff_duty_date(p_center uuid, p_profile uuid, p_date date, p_on_duty boolean, p_now timestamp with time zone) to authenticated;
