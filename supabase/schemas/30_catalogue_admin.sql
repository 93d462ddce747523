-- 30 Catalogue administration by county admins: items with their ordered materials, publishing,
-- 一件事 bundles, departments, and the spreadsheet import (dry run or one atomic apply) and
-- export. Every function here is SECURITY DEFINER and starts with app.require_admin(): only an
-- active admin changes the catalogue, and only their own county's. Every change writes an
-- audit row in the same transaction.
--
-- Items travel as one JSON shape (the "catalogue row"), the same for the edit form, the
-- spreadsheet import and the export, so a row can be compared with what is stored:
--   { code, name, category, departmentCode, handlingMode, legalDays, promisedDays, feeText,
--     summary, conditions, maxVisits, keywords, popularity, published,
--     materials: [{ name, form, copies, requirement, condition, notes }] }   -- in order
-- plus searchPinyin (written by the server: the database has no pinyin dictionary).

-- An item as a catalogue row (what the spreadsheet and the edit form hold).
create or replace function app.catalogue_row(p_item public.service_items) returns jsonb
language sql stable
set search_path = ''
as $$
  select jsonb_build_object(
    'code', p_item.code,
    'name', p_item.name,
    'category', p_item.category,
    'departmentCode', (select d.code from public.departments d where d.id = p_item.department_id),
    'handlingMode', p_item.handling_mode,
    'legalDays', p_item.legal_days,
    'promisedDays', p_item.promised_days,
    'feeText', p_item.fee_text,
    'summary', p_item.summary,
    'conditions', p_item.conditions,
    'maxVisits', p_item.max_visits,
    'keywords', p_item.keywords,
    'popularity', p_item.popularity,
    'published', p_item.published,
    'materials', coalesce((
      select jsonb_agg(jsonb_build_object(
               'name', m.name, 'form', m.form, 'copies', m.copies, 'requirement', m.requirement,
               'condition', m.condition_question, 'notes', m.notes) order by m.position)
      from public.item_materials m where m.item_id = p_item.id), '[]'::jsonb)
  )
$$;

-- The admin's view of an item: the row, its id, department name and bookkeeping.
create or replace function app.admin_item_json(p_item public.service_items) returns jsonb
language sql stable
set search_path = ''
as $$
  select app.catalogue_row(p_item) || jsonb_build_object(
    'id', p_item.id,
    'departmentName', (select d.name from public.departments d where d.id = p_item.department_id),
    'isSample', p_item.is_sample,
    'updatedAt', app.iso_shanghai(p_item.updated_at)
  )
$$;

-- The part of a row that is compared and stored (the server-written pinyin is derived data).
create or replace function app.catalogue_row_content(p_row jsonb) returns jsonb
language sql immutable
set search_path = ''
as $$
  select jsonb_build_object(
    'code', p_row ->> 'code',
    'name', p_row ->> 'name',
    'category', p_row ->> 'category',
    'departmentCode', p_row ->> 'departmentCode',
    'handlingMode', p_row ->> 'handlingMode',
    'legalDays', (p_row ->> 'legalDays')::int,
    'promisedDays', (p_row ->> 'promisedDays')::int,
    'feeText', coalesce(nullif(p_row ->> 'feeText', ''), '不收费'),
    'summary', p_row ->> 'summary',
    'conditions', p_row ->> 'conditions',
    'maxVisits', (p_row ->> 'maxVisits')::int,
    'keywords', coalesce(p_row ->> 'keywords', ''),
    'popularity', coalesce((p_row ->> 'popularity')::int, 0),
    'published', coalesce((p_row ->> 'published')::boolean, true),
    'materials', coalesce((
      select jsonb_agg(jsonb_build_object(
               'name', m ->> 'name', 'form', m ->> 'form', 'copies', coalesce((m ->> 'copies')::int, 1),
               'requirement', case when nullif(m ->> 'condition', '') is null then 'required' else 'conditional' end,
               'condition', nullif(m ->> 'condition', ''), 'notes', nullif(m ->> 'notes', '')) order by n)
      from jsonb_array_elements(coalesce(p_row -> 'materials', '[]'::jsonb)) with ordinality as t(m, n)), '[]'::jsonb)
  )
