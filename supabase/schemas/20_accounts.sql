-- 20 Accounts and the people cases are about. A user (account) logs in; a person is who a
-- booking or case is for. A user books for themselves (relation 'self'), for a family member
-- who consented ('family'), or as a village agent for a client ('agent_client').
--
-- Also here: WeChat (the mini-program's access_token kept once for every function instance, the
-- resident's phone number encrypted at rest), staff accounts (username + password login for
-- window staff, centre managers and county admins, binding to WeChat, administration of those
-- accounts), and the scope checks functions acting for a signed-in caller start with
-- (app.require_account, app.require_staff, app.require_manager, app.require_admin).
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

create type public.app_role as enum ('resident', 'staff', 'manager', 'admin', 'agent');

create table public.users (
  id uuid primary key default extensions.gen_random_uuid(),
  app_role public.app_role not null default 'resident',
  display_name text not null check (length(display_name) between 1 and 40),
  county_code char(6) references public.counties (code),
  center_id uuid references public.centers (id),
  wechat_openid text unique check (length(wechat_openid) between 6 and 64),
  -- only for the development login (refused in production); never a real identity
  dev_login text unique check (dev_login ~ '^[a-z0-9_-]{2,32}$'),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  -- staff and managers belong to one centre; admins to one county
  check ((app_role in ('staff', 'manager')) = (center_id is not null)),
  check (app_role <> 'admin' or county_code is not null)
);

create index users_center_idx on public.users (center_id) where center_id is not null;

create table public.persons (
  id uuid primary key default extensions.gen_random_uuid(),
  full_name text not null check (length(full_name) between 1 and 40),
  created_at timestamptz not null default now()
);
create table public.person_links (
  user_id uuid not null references public.users (id) on delete cascade,
  person_id uuid not null references public.persons (id) on delete cascade,
  relation text not null check (relation in ('self', 'family', 'agent_client')),
  -- a family or agent link counts only once the person has consented
  consented_at timestamptz,
  created_at timestamptz not null default now(),
  primary key (user_id, person_id),
  check (relation <> 'self' or consented_at is not null)
);

create index person_links_person_idx on public.person_links (person_id);

-- one 'self' person per user
create unique index person_links_one_self on public.person_links (user_id) where relation = 'self';

alter table public.users enable row level security;
alter table public.persons enable row level security;
alter table public.person_links enable row level security;

-- Staff login credentials (see the header).
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
grant execute on function app.current_account() to authenticated, service_role;

-- Persons the caller may act for: themselves and consenting family / agent clients.
-- A person acts for a handful of people (rows 5), an admin's county has dozens of centres
-- (app.admin_center_ids, rows 60): tell the planner so, or it assumes 1000 rows and scans
-- bookings instead of using its indexes.
create or replace function app.my_person_ids() returns setof uuid
language sql stable security definer
rows 5
set search_path = ''
as $$
  select l.person_id from public.person_links l
  join public.users u on u.id = l.user_id and u.active
  where l.user_id = app.uid() and l.consented_at is not null
    and not exists (select 1 from public.staff_credentials c where c.user_id = u.id and c.must_change_password)
$$;
grant execute on function app.my_person_ids() to authenticated, service_role;

-- The centre a staff member or manager works at, or null.
create or replace function app.staff_center_id() returns uuid
language sql stable
set search_path = ''
as $$
  select (app.current_account()).center_id
  where (app.current_account()).app_role in ('staff', 'manager')
$$;
grant execute on function app.staff_center_id() to authenticated, service_role;

-- The county an admin administers, or null.
create or replace function app.admin_county() returns char(6)
language sql stable
set search_path = ''
as $$
  select (app.current_account()).county_code where (app.current_account()).app_role = 'admin'
$$;
grant execute on function app.admin_county() to authenticated, service_role;

create policy users_read_self on public.users for select to authenticated using (id = app.uid());
create policy persons_read_linked on public.persons for select to authenticated
  using (id in (select app.my_person_ids()));
create policy person_links_read_own on public.person_links for select to authenticated
  using (user_id = app.uid());

