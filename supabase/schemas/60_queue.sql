-- 60 The queue and the window staff's workbench: checking a booking in and issuing walk-in
-- tickets (one numbering per centre and day), calling at a window, and the staff's day lists.
--
-- Ticket life: waiting → called (at a window, up to 3 calls) → serving → done; a called person
-- who does not come is marked missed; a missed (or called) person can be put back in the queue.
-- A window has at most one current person (called or serving) per day, enforced by a unique
-- index: "call next" never silently drops the current person, it refuses until staff choose
-- (recall, missed, put back, or finish the person being served).
--
-- Order of the queue (docs/staff-workbench.md): by `queue_at`, then by number. A walk-in's
-- queue_at is when the ticket was issued. A checked-in booking's is its slot start when the
-- person checked in before the slot start plus the centre's grace (no_show_grace_minutes, 15):
-- booked people wait for their booked time and then go ahead of walk-ins who came after it;
-- someone later than the grace queues from check-in, like a walk-in. A person put back queues
-- from that moment. So nobody is overtaken by someone whose time came after theirs.
--
-- Every queue action is a queue_events row with the ticket as it was before, so the staff member
-- can take back their own latest action at a window within 2 minutes (a mis-tap), and an audit
-- row. Calls and missed turns of a booking appear on the resident's timeline.
--
-- (The tickets table itself is in 40_booking.sql: cases refer to tickets, and the workbench
-- reads cases, so the order is tickets → cases → queue.)

-- Staff check a booking in: it joins the day's queue with the next ticket number.
create or replace function public.check_in_booking(p_code text, p_now timestamptz) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  v_booking public.bookings;
  v_day date := (p_now at time zone 'Asia/Shanghai')::date;
  v_number integer;
begin
  select * into v_booking from public.bookings b where b.code = upper(trim(p_code)) for update;
  if not found or not app.can_see_center(v_booking.center_id) or app.staff_center_id() is null then
    perform app.raise(case when app.staff_center_id() is null then 'FORBIDDEN' else 'BOOKING_NOT_FOUND' end);
  end if;
  if v_booking.status = 'checked_in' then
    return app.booking_json(v_booking) || jsonb_build_object('ticket',
      (select jsonb_build_object('number', t.number, 'serviceDate', t.service_date) from public.tickets t where t.booking_id = v_booking.id));
  end if;
  if v_booking.status not in ('booked', 'confirmed') then
    perform app.raise('BOOKING_NOT_ACTIVE');
  end if;
  if (v_booking.slot_starts_at at time zone 'Asia/Shanghai')::date <> v_day then
    perform app.raise('NOT_TODAY');
  end if;
  insert into public.ticket_counters as tc (center_id, service_date, last_number) values (v_booking.center_id, v_day, 1)
  on conflict (center_id, service_date) do update set last_number = tc.last_number + 1
  returning last_number into v_number;
  insert into public.tickets (center_id, service_date, number, item_id, booking_id, kind, issued_at, issued_by)
  values (v_booking.center_id, v_day, v_number, v_booking.item_id, v_booking.id, 'booking', p_now, app.uid());
  update public.bookings set status = 'checked_in', checked_in_at = p_now, updated_at = p_now
  where id = v_booking.id returning * into v_booking;
  perform app.append_booking_event(v_booking.id, p_now, 'checked_in', app.uid(), jsonb_build_object('ticket', v_number));
  return app.booking_json(v_booking) || jsonb_build_object('ticket', jsonb_build_object('number', v_number, 'serviceDate', v_day));
end
$$;
grant execute on function public.check_in_booking(p_code text, p_now timestamp with time zone) to authenticated;

-- Staff issue a walk-in ticket: same numbering as checked-in bookings.
create or replace function public.issue_walk_in_ticket(p_now timestamptz, p_item uuid default null) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  v_center uuid := app.staff_center_id();
  v_day date := (p_now at time zone 'Asia/Shanghai')::date;
  v_number integer;
begin
  if v_center is null then
    perform app.raise('FORBIDDEN');
  end if;
  if p_item is not null and not exists (select 1 from public.center_items ci where ci.center_id = v_center and ci.item_id = p_item) then
    perform app.raise('ITEM_NOT_OFFERED');
  end if;
  insert into public.ticket_counters as tc (center_id, service_date, last_number) values (v_center, v_day, 1)
  on conflict (center_id, service_date) do update set last_number = tc.last_number + 1
  returning last_number into v_number;
  insert into public.tickets (center_id, service_date, number, item_id, kind, issued_at, issued_by)
  values (v_center, v_day, v_number, p_item, 'walk_in', p_now, app.uid());
  return jsonb_build_object('number', v_number, 'serviceDate', v_day, 'centerId', v_center, 'itemId', p_item, 'kind', 'walk_in');
