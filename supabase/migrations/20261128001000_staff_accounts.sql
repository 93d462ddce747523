-- Staff accounts: username + password login for window staff, centre managers and county
-- admins; administration of those accounts by admins (their county) and managers (their
-- centre's window staff); binding a staff account to the person's WeChat.
--
-- Passwords are hashed and checked in TypeScript (server/auth/passwords.ts, scrypt with a
-- per-account salt; the parameters travel inside the stored hash). The database only keeps
-- the hashes: the credentials table is readable by the service role alone, and the functions
-- that return a hash are service-role only.
--
-- An account that must change its password (new, or reset by an admin) is NOT an active
-- account for anything but the password change: app.current_account() and
-- app.my_person_ids() leave it out, so every function and policy built on them refuses it.
-- The password change itself runs as the service role, after the server checked the current
-- password.

create table public.staff_credentials (
  user_id uuid primary key references public.users (id) on delete cascade,
  -- unique in the whole system, lower case; what the person types at the login
  username text not null unique check (username ~ '^[a-z][a-z0-9_.-]{2,31}$'),
  -- scrypt$<N>$<r>$<p>$<salt base64url>$<hash base64url> (server/auth/passwords.ts)
  password_hash text not null check (password_hash ~ '^scrypt\$[0-9]+\$[0-9]+\$[0-9]+\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$'),
  must_change_password boolean not null default true,
  failed_attempts integer not null default 0 check (failed_attempts >= 0),
  locked_until timestamptz,
  password_changed_at timestamptz,
  last_login_at timestamptz,
  -- the person's WeChat (openid) for one-tap login to this staff account; a resident account
  -- with the same openid stays separate (users.wechat_openid)
  wechat_openid text unique check (length(wechat_openid) between 6 and 64),
  wechat_bound_at timestamptz,
  created_at timestamptz not null,
  check ((wechat_openid is null) = (wechat_bound_at is null))
);
create index staff_credentials_must_change_idx on public.staff_credentials (user_id) where must_change_password;

-- Failed logins for usernames that do not exist: counted and locked exactly like real ones,
-- so neither the answer nor the lockout tells whether a username exists. Rows older than a day
-- are purged by the login itself.
create table public.login_throttle (
  username text primary key check (length(username) between 1 and 64),
  failed_attempts integer not null default 0,
  locked_until timestamptz,
  last_failed_at timestamptz not null
);
create index login_throttle_last_failed_idx on public.login_throttle (last_failed_at);

alter table public.staff_credentials enable row level security;
alter table public.login_throttle enable row level security;
revoke all on public.staff_credentials, public.login_throttle from public, anon, authenticated;
grant all on public.staff_credentials, public.login_throttle to service_role;

-- ---------------------------------------------------------------------------------------
-- The caller's active account: deactivated accounts and accounts that must change their
-- password first are not active (see the header).
create or replace function app.current_account() returns public.users
language sql stable security definer
set search_path = ''
as $$
  select u.* from public.users u
  where u.id = app.uid() and u.active
    and not exists (select 1 from public.staff_credentials c where c.user_id = u.id and c.must_change_password)
$$;

create or replace function app.my_person_ids() returns setof uuid
language sql stable security definer
set search_path = ''
as $$
  select l.person_id from public.person_links l
  join public.users u on u.id = l.user_id and u.active
  where l.user_id = app.uid() and l.consented_at is not null
    and not exists (select 1 from public.staff_credentials c where c.user_id = u.id and c.must_change_password)
$$;

-- My bookings: refused (not an empty list) for an account that is not active, so a stopped
-- account or one that must change its password is told so, like on every other route.
create or replace function public.list_my_bookings() returns jsonb
language plpgsql stable
set search_path = ''
as $$
begin
  if (select (app.current_account()).id) is null then
    perform app.raise('UNAUTHENTICATED');
  end if;
  return (
    select jsonb_build_object('bookings', coalesce(jsonb_agg(app.booking_json(b) order by b.slot_starts_at desc), '[]'::jsonb))
    from (
      select x.* from public.bookings x where x.booked_by = (select (app.current_account()).id)
      union
      select x.* from public.bookings x join app.my_person_ids() as p(id) on x.applicant_id = p.id
    ) b);
end
$$;

-- Lockout policy, in one place.
create or replace function app.login_max_failures() returns integer language sql immutable as $$ select 5 $$;
create or replace function app.login_lock_minutes() returns integer language sql immutable as $$ select 15 $$;

-- Whole minutes left of a lock (at least 1).
create or replace function app.minutes_left(p_until timestamptz, p_now timestamptz) returns integer
language sql immutable
as $$ select greatest(1, ceil(extract(epoch from (p_until - p_now)) / 60)::int) $$;

-- An audit row with an explicit actor: for the service-role functions below (the login, the
-- password change, WeChat binding), where the caller is the server acting for that user.
create or replace function app.audit_as(
  p_actor uuid,
  p_now timestamptz,
  p_action text,
  p_target_id text,
  p_detail jsonb default '{}'::jsonb
) returns void
language plpgsql security definer
set search_path = ''
as $$
declare
  v_actor public.users;
begin
  select * into v_actor from public.users u where u.id = p_actor;
  insert into public.audit_log (at, actor_id, actor_name, actor_role, county_code, center_id, action, target_type, target_id, detail)
  values (p_now, v_actor.id, v_actor.display_name, coalesce(v_actor.app_role::text, 'system'),
          coalesce(v_actor.county_code, (select c.county_code from public.centers c where c.id = v_actor.center_id)),
          v_actor.center_id, p_action, 'account', p_target_id, coalesce(p_detail, '{}'::jsonb));
end
$$;

-- The account as the administration screens show it (no hash, no openid).
create or replace function app.account_json(p_user uuid, p_now timestamptz) returns jsonb
language sql stable security definer
set search_path = ''
as $$
  select jsonb_build_object(
    'id', u.id, 'username', c.username, 'displayName', u.display_name, 'role', u.app_role,
    'centerId', u.center_id, 'centerName', ce.name,
    'countyCode', coalesce(u.county_code, ce.county_code),
    'active', u.active,
    'mustChangePassword', coalesce(c.must_change_password, false),
    'lockedUntil', case when c.locked_until > p_now then app.iso_shanghai(c.locked_until) end,
    'wechatBound', c.wechat_openid is not null,
    'lastLoginAt', app.iso_shanghai(c.last_login_at),
    'passwordChangedAt', app.iso_shanghai(c.password_changed_at),
    'createdAt', app.iso_shanghai(u.created_at))
  from public.users u
  left join public.staff_credentials c on c.user_id = u.id
  left join public.centers ce on ce.id = u.center_id
  where u.id = p_user
$$;

-- What the login answers: the account as tokens carry it, and whether the password must be
-- changed first.
create or replace function app.login_json(p_user uuid) returns jsonb
language sql stable security definer
set search_path = ''
as $$
  select jsonb_build_object(
    'id', u.id, 'role', u.app_role, 'displayName', u.display_name,
    'centerId', u.center_id, 'countyCode', coalesce(u.county_code, ce.county_code),
    'mustChangePassword', coalesce(c.must_change_password, false))
  from public.users u
  left join public.staff_credentials c on c.user_id = u.id
  left join public.centers ce on ce.id = u.center_id
  where u.id = p_user
$$;

-- ---------------------------------------------------------------------------------------
-- Password login (service role). Step 1: is the name locked, and the hash to check. An
-- unknown name answers a null hash (the server then checks against a dummy hash, so the time
-- taken does not tell either).
create or replace function public.staff_login_begin(p_username text, p_now timestamptz) returns jsonb
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_name text := lower(trim(p_username));
  v_cred public.staff_credentials;
  v_locked timestamptz;
begin
  select * into v_cred from public.staff_credentials c where c.username = v_name;
  if found then
    v_locked := v_cred.locked_until;
  else
    select t.locked_until into v_locked from public.login_throttle t where t.username = v_name;
  end if;
  if v_locked > p_now then
    perform app.raise('ACCOUNT_LOCKED', jsonb_build_object('minutes', app.minutes_left(v_locked, p_now)));
  end if;
  return jsonb_build_object('userId', v_cred.user_id, 'passwordHash', v_cred.password_hash);
end
$$;

-- Step 2: the outcome of the server's check. A failure counts towards the lock (and does not
-- raise, so the count is kept); a success resets the count. Answers
--   { outcome: 'ok', account }                      — logged in (account.mustChangePassword)
--   { outcome: 'failed', remaining }                — wrong name or password
--   { outcome: 'locked', minutes }                  — this failure locked the name
--   { outcome: 'disabled' }                         — right password, deactivated account
create or replace function public.staff_login_finish(p_username text, p_ok boolean, p_now timestamptz) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  v_name text := lower(trim(p_username));
  v_cred public.staff_credentials;
  v_failures integer;
  v_active boolean;
