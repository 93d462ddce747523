-- Row-level security that stays fast on a year of history. The first booking policy called
-- app.current_account() / app.can_see_center() for every row, so a resident's "my bookings"
-- scanned the whole table (bench/availability.ts: over 10 s on 436k bookings). Wrapping each
-- helper in a scalar sub-select makes PostgreSQL evaluate it once per query (an InitPlan), and
-- list_my_bookings now names predicates the booked_by / applicant_id indexes can serve.

create or replace function app.admin_center_ids() returns setof uuid
language sql stable security definer
set search_path = ''
as $$
  select c.id from public.centers c where c.county_code = app.admin_county()
$$;
revoke all on function app.admin_center_ids() from public;
grant execute on function app.admin_center_ids() to authenticated, service_role;

drop policy bookings_read on public.bookings;
create policy bookings_read on public.bookings for select to authenticated using (
  booked_by = (select (app.current_account()).id)
  or applicant_id in (select app.my_person_ids())
  or center_id = (select app.staff_center_id())
  or center_id in (select app.admin_center_ids())
);

-- a person acts for a handful of people, an admin's county has dozens of centres: tell the
-- planner so, or it assumes 1000 rows and scans bookings instead of using its indexes
alter function app.my_person_ids() rows 5;
alter function app.admin_center_ids() rows 60;

create or replace function public.list_my_bookings() returns jsonb
language sql stable
set search_path = ''
as $$
  select jsonb_build_object('bookings', coalesce(jsonb_agg(app.booking_json(b) order by b.slot_starts_at desc), '[]'::jsonb))
  from (
    select x.* from public.bookings x where x.booked_by = (select (app.current_account()).id)
    union
    select x.* from public.bookings x join app.my_person_ids() as p(id) on x.applicant_id = p.id
  ) b
$$;