revoke all on public.users, public.persons, public.person_links from anon, authenticated;
grant select on public.users, public.persons, public.person_links to authenticated;
grant all on public.users, public.persons, public.person_links to service_role;

-- Log in (or sign up) through a verified identity: called by the server after it has checked
-- the WeChat code or the development login. Service role only.
create or replace function public.login_user(
  p_wechat_openid text default null,
  p_dev_login text default null,
  p_display_name text default null
) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  v_user public.users;
  v_person uuid;
begin
  if (p_wechat_openid is null) = (p_dev_login is null) then
    perform app.raise('INVALID_INPUT');
  end if;
  select * into v_user from public.users u
  where (p_wechat_openid is not null and u.wechat_openid = p_wechat_openid)
     or (p_dev_login is not null and u.dev_login = p_dev_login);
  if not found then
    insert into public.users (display_name, wechat_openid, dev_login)
    values (coalesce(nullif(trim(p_display_name), ''), '微信用户'), p_wechat_openid, p_dev_login)
    returning * into v_user;
    insert into public.persons (full_name) values (v_user.display_name) returning id into v_person;
    insert into public.person_links (user_id, person_id, relation, consented_at)
    values (v_user.id, v_person, 'self', now());
  end if;
  if not v_user.active then
    perform app.raise('ACCOUNT_DISABLED');
  end if;
  return jsonb_build_object(
    'id', v_user.id, 'role', v_user.app_role, 'displayName', v_user.display_name,
    'centerId', v_user.center_id, 'countyCode', v_user.county_code);
end
$$;
grant execute on function public.login_user(p_wechat_openid text, p_dev_login text, p_display_name text) to service_role;

-- /api/me: the caller's account, the people they may act for, and their masked phone (null when
-- none was given).
create or replace function public.my_account() returns jsonb
language plpgsql stable
set search_path = ''
as $$
declare
  v_user public.users;
begin
  v_user := app.require_account();
  return jsonb_build_object(
    'id', v_user.id, 'role', v_user.app_role, 'displayName', v_user.display_name,
    'centerId', v_user.center_id, 'countyCode', v_user.county_code,
    'phone', (
      select pp.phone_masked from public.person_phones pp
      join public.person_links l on l.person_id = pp.person_id and l.user_id = v_user.id and l.relation = 'self'),
    'people', coalesce((
      select jsonb_agg(jsonb_build_object('id', p.id, 'name', p.full_name, 'relation', l.relation,
                                          'consented', l.consented_at is not null)
                       order by l.relation <> 'self', p.full_name)
      from public.person_links l join public.persons p on p.id = l.person_id
      where l.user_id = v_user.id), '[]'::jsonb));
end
$$;
grant execute on function public.my_account() to authenticated;

-- ---------------------------------------------------------------------------------------
-- access_token (≤ 7200 s) from POST /cgi-bin/stable_token, one row per AppID.
--
-- Several serverless instances may need it at once. `claim_wechat_token_refresh` locks the
-- row (`for update`) and answers one of:
--   fresh   — the cached token, when more than 5 minutes are left (and it is not the token the
--             caller just saw rejected with 40001/42001);
--   refresh — the caller now holds the refresh lease (30 s, real time): it calls stable_token and
--             hands the result to `store_wechat_token` (or a null token to give the lease back);
--   wait    — another instance holds the lease: ask again shortly.
-- So exactly one instance calls WeChat per expiry, and a crashed one blocks nobody for long.
create table public.wechat_access_tokens (
  appid text primary key check (length(appid) between 4 and 64),
  access_token text,
  -- by the server's clock (the p_now it passes)
  expires_at timestamptz,
  -- the instance refreshing now, and until when its lease holds (database clock: a lease is
  -- about a network call in progress, whatever clock the server passes)
  refresh_lease uuid,
  refresh_lease_until timestamptz,
  -- the cached token was refused by WeChat (40001/42001): the next refresh forces a new one
  force_refresh boolean not null default false,
  refreshed_at timestamptz,
  refresh_count integer not null default 0,
  check ((access_token is null) = (expires_at is null))
);

alter table public.wechat_access_tokens enable row level security;

