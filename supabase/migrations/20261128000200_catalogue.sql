-- Catalogue: counties, service centres and stations with their opening hours,
-- departments, service items with their materials checklist, and which centre offers
-- which item. Public, read-only data: anyone may read what is published; writes come
-- through privileged functions (staff and admin features).

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
  unique (county_code, code),
  unique (id, county_code),
  foreign key (department_id, county_code) references public.departments (id, county_code),
  check (promised_days <= legal_days)
);
create index service_items_county_category_idx on public.service_items (county_code, category) where published;
create index service_items_department_idx on public.service_items (department_id) where published;
create index service_items_search_idx on public.service_items using gin (search_text extensions.gin_trgm_ops);

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
