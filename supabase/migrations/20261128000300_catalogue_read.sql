-- Catalogue reads: one SQL function per public query, each returning the JSON the API
-- serves (labels are added by the API). Security invoker: row-level security decides
-- what the caller sees.

-- A LIKE pattern that matches p_text anywhere, with the wildcards in it escaped.
create or replace function app.like_pattern(p_text text) returns text
language sql immutable
set search_path = ''
as $$
  select '%' || replace(replace(replace(lower(p_text), '\', '\\'), '%', '\%'), '_', '\_') || '%'
$$;

create or replace function app.center_ref(p_center public.centers) returns jsonb
language sql stable
set search_path = ''
as $$
  select jsonb_build_object('id', p_center.id, 'name', p_center.name, 'kind', p_center.kind)
$$;

create or replace function app.center_summary(p_center public.centers) returns jsonb
language sql stable
set search_path = ''
as $$
  select app.center_ref(p_center) || jsonb_build_object(
    'countyCode', p_center.county_code,
    'township', p_center.township,
    'address', p_center.address,
    'phone', p_center.phone,
    'isSample', p_center.is_sample,
    'parentCenterId', p_center.parent_center_id,
    'itemCount', (select count(*) from public.center_items ci where ci.center_id = p_center.id)
  )
$$;

create or replace function app.item_summary(p_item public.service_items, p_department public.departments)
returns jsonb
language sql stable
set search_path = ''
as $$
  select jsonb_build_object(
    'id', p_item.id,
    'code', p_item.code,
    'name', p_item.name,
    'category', p_item.category,
    'department', jsonb_build_object('code', p_department.code, 'name', p_department.name),
    'handlingMode', p_item.handling_mode,
    'legalDays', p_item.legal_days,
    'promisedDays', p_item.promised_days,
    'isSample', p_item.is_sample
  )
$$;

create or replace function public.list_centers(
  p_kind public.center_kind default null,
  p_q text default null,
  p_county text default null
) returns jsonb
language sql stable
set search_path = ''
as $$
  select jsonb_build_object('centers', coalesce(
    jsonb_agg(app.center_summary(c) order by c.kind, c.sort_order, c.name), '[]'::jsonb))
  from public.centers c
  where c.active
    and (p_kind is null or c.kind = p_kind)
    and (p_county is null or c.county_code = p_county)
    and (coalesce(p_q, '') = ''
         or lower(c.name || ' ' || c.township || ' ' || c.address) like app.like_pattern(trim(p_q)))
$$;

create or replace function public.get_center(p_id uuid) returns jsonb
language plpgsql stable
set search_path = ''
as $$
declare
  v_center public.centers;
begin
  select * into v_center from public.centers c where c.id = p_id and c.active;
  if not found then
    perform app.raise('CENTER_NOT_FOUND');
  end if;
  return app.center_summary(v_center) || jsonb_build_object(
    'scheduleNote', v_center.schedule_note,
    'openingHours', coalesce((
      select jsonb_agg(jsonb_build_object(
               'weekday', h.weekday,
               'opens', to_char(h.opens, 'HH24:MI'),
               'closes', to_char(h.closes, 'HH24:MI'))
             order by h.weekday, h.opens)
      from public.center_opening_hours h where h.center_id = v_center.id), '[]'::jsonb),
    'parent', (select app.center_ref(p) from public.centers p
               where p.id = v_center.parent_center_id and p.active),
    'stations', coalesce((
      select jsonb_agg(app.center_ref(s) order by s.sort_order, s.name)
      from public.centers s where s.parent_center_id = v_center.id and s.active), '[]'::jsonb)
  );
end
$$;

-- Search and filter the catalogue. Every whitespace-separated term must match the item's
-- name, other names, code or department; name matches rank first, then popular items.
create or replace function public.search_items(
  p_q text default null,
  p_category public.item_category default null,
  p_department text default null,
  p_center uuid default null,
  p_county text default null,
  p_limit integer default 20,
  p_offset integer default 0
) returns jsonb
language sql stable
set search_path = ''
as $$
  with params as (
    select
      array_remove(regexp_split_to_array(lower(trim(coalesce(p_q, ''))), '\s+'), '') as terms,
      least(greatest(coalesce(p_limit, 20), 1), 100) as lim,
      greatest(coalesce(p_offset, 0), 0) as off
  ),
  filtered as (
    select i, d,
      case
        when cardinality(params.terms) = 0 then 0
        when lower(i.name) = lower(trim(p_q)) then 0
        when lower(i.name) like replace(app.like_pattern(params.terms[1]), '%', '') || '%' then 1
        when lower(i.name) like app.like_pattern(params.terms[1]) then 2
        else 3
      end as rank
    from public.service_items i
    join public.departments d on d.id = i.department_id
    cross join params
    where i.published
      and (p_category is null or i.category = p_category)
      and (p_department is null or d.code = p_department)
      and (p_county is null or i.county_code = p_county)
      and (p_center is null or exists (
        select 1 from public.center_items ci where ci.center_id = p_center and ci.item_id = i.id))
      and not exists (
        select 1 from unnest(params.terms) as term
        where not (i.search_text like app.like_pattern(term)
                   or lower(d.name) like app.like_pattern(term)))
  ),
  page as (
    select f.* from filtered f, params
    order by f.rank, (f.i).popularity desc, (f.i).code
    limit (select lim from params) offset (select off from params)
  )
  select jsonb_build_object(
    'total', (select count(*) from filtered),
    'limit', (select lim from params),
    'offset', (select off from params),
    'rows', coalesce((select jsonb_agg(app.item_summary(p.i, p.d)
                                       order by p.rank, (p.i).popularity desc, (p.i).code)
                      from page p), '[]'::jsonb)
  )
$$;

create or replace function public.get_item(p_id uuid) returns jsonb
language plpgsql stable
set search_path = ''
as $$
declare
  v_item public.service_items;
  v_department public.departments;
begin
  select * into v_item from public.service_items i where i.id = p_id and i.published;
  if not found then
    perform app.raise('ITEM_NOT_FOUND');
  end if;
  select * into v_department from public.departments d where d.id = v_item.department_id;
  return app.item_summary(v_item, v_department) || jsonb_build_object(
    'summary', v_item.summary,
    'conditions', v_item.conditions,
    'fee', jsonb_build_object('free', v_item.fee_free, 'text', v_item.fee_text),
    'maxVisits', v_item.max_visits,
    'materials', coalesce((
      select jsonb_agg(jsonb_build_object(
               'id', m.id,
               'position', m.position,
               'name', m.name,
               'form', m.form,
               'copies', m.copies,
               'requirement', m.requirement,
               'condition', m.condition_question,
               'notes', m.notes)
             order by m.position)
      from public.item_materials m where m.item_id = v_item.id), '[]'::jsonb),
    'centers', coalesce((
      select jsonb_agg(app.center_ref(c) order by c.kind, c.sort_order, c.name)
      from public.center_items ci join public.centers c on c.id = ci.center_id
      where ci.item_id = v_item.id and c.active), '[]'::jsonb)
  );
end
$$;

-- Counts per category and department, for the catalogue's filters.
create or replace function public.catalogue_facets(
  p_center uuid default null,
  p_county text default null
) returns jsonb
language sql stable
set search_path = ''
as $$
  with visible as (
    select i.category, i.department_id
    from public.service_items i
    where i.published
      and (p_county is null or i.county_code = p_county)
      and (p_center is null or exists (
        select 1 from public.center_items ci where ci.center_id = p_center and ci.item_id = i.id))
  )
  select jsonb_build_object(
    'categories', coalesce((
      select jsonb_agg(jsonb_build_object('value', category, 'count', n) order by category)
      from (select category, count(*) as n from visible group by category) c), '[]'::jsonb),
    'departments', coalesce((
      select jsonb_agg(jsonb_build_object('value', d.code, 'label', d.name, 'count', n)
                       order by d.sort_order, d.name)
      from (select department_id, count(*) as n from visible group by department_id) v
      join public.departments d on d.id = v.department_id), '[]'::jsonb)
  )
$$;

-- Service health: which migration the database is at. Security definer because the
-- migration history is not readable by the API roles.
create or replace function public.health() returns jsonb
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_version text;
begin
  begin
    execute 'select max(version) from supabase_migrations.schema_migrations' into v_version;
  exception when undefined_table or invalid_schema_name then
    v_version := null;
  end;
  return jsonb_build_object('migration', v_version);
end
$$;

revoke all on function
  public.list_centers(public.center_kind, text, text),
  public.get_center(uuid),
  public.search_items(text, public.item_category, text, uuid, text, integer, integer),
  public.get_item(uuid),
  public.catalogue_facets(uuid, text),
  public.health()
from public;
grant execute on function
  public.list_centers(public.center_kind, text, text),
  public.get_center(uuid),
  public.search_items(text, public.item_category, text, uuid, text, integer, integer),
  public.get_item(uuid),
  public.catalogue_facets(uuid, text),
  public.health()
to anon, authenticated, service_role;
grant execute on function app.like_pattern(text), app.center_ref(public.centers),
  app.center_summary(public.centers), app.item_summary(public.service_items, public.departments)
to anon, authenticated, service_role;
