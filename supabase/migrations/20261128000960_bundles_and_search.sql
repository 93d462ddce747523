-- 一件事一次办 bundles, a forgiving (pinyin) search, and centre coordinates in summaries.

-- Pinyin of an item's name and keywords ("dibao db …"), written by the server with the item
-- (server/catalogue/pinyin.ts): the database has no pinyin dictionary of its own.
alter table public.service_items
  add column search_pinyin text not null default '' check (length(search_pinyin) <= 2000);
create index service_items_pinyin_idx on public.service_items using gin (search_pinyin extensions.gin_trgm_ops);

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

-- One term matches text directly, or (when given) its pinyin. Pinyin-only matches rank last.
create or replace function app.term_matches(p_text text, p_pinyin_text text, p_term text, p_term_pinyin text)
returns boolean
language sql immutable
set search_path = ''
as $$
  select p_text like app.like_pattern(p_term)
      or (p_term_pinyin is not null and p_pinyin_text like app.like_pattern(p_term_pinyin))
$$;

drop function public.search_items(text, public.item_category, text, uuid, text, integer, integer);

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

revoke all on function
  public.search_items(text, public.item_category, text, uuid, text, integer, integer, jsonb),
  public.search_bundles(text, uuid, text, jsonb),
  public.get_bundle(uuid),
  app.term_matches(text, text, text, text),
  app.bundle_summary(public.service_bundles)
from public;
grant execute on function
  public.search_items(text, public.item_category, text, uuid, text, integer, integer, jsonb),
  public.search_bundles(text, uuid, text, jsonb),
  public.get_bundle(uuid)
to anon, authenticated, service_role;
grant execute on function app.term_matches(text, text, text, text), app.bundle_summary(public.service_bundles)
to anon, authenticated, service_role;