end
$$;
grant execute on function public.issue_walk_in_ticket(p_now timestamp with time zone, p_item uuid) to authenticated;

-- The queue's history, for undo and appraisal. One request may write several rows (finish the
-- current person and call the next): they share `action_id` and are undone together.
create table public.queue_events (
  id bigint generated always as identity primary key,
  action_id uuid not null,
  center_id uuid not null references public.centers (id),
  service_date date not null,
  window_id uuid references public.windows (id),
  ticket_id uuid not null references public.tickets (id) on delete cascade,
  at timestamptz not null,
  action text not null check (action in ('call', 'recall', 'serve', 'finish', 'missed', 'requeue')),
  actor_id uuid not null references public.users (id),
  -- the ticket as it was before this action
  before jsonb not null,
  undone_at timestamptz,
  undone_by uuid references public.users (id),
  check ((undone_at is null) = (undone_by is null))
);

create index queue_events_window_idx on public.queue_events (window_id, service_date, id);
create index queue_events_ticket_idx on public.queue_events (ticket_id);

alter table public.queue_events enable row level security;

create policy queue_events_read on public.queue_events for select to authenticated using (app.can_see_center(center_id));

revoke all on public.queue_events from anon, authenticated;
grant select on public.queue_events to authenticated;
grant all on public.queue_events to service_role;

-- ---------------------------------------------------------------------------------------
-- Helpers

-- 王秀英 → 王*英, 张三 → 张* (server/privacy/mask.ts maskName): staff lists never carry full names.
create or replace function app.mask_name(p_name text) returns text
language sql immutable
set search_path = ''
as $$
  select case
    when char_length(btrim(p_name)) <= 1 then btrim(p_name)
    when char_length(btrim(p_name)) = 2 then left(btrim(p_name), 1) || '*'
    else left(btrim(p_name), 1) || repeat('*', char_length(btrim(p_name)) - 2) || right(btrim(p_name), 1)
  end
$$;

-- A window of the caller's centre (active); otherwise WINDOW_NOT_FOUND.
create or replace function app.center_window(p_window uuid, p_center uuid, p_lock boolean default false) returns public.windows
language plpgsql
set search_path = ''
as $$
declare
  v_window public.windows;
begin
  if p_lock then
    select * into v_window from public.windows w where w.id = p_window and w.center_id = p_center and w.active for update;
  else
    select * into v_window from public.windows w where w.id = p_window and w.center_id = p_center and w.active;
  end if;
  if not found then
    perform app.raise('WINDOW_NOT_FOUND');
  end if;
  return v_window;
end
$$;

-- One ticket as staff see it (QueueTicket in server/contract/queue.ts).
create or replace function app.queue_ticket_json(p_ticket public.tickets) returns jsonb
language sql stable
set search_path = ''
as $$
  select jsonb_build_object(
    'id', p_ticket.id,
    'number', p_ticket.number,
    'kind', p_ticket.kind,
    'status', p_ticket.status,
    'serviceDate', p_ticket.service_date,
    'itemId', p_ticket.item_id,
    'itemName', (select i.name from public.service_items i where i.id = p_ticket.item_id),
    'bookingId', p_ticket.booking_id,
    'applicantName', (select app.mask_name(p.full_name) from public.bookings b join public.persons p on p.id = b.applicant_id
                      where b.id = p_ticket.booking_id),
    'slotStart', (select app.iso_shanghai(b.slot_starts_at) from public.bookings b where b.id = p_ticket.booking_id),
    'issuedAt', app.iso_shanghai(p_ticket.issued_at),
    'queueAt', app.iso_shanghai(p_ticket.queue_at),
    'windowId', p_ticket.window_id,
    'windowName', (select w.name from public.windows w where w.id = p_ticket.window_id),
    'callCount', p_ticket.call_count,
    'calledAt', app.iso_shanghai(p_ticket.called_at),
    'lastCalledAt', app.iso_shanghai(p_ticket.last_called_at),
    'servingAt', app.iso_shanghai(p_ticket.serving_at),
    'finishedAt', app.iso_shanghai(p_ticket.finished_at),
    'missedAt', app.iso_shanghai(p_ticket.missed_at),
    'handlingSeconds', p_ticket.handling_seconds,
    'case', (select jsonb_build_object('id', c.id, 'status', c.status) from public.cases c
             where c.voided_at is null and (c.ticket_id = p_ticket.id or (p_ticket.booking_id is not null and c.booking_id = p_ticket.booking_id))
             order by c.accepted_at desc limit 1))