$$;

-- Write one catalogue row into the county: insert, or update the item p_id (or, without an
-- id, the item with the row's code). Materials are replaced as a whole, in order. Returns
-- 'created', 'updated' or 'unchanged' and the item's id. Without p_apply nothing is written.
-- Constraint violations surface as SQL errors: callers validate first (TypeScript mirrors
-- every constraint), so these are the last line of defence and roll the whole call back.
create or replace function app.catalogue_write(
  p_county char(6),
  p_row jsonb,
  p_apply boolean,
  p_now timestamptz,
  p_id uuid default null,
  p_is_sample boolean default false
) returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_row jsonb := app.catalogue_row_content(p_row);
  v_item public.service_items;
  v_department uuid;
  v_status text;
begin
  select d.id into v_department from public.departments d
  where d.county_code = p_county and d.code = v_row ->> 'departmentCode';
  if v_department is null then
    perform app.raise('DEPARTMENT_NOT_FOUND', jsonb_build_object('code', v_row ->> 'departmentCode'));
  end if;
  if p_id is not null then
    select * into v_item from public.service_items i where i.id = p_id and i.county_code = p_county for update;
    if not found then
      perform app.raise('ITEM_NOT_FOUND');
    end if;
    if exists (select 1 from public.service_items i
               where i.county_code = p_county and i.code = v_row ->> 'code' and i.id <> p_id) then
      perform app.raise('ITEM_CODE_TAKEN', jsonb_build_object('code', v_row ->> 'code'));
    end if;
  else
    select * into v_item from public.service_items i
    where i.county_code = p_county and i.code = v_row ->> 'code' for update;
  end if;

  if v_item.id is null then
    v_status := 'created';
  elsif app.catalogue_row(v_item) = v_row then
    return jsonb_build_object('status', 'unchanged', 'id', v_item.id);
  else
    v_status := 'updated';
  end if;
  if not p_apply then
    return jsonb_build_object('status', v_status, 'id', v_item.id);
  end if;

  if v_status = 'created' then
    insert into public.service_items (county_code, code, name, category, department_id, handling_mode,
      legal_days, promised_days, fee_free, fee_text, summary, conditions, max_visits, keywords, popularity,
      published, is_sample, search_pinyin, created_at, updated_at)
    values (p_county, v_row ->> 'code', v_row ->> 'name', (v_row ->> 'category')::public.item_category, v_department,
      (v_row ->> 'handlingMode')::public.handling_mode, (v_row ->> 'legalDays')::int, (v_row ->> 'promisedDays')::int,
      v_row ->> 'feeText' = '不收费', v_row ->> 'feeText', v_row ->> 'summary', v_row ->> 'conditions',
      (v_row ->> 'maxVisits')::int, v_row ->> 'keywords', (v_row ->> 'popularity')::int, (v_row ->> 'published')::boolean,
      p_is_sample, coalesce(p_row ->> 'searchPinyin', ''), p_now, p_now)
    returning * into v_item;
  else
    update public.service_items i set
      code = v_row ->> 'code', name = v_row ->> 'name', category = (v_row ->> 'category')::public.item_category,
      department_id = v_department, handling_mode = (v_row ->> 'handlingMode')::public.handling_mode,
      legal_days = (v_row ->> 'legalDays')::int, promised_days = (v_row ->> 'promisedDays')::int,
      fee_free = v_row ->> 'feeText' = '不收费', fee_text = v_row ->> 'feeText',
      summary = v_row ->> 'summary', conditions = v_row ->> 'conditions', max_visits = (v_row ->> 'maxVisits')::int,
      keywords = v_row ->> 'keywords', popularity = (v_row ->> 'popularity')::int,
      published = (v_row ->> 'published')::boolean,
      search_pinyin = coalesce(p_row ->> 'searchPinyin', i.search_pinyin), updated_at = p_now
    where i.id = v_item.id
    returning * into v_item;
  end if;

  -- materials: replaced as a whole only when they differ (their ids stay stable otherwise)
  if v_status = 'created' or (app.catalogue_row(v_item) -> 'materials') is distinct from (v_row -> 'materials') then
    delete from public.item_materials m where m.item_id = v_item.id;
    insert into public.item_materials (item_id, position, name, form, copies, requirement, condition_question, notes)
    select v_item.id, n, m ->> 'name', (m ->> 'form')::public.material_form, (m ->> 'copies')::int,
           (m ->> 'requirement')::public.material_requirement, m ->> 'condition', m ->> 'notes'
    from jsonb_array_elements(v_row -> 'materials') with ordinality as t(m, n);
  end if;
  return jsonb_build_object('status', v_status, 'id', v_item.id);
end
$$;

-- Which top-level fields of two rows differ (for the audit detail: names of fields, not values).
create or replace function app.changed_fields(p_old jsonb, p_new jsonb) returns jsonb
language sql immutable
set search_path = ''
as $$
  select coalesce(jsonb_agg(k order by k), '[]'::jsonb)
  from jsonb_object_keys(p_new) as k
  where p_old -> k is distinct from p_new -> k
$$;

-- ---------------------------------------------------------------------------------------
-- Reads for the admin screens (unpublished items included, own county only)
create or replace function public.admin_list_items(
  p_q text default null,
  p_published boolean default null,
  p_limit integer default 50,
  p_offset integer default 0
) returns jsonb
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_admin public.users := app.require_admin();
  v_terms text[] := array_remove(regexp_split_to_array(lower(trim(coalesce(p_q, ''))), '\s+'), '');
  v_limit integer := least(greatest(coalesce(p_limit, 50), 1), 200);
  v_offset integer := greatest(coalesce(p_offset, 0), 0);
begin
  return (
    with matching as (
      select i, d from public.service_items i join public.departments d on d.id = i.department_id
      where i.county_code = v_admin.county_code
        and (p_published is null or i.published = p_published)
        and not exists (select 1 from unnest(v_terms) as term
                        where not (i.search_text like app.like_pattern(term) or lower(d.name) like app.like_pattern(term)))
    )
    select jsonb_build_object(
      'total', (select count(*) from matching),
      'limit', v_limit,
      'offset', v_offset,
      'rows', coalesce((
        select jsonb_agg(jsonb_build_object(
                 'id', (p.i).id, 'code', (p.i).code, 'name', (p.i).name, 'category', (p.i).category,
                 'departmentCode', (p.d).code, 'departmentName', (p.d).name, 'published', (p.i).published,
                 'materialCount', (select count(*) from public.item_materials m where m.item_id = (p.i).id),
                 'isSample', (p.i).is_sample, 'updatedAt', app.iso_shanghai((p.i).updated_at))
               order by (p.i).code)
        from (select * from matching m order by (m.i).code limit v_limit offset v_offset) p), '[]'::jsonb))
  );
end
$$;
grant execute on function public.admin_list_items(p_q text, p_published boolean, p_limit integer, p_offset integer) to authenticated, service_role;

create or replace function public.admin_get_item(p_id uuid) returns jsonb
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_admin public.users := app.require_admin();
  v_item public.service_items;
begin
  select * into v_item from public.service_items i where i.id = p_id and i.county_code = v_admin.county_code;
  if not found then
    perform app.raise('ITEM_NOT_FOUND');
  end if;
  return app.admin_item_json(v_item);
end
$$;
grant execute on function public.admin_get_item(p_id uuid) to authenticated, service_role;

create or replace function public.admin_list_departments() returns jsonb
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_admin public.users := app.require_admin();
begin
  return jsonb_build_object('departments', coalesce((
    select jsonb_agg(jsonb_build_object(
             'id', d.id, 'code', d.code, 'name', d.name, 'sortOrder', d.sort_order,
             'itemCount', (select count(*) from public.service_items i where i.department_id = d.id))
           order by d.sort_order, d.name)
    from public.departments d where d.county_code = v_admin.county_code), '[]'::jsonb));
end
$$;
grant execute on function public.admin_list_departments() to authenticated, service_role;

create or replace function app.admin_bundle_json(p_bundle public.service_bundles) returns jsonb
language sql stable
set search_path = ''
as $$
  select jsonb_build_object(
    'id', p_bundle.id, 'code', p_bundle.code, 'name', p_bundle.name, 'summary', p_bundle.summary,
    'keywords', p_bundle.keywords, 'popularity', p_bundle.popularity, 'published', p_bundle.published,
    'isSample', p_bundle.is_sample, 'updatedAt', app.iso_shanghai(p_bundle.updated_at),
    'items', coalesce((
      select jsonb_agg(jsonb_build_object('id', i.id, 'code', i.code, 'name', i.name, 'published', i.published)
                       order by bi.position)
      from public.bundle_items bi join public.service_items i on i.id = bi.item_id
      where bi.bundle_id = p_bundle.id), '[]'::jsonb))
$$;

create or replace function public.admin_list_bundles() returns jsonb
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_admin public.users := app.require_admin();
begin
  return jsonb_build_object('bundles', coalesce((
    select jsonb_agg(app.admin_bundle_json(b) order by b.code)
    from public.service_bundles b where b.county_code = v_admin.county_code), '[]'::jsonb));
end
$$;
grant execute on function public.admin_list_bundles() to authenticated, service_role;

-- Every item of the county as catalogue rows, by code, with the department names the
-- spreadsheet shows (and the import reads back).
create or replace function public.admin_export_catalogue() returns jsonb
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_admin public.users := app.require_admin();
begin
  return jsonb_build_object(
    'county', (select jsonb_build_object('code', c.code, 'name', c.name) from public.counties c where c.code = v_admin.county_code),
    'departments', coalesce((
      select jsonb_agg(jsonb_build_object('code', d.code, 'name', d.name) order by d.sort_order, d.name)
      from public.departments d where d.county_code = v_admin.county_code), '[]'::jsonb),
    'items', coalesce((
      select jsonb_agg(app.catalogue_row(i) order by i.code)
      from public.service_items i where i.county_code = v_admin.county_code), '[]'::jsonb));
end
$$;
grant execute on function public.admin_export_catalogue() to authenticated, service_role;

-- ---------------------------------------------------------------------------------------
-- Changes

-- Create (p_id null) or update an item with its materials, atomically.
create or replace function public.admin_save_item(
  p_row jsonb,
  p_now timestamptz,
  p_id uuid default null,
  p_idempotency_key text default null,
  p_request_hash text default null
) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  v_admin public.users := app.require_admin();
  v_replay jsonb;
  v_before jsonb;
  v_result jsonb;
  v_item public.service_items;
begin
  v_replay := app.claim_idempotency_key(p_idempotency_key, 'catalogue_item_save', p_request_hash, p_now);
  if v_replay is not null then
    return v_replay;
  end if;
  if p_id is null and exists (select 1 from public.service_items i
                              where i.county_code = v_admin.county_code and i.code = p_row ->> 'code') then
    perform app.raise('ITEM_CODE_TAKEN', jsonb_build_object('code', p_row ->> 'code'));
  end if;
  if p_id is not null then
    select app.catalogue_row(i) into v_before from public.service_items i
    where i.id = p_id and i.county_code = v_admin.county_code;
  end if;
  v_result := app.catalogue_write(v_admin.county_code, p_row, true, p_now, p_id);
  select * into v_item from public.service_items i where i.id = (v_result ->> 'id')::uuid;
  if v_result ->> 'status' = 'created' then
    perform app.audit(p_now, 'catalogue.item_create', 'service_item', v_item.id::text,
      jsonb_build_object('code', v_item.code, 'name', v_item.name));
  elsif v_result ->> 'status' = 'updated' then
    perform app.audit(p_now, 'catalogue.item_update', 'service_item', v_item.id::text,
      jsonb_build_object('code', v_item.code, 'changed', app.changed_fields(v_before, app.catalogue_row(v_item))));
  end if;
  return app.remember_response(p_idempotency_key,
    jsonb_build_object('status', v_result ->> 'status', 'item', app.admin_item_json(v_item)));
end
$$;
grant execute on function public.admin_save_item(p_row jsonb, p_now timestamp with time zone, p_id uuid, p_idempotency_key text, p_request_hash text) to authenticated, service_role;

-- Publish or unpublish an item. Unpublishing hides it from residents and from new bookings;
-- bookings already made stay valid (the person is still served). When future bookings exist
-- the admin must say so explicitly (p_keep_bookings), after being told how many.
create or replace function public.admin_set_item_published(
  p_id uuid,
  p_published boolean,
  p_now timestamptz,
  p_keep_bookings boolean default false
) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  v_admin public.users := app.require_admin();
  v_item public.service_items;
  v_future integer;
begin
  select * into v_item from public.service_items i
  where i.id = p_id and i.county_code = v_admin.county_code for update;
  if not found then
    perform app.raise('ITEM_NOT_FOUND');
  end if;
  if v_item.published = p_published then
    return app.admin_item_json(v_item);
  end if;
  if not p_published then
    select count(*) into v_future from public.bookings b
    where b.item_id = v_item.id and b.status in ('booked', 'confirmed') and b.slot_starts_at > p_now;
    if v_future > 0 and not coalesce(p_keep_bookings, false) then
      perform app.raise('ITEM_HAS_FUTURE_BOOKINGS', jsonb_build_object('count', v_future));
    end if;
  end if;
  update public.service_items i set published = p_published, updated_at = p_now where i.id = v_item.id
  returning * into v_item;
  perform app.audit(p_now, case when p_published then 'catalogue.item_publish' else 'catalogue.item_unpublish' end,
    'service_item', v_item.id::text,
    jsonb_build_object('code', v_item.code) || case when p_published then '{}'::jsonb
      else jsonb_build_object('futureBookingsKept', coalesce(v_future, 0)) end);
  return app.admin_item_json(v_item);
end
$$;
grant execute on function public.admin_set_item_published(p_id uuid, p_published boolean, p_now timestamp with time zone, p_keep_bookings boolean) to authenticated, service_role;

-- Create (p_id null) or update a bundle and its ordered item list (item codes of the county).
-- p_bundle: { code, name, summary, keywords, popularity, published, itemCodes: [..], searchPinyin }
create or replace function public.admin_save_bundle(
  p_bundle jsonb,
  p_now timestamptz,
  p_id uuid default null,
  p_idempotency_key text default null,
  p_request_hash text default null
) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  v_admin public.users := app.require_admin();
  v_replay jsonb;
  v_bundle public.service_bundles;
  v_codes text[];
  v_missing text[];
  v_before jsonb;
begin
  v_replay := app.claim_idempotency_key(p_idempotency_key, 'catalogue_bundle_save', p_request_hash, p_now);
  if v_replay is not null then
    return v_replay;
  end if;
  -- another county's bundle is not found, before anything about the request is checked
  if p_id is not null and not exists (
       select 1 from public.service_bundles b where b.id = p_id and b.county_code = v_admin.county_code) then
    perform app.raise('BUNDLE_NOT_FOUND');
  end if;
  select coalesce(array_agg(c order by n), '{}') into v_codes
  from jsonb_array_elements_text(coalesce(p_bundle -> 'itemCodes', '[]'::jsonb)) with ordinality as t(c, n);
  if cardinality(v_codes) = 0 or cardinality(v_codes) > 30
     or cardinality(v_codes) <> (select count(distinct c) from unnest(v_codes) c) then
    perform app.raise('INVALID_INPUT');
  end if;
  select array_agg(c) into v_missing from unnest(v_codes) c
  where not exists (select 1 from public.service_items i where i.county_code = v_admin.county_code and i.code = c);
  if v_missing is not null then
    perform app.raise('ITEM_CODES_UNKNOWN', jsonb_build_object('codes', to_jsonb(v_missing)));
  end if;
  if exists (select 1 from public.service_bundles b where b.county_code = v_admin.county_code
             and b.code = p_bundle ->> 'code' and b.id is distinct from p_id) then
    perform app.raise('BUNDLE_CODE_TAKEN', jsonb_build_object('code', p_bundle ->> 'code'));
  end if;

  if p_id is null then
    insert into public.service_bundles (county_code, code, name, summary, keywords, popularity, published,
      search_pinyin, created_at, updated_at)
    values (v_admin.county_code, p_bundle ->> 'code', p_bundle ->> 'name', p_bundle ->> 'summary',
      coalesce(p_bundle ->> 'keywords', ''), coalesce((p_bundle ->> 'popularity')::int, 0),
      coalesce((p_bundle ->> 'published')::boolean, true), coalesce(p_bundle ->> 'searchPinyin', ''), p_now, p_now)
    returning * into v_bundle;
  else
    select * into v_bundle from public.service_bundles b
    where b.id = p_id and b.county_code = v_admin.county_code for update;
    if not found then
      perform app.raise('BUNDLE_NOT_FOUND');
    end if;
    v_before := app.admin_bundle_json(v_bundle);
    update public.service_bundles b set code = p_bundle ->> 'code', name = p_bundle ->> 'name',
      summary = p_bundle ->> 'summary', keywords = coalesce(p_bundle ->> 'keywords', ''),
      popularity = coalesce((p_bundle ->> 'popularity')::int, 0),
      published = coalesce((p_bundle ->> 'published')::boolean, true),
      search_pinyin = coalesce(p_bundle ->> 'searchPinyin', b.search_pinyin), updated_at = p_now
    where b.id = v_bundle.id returning * into v_bundle;
    delete from public.bundle_items bi where bi.bundle_id = v_bundle.id;
  end if;
  insert into public.bundle_items (county_code, bundle_id, item_id, position)
  select v_admin.county_code, v_bundle.id, i.id, n
  from unnest(v_codes) with ordinality as t(c, n)
  join public.service_items i on i.county_code = v_admin.county_code and i.code = t.c;

  perform app.audit(p_now, case when p_id is null then 'catalogue.bundle_create' else 'catalogue.bundle_update' end,
    'service_bundle', v_bundle.id::text,
    jsonb_build_object('code', v_bundle.code, 'itemCodes', to_jsonb(v_codes))
      || case when v_before is null then '{}'::jsonb
         else jsonb_build_object('changed', app.changed_fields(v_before - 'updatedAt', app.admin_bundle_json(v_bundle) - 'updatedAt')) end);
  return app.remember_response(p_idempotency_key, app.admin_bundle_json(v_bundle));
end
$$;
grant execute on function public.admin_save_bundle(p_bundle jsonb, p_now timestamp with time zone, p_id uuid, p_idempotency_key text, p_request_hash text) to authenticated, service_role;

-- Create (p_id null) or rename / reorder a department of the county.
create or replace function public.admin_save_department(
  p_code text,
  p_name text,
  p_now timestamptz,
  p_sort_order integer default null,
  p_id uuid default null
) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  v_admin public.users := app.require_admin();
  v_department public.departments;
begin
  if exists (select 1 from public.departments d where d.county_code = v_admin.county_code
             and (d.code = p_code or d.name = p_name) and d.id is distinct from p_id) then
    perform app.raise('DEPARTMENT_TAKEN');
  end if;
  if p_id is null then
    insert into public.departments (county_code, code, name, sort_order)
    values (v_admin.county_code, p_code, p_name, coalesce(p_sort_order, 0))
    returning * into v_department;
  else
    update public.departments d set code = p_code, name = p_name, sort_order = coalesce(p_sort_order, d.sort_order)
    where d.id = p_id and d.county_code = v_admin.county_code
    returning * into v_department;
    if not found then
      perform app.raise('DEPARTMENT_NOT_FOUND');
    end if;
  end if;
  perform app.audit(p_now, case when p_id is null then 'catalogue.department_create' else 'catalogue.department_update' end,
    'department', v_department.id::text, jsonb_build_object('code', v_department.code, 'name', v_department.name));
  return jsonb_build_object('id', v_department.id, 'code', v_department.code, 'name', v_department.name,
    'sortOrder', v_department.sort_order);
end
$$;
grant execute on function public.admin_save_department(p_code text, p_name text, p_now timestamp with time zone, p_sort_order integer, p_id uuid) to authenticated, service_role;

-- The spreadsheet import: rows validated by the server (server/catalogue/spreadsheet/*), each
-- upserted by item code within the admin's county. A dry run writes nothing; an apply writes
-- every row or, on any failure, none (one transaction). Items not in the file are left alone.
-- p_replace_materials false: the file had no materials part, so materials are kept as stored.
-- Answers { created, updated, unchanged, rows: [{ code, status }] }.
create or replace function public.import_catalogue(
  p_rows jsonb,
  p_dry_run boolean,
  p_now timestamptz,
  p_replace_materials boolean default true
) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  v_admin public.users := app.require_admin();
  v_row jsonb;
  v_result jsonb;
  v_results jsonb := '[]'::jsonb;
  v_existing public.service_items;
  v_counts jsonb;
begin
  if jsonb_typeof(p_rows) <> 'array' or jsonb_array_length(p_rows) > 5000 then
    perform app.raise('INVALID_INPUT');
  end if;
  if (select count(distinct r ->> 'code') from jsonb_array_elements(p_rows) r) <> jsonb_array_length(p_rows) then
    perform app.raise('INVALID_INPUT');
  end if;
  -- one import per county at a time: a second one waits, then sees the first one's result
  perform 1 from public.counties c where c.code = v_admin.county_code for update;

  for v_row in select r from jsonb_array_elements(p_rows) r loop
    if not p_replace_materials then
      select * into v_existing from public.service_items i
      where i.county_code = v_admin.county_code and i.code = v_row ->> 'code';
      v_row := v_row || jsonb_build_object('materials',
        case when v_existing.id is null then '[]'::jsonb else app.catalogue_row(v_existing) -> 'materials' end);
    end if;
    v_result := app.catalogue_write(v_admin.county_code, v_row, not p_dry_run, p_now);
    v_results := v_results || jsonb_build_object('code', v_row ->> 'code', 'status', v_result ->> 'status');
  end loop;

  select jsonb_build_object(
    'created', count(*) filter (where r ->> 'status' = 'created'),
    'updated', count(*) filter (where r ->> 'status' = 'updated'),
    'unchanged', count(*) filter (where r ->> 'status' = 'unchanged'))
  into v_counts from jsonb_array_elements(v_results) r;

  if not p_dry_run and ((v_counts ->> 'created')::int + (v_counts ->> 'updated')::int) > 0 then
    perform app.audit(p_now, 'catalogue.import', 'catalogue', v_admin.county_code::text,
      v_counts || jsonb_build_object(
        'codesCreated', coalesce((select jsonb_agg(r ->> 'code') from jsonb_array_elements(v_results) r where r ->> 'status' = 'created'), '[]'::jsonb),
        'codesUpdated', coalesce((select jsonb_agg(r ->> 'code') from jsonb_array_elements(v_results) r where r ->> 'status' = 'updated'), '[]'::jsonb)));
  end if;
  return v_counts || jsonb_build_object('dryRun', p_dry_run, 'rows', v_results);
end
$$;
grant execute on function public.import_catalogue(p_rows jsonb, p_dry_run boolean, p_now timestamp with time zone, p_replace_materials boolean) to authenticated, service_role;
