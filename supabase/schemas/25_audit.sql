-- 25 Audit log: who changed what. Every configuration or account change made by staff, managers
-- and admins writes one row through app.audit() in the same transaction as the change, so a
-- change without its audit row cannot exist. Rows are never updated or deleted by the app.

create table public.audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null,
  actor_id uuid references public.users (id),
  -- name and role at the time: an account may be renamed or change role later
  actor_name text,
  actor_role text not null,
  -- scope, for who may read the row: the county always, the centre when the change is a centre's
  county_code char(6) references public.counties (code),
  center_id uuid references public.centers (id),
  -- 'account.create', 'catalogue.import', 'center.hours', … (dotted, lower case)
  action text not null check (action ~ '^[a-z_]+(\.[a-z_]+)+$'),
  target_type text not null check (length(target_type) between 1 and 40),
  target_id text,
  -- what changed; never personal data in clear (mask phones and ID numbers before writing)
  detail jsonb not null default '{}'::jsonb
);

create index audit_log_county_at_idx on public.audit_log (county_code, at desc);
create index audit_log_center_at_idx on public.audit_log (center_id, at desc) where center_id is not null;

alter table public.audit_log enable row level security;

revoke all on public.audit_log from anon, authenticated;
grant select on public.audit_log to authenticated;
grant all on public.audit_log to service_role;

-- Admins read their county's log; managers their centre's.
create policy audit_log_read_admin on public.audit_log for select to authenticated
  using (county_code = app.admin_county());
create policy audit_log_read_manager on public.audit_log for select to authenticated
  using (center_id is not null and center_id = app.staff_center_id()
         and (app.current_account()).app_role = 'manager');

-- Write one audit row as the caller. p_center scopes the row to a centre (its county is
-- derived); without it the row belongs to the caller's county. Called from inside the
-- security-definer functions that make changes; never granted to API roles directly.
create or replace function app.audit(
  p_now timestamptz,
  p_action text,
  p_target_type text,
  p_target_id text,
  p_detail jsonb default '{}'::jsonb,
  p_center uuid default null
) returns void
language plpgsql security definer
set search_path = ''
as $$
declare
  v_actor public.users;
  v_county char(6);
begin
  v_actor := app.current_account();
  if p_center is not null then
    select c.county_code into v_county from public.centers c where c.id = p_center;
  end if;
  v_county := coalesce(v_county, v_actor.county_code,
    (select c.county_code from public.centers c where c.id = v_actor.center_id));
  insert into public.audit_log (at, actor_id, actor_name, actor_role, county_code, center_id, action, target_type, target_id, detail)
  values (p_now, v_actor.id, v_actor.display_name, coalesce(v_actor.app_role::text, current_user), v_county, p_center,
          p_action, p_target_type, p_target_id, coalesce(p_detail, '{}'::jsonb));
end
$$;
grant execute on function app.audit(p_now timestamp with time zone, p_action text, p_target_type text, p_target_id text, p_detail jsonb, p_center uuid) to service_role;

-- The log, newest first, for the caller's scope (RLS decides which rows), one page at a time.
create or replace function public.list_audit_log(
  p_before bigint default null,
  p_action_prefix text default null,
  p_limit integer default 50
) returns jsonb
language plpgsql stable
set search_path = ''
as $$
declare
  v_user public.users;
begin
  v_user := app.require_manager();
  return jsonb_build_object('rows', coalesce((
    select jsonb_agg(jsonb_build_object(
      'id', a.id, 'at', app.iso_shanghai(a.at), 'actorId', a.actor_id,
      'actorName', a.actor_name, 'actorRole', a.actor_role,
      'centerId', a.center_id, 'action', a.action, 'targetType', a.target_type,
      'targetId', a.target_id, 'detail', a.detail) order by a.id desc)
    from (
      select * from public.audit_log l
      where (p_before is null or l.id < p_before)
        and (p_action_prefix is null or l.action like p_action_prefix || '%')
      order by l.id desc
      limit least(greatest(coalesce(p_limit, 50), 1), 200)
    ) a
  ), '[]'::jsonb));
end
$$;
grant execute on function public.list_audit_log(p_before bigint, p_action_prefix text, p_limit integer) to authenticated;

-- An audit row with an explicit actor: for the service-role functions of 20_accounts.sql (the
-- login, the password change, WeChat binding), where the caller is the server acting for that user.
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