revoke all on public.wechat_access_tokens from anon, authenticated;

-- readable by the service role only; written only through the two functions below
grant select on public.wechat_access_tokens to service_role;

create or replace function public.claim_wechat_token_refresh(
  p_appid text,
  p_now timestamptz,
  p_rejected_token text default null
) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  v_row public.wechat_access_tokens;
  v_lease uuid;
begin
  insert into public.wechat_access_tokens (appid) values (p_appid) on conflict (appid) do nothing;
  select * into v_row from public.wechat_access_tokens t where t.appid = p_appid for update;

  -- WeChat refused this token: nobody may use it again, and the next refresh is forced
  if p_rejected_token is not null and v_row.access_token = p_rejected_token then
    update public.wechat_access_tokens
    set expires_at = least(expires_at, p_now), force_refresh = true
    where appid = p_appid
    returning * into v_row;
  end if;

  if v_row.access_token is not null and v_row.expires_at > p_now + interval '5 minutes'
     and v_row.access_token is distinct from p_rejected_token then
    return jsonb_build_object('status', 'fresh', 'accessToken', v_row.access_token,
                              'expiresAt', app.iso_shanghai(v_row.expires_at));
  end if;

  if v_row.refresh_lease is not null and v_row.refresh_lease_until > clock_timestamp() then
    return jsonb_build_object('status', 'wait');
  end if;

  v_lease := extensions.gen_random_uuid();
  update public.wechat_access_tokens
  set refresh_lease = v_lease, refresh_lease_until = clock_timestamp() + interval '30 seconds'
  where appid = p_appid;
  return jsonb_build_object('status', 'refresh', 'lease', v_lease, 'forceRefresh', v_row.force_refresh);
end
$$;
grant execute on function public.claim_wechat_token_refresh(p_appid text, p_now timestamp with time zone, p_rejected_token text) to service_role;

-- The refreshed token from the lease holder (a null token gives the lease back after a failed
-- call). A lease that has been taken over in the meantime stores nothing.
create or replace function public.store_wechat_token(
  p_appid text,
  p_lease uuid,
  p_access_token text,
  p_expires_at timestamptz,
  p_now timestamptz
) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  v_row public.wechat_access_tokens;
begin
  select * into v_row from public.wechat_access_tokens t where t.appid = p_appid for update;
  if not found or v_row.refresh_lease is distinct from p_lease then
    return jsonb_build_object('stored', false);
  end if;
  if p_access_token is null then
    update public.wechat_access_tokens set refresh_lease = null, refresh_lease_until = null where appid = p_appid;
    return jsonb_build_object('stored', false);
  end if;
  update public.wechat_access_tokens
  set access_token = p_access_token, expires_at = p_expires_at, force_refresh = false,
      refresh_lease = null, refresh_lease_until = null, refreshed_at = p_now, refresh_count = refresh_count + 1
  where appid = p_appid;
  return jsonb_build_object('stored', true);
end
$$;
grant execute on function public.store_wechat_token(p_appid text, p_lease uuid, p_access_token text, p_expires_at timestamp with time zone, p_now timestamp with time zone) to service_role;

-- ---------------------------------------------------------------------------------------
-- Phone numbers (from WeChat's getPhoneNumber, with the user's consent), encrypted at rest by
-- the server (AES-256-GCM, DATA_ENCRYPTION_KEY, server/privacy/crypto.ts). The database never
-- sees the number: only the ciphertext, a keyed HMAC to find a person by number, and the
-- masked form (138****5678) that answers show.
create table public.person_phones (
  person_id uuid primary key references public.persons (id) on delete cascade,
  phone_ciphertext text not null check (phone_ciphertext ~ '^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$'),
  phone_hmac text not null check (phone_hmac ~ '^[0-9a-f]{64}$'),
  -- at most the first 3 and the last 4 digits: never a usable number
  phone_masked text not null check (phone_masked ~ '^[0-9]{0,3}\*+[0-9]{0,4}$'),
  country_code text not null default '86' check (country_code ~ '^[0-9]{1,4}$'),
  source text not null default 'wechat' check (source in ('wechat')),
  verified_by uuid references public.users (id) on delete set null,
  verified_at timestamptz not null,
  updated_at timestamptz not null
);