$$;

-- The queue of the caller's centre today, seen from one window (or none): its current person,
-- the waiting line in calling order, the missed, counts, and the caller's undoable action.
create or replace function app.queue_board_json(p_center uuid, p_window uuid, p_now timestamptz) returns jsonb
language sql stable
set search_path = ''
as $$
  with day as (select (p_now at time zone 'Asia/Shanghai')::date as d)
  select jsonb_build_object(
    'serviceDate', (select d from day),
    'windows', coalesce((
      select jsonb_agg(jsonb_build_object('id', w.id, 'number', w.number, 'name', w.name) order by w.number)
      from public.windows w where w.center_id = p_center and w.active), '[]'::jsonb),
    'windowId', p_window,
    'current', (
      select app.queue_ticket_json(t) from public.tickets t, day
      where t.window_id = p_window and t.service_date = day.d and t.status in ('called', 'serving')),
    'waiting', coalesce((
      select jsonb_agg(app.queue_ticket_json(t) order by t.queue_at, t.number)
      from public.tickets t, day
      where t.center_id = p_center and t.service_date = day.d and t.status = 'waiting'), '[]'::jsonb),
    'missed', coalesce((
      select jsonb_agg(app.queue_ticket_json(t) order by t.missed_at desc)
      from public.tickets t, day
      where t.center_id = p_center and t.service_date = day.d and t.status = 'missed'), '[]'::jsonb),
    'atOtherWindows', coalesce((
      select jsonb_agg(app.queue_ticket_json(t) order by t.called_at)
      from public.tickets t, day
      where t.center_id = p_center and t.service_date = day.d and t.status in ('called', 'serving')
        and t.window_id is distinct from p_window), '[]'::jsonb),
    'counts', (
      select jsonb_build_object(
        'waiting', count(*) filter (where t.status = 'waiting'),
        'atWindows', count(*) filter (where t.status in ('called', 'serving')),
        'done', count(*) filter (where t.status = 'done'),
        'missed', count(*) filter (where t.status = 'missed'))
      from public.tickets t, day where t.center_id = p_center and t.service_date = day.d),
    'lastAction', (
      select jsonb_build_object('action', e.action, 'at', app.iso_shanghai(e.at), 'number', t.number)
      from public.queue_events e join public.tickets t on t.id = e.ticket_id, day
      where e.window_id = p_window and e.service_date = day.d and e.actor_id = app.uid() and e.undone_at is null
      order by e.id desc limit 1))
$$;

-- Record one queue action: the event (with the ticket before), the audit row, and what the
-- resident sees on a booking's timeline.
create or replace function app.queue_event(
  p_action_id uuid, p_before public.tickets, p_after public.tickets, p_action text, p_window uuid, p_now timestamptz
) returns void
language plpgsql
set search_path = ''
as $$
declare
  v_window_name text := (select w.name from public.windows w where w.id = coalesce(p_after.window_id, p_window));
begin
  insert into public.queue_events (action_id, center_id, service_date, window_id, ticket_id, at, action, actor_id, before)
  values (p_action_id, p_after.center_id, p_after.service_date, p_window, p_after.id, p_now, p_action, app.uid(), to_jsonb(p_before));
  -- the number and the window only: never a name in the audit log
  perform app.audit(p_now, 'queue.' || p_action, 'ticket', p_after.id::text,
    jsonb_build_object('number', p_after.number, 'window', v_window_name, 'serviceDate', p_after.service_date), p_after.center_id);
  if p_after.booking_id is not null and p_action in ('call', 'recall', 'missed', 'requeue') then
    perform app.append_booking_event(p_after.booking_id, p_now,
            case p_action when 'missed' then 'missed' when 'requeue' then 'requeued' else 'called' end,
            app.uid(),
            case when p_action in ('call', 'recall')
                 then jsonb_build_object('ticket', p_after.number, 'window', v_window_name, 'count', p_after.call_count)
                 else jsonb_build_object('ticket', p_after.number) end);
  end if;
