-- 10 Catalogue: counties, service centres and stations with their opening hours, departments,
-- service items with their materials checklist, which centre offers which item, and the
-- 一件事一次办 bundles. Public, read-only data: anyone may read what is published; writes go
-- through privileged functions (30_catalogue_admin.sql, 70_center_config.sql).
--
-- The reads: one SQL function per public query, each returning the JSON the API serves (labels
-- are added by the API). Security invoker: row-level security decides what the caller sees.

create table public.counties (
  code char(6) primary key check (code ~ '^[0-9]{6}$'), -- administrative division code
  name text not null check (length(name) between 2 and 20),
  city text not null,
  province text not null
);

create type public.center_kind as enum ('center', 'station');

create table public.centers (
  id uuid primary key default extensions.gen_random_uuid(),
  county_code char(6) not null references public.counties (code),
  kind public.center_kind not null,
  -- a station (便民服务站, at a merged former township) belongs to a centre
  parent_center_id uuid references public.centers (id),
  name text not null check (length(name) between 2 and 60),
  township text not null check (length(township) between 2 and 30),
  address text not null check (length(address) between 2 and 200),
  phone text not null check (phone ~ '^[0-9][0-9-]{4,19}$'),
  schedule_note text check (length(schedule_note) <= 200),
  latitude numeric(9, 6) check (latitude between -90 and 90),
  longitude numeric(9, 6) check (longitude between -180 and 180),
  is_sample boolean not null default false,
  active boolean not null default true,
  sort_order integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (county_code, name),
  unique (id, county_code),
  check ((kind = 'station') = (parent_center_id is not null)),
  check (parent_center_id is distinct from id)
);

create index centers_county_kind_idx on public.centers (county_code, kind, sort_order);
create index centers_parent_idx on public.centers (parent_center_id) where parent_center_id is not null;

create table public.center_opening_hours (
  center_id uuid not null references public.centers (id) on delete cascade,
  weekday smallint not null check (weekday between 1 and 7), -- ISO: 1 = Monday
  opens time not null,
  closes time not null,
  primary key (center_id, weekday, opens),
  check (opens < closes),
  -- sessions of one day never overlap
  exclude using gist (
    center_id with =,
    weekday with =,
    int4range(extract(epoch from opens)::int, extract(epoch from closes)::int) with &&
  )
);
create table public.departments (
  id uuid primary key default extensions.gen_random_uuid(),
  county_code char(6) not null references public.counties (code),
  code text not null check (code ~ '^[a-z][a-z0-9_]{1,39}$'),
  name text not null check (length(name) between 2 and 40),
  sort_order integer not null default 0,
  unique (county_code, code),
  unique (county_code, name),
  unique (id, county_code)
);

create type public.item_category as enum (
  'permit',          -- 行政许可
  'confirmation',    -- 行政确认
  'public_service',  -- 公共服务
  'convenience',     -- 便民服务
  'other_power'      -- 其他行权事项
);
create type public.handling_mode as enum (
  'immediate',  -- 即办
  'commitment', -- 承诺办
  'joint',      -- 联办
  'report_up',  -- 上报协办
  'online'      -- 网上办
);

create table public.service_items (
  id uuid primary key default extensions.gen_random_uuid(),
  county_code char(6) not null references public.counties (code),
  code text not null check (code ~ '^[A-Za-z0-9][A-Za-z0-9-]{1,39}$'),
  name text not null check (length(name) between 2 and 100),
  category public.item_category not null,
  department_id uuid not null,
  handling_mode public.handling_mode not null,
  legal_days smallint not null check (legal_days between 0 and 365),
  promised_days smallint not null check (promised_days between 0 and 365),
  fee_free boolean not null default true,
  fee_text text not null default '不收费' check (length(fee_text) between 1 and 200),
  summary text not null check (length(summary) between 1 and 2000),
  conditions text not null check (length(conditions) between 1 and 2000),
  max_visits smallint not null default 1 check (max_visits between 0 and 5),
  -- other words people use for the item (e.g. 低保 for 最低生活保障), searched with the name
  keywords text not null default '' check (length(keywords) <= 500),
  popularity integer not null default 0 check (popularity >= 0),
  published boolean not null default true,
  is_sample boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  search_text text generated always as (lower(name || ' ' || keywords || ' ' || code)) stored,
  -- pinyin of the name and keywords ("dibao db …"), written by the server with the item
  -- (server/catalogue/pinyin.ts): the database has no pinyin dictionary of its own
  search_pinyin text not null default '' check (length(search_pinyin) <= 2000),
  unique (county_code, code),
  unique (id, county_code),
  foreign key (department_id, county_code) references public.departments (id, county_code),
  check (promised_days <= legal_days)
);