create index person_phones_hmac_idx on public.person_phones (phone_hmac);

alter table public.person_phones enable row level security;

-- a user reads the masked number of their own person (for /api/me); ciphertext and HMAC stay
-- with the service role
create policy person_phones_read_self on public.person_phones for select to authenticated using (
  person_id in (select l.person_id from public.person_links l where l.user_id = app.uid() and l.relation = 'self')
);

revoke all on public.person_phones from anon, authenticated;
grant select (person_id, phone_masked, verified_at) on public.person_phones to authenticated;
grant all on public.person_phones to service_role;

-- Store the phone of a user's own person. Service role only: the server calls it after WeChat
-- has given the number and the server has encrypted it.
create or replace function public.save_person_phone(
  p_user uuid,
  p_ciphertext text,
  p_hmac text,
  p_masked text,
  p_country_code text,
  p_now timestamptz
) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  v_person uuid;
begin
  select l.person_id into v_person
  from public.person_links l join public.users u on u.id = l.user_id
  where l.user_id = p_user and l.relation = 'self' and u.active;
  if v_person is null then
    perform app.raise('UNAUTHENTICATED');
  end if;
  insert into public.person_phones as pp (person_id, phone_ciphertext, phone_hmac, phone_masked, country_code, source, verified_by, verified_at, updated_at)
  values (v_person, p_ciphertext, p_hmac, p_masked, coalesce(p_country_code, '86'), 'wechat', p_user, p_now, p_now)
  on conflict (person_id) do update
  set phone_ciphertext = excluded.phone_ciphertext, phone_hmac = excluded.phone_hmac,
      phone_masked = excluded.phone_masked, country_code = excluded.country_code,
      verified_by = excluded.verified_by, verified_at = excluded.verified_at, updated_at = excluded.updated_at;
  return jsonb_build_object('phone', p_masked);
end
$$;
grant execute on function public.save_person_phone(p_user uuid, p_ciphertext text, p_hmac text, p_masked text, p_country_code text, p_now timestamp with time zone) to service_role;

-- ---------------------------------------------------------------------------------------
-- Scope checks: how a function acting for a signed-in caller starts. Each returns the caller's
-- active account (app.current_account()) or raises UNAUTHENTICATED (no active account) /
-- FORBIDDEN (not this kind of account). The centre or county is checked where it is known:
-- app.manage_center (configuration), app.lock_center_booking / app.lock_center_case (window
-- work), app.may_manage (accounts), the admin's county_code (catalogue).

-- Any active account.
create or replace function app.require_account() returns public.users
language plpgsql stable
set search_path = ''
as $$
declare
  v_user public.users := app.current_account();
begin
  if v_user.id is null then
    perform app.raise('UNAUTHENTICATED');
  end if;
  return v_user;
end
$$;
grant execute on function app.require_account() to authenticated, service_role;

-- Window staff or a centre manager: the caller's centre is its center_id.
create or replace function app.require_staff() returns public.users
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_user public.users := app.require_account();
begin
  if v_user.app_role not in ('staff', 'manager') then
    perform app.raise('FORBIDDEN');
  end if;
  return v_user;
end
$$;

-- A centre manager or a county admin: who administers staff accounts and reads the audit log
-- and the ratings.
create or replace function app.require_manager() returns public.users
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_me public.users;
begin
  v_me := app.require_account();
  if v_me.app_role not in ('admin', 'manager') then
    perform app.raise('FORBIDDEN');
  end if;
  return v_me;
end
$$;
grant execute on function app.require_manager() to authenticated, service_role;

-- A county admin (with their county): who edits the catalogue.
-- The caller's active admin account; otherwise UNAUTHENTICATED / FORBIDDEN.
create or replace function app.require_admin() returns public.users
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_user public.users := app.require_account();
begin
  if v_user.app_role <> 'admin' or v_user.county_code is null then
    perform app.raise('FORBIDDEN');
  end if;
  return v_user;
end
$$;