end
$$;

-- A ticket of the caller's centre today, locked; otherwise TICKET_NOT_FOUND.
create or replace function app.lock_today_ticket(p_ticket uuid, p_center uuid, p_now timestamptz) returns public.tickets
language plpgsql
set search_path = ''
as $$
declare
  v_ticket public.tickets;
begin
  select * into v_ticket from public.tickets t
  where t.id = p_ticket and t.center_id = p_center and t.service_date = (p_now at time zone 'Asia/Shanghai')::date
  for update;
  if not found then
    perform app.raise('TICKET_NOT_FOUND');
  end if;
  return v_ticket;
end
$$;

-- ---------------------------------------------------------------------------------------
-- Reads

-- 叫号屏: today's queue of the caller's centre, from one of its windows (or none yet).
create or replace function public.queue_board(p_now timestamptz, p_window uuid default null) returns jsonb
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_staff public.users := app.require_staff();
begin
  if p_window is not null then
    perform app.center_window(p_window, v_staff.center_id);
  end if;
  return app.queue_board_json(v_staff.center_id, p_window, p_now);
end
$$;
grant execute on function public.queue_board(p_now timestamp with time zone, p_window uuid) to authenticated;

-- 今日 / 明日: the bookings of the caller's centre on a day (today − 7 … today + 14), by slot,
-- with the applicant masked, the queue ticket and case when there are, and the materials of
-- each item once.
create or replace function public.staff_day(p_date date, p_now timestamptz) returns jsonb
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_staff public.users := app.require_staff();
  v_today date := (p_now at time zone 'Asia/Shanghai')::date;
  v_result jsonb;
begin
  if p_date is null or p_date < v_today - 7 or p_date > v_today + 14 then
    perform app.raise('INVALID_DATE_RANGE');
  end if;
    with list as (
      select b.* from public.bookings b
      where b.center_id = v_staff.center_id
        and b.slot_starts_at >= app.shanghai_day_start(p_date)
        and b.slot_starts_at < app.shanghai_day_start(p_date + 1)
    )
    select jsonb_build_object(
      'date', p_date,
      'today', v_today,
      'centerId', v_staff.center_id,
      'centerName', (select c.name from public.centers c where c.id = v_staff.center_id),
      'counts', jsonb_build_object(
        'pending', (select count(*) from list where status = 'booked'),
        'active', (select count(*) from list where status in ('booked', 'confirmed', 'checked_in')),
        'checkedIn', (select count(*) from list where status = 'checked_in'),
        'completed', (select count(*) from list where status = 'completed'),
        'cancelled', (select count(*) from list where status in ('cancelled', 'declined')),
        'noShow', (select count(*) from list where status = 'no_show')),
      'bookings', coalesce((
        select jsonb_agg(jsonb_build_object(
          'id', l.id,
          'status', l.status,
          'slotStart', app.iso_shanghai(l.slot_starts_at),
          'slotEnd', app.iso_shanghai(l.slot_ends_at),
          'itemId', l.item_id,
          'itemName', i.name,
          'windowName', w.name,
          'applicantName', app.mask_name(p.full_name),
          'bookedVia', l.booked_via,
          'statusReason', l.status_reason,
          'checkedInAt', app.iso_shanghai(l.checked_in_at),
          'ticket', (select jsonb_build_object('id', t.id, 'number', t.number, 'status', t.status) from public.tickets t where t.booking_id = l.id),
          'case', (select jsonb_build_object('id', c.id, 'status', c.status) from public.cases c where c.booking_id = l.id and c.voided_at is null))
          order by l.slot_starts_at, l.created_at)
        from list l
        join public.service_items i on i.id = l.item_id
        join public.windows w on w.id = l.window_id
        join public.persons p on p.id = l.applicant_id), '[]'::jsonb),
      'materials', coalesce((
        select jsonb_object_agg(x.item_id, x.materials) from (
          select m.item_id, jsonb_agg(jsonb_build_object(
            'name', m.name, 'form', m.form, 'copies', m.copies, 'requirement', m.requirement,
            'condition', m.condition_question) order by m.position) as materials
          from public.item_materials m
          where m.item_id in (select distinct l.item_id from list l)
          group by m.item_id) x), '{}'::jsonb))
    into v_result;
  return v_result;