begin
  select * into v_cred from public.staff_credentials c where c.username = v_name for update;
  if p_ok and found then
    select u.active into v_active from public.users u where u.id = v_cred.user_id;
    if not v_active then
      return jsonb_build_object('outcome', 'disabled');
    end if;
    update public.staff_credentials
    set failed_attempts = 0, locked_until = null, last_login_at = p_now
    where user_id = v_cred.user_id;
    return jsonb_build_object('outcome', 'ok', 'account', app.login_json(v_cred.user_id));
  end if;

  if found then
    v_failures := v_cred.failed_attempts + 1;
    if v_failures >= app.login_max_failures() then
      update public.staff_credentials
      set failed_attempts = 0, locked_until = p_now + make_interval(mins => app.login_lock_minutes())
      where user_id = v_cred.user_id;
      perform app.audit_as(v_cred.user_id, p_now, 'account.lock', v_cred.user_id::text,
                           jsonb_build_object('minutes', app.login_lock_minutes()));
    else
      update public.staff_credentials set failed_attempts = v_failures where user_id = v_cred.user_id;
    end if;
  else
    delete from public.login_throttle t where t.last_failed_at < p_now - interval '1 day';
    insert into public.login_throttle as t (username, failed_attempts, last_failed_at)
    values (left(v_name, 64), 1, p_now)
    on conflict (username) do update set failed_attempts = t.failed_attempts + 1, last_failed_at = p_now
    returning t.failed_attempts into v_failures;
    if v_failures >= app.login_max_failures() then
      update public.login_throttle
      set failed_attempts = 0, locked_until = p_now + make_interval(mins => app.login_lock_minutes())
      where username = left(v_name, 64);
    end if;
  end if;
  if v_failures >= app.login_max_failures() then
    return jsonb_build_object('outcome', 'locked', 'minutes', app.login_lock_minutes());
  end if;
  return jsonb_build_object('outcome', 'failed', 'remaining', app.login_max_failures() - v_failures);