create index service_items_county_category_idx on public.service_items (county_code, category) where published;
create index service_items_department_idx on public.service_items (department_id) where published;
create index service_items_search_idx on public.service_items using gin (search_text extensions.gin_trgm_ops);
create index service_items_pinyin_idx on public.service_items using gin (search_pinyin extensions.gin_trgm_ops);

create type public.material_form as enum ('original', 'copy', 'original_and_copy', 'electronic');
create type public.material_requirement as enum ('required', 'conditional');

create table public.item_materials (
  id uuid primary key default extensions.gen_random_uuid(),
  item_id uuid not null references public.service_items (id) on delete cascade,
  position smallint not null check (position between 1 and 100),
  name text not null check (length(name) between 2 and 200),
  form public.material_form not null,
  copies smallint not null default 1 check (copies between 0 and 20),
  requirement public.material_requirement not null default 'required',
  -- the yes/no question that decides a conditional material
  condition_question text check (length(condition_question) between 2 and 200),
  notes text check (length(notes) <= 500),
  unique (item_id, position),
  check ((requirement = 'conditional') = (condition_question is not null))
);

-- Which centre offers which item. Centre and item must belong to the same county.
create table public.center_items (
  county_code char(6) not null,
  center_id uuid not null,
  item_id uuid not null,
  primary key (center_id, item_id),
  foreign key (center_id, county_code) references public.centers (id, county_code) on delete cascade,
  foreign key (item_id, county_code) references public.service_items (id, county_code) on delete cascade
);

create index center_items_item_idx on public.center_items (item_id);

-- Row-level security: the catalogue is public where published and active.
alter table public.counties enable row level security;
alter table public.centers enable row level security;
alter table public.center_opening_hours enable row level security;
alter table public.departments enable row level security;
alter table public.service_items enable row level security;
alter table public.item_materials enable row level security;
alter table public.center_items enable row level security;

create policy counties_read on public.counties for select to anon, authenticated using (true);
create policy centers_read on public.centers for select to anon, authenticated using (active);
create policy opening_hours_read on public.center_opening_hours for select to anon, authenticated
  using (exists (select 1 from public.centers c where c.id = center_id and c.active));
create policy departments_read on public.departments for select to anon, authenticated using (true);
create policy items_read on public.service_items for select to anon, authenticated using (published);
create policy materials_read on public.item_materials for select to anon, authenticated
  using (exists (select 1 from public.service_items i where i.id = item_id and i.published));
create policy center_items_read on public.center_items for select to anon, authenticated
  using (
    exists (select 1 from public.centers c where c.id = center_id and c.active)
    and exists (select 1 from public.service_items i where i.id = item_id and i.published)
  );

-- Explicit grants: Supabase grants everything on public tables by default; we do not.
revoke all on public.counties, public.centers, public.center_opening_hours, public.departments,
  public.service_items, public.item_materials, public.center_items from anon, authenticated;
grant select on public.counties, public.centers, public.center_opening_hours, public.departments,
  public.service_items, public.item_materials, public.center_items to anon, authenticated;
grant all on public.counties, public.centers, public.center_opening_hours, public.departments,
  public.service_items, public.item_materials, public.center_items to service_role;

-- ---------------------------------------------------------------------------------------
-- Reads: JSON shapes and the public queries of centres and items