end
$$;
grant execute on function public.staff_day(p_date date, p_now timestamp with time zone) to authenticated;

-- One booking of the caller's centre for the workbench: the booking (applicant masked), its
-- timeline, ticket, case and the item's materials.
create or replace function public.staff_booking(p_booking uuid) returns jsonb
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_staff public.users := app.require_staff();
  v_booking public.bookings;
  v_case public.cases;
begin
  select * into v_booking from public.bookings b where b.id = p_booking and b.center_id = v_staff.center_id;
  if not found then
    perform app.raise('BOOKING_NOT_FOUND');
  end if;
  select * into v_case from public.cases c where c.booking_id = v_booking.id and c.voided_at is null;
  return app.booking_json(v_booking)
    || jsonb_build_object(
      'applicant', jsonb_build_object('id', v_booking.applicant_id,
        'name', (select app.mask_name(p.full_name) from public.persons p where p.id = v_booking.applicant_id)),
      'timeline', coalesce((
        select jsonb_agg(jsonb_build_object('at', app.iso_shanghai(e.at), 'kind', e.kind, 'data', e.data) order by e.at, e.id)
        from public.booking_events e where e.booking_id = v_booking.id and e.undone_at is null), '[]'::jsonb),
      'ticket', (select app.queue_ticket_json(t) from public.tickets t where t.booking_id = v_booking.id),
      'case', case when v_case.id is null then null else jsonb_build_object('id', v_case.id, 'status', v_case.status) end,
      'materials', coalesce((
        select jsonb_agg(jsonb_build_object(
          'name', m.name, 'form', m.form, 'copies', m.copies, 'requirement', m.requirement, 'condition', m.condition_question)
          order by m.position)
        from public.item_materials m where m.item_id = v_booking.item_id), '[]'::jsonb));
end
$$;
grant execute on function public.staff_booking(p_booking uuid) to authenticated;

-- ---------------------------------------------------------------------------------------
-- Queue actions (staff and managers of the centre; Idempotency-Key claimed in the transaction)

-- 叫下一位: the first waiting person this window serves (walk-ins without an item: any window).
-- The window must be free; with p_finish_current the person being served there is finished
-- first, in the same transaction. Someone called but not yet served is never dropped: that
-- is WINDOW_BUSY until staff recall, mark missed or put them back. Two windows calling at once
-- never get the same person (`for update skip locked`); two taps at one window queue on the
-- window's row lock.
create or replace function public.call_next(
  p_window uuid,
  p_now timestamptz,
  p_finish_current boolean default false,
  p_idempotency_key text default null,
  p_request_hash text default ''
) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  v_staff public.users := app.require_staff();
  v_day date := (p_now at time zone 'Asia/Shanghai')::date;
  v_replay jsonb;
  v_window public.windows;
  v_current public.tickets;
  v_before public.tickets;
  v_next public.tickets;
  v_action uuid := extensions.gen_random_uuid();
begin
  v_replay := app.claim_idempotency_key(p_idempotency_key, 'queue_call_next', p_request_hash, p_now);
  if v_replay is not null then
    return v_replay;
  end if;
  v_window := app.center_window(p_window, v_staff.center_id, true);

  select * into v_current from public.tickets t
  where t.window_id = v_window.id and t.service_date = v_day and t.status in ('called', 'serving')
  for update;
  if found then
    if v_current.status = 'called' or not coalesce(p_finish_current, false) then
      perform app.raise('WINDOW_BUSY', jsonb_build_object('number', v_current.number, 'status', v_current.status, 'ticketId', v_current.id));
    end if;
    v_before := v_current;
    update public.tickets set status = 'done', finished_at = p_now, updated_at = p_now
    where id = v_current.id returning * into v_current;
    perform app.queue_event(v_action, v_before, v_current, 'finish', v_window.id, p_now);
  end if;

  select * into v_next from public.tickets t
  where t.center_id = v_staff.center_id and t.service_date = v_day and t.status = 'waiting'
    and (t.item_id is null or exists (select 1 from public.window_items wi where wi.window_id = v_window.id and wi.item_id = t.item_id))
  order by t.queue_at, t.number
  limit 1
  for update skip locked;
  if found then
    v_before := v_next;
    update public.tickets
    set status = 'called', window_id = v_window.id, call_count = 1, called_at = p_now, last_called_at = p_now,
        called_by = v_staff.id, updated_at = p_now
    where id = v_next.id returning * into v_next;
    perform app.queue_event(v_action, v_before, v_next, 'call', v_window.id, p_now);
  end if;

  return app.remember_response(p_idempotency_key,
    app.queue_board_json(v_staff.center_id, v_window.id, p_now)
    || jsonb_build_object('called', case when v_next.id is null then null else app.queue_ticket_json(v_next) end));