end
$$;

-- WeChat one-tap login to a staff account (service role, after jscode2session).
create or replace function public.staff_login_wechat(p_openid text, p_now timestamptz) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  v_cred public.staff_credentials;
begin
  select * into v_cred from public.staff_credentials c where c.wechat_openid = p_openid;
  if not found then
    perform app.raise('WECHAT_NOT_BOUND');
  end if;
  if not (select u.active from public.users u where u.id = v_cred.user_id) then
    perform app.raise('ACCOUNT_DISABLED');
  end if;
  update public.staff_credentials set last_login_at = p_now where user_id = v_cred.user_id;
  return app.login_json(v_cred.user_id);
end
$$;

-- The hash of the caller's own password, for the password change (service role: the server
-- passes the token's user). Deactivated accounts have none.
create or replace function public.staff_password_of(p_user uuid) returns jsonb
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_cred public.staff_credentials;
begin
  select c.* into v_cred from public.staff_credentials c join public.users u on u.id = c.user_id and u.active
  where c.user_id = p_user;
  if not found then
    perform app.raise('UNAUTHENTICATED');
  end if;
  return jsonb_build_object('username', v_cred.username, 'passwordHash', v_cred.password_hash,
                            'mustChangePassword', v_cred.must_change_password);
end
$$;

