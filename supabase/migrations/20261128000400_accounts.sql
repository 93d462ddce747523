-- Accounts and the people cases are about. A user (account) logs in; a person is who a
-- booking or case is for. A user books for themselves (relation 'self'), for a family member
-- who consented ('family'), or as a village agent for a client ('agent_client').

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

-- The active account of the caller (null when anonymous or deactivated): the database,
-- not the token, decides what an account may do, so deactivation takes effect at once.
create or replace function app.current_account() returns public.users
language sql stable security definer
set search_path = ''
as $$
  select u.* from public.users u where u.id = app.uid() and u.active
$$;

-- Persons the caller may act for: themselves and consenting family / agent clients.
create or replace function app.my_person_ids() returns setof uuid
language sql stable security definer
set search_path = ''
as $$
  select l.person_id from public.person_links l
  join public.users u on u.id = l.user_id and u.active
  where l.user_id = app.uid() and l.consented_at is not null
$$;

-- The centre a staff member or manager works at, or null.
create or replace function app.staff_center_id() returns uuid
language sql stable
set search_path = ''
as $$
  select (app.current_account()).center_id
  where (app.current_account()).app_role in ('staff', 'manager')
$$;

-- The county an admin administers, or null.
create or replace function app.admin_county() returns char(6)
language sql stable
set search_path = ''
as $$
  select (app.current_account()).county_code where (app.current_account()).app_role = 'admin'
$$;

create policy users_read_self on public.users for select to authenticated using (id = app.uid());
create policy persons_read_linked on public.persons for select to authenticated
  using (id in (select app.my_person_ids()));
create policy person_links_read_own on public.person_links for select to authenticated
  using (user_id = app.uid());

revoke all on public.users, public.persons, public.person_links from anon, authenticated;
grant select on public.users, public.persons, public.person_links to authenticated;
grant all on public.users, public.persons, public.person_links to service_role;

revoke all on function app.current_account(), app.my_person_ids(), app.staff_center_id(), app.admin_county() from public;
grant execute on function app.current_account(), app.my_person_ids(), app.staff_center_id(), app.admin_county()
  to authenticated, service_role;

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
revoke all on function public.login_user(text, text, text) from public;
grant execute on function public.login_user(text, text, text) to service_role;

-- The caller's account and the people they may act for.
create or replace function public.my_account() returns jsonb
language plpgsql stable
set search_path = ''
as $$
declare
  v_user public.users;
begin
  v_user := app.current_account();
  if v_user.id is null then
    perform app.raise('UNAUTHENTICATED');
  end if;
  return jsonb_build_object(
    'id', v_user.id, 'role', v_user.app_role, 'displayName', v_user.display_name,
    'centerId', v_user.center_id, 'countyCode', v_user.county_code,
    'people', coalesce((
      select jsonb_agg(jsonb_build_object('id', p.id, 'name', p.full_name, 'relation', l.relation,
                                          'consented', l.consented_at is not null)
                       order by l.relation <> 'self', p.full_name)
      from public.person_links l join public.persons p on p.id = l.person_id
      where l.user_id = v_user.id), '[]'::jsonb));
end
$$;
revoke all on function public.my_account() from public;
grant execute on function public.my_account() to authenticated;