-- The centres of the county an admin administers (none for anyone else).
create or replace function app.admin_center_ids() returns setof uuid
language sql stable security definer
rows 60
set search_path = ''
as $$
  select c.id from public.centers c where c.county_code = app.admin_county()
$$;
grant execute on function app.admin_center_ids() to authenticated, service_role;

-- Lockout policy, in one place.
create or replace function app.login_max_failures() returns integer language sql immutable as $$ select 5 $$;

create or replace function app.login_lock_minutes() returns integer language sql immutable as $$ select 15 $$;

-- Whole minutes left of a lock (at least 1).
create or replace function app.minutes_left(p_until timestamptz, p_now timestamptz) returns integer
language sql immutable
as $$ select greatest(1, ceil(extract(epoch from (p_until - p_now)) / 60)::int) $$;

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
grant execute on function public.staff_login_begin(p_username text, p_now timestamp with time zone) to service_role;

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
grant execute on function public.staff_login_finish(p_username text, p_ok boolean, p_now timestamp with time zone) to service_role;

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
grant execute on function public.staff_login_wechat(p_openid text, p_now timestamp with time zone) to service_role;

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
grant execute on function public.staff_password_of(p_user uuid) to service_role;

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
grant execute on function public.change_own_password(p_user uuid, p_password_hash text, p_now timestamp with time zone) to service_role;

-- The credentials of a fully active staff-type account (no pending password change), locked, for
-- binding or removing its WeChat; otherwise PASSWORD_CHANGE_REQUIRED, UNAUTHENTICATED (no
-- active account) or FORBIDDEN (residents: WeChat is already their login).
create or replace function app.lock_wechat_credentials(p_user uuid) returns public.staff_credentials
language plpgsql
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
    -- residents: WeChat is already their login
    perform app.raise('FORBIDDEN');
  end if;
  return v_cred;
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
  v_cred := app.lock_wechat_credentials(p_user);
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
grant execute on function public.bind_staff_wechat(p_user uuid, p_openid text, p_now timestamp with time zone) to service_role;

create or replace function public.unbind_staff_wechat(p_user uuid, p_now timestamptz) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  v_cred public.staff_credentials;
begin
  v_cred := app.lock_wechat_credentials(p_user);
  if v_cred.wechat_openid is not null then
    update public.staff_credentials set wechat_openid = null, wechat_bound_at = null where user_id = p_user;
    perform app.audit_as(p_user, p_now, 'account.wechat_unbind', p_user::text);
  end if;
  return app.account_json(p_user, p_now);
end
$$;
grant execute on function public.unbind_staff_wechat(p_user uuid, p_now timestamp with time zone) to service_role;

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
grant execute on function public.account_block_reason(p_user uuid) to service_role;

-- ---------------------------------------------------------------------------------------
-- Administration. Admins manage staff, managers and admins of their county; managers manage
-- the window staff of their own centre. Anyone else: FORBIDDEN. An account outside the
-- caller's scope is ACCOUNT_NOT_FOUND, as if it did not exist.

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
  v_me := app.require_manager();
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
grant execute on function public.list_staff_accounts(p_center uuid, p_now timestamp with time zone) to authenticated;

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
  v_me := app.require_manager();
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
grant execute on function public.create_staff_account(p_username text, p_display_name text, p_role app_role, p_center uuid, p_password_hash text, p_now timestamp with time zone, p_idempotency_key text, p_request_hash text) to authenticated;

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
  v_me := app.require_manager();
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
grant execute on function public.update_staff_account(p_user uuid, p_display_name text, p_role app_role, p_center uuid, p_now timestamp with time zone) to authenticated;

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
  v_me := app.require_manager();
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
grant execute on function public.reset_staff_password(p_user uuid, p_password_hash text, p_now timestamp with time zone) to authenticated;

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
  v_me := app.require_manager();
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
grant execute on function public.set_staff_account_active(p_user uuid, p_active boolean, p_now timestamp with time zone) to authenticated;

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
grant execute on function public.bootstrap_admin(p_county character, p_username text, p_display_name text, p_password_hash text, p_now timestamp with time zone, p_county_name text, p_city text, p_province text) to service_role;