-- Store the caller's new password (service role, after the server checked the current one and
-- the policy). Clears the forced change: from now on the account is active everywhere.
create or replace function public.change_own_password(p_user uuid, p_password_hash text, p_now timestamptz) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
begin
  update public.staff_credentials c
  set password_hash = p_password_hash, must_change_password = false, password_changed_at = p_now,
      failed_attempts = 0, locked_until = null
  where c.user_id = p_user and exists (select 1 from public.users u where u.id = c.user_id and u.active);
  if not found then
    perform app.raise('UNAUTHENTICATED');
  end if;
  perform app.audit_as(p_user, p_now, 'account.password_change', p_user::text);
  return app.login_json(p_user);
end
$$;

-- Bind the WeChat of the phone the staff member is on (service role, after jscode2session
-- for the caller's code). Only a fully active staff-type account with credentials.
create or replace function public.bind_staff_wechat(p_user uuid, p_openid text, p_now timestamptz) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  v_cred public.staff_credentials;
  v_other uuid;
begin
  select c.* into v_cred from public.staff_credentials c
  join public.users u on u.id = c.user_id and u.active
  where c.user_id = p_user and not c.must_change_password
  for update of c;
  if not found then
    if exists (select 1 from public.staff_credentials c where c.user_id = p_user and c.must_change_password) then
      perform app.raise('PASSWORD_CHANGE_REQUIRED');
    end if;
    if not exists (select 1 from public.users u where u.id = p_user and u.active) then
      perform app.raise('UNAUTHENTICATED');
    end if;
    -- residents: WeChat is already their login
    perform app.raise('FORBIDDEN');
  end if;
  select c.user_id into v_other from public.staff_credentials c where c.wechat_openid = p_openid;
  if v_other is not null and v_other <> p_user then
    perform app.raise('WECHAT_ALREADY_BOUND');
  end if;
  if v_cred.wechat_openid is distinct from p_openid then
    update public.staff_credentials set wechat_openid = p_openid, wechat_bound_at = p_now where user_id = p_user;
    perform app.audit_as(p_user, p_now, 'account.wechat_bind', p_user::text);
  end if;
  return app.account_json(p_user, p_now);
end
$$;

create or replace function public.unbind_staff_wechat(p_user uuid, p_now timestamptz) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  v_cred public.staff_credentials;
begin
  select c.* into v_cred from public.staff_credentials c
  join public.users u on u.id = c.user_id and u.active
  where c.user_id = p_user and not c.must_change_password
  for update of c;
  if not found then
    if exists (select 1 from public.staff_credentials c where c.user_id = p_user and c.must_change_password) then
      perform app.raise('PASSWORD_CHANGE_REQUIRED');
    end if;
    if not exists (select 1 from public.users u where u.id = p_user and u.active) then
      perform app.raise('UNAUTHENTICATED');
    end if;
    perform app.raise('FORBIDDEN');
  end if;
  if v_cred.wechat_openid is not null then
    update public.staff_credentials set wechat_openid = null, wechat_bound_at = null where user_id = p_user;
    perform app.audit_as(p_user, p_now, 'account.wechat_unbind', p_user::text);
  end if;
  return app.account_json(p_user, p_now);
end
$$;

-- Why an authenticated caller is refused (service role; for the API's error message only):
-- 'password_change', 'disabled', or null.
create or replace function public.account_block_reason(p_user uuid) returns text
language sql stable security definer
set search_path = ''
as $$
  select case
    when not u.active then 'disabled'
    when exists (select 1 from public.staff_credentials c where c.user_id = u.id and c.must_change_password) then 'password_change'
  end
  from public.users u where u.id = p_user
$$;

-- ---------------------------------------------------------------------------------------
-- Administration. Admins manage staff, managers and admins of their county; managers manage
-- the window staff of their own centre. Anyone else: FORBIDDEN. An account outside the
-- caller's scope is ACCOUNT_NOT_FOUND, as if it did not exist.

-- The caller, who must be an active admin or manager.
create or replace function app.account_admin() returns public.users
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_me public.users;
begin
  v_me := app.current_account();
  if v_me.id is null then
    perform app.raise('UNAUTHENTICATED');
  end if;
  if v_me.app_role not in ('admin', 'manager') then
    perform app.raise('FORBIDDEN');
  end if;
  return v_me;
end
$$;

-- Whether v_me may manage an account with this role at this centre / county.
create or replace function app.may_manage(p_me public.users, p_role public.app_role, p_center uuid, p_county char(6))
returns boolean
language sql stable security definer
set search_path = ''
as $$
  select case p_me.app_role
    when 'admin' then p_role in ('staff', 'manager', 'admin')
      and coalesce((select c.county_code from public.centers c where c.id = p_center), p_county) = p_me.county_code
    when 'manager' then p_role = 'staff' and p_center = p_me.center_id
    else false
  end
$$;

-- A managed account, locked for the change; ACCOUNT_NOT_FOUND when outside the scope.
create or replace function app.managed_account(p_me public.users, p_user uuid) returns public.users
language plpgsql security definer
set search_path = ''
as $$
declare
  v_target public.users;
begin
  select * into v_target from public.users u where u.id = p_user for update;
  if not found or not app.may_manage(p_me, v_target.app_role, v_target.center_id, v_target.county_code)
     or not exists (select 1 from public.staff_credentials c where c.user_id = p_user) then
    perform app.raise('ACCOUNT_NOT_FOUND');
  end if;
  return v_target;
end
$$;

-- Check a role + centre for an account and return the county it belongs to.
create or replace function app.account_placement(p_me public.users, p_role public.app_role, p_center uuid) returns char(6)
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_county char(6);
begin
  -- a manager gives no other role, whatever the centre
  if p_me.app_role = 'manager' and p_role <> 'staff' then
    perform app.raise('FORBIDDEN');
  end if;
  if p_role not in ('staff', 'manager', 'admin') then
    perform app.raise('INVALID_ROLE');
  end if;
  if p_role in ('staff', 'manager') then
    if p_center is null then
      perform app.raise('CENTER_REQUIRED');
    end if;
    select c.county_code into v_county from public.centers c where c.id = p_center and c.active;
    if v_county is null then
      perform app.raise('CENTER_NOT_FOUND');
    end if;
  elsif p_center is not null then
    perform app.raise('INVALID_ROLE');
  else
    v_county := p_me.county_code;
  end if;
  if not app.may_manage(p_me, p_role, p_center, v_county) then
    perform app.raise('FORBIDDEN');
  end if;
  return v_county;
end
$$;

-- The accounts the caller manages (and, for a manager, themselves), active first, by centre
-- and name. Optional filter by centre.
create or replace function public.list_staff_accounts(p_center uuid default null, p_now timestamptz default null) returns jsonb
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_me public.users;
begin
  v_me := app.account_admin();
  return jsonb_build_object('rows', coalesce((
    select jsonb_agg(app.account_json(u.id, coalesce(p_now, now()))
                     order by u.active desc, ce.sort_order nulls first, u.app_role desc, u.display_name, c.username)
    from public.users u
    join public.staff_credentials c on c.user_id = u.id
    left join public.centers ce on ce.id = u.center_id
    where (p_center is null or u.center_id = p_center)
      and app.may_manage(v_me, u.app_role, u.center_id, u.county_code)
  ), '[]'::jsonb));
end
$$;

-- Create an account with a temporary password (hashed by the server, shown once to the
-- creator); the person must change it at the first login.
create or replace function public.create_staff_account(
  p_username text,
  p_display_name text,
  p_role public.app_role,
  p_center uuid,
  p_password_hash text,
  p_now timestamptz,
  p_idempotency_key text default null,
  p_request_hash text default ''
) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  v_me public.users;
  v_county char(6);
  v_name text := lower(trim(p_username));
  v_user uuid;
  v_replay jsonb;
begin
  v_me := app.account_admin();
  v_replay := app.claim_idempotency_key(p_idempotency_key, 'account.create', p_request_hash, p_now);
  if v_replay is not null then
    -- a retry: the account as it is now; the temporary password is never kept, so not repeated
    return jsonb_build_object('account', app.account_json((v_replay ->> 'id')::uuid, p_now), 'replayed', true);
  end if;
  -- a manager creates window staff of their own centre; the centre may be left out
  if v_me.app_role = 'manager' then
    p_center := coalesce(p_center, v_me.center_id);
  end if;
  v_county := app.account_placement(v_me, p_role, p_center);
  if exists (select 1 from public.staff_credentials c where c.username = v_name) then
    perform app.raise('USERNAME_TAKEN');
  end if;
  insert into public.users (app_role, display_name, county_code, center_id, created_at)
  values (p_role, trim(p_display_name), v_county, p_center, p_now)
  returning id into v_user;
  insert into public.staff_credentials (user_id, username, password_hash, must_change_password, created_at)
  values (v_user, v_name, p_password_hash, true, p_now);
  perform app.audit(p_now, 'account.create', 'account', v_user::text,
                    jsonb_build_object('username', v_name, 'role', p_role), p_center);
  perform app.remember_response(p_idempotency_key, jsonb_build_object('id', v_user));
  return jsonb_build_object('account', app.account_json(v_user, p_now), 'replayed', false);
end
$$;

-- Edit name, role and centre within the caller's scope (the new placement must be in scope
-- too). Nobody changes their own role or centre (an admin cannot lock themselves out).
create or replace function public.update_staff_account(
  p_user uuid,
  p_display_name text,
  p_role public.app_role,
  p_center uuid,
  p_now timestamptz
) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  v_me public.users;
  v_target public.users;
  v_role public.app_role;
  v_center uuid;
  v_county char(6);
  v_changes jsonb := '{}'::jsonb;
begin
  v_me := app.account_admin();
  v_target := app.managed_account(v_me, p_user);
  v_role := coalesce(p_role, v_target.app_role);
  v_center := case when v_role = 'admin' then null when p_center is not null then p_center else v_target.center_id end;
  if v_target.id = v_me.id and (v_role <> v_target.app_role or v_center is distinct from v_target.center_id) then
    perform app.raise('CANNOT_CHANGE_OWN_ACCOUNT');
  end if;
  v_county := app.account_placement(v_me, v_role, v_center);
  if p_display_name is not null and trim(p_display_name) <> v_target.display_name then
    v_changes := v_changes || jsonb_build_object('displayName', true);
  end if;
  if v_role <> v_target.app_role then
    v_changes := v_changes || jsonb_build_object('role', jsonb_build_array(v_target.app_role, v_role));
  end if;
  if v_center is distinct from v_target.center_id then
    v_changes := v_changes || jsonb_build_object('center', jsonb_build_array(v_target.center_id, v_center));
  end if;
  update public.users
  set display_name = coalesce(nullif(trim(p_display_name), ''), display_name), app_role = v_role,
      center_id = v_center, county_code = v_county
  where id = p_user;
  if v_changes <> '{}'::jsonb then
    perform app.audit(p_now, 'account.update', 'account', p_user::text, v_changes, coalesce(v_center, v_target.center_id));
  end if;
  return app.account_json(p_user, p_now);
end
$$;

-- Reset: a new temporary password (hashed by the server), forced change, unlocked, and the
-- WeChat binding removed (a reset is how access is re-established after a lost phone too).
create or replace function public.reset_staff_password(p_user uuid, p_password_hash text, p_now timestamptz) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  v_me public.users;
  v_target public.users;
begin
  v_me := app.account_admin();
  v_target := app.managed_account(v_me, p_user);
  if v_target.id = v_me.id then
    -- one's own password is changed with the current one, not reset
    perform app.raise('CANNOT_CHANGE_OWN_ACCOUNT');
  end if;
  update public.staff_credentials
  set password_hash = p_password_hash, must_change_password = true, failed_attempts = 0, locked_until = null,
      wechat_openid = null, wechat_bound_at = null
  where user_id = p_user;
  perform app.audit(p_now, 'account.reset_password', 'account', p_user::text, '{}'::jsonb, v_target.center_id);
  return app.account_json(p_user, p_now);
end
$$;

-- Deactivate or reactivate, at once: every function checks users.active on each call, so the
-- account's tokens stop working with this transaction.
create or replace function public.set_staff_account_active(p_user uuid, p_active boolean, p_now timestamptz) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  v_me public.users;
  v_target public.users;
begin
  v_me := app.account_admin();
  v_target := app.managed_account(v_me, p_user);
  if v_target.id = v_me.id then
    perform app.raise('CANNOT_CHANGE_OWN_ACCOUNT');
  end if;
  if v_target.active is distinct from p_active then
    update public.users set active = p_active where id = p_user;
    perform app.audit(p_now, case when p_active then 'account.reactivate' else 'account.deactivate' end,
                      'account', p_user::text, '{}'::jsonb, v_target.center_id);
  end if;
  return app.account_json(p_user, p_now);
end
$$;

-- The first county admin, from the command line (server/db/cli.ts admin:create), or any
-- bootstrap by the operator: service role only, audited as 'system'.
create or replace function public.bootstrap_admin(
  p_county char(6),
  p_username text,
  p_display_name text,
  p_password_hash text,
  p_now timestamptz,
  -- a county not in the database yet (a fresh installation) is added with these
  p_county_name text default null,
  p_city text default null,
  p_province text default null
) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  v_name text := lower(trim(p_username));
  v_user uuid;
begin
  if not exists (select 1 from public.counties c where c.code = p_county) then
    if p_county_name is null or p_city is null or p_province is null then
      perform app.raise('COUNTY_NOT_FOUND');
    end if;
    insert into public.counties (code, name, city, province) values (p_county, trim(p_county_name), trim(p_city), trim(p_province));
  end if;
  if exists (select 1 from public.staff_credentials c where c.username = v_name) then
    perform app.raise('USERNAME_TAKEN');
  end if;
  insert into public.users (app_role, display_name, county_code, created_at)
  values ('admin', trim(p_display_name), p_county, p_now)
  returning id into v_user;
  insert into public.staff_credentials (user_id, username, password_hash, must_change_password, created_at)
  values (v_user, v_name, p_password_hash, true, p_now);
  insert into public.audit_log (at, actor_id, actor_name, actor_role, county_code, center_id, action, target_type, target_id, detail)
  values (p_now, null, '命令行', 'system', p_county, null, 'account.create', 'account', v_user::text,
          jsonb_build_object('username', v_name, 'role', 'admin', 'via', 'cli'));
  return app.login_json(v_user) || jsonb_build_object('username', v_name);
end
$$;

revoke all on function
  app.login_max_failures(), app.login_lock_minutes(), app.minutes_left(timestamptz, timestamptz),
  app.audit_as(uuid, timestamptz, text, text, jsonb), app.account_json(uuid, timestamptz), app.login_json(uuid),
  app.account_admin(), app.may_manage(public.users, public.app_role, uuid, char),
  app.managed_account(public.users, uuid), app.account_placement(public.users, public.app_role, uuid),
  public.staff_login_begin(text, timestamptz), public.staff_login_finish(text, boolean, timestamptz),
  public.staff_login_wechat(text, timestamptz), public.staff_password_of(uuid),
  public.change_own_password(uuid, text, timestamptz), public.bind_staff_wechat(uuid, text, timestamptz),
  public.unbind_staff_wechat(uuid, timestamptz), public.account_block_reason(uuid),
  public.list_staff_accounts(uuid, timestamptz),
  public.create_staff_account(text, text, public.app_role, uuid, text, timestamptz, text, text),
  public.update_staff_account(uuid, text, public.app_role, uuid, timestamptz),
  public.reset_staff_password(uuid, text, timestamptz), public.set_staff_account_active(uuid, boolean, timestamptz),
  public.bootstrap_admin(char, text, text, text, timestamptz, text, text, text)
from public;

-- the server's own steps (hashes, openids, bootstrap): service role only
grant execute on function
  public.staff_login_begin(text, timestamptz), public.staff_login_finish(text, boolean, timestamptz),
  public.staff_login_wechat(text, timestamptz), public.staff_password_of(uuid),
  public.change_own_password(uuid, text, timestamptz), public.bind_staff_wechat(uuid, text, timestamptz),
  public.unbind_staff_wechat(uuid, timestamptz), public.account_block_reason(uuid),
  public.bootstrap_admin(char, text, text, text, timestamptz, text, text, text)
to service_role;
-- administration: as the admin or manager, so the scope checks see the caller
grant execute on function
  public.list_staff_accounts(uuid, timestamptz),
  public.create_staff_account(text, text, public.app_role, uuid, text, timestamptz, text, text),
  public.update_staff_account(uuid, text, public.app_role, uuid, timestamptz),
  public.reset_staff_password(uuid, text, timestamptz), public.set_staff_account_active(uuid, boolean, timestamptz)
to authenticated;