end
$$;
grant execute on function public.call_next(p_window uuid, p_now timestamp with time zone, p_finish_current boolean, p_idempotency_key text, p_request_hash text) to authenticated;

-- recall 再叫一次 (called, fewer than 3 calls) · serve 开始办理 (called → serving) ·
-- finish 办完了 (serving → done) · missed 过号 (called → missed) ·
-- requeue 放回排队 (called or missed → waiting, queuing from now).
create or replace function public.queue_ticket_action(
  p_ticket uuid,
  p_action text,
  p_now timestamptz,
  p_idempotency_key text default null,
  p_request_hash text default ''
) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  v_staff public.users := app.require_staff();
  v_replay jsonb;
  v_ticket public.tickets;
  v_before public.tickets;
  v_window uuid;
begin
  if p_action is null or p_action not in ('recall', 'serve', 'finish', 'missed', 'requeue') then
    perform app.raise('INVALID_INPUT');
  end if;
  v_replay := app.claim_idempotency_key(p_idempotency_key, 'queue_' || p_action, p_request_hash, p_now);
  if v_replay is not null then
    return v_replay;
  end if;
  v_ticket := app.lock_today_ticket(p_ticket, v_staff.center_id, p_now);
  v_before := v_ticket;
  v_window := v_ticket.window_id;

  if p_action = 'recall' and v_ticket.status = 'called' then
    if v_ticket.call_count >= 3 then
      perform app.raise('RECALL_LIMIT_REACHED', jsonb_build_object('limit', 3));
    end if;
    update public.tickets set call_count = call_count + 1, last_called_at = p_now, updated_at = p_now
    where id = v_ticket.id returning * into v_ticket;
  elsif p_action = 'serve' and v_ticket.status = 'called' then
    update public.tickets set status = 'serving', serving_at = p_now, updated_at = p_now
    where id = v_ticket.id returning * into v_ticket;
  elsif p_action = 'finish' and v_ticket.status = 'serving' then
    update public.tickets set status = 'done', finished_at = p_now, updated_at = p_now
    where id = v_ticket.id returning * into v_ticket;
  elsif p_action = 'missed' and v_ticket.status = 'called' then
    update public.tickets set status = 'missed', missed_at = p_now, updated_at = p_now
    where id = v_ticket.id returning * into v_ticket;
  elsif p_action = 'requeue' and v_ticket.status in ('called', 'missed') then
    update public.tickets
    set status = 'waiting', window_id = null, call_count = 0, missed_at = null, queue_at = p_now,
        requeue_count = requeue_count + 1, updated_at = p_now
    where id = v_ticket.id returning * into v_ticket;
  else
    perform app.raise('INVALID_TICKET_TRANSITION', jsonb_build_object('status', v_ticket.status, 'action', p_action, 'number', v_ticket.number));
  end if;
  perform app.queue_event(extensions.gen_random_uuid(), v_before, v_ticket, p_action, v_window, p_now);
  return app.remember_response(p_idempotency_key,
    app.queue_board_json(v_staff.center_id, v_window, p_now) || jsonb_build_object('ticket', app.queue_ticket_json(v_ticket)));
end
$$;
grant execute on function public.queue_ticket_action(p_ticket uuid, p_action text, p_now timestamp with time zone, p_idempotency_key text, p_request_hash text) to authenticated;

-- 撤销: the caller's own latest queue action at a window, within 2 minutes, while the tickets it
-- changed are still as it left them. The tickets return to what they were; the events stay,
-- marked undone, and leave the resident's timeline.
create or replace function public.undo_queue_action(
  p_window uuid,
  p_now timestamptz,
  p_idempotency_key text default null,
  p_request_hash text default ''
) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  v_staff public.users := app.require_staff();
  v_day date := (p_now at time zone 'Asia/Shanghai')::date;
  v_replay jsonb;
  v_window public.windows;
  v_last public.queue_events;
  v_event public.queue_events;
  v_ticket public.tickets;
  v_old public.tickets;
  v_kind text;
