-- 00 Foundation: extensions, the API roles, and the private `app` schema with the helpers every
-- other file uses: the caller's claims (app.claims, app.uid, app.app_role), raising a domain
-- error (app.raise) and Shanghai time (app.shanghai_day_start, app.iso_shanghai).
--
-- The same SQL runs on Supabase (where the roles and the extensions schema already exist), on a
-- self-hosted PostgreSQL and on embedded PGlite.

create schema if not exists extensions;
create extension if not exists pgcrypto with schema extensions;
create extension if not exists pg_trgm with schema extensions;
create extension if not exists btree_gist with schema extensions;

-- Supabase's API roles. PostgREST (and our pg/PGlite adapters) switch to one of these
-- per request, so row-level security applies to every call made on a user's behalf.
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'anon') then
    create role anon nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'authenticated') then
    create role authenticated nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'service_role') then
    create role service_role nologin noinherit bypassrls;
  end if;
end
$$;

-- The connecting user must be able to `set role` to them (a no-op for a superuser;
-- needed when self-hosting with an ordinary application user).
do $$
begin
  execute format('grant anon, authenticated, service_role to %I', current_user);
exception when others then
  raise notice 'role grant skipped: %', sqlerrm;
end
$$;

-- Functions are executable by PUBLIC by default: new ones in our schemas are not.
alter default privileges in schema public revoke execute on functions from public;
alter default privileges revoke execute on functions from public;
create schema if not exists app;

revoke all on schema app from public;
grant usage on schema app to anon, authenticated, service_role;
grant usage on schema extensions to anon, authenticated, service_role;

-- Claims of the current request, as set by PostgREST or by our adapters
-- (`request.jwt.claims`, a JSON text). Empty object for anonymous calls.
create or replace function app.claims() returns jsonb
language sql stable
set search_path = ''
as $$
  select coalesce(nullif(current_setting('request.jwt.claims', true), ''), '{}')::jsonb
$$;
grant execute on function app.claims() to anon, authenticated, service_role;

-- The user id of the caller (our own user id, the token's `sub`), or null.
create or replace function app.uid() returns uuid
language sql stable
set search_path = ''
as $$
  select nullif(app.claims() ->> 'sub', '')::uuid
$$;
grant execute on function app.uid() to anon, authenticated, service_role;

-- The application role of the caller: resident, staff, manager, admin, agent … or 'anon'.
create or replace function app.app_role() returns text
language sql stable
set search_path = ''
as $$
  select coalesce(nullif(app.claims() ->> 'app_role', ''), 'anon')
$$;
grant execute on function app.app_role() to anon, authenticated, service_role;

-- Raise a domain error: the message is a stable machine code that the API maps to a
-- plain Chinese sentence; detail carries optional JSON context.
create or replace function app.raise(p_code text, p_detail jsonb default null) returns void
language plpgsql
set search_path = ''
as $$
begin
  raise exception using
    errcode = 'P0001',
    message = p_code,
    detail = coalesce(p_detail::text, '');
end
$$;
grant execute on function app.raise(p_code text, p_detail jsonb) to anon, authenticated, service_role;

create or replace function app.shanghai_day_start(p_date date) returns timestamptz
language sql immutable
set search_path = ''
as $$
  select p_date::timestamp at time zone 'Asia/Shanghai'
$$;
grant execute on function app.shanghai_day_start(p_date date) to anon, authenticated, service_role;

-- An instant as ISO 8601 in Shanghai time ("2026-12-01T09:30:00+08:00"), whatever the
-- session's time zone (Supabase runs in UTC): what every API response shows.
create or replace function app.iso_shanghai(p_at timestamptz) returns text
language sql immutable
set search_path = ''
as $$
  select to_char(p_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24:MI:SS"+08:00"')
$$;
grant execute on function app.iso_shanghai(p_at timestamp with time zone) to anon, authenticated, service_role;
