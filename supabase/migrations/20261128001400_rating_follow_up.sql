-- 好差评 for the people who act on it: the centre's manager and the county admin read the ratings
-- with a summary (满意率, per level, per indicator), follow up the bad ones (整改) by their due date
-- and close each with what was done, which the resident then reads on their booking.

-- The rating as the resident sees it, now with the follow-up's state and result.
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

-- Managers (their centre) and admins (their county) only; everyone else FORBIDDEN. A centre
-- outside the caller's scope is CENTER_NOT_FOUND, as if it did not exist.
create or replace function app.require_rating_reader(p_center uuid) returns void
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
  if v_user.app_role not in ('manager', 'admin') then
    perform app.raise('FORBIDDEN');
  end if;
  if p_center is not null and not app.can_see_center(p_center) then
    perform app.raise('CENTER_NOT_FOUND');
  end if;
end
$$;

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
  v_user := app.current_account();
  if v_user.id is null then
    perform app.raise('UNAUTHENTICATED');
  end if;
  if v_user.app_role not in ('manager', 'admin') then
    perform app.raise('FORBIDDEN');
  end if;
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

revoke all on function
  app.require_rating_reader(uuid),
  app.rectification_json(public.rectifications, date),
  public.list_ratings(date, uuid, date, date, boolean, integer, integer),
  public.close_rectification(uuid, text, timestamptz, date)
from public;
grant execute on function
  app.require_rating_reader(uuid),
  app.rectification_json(public.rectifications, date),
  public.list_ratings(date, uuid, date, date, boolean, integer, integer),
  public.close_rectification(uuid, text, timestamptz, date)
to authenticated;