begin
  v_replay := app.claim_idempotency_key(p_idempotency_key, 'queue_undo', p_request_hash, p_now);
  if v_replay is not null then
    return v_replay;
  end if;
  v_window := app.center_window(p_window, v_staff.center_id, true);
  select * into v_last from public.queue_events e
  where e.window_id = v_window.id and e.service_date = v_day and e.undone_at is null
  order by e.id desc limit 1;
  if not found or v_last.actor_id is distinct from v_staff.id then
    perform app.raise('NOTHING_TO_UNDO');
  end if;
  if p_now > v_last.at + interval '2 minutes' then
    perform app.raise('UNDO_EXPIRED', jsonb_build_object('minutes', 2));
  end if;

  -- newest first: a call is taken back before the finish that freed its window
  for v_event in
    select * from public.queue_events e where e.action_id = v_last.action_id and e.undone_at is null order by e.id desc
  loop
    select * into v_ticket from public.tickets t where t.id = v_event.ticket_id for update;
    if v_ticket.updated_at is distinct from v_event.at then
      -- changed since (another window, a later action): nothing is restored
      perform app.raise('QUEUE_UNDO_NOT_POSSIBLE', jsonb_build_object('number', v_ticket.number));
    end if;
    v_old := jsonb_populate_record(null::public.tickets, v_event.before);
    begin
      update public.tickets
      set status = v_old.status, window_id = v_old.window_id, queue_at = v_old.queue_at, call_count = v_old.call_count,
          called_at = v_old.called_at, last_called_at = v_old.last_called_at, called_by = v_old.called_by,
          serving_at = v_old.serving_at, finished_at = v_old.finished_at, missed_at = v_old.missed_at,
          requeue_count = v_old.requeue_count, updated_at = p_now
      where id = v_ticket.id;
    exception when unique_violation then
      -- its window has someone else at it now
      perform app.raise('QUEUE_UNDO_NOT_POSSIBLE', jsonb_build_object('number', v_ticket.number));
    end;
    update public.queue_events set undone_at = p_now, undone_by = v_staff.id where id = v_event.id;
    v_kind := case v_event.action when 'missed' then 'missed' when 'requeue' then 'requeued' when 'call' then 'called' when 'recall' then 'called' end;
    if v_ticket.booking_id is not null and v_kind is not null then
      update public.booking_events set undone_at = p_now, undone_by = v_staff.id
      where booking_id = v_ticket.booking_id and kind = v_kind and at = v_event.at and actor_id = v_staff.id and undone_at is null;
    end if;
    perform app.audit(p_now, 'queue.undo', 'ticket', v_ticket.id::text,
      jsonb_build_object('number', v_ticket.number, 'undone', v_event.action, 'window', v_window.name), v_staff.center_id);
  end loop;

  return app.remember_response(p_idempotency_key,
    app.queue_board_json(v_staff.center_id, v_window.id, p_now)
    || jsonb_build_object('undone', jsonb_build_object('action', v_last.action, 'at', app.iso_shanghai(v_last.at))));
end
$$;
grant execute on function public.undo_queue_action(p_window uuid, p_now timestamp with time zone, p_idempotency_key text, p_request_hash text) to authenticated;

-- 现场取号 with an Idempotency-Key: a retry after a timeout answers the same number instead of
-- printing a second one. (issue_walk_in_ticket stays for callers without a key.)
create or replace function public.issue_walk_in_ticket_once(
  p_now timestamptz,
  p_item uuid default null,
  p_idempotency_key text default null,
  p_request_hash text default ''
) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  v_staff public.users := app.require_staff();
  v_replay jsonb;
  v_ticket jsonb;
begin
  v_replay := app.claim_idempotency_key(p_idempotency_key, 'walk_in_ticket', p_request_hash, p_now);
  if v_replay is not null then
    return v_replay;
  end if;
  v_ticket := public.issue_walk_in_ticket(p_now, p_item);
  perform app.audit(p_now, 'queue.issue', 'ticket', (v_ticket ->> 'number'), jsonb_build_object('number', v_ticket -> 'number'), v_staff.center_id);
  return app.remember_response(p_idempotency_key, v_ticket);
end
$$;
grant execute on function public.issue_walk_in_ticket_once(p_now timestamp with time zone, p_item uuid, p_idempotency_key text, p_request_hash text) to authenticated;