-- A LIKE pattern that matches p_text anywhere, with the wildcards in it escaped.
create or replace function app.like_pattern(p_text text) returns text
language sql immutable
set search_path = ''
as $$
  select '%' || replace(replace(replace(lower(p_text), '\', '\\'), '%', '\%'), '_', '\_') || '%'
$$;
grant execute on function app.like_pattern(p_text text) to anon, authenticated, service_role;

create or replace function app.center_ref(p_center public.centers) returns jsonb
language sql stable
set search_path = ''
as $$
  select jsonb_build_object('id', p_center.id, 'name', p_center.name, 'kind', p_center.kind)
$$;
grant execute on function app.center_ref(p_center centers) to anon, authenticated, service_role;

-- Centre summaries carry coordinates, so the phone can find the nearest centre itself
-- (the position never leaves the phone).
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
    'latitude', p_center.latitude::float8,
    'longitude', p_center.longitude::float8,
    'itemCount', (select count(*) from public.center_items ci where ci.center_id = p_center.id)
  )
$$;
grant execute on function app.center_summary(p_center centers) to anon, authenticated, service_role;

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
grant execute on function app.item_summary(p_item service_items, p_department departments) to anon, authenticated, service_role;

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
grant execute on function public.list_centers(p_kind center_kind, p_q text, p_county text) to anon, authenticated, service_role;

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
grant execute on function public.get_center(p_id uuid) to anon, authenticated, service_role;

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
grant execute on function public.get_item(p_id uuid) to anon, authenticated, service_role;

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
grant execute on function public.catalogue_facets(p_center uuid, p_county text) to anon, authenticated, service_role;

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
grant execute on function public.health() to anon, authenticated, service_role;

-- ---------------------------------------------------------------------------------------
-- 一件事一次办 bundles, and the forgiving (pinyin) search of items and bundles

-- A bundle: several items a life event needs, handled as one matter at one window
-- (e.g. 新生儿出生一件事). The first item (position 1) is the one a visit is booked for.
create table public.service_bundles (
  id uuid primary key default extensions.gen_random_uuid(),
  county_code char(6) not null references public.counties (code),
  code text not null check (code ~ '^[A-Za-z0-9][A-Za-z0-9-]{1,39}$'),
  name text not null check (length(name) between 2 and 100),
  summary text not null check (length(summary) between 1 and 2000),
  keywords text not null default '' check (length(keywords) <= 500),
  popularity integer not null default 0 check (popularity >= 0),
  published boolean not null default true,
  is_sample boolean not null default false,
  search_text text generated always as (lower(name || ' ' || keywords || ' ' || code)) stored,
  search_pinyin text not null default '' check (length(search_pinyin) <= 2000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (county_code, code),
  unique (id, county_code)
);

create index service_bundles_search_idx on public.service_bundles using gin (search_text extensions.gin_trgm_ops);

create table public.bundle_items (
  county_code char(6) not null,
  bundle_id uuid not null,
  item_id uuid not null,
  position smallint not null check (position between 1 and 30),
  primary key (bundle_id, item_id),
  unique (bundle_id, position),
  foreign key (bundle_id, county_code) references public.service_bundles (id, county_code) on delete cascade,
  foreign key (item_id, county_code) references public.service_items (id, county_code) on delete cascade
);

create index bundle_items_item_idx on public.bundle_items (item_id);

alter table public.service_bundles enable row level security;
alter table public.bundle_items enable row level security;

create policy bundles_read on public.service_bundles for select to anon, authenticated using (published);
create policy bundle_items_read on public.bundle_items for select to anon, authenticated
  using (exists (select 1 from public.service_bundles b where b.id = bundle_id and b.published)
         and exists (select 1 from public.service_items i where i.id = item_id and i.published));

revoke all on public.service_bundles, public.bundle_items from anon, authenticated;
grant select on public.service_bundles, public.bundle_items to anon, authenticated;
grant all on public.service_bundles, public.bundle_items to service_role;

-- One term matches text directly, or (when given) its pinyin. Pinyin-only matches rank last.
create or replace function app.term_matches(p_text text, p_pinyin_text text, p_term text, p_term_pinyin text)
returns boolean
language sql immutable
set search_path = ''
as $$
  select p_text like app.like_pattern(p_term)
      or (p_term_pinyin is not null and p_pinyin_text like app.like_pattern(p_term_pinyin))
$$;
grant execute on function app.term_matches(p_text text, p_pinyin_text text, p_term text, p_term_pinyin text) to anon, authenticated, service_role;

-- Search and filter the catalogue. Every whitespace-separated term must match the item's
-- name, other names, code or department — or, when p_pinyin gives the term's pinyin (same
-- position; null for none; a JSON array), the pinyin of its name and other names. Name matches rank first,
-- then pinyin-only matches (those starting a name first); popular items first within a rank.
create or replace function public.search_items(
  p_q text default null,
  p_category public.item_category default null,
  p_department text default null,
  p_center uuid default null,
  p_county text default null,
  p_limit integer default 20,
  p_offset integer default 0,
  p_pinyin jsonb default null
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
  candidates as (
    select i, d,
      not exists (
        select 1 from unnest(params.terms) as term
        where not (i.search_text like app.like_pattern(term) or lower(d.name) like app.like_pattern(term))) as direct,
      not exists (
        select 1 from unnest(params.terms) with ordinality as t(term, n)
        where not (app.term_matches(i.search_text || ' ' || lower(d.name), i.search_pinyin, t.term, p_pinyin ->> (t.n::int - 1)))) as loose
    from public.service_items i
    join public.departments d on d.id = i.department_id
    cross join params
    where i.published
      and (p_category is null or i.category = p_category)
      and (p_department is null or d.code = p_department)
      and (p_county is null or i.county_code = p_county)
      and (p_center is null or exists (
        select 1 from public.center_items ci where ci.center_id = p_center and ci.item_id = i.id))
  ),
  filtered as (
    select c.i, c.d,
      case
        when cardinality(params.terms) = 0 then 0
        -- pinyin only: a word that starts a name or other name ("dibao" in 低保) before one found
        -- across words ("yidibaoxiao", 异地报销)
        when not c.direct and (' ' || (c.i).search_pinyin) like '% ' || replace(app.like_pattern(coalesce(p_pinyin ->> 0, '')), '%', '') || '%' then 4
        when not c.direct then 5
        when lower((c.i).name) = lower(trim(p_q)) then 0
        when lower((c.i).name) like replace(app.like_pattern(params.terms[1]), '%', '') || '%' then 1
        when lower((c.i).name) like app.like_pattern(params.terms[1]) then 2
        else 3
      end as rank
    from candidates c cross join params
    where c.direct or c.loose
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
grant execute on function public.search_items(p_q text, p_category item_category, p_department text, p_center uuid, p_county text, p_limit integer, p_offset integer, p_pinyin jsonb) to anon, authenticated, service_role;

create or replace function app.bundle_summary(p_bundle public.service_bundles) returns jsonb
language sql stable
set search_path = ''
as $$
  select jsonb_build_object(
    'id', p_bundle.id,
    'code', p_bundle.code,
    'name', p_bundle.name,
    'summary', p_bundle.summary,
    'isSample', p_bundle.is_sample,
    'items', coalesce((
      select jsonb_agg(jsonb_build_object('id', i.id, 'name', i.name) order by bi.position)
      from public.bundle_items bi join public.service_items i on i.id = bi.item_id and i.published
      where bi.bundle_id = p_bundle.id), '[]'::jsonb)
  )
$$;
grant execute on function app.bundle_summary(p_bundle service_bundles) to anon, authenticated, service_role;

-- Bundles matching a search (same rules as items), those a centre can handle whole when
-- p_center is given (every item offered there). Few exist: no paging.
create or replace function public.search_bundles(
  p_q text default null,
  p_center uuid default null,
  p_county text default null,
  p_pinyin jsonb default null
) returns jsonb
language sql stable
set search_path = ''
as $$
  with params as (
    select array_remove(regexp_split_to_array(lower(trim(coalesce(p_q, ''))), '\s+'), '') as terms
  ),
  matching as (
    select b from public.service_bundles b cross join params
    where b.published
      and (p_county is null or b.county_code = p_county)
      and (p_center is null or not exists (
        select 1 from public.bundle_items bi
        where bi.bundle_id = b.id
          and not exists (select 1 from public.center_items ci where ci.center_id = p_center and ci.item_id = bi.item_id)))
      and not exists (
        select 1 from unnest(params.terms) with ordinality as t(term, n)
        where not app.term_matches(b.search_text, b.search_pinyin, t.term, p_pinyin ->> (t.n::int - 1)))
  )
  select jsonb_build_object('rows', coalesce((
    select jsonb_agg(app.bundle_summary(m.b) order by (m.b).popularity desc, (m.b).code) from matching m), '[]'::jsonb))
$$;
grant execute on function public.search_bundles(p_q text, p_center uuid, p_county text, p_pinyin jsonb) to anon, authenticated, service_role;

-- One bundle: its items with their materials (the phone merges the checklist), and the
-- centres that offer every item of it.
create or replace function public.get_bundle(p_id uuid) returns jsonb
language plpgsql stable
set search_path = ''
as $$
declare
  v_bundle public.service_bundles;
begin
  select * into v_bundle from public.service_bundles b where b.id = p_id and b.published;
  if not found then
    perform app.raise('BUNDLE_NOT_FOUND');
  end if;
  return app.bundle_summary(v_bundle) || jsonb_build_object(
    'items', coalesce((
      select jsonb_agg(public.get_item(bi.item_id) order by bi.position)
      from public.bundle_items bi join public.service_items i on i.id = bi.item_id and i.published
      where bi.bundle_id = v_bundle.id), '[]'::jsonb),
    'centers', coalesce((
      select jsonb_agg(app.center_ref(c) order by c.kind, c.sort_order, c.name)
      from public.centers c
      where c.active
        and exists (select 1 from public.bundle_items bi where bi.bundle_id = v_bundle.id)
        and not exists (
          select 1 from public.bundle_items bi
          where bi.bundle_id = v_bundle.id
            and not exists (select 1 from public.center_items ci where ci.center_id = c.id and ci.item_id = bi.item_id))),
      '[]'::jsonb)
  );
end
$$;
grant execute on function public.get_bundle(p_id uuid) to anon, authenticated, service_role;
