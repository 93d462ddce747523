-- Notifications (issue 10): inbox, outbox, deliveries, settings. The same SQL as
-- supabase/schemas/80_notifications.sql, where the live definition is kept, after the changes
-- to 40_booking.sql: an accept of a subscribe message need not name a booking, and recording
-- accepts is shared by the booking's and the settings page's routes.

alter table public.reminder_consents alter column booking_id drop not null;

-- One wx.requestSubscribeMessage answer of a user: p_template_ids what was asked (1–3),
-- p_accepted the ones accepted (a subset), for a booking or for none. Answers how many rows it
-- recorded; INVALID_INPUT for anything else.
create or replace function app.insert_consents(p_user uuid, p_booking uuid, p_template_ids jsonb, p_accepted jsonb, p_now timestamptz)
returns integer
language plpgsql
set search_path = ''
as $$
declare
  v_count integer;
begin
  if jsonb_typeof(p_template_ids) <> 'array' or jsonb_typeof(p_accepted) <> 'array'
     or jsonb_array_length(p_template_ids) not between 1 and 3
     or exists (select 1 from jsonb_array_elements(p_accepted) a where not (p_template_ids @> jsonb_build_array(a.value))) then
    perform app.raise('INVALID_INPUT');
  end if;
  insert into public.reminder_consents (booking_id, user_id, template_id, accepted_at)
  select distinct p_booking, p_user, t, p_now from jsonb_array_elements_text(p_accepted) t;
  get diagnostics v_count = row_count;
  return v_count;
end
$$;

-- A user's unused accepts per template: of one booking, or (p_booking null) all of them.
create or replace function app.pending_consents(p_user uuid, p_booking uuid) returns jsonb
language sql stable
set search_path = ''
as $$
  select coalesce(jsonb_agg(jsonb_build_object('templateId', c.template_id, 'count', c.n) order by c.template_id collate "C"), '[]'::jsonb)
  from (select r.template_id, count(*)::int as n from public.reminder_consents r
        where r.user_id = p_user and r.sent_at is null and (p_booking is null or r.booking_id = p_booking)
        group by r.template_id) c
$$;

-- Record which templates the caller accepted for a booking they may see (their own or a
-- linked person's, still booked or confirmed). Answers the unsent accepts per template for this
-- booking. With an Idempotency-Key (optional here), a retry answers the first result and
-- records nothing.
create or replace function public.record_reminder_consent(
  p_booking uuid,
  p_template_ids jsonb,
  p_accepted jsonb,
  p_now timestamptz,
  p_idempotency_key text default null,
  p_request_hash text default ''
) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  v_user public.users;
  v_booking public.bookings;
  v_count integer;
  v_replay jsonb;
begin
  v_user := app.require_account();
  v_replay := app.claim_idempotency_key(p_idempotency_key, 'reminders', p_request_hash, p_now);
  if v_replay is not null then
    return v_replay;
  end if;
  select * into v_booking from public.bookings b where b.id = p_booking;
  if not found or not (v_booking.booked_by = v_user.id or v_booking.applicant_id in (select app.my_person_ids())) then
    perform app.raise('BOOKING_NOT_FOUND');
  end if;
  if v_booking.status not in ('booked', 'confirmed') then
    perform app.raise('BOOKING_NOT_ACTIVE');
  end if;
  v_count := app.insert_consents(v_user.id, v_booking.id, p_template_ids, p_accepted, p_now);
  return app.remember_response(p_idempotency_key, jsonb_build_object(
    'bookingId', v_booking.id, 'recorded', v_count, 'pending', app.pending_consents(v_user.id, v_booking.id)));
end
$$;
grant execute on function public.record_reminder_consent(p_booking uuid, p_template_ids jsonb, p_accepted jsonb, p_now timestamp with time zone, p_idempotency_key text, p_request_hash text) to authenticated;

-- 80 Notifications (件件有回音): the in-app inbox, the outbox the dispatcher sends from, the
-- attempts per channel, and each person's channel settings.
--
-- Every state change that matters writes its notification rows in the same transaction as the
-- change (triggers on booking_events, booking_restrictions, rectifications), so a crash loses
-- none. A row is at the same time one message of a user's inbox (消息) and one entry of the
-- outbox: the dispatcher (server/notifications/dispatcher.ts) claims due rows with
-- `for update skip locked`, picks a channel here (WeChat with a subscribe consent, else SMS to
-- the person's phone, else the inbox alone), sends, and records the outcome. Reminders and the
-- overdue notice of a follow-up are rows written at booking / rating time with a later due_at;
-- they become obsolete by themselves when the booking moves or the follow-up is closed.
--
-- Exactly once from the person's point of view: at most one attempt of a notification is in
-- flight (a unique index), at most one succeeds (another), and an attempt a stopped dispatcher
-- left unfinished is marked unknown and never sent again on any channel.

create table public.notification_preferences (
  user_id uuid primary key references public.users (id) on delete cascade,
  wechat boolean not null default true,
  sms boolean not null default true,
  -- hold WeChat and SMS from 22:00 to 07:00 (Shanghai), except for changes on the same day
  quiet_hours boolean not null default true,
  updated_at timestamptz not null
);

create table public.notifications (
  id uuid primary key default extensions.gen_random_uuid(),
  -- the order they were written in: the inbox's order among notifications due at one instant
  seq bigint generated always as identity unique,
  -- whose inbox it is in; null for a person without an account (reached by SMS only)
  user_id uuid references public.users (id) on delete cascade,
  -- whom it is about: SMS goes to this person's phone
  person_id uuid references public.persons (id) on delete cascade,
  kind text not null check (kind in (
    'booking_booked', 'booking_confirmed', 'booking_declined', 'booking_rescheduled', 'booking_cancelled_by_center',
    'reminder_day_before', 'reminder_two_hours', 'booking_checked_in', 'ticket_called', 'case_accepted',
    'case_needs_supplement', 'case_forwarded', 'case_completed', 'case_rejected', 'restriction_started',
    'rectification_closed', 'staff_booking_waiting', 'manager_bad_rating', 'manager_follow_up_overdue')),
  center_id uuid references public.centers (id),
  county_code char(6),
  booking_id uuid references public.bookings (id) on delete cascade,
  case_id uuid references public.cases (id) on delete cascade,
  rectification_id uuid references public.rectifications (id) on delete cascade,
  -- the timeline entry it tells of (an undone step makes a waiting notification obsolete)
  event_id bigint references public.booking_events (id) on delete set null,
  -- what the texts need, as it was at the moment of the change (names, times, reasons)
  data jsonb not null default '{}'::jsonb,
  created_at timestamptz not null,
  -- shown in the inbox and sent from then on (a reminder: later than created_at)
  due_at timestamptz not null,
  -- about today (Shanghai): quiet hours do not hold it back
  same_day boolean not null default false,
  -- one reminder per booking and start time, one overdue notice per follow-up
  dedupe_key text unique,
  read_at timestamptz,
  state text not null default 'pending'
    check (state in ('pending', 'sending', 'delivered', 'inbox_only', 'dead', 'unknown', 'obsolete')),
  send_after timestamptz not null,
  attempts integer not null default 0 check (attempts >= 0),
  -- channels that failed for good for this notification (not tried again)
  channels_failed text[] not null default '{}',
  delivered_by text check (delivered_by in ('wechat', 'sms')),
  delivered_at timestamptz,
  lease_until timestamptz,
  last_error text check (length(last_error) <= 200),
  check (user_id is not null or person_id is not null),
  check ((state = 'delivered') = (delivered_by is not null)),
  check ((state = 'sending') = (lease_until is not null))
);

create index notifications_inbox_idx on public.notifications (user_id, due_at desc, seq desc) where state <> 'obsolete';
create index notifications_unread_idx on public.notifications (user_id) where read_at is null and state <> 'obsolete';
-- (send_after, id): the order claim_notifications takes them in, so a claim reads only what it locks
create index notifications_due_idx on public.notifications (send_after, id) where state = 'pending';
create index notifications_lease_idx on public.notifications (lease_until) where state = 'sending';
create index notifications_booking_idx on public.notifications (booking_id) where booking_id is not null;
create index notifications_event_idx on public.notifications (event_id) where event_id is not null;
create index notifications_rectification_idx on public.notifications (rectification_id) where rectification_id is not null;
create index notifications_county_idx on public.notifications (county_code, created_at);

-- One row per send: the send key travels to the provider (SMS SessionContext) and names the
-- attempt in logs.
create table public.notification_deliveries (
  id bigint generated always as identity primary key,
  notification_id uuid not null references public.notifications (id) on delete cascade,
  channel text not null check (channel in ('wechat', 'sms')),
  send_key text not null unique check (length(send_key) <= 64),
  consent_id bigint references public.reminder_consents (id) on delete set null,
  status text not null check (status in ('sending', 'sent', 'retry', 'failed', 'unknown')),
  provider_id text check (length(provider_id) <= 100),
  error_code text check (length(error_code) <= 100),
  county_code char(6),
  started_at timestamptz not null,
  finished_at timestamptz,
  check ((status = 'sending') = (finished_at is null)),
  check (status <> 'sent' or provider_id is not null)
);

-- never two sends of one notification in flight, never two that succeeded
create unique index notification_deliveries_one_in_flight on public.notification_deliveries (notification_id) where status = 'sending';
create unique index notification_deliveries_one_sent on public.notification_deliveries (notification_id) where status = 'sent';
create index notification_deliveries_notification_idx on public.notification_deliveries (notification_id);
create index notification_deliveries_county_idx on public.notification_deliveries (county_code, started_at);
create index notification_deliveries_consent_idx on public.notification_deliveries (consent_id) where consent_id is not null;

alter table public.notification_preferences enable row level security;
alter table public.notifications enable row level security;
alter table public.notification_deliveries enable row level security;

-- a user reads their own inbox and settings; attempts are the service role's
create policy notification_preferences_own on public.notification_preferences for select to authenticated using (user_id = app.uid());
create policy notifications_own on public.notifications for select to authenticated using (user_id = app.uid());

revoke all on public.notification_preferences, public.notifications, public.notification_deliveries from anon, authenticated;
grant select on public.notification_preferences, public.notifications to authenticated;
grant all on public.notification_preferences, public.notifications, public.notification_deliveries to service_role;

-- ---------------------------------------------------------------------------------------
-- Writing notifications (called by the triggers below, inside the changing transaction).

-- 22:00–07:00 Shanghai: the next 07:00; otherwise null.
create or replace function app.quiet_until(p_at timestamptz) returns timestamptz
language sql immutable
set search_path = ''
as $$
  select case
    when (p_at at time zone 'Asia/Shanghai')::time >= time '22:00'
      then app.shanghai_day_start(((p_at at time zone 'Asia/Shanghai')::date + 1)) + interval '7 hours'
    when (p_at at time zone 'Asia/Shanghai')::time < time '07:00'
      then app.shanghai_day_start((p_at at time zone 'Asia/Shanghai')::date) + interval '7 hours'
  end
$$;

-- One notification for one recipient (a user's inbox, or a person without an account).
-- p_dedupe: a second row with the same key is not written.
create or replace function app.enqueue_notification(
  p_user uuid,
  p_person uuid,
  p_kind text,
  p_now timestamptz,
  p_data jsonb,
  p_center uuid default null,
  p_booking uuid default null,
  p_case uuid default null,
  p_event bigint default null,
  p_due timestamptz default null,
  p_same_day boolean default false,
  p_dedupe text default null,
  p_rectification uuid default null
) returns void
language sql
set search_path = ''
as $$
  insert into public.notifications (user_id, person_id, kind, center_id, county_code, booking_id, case_id, rectification_id,
                                    event_id, data, created_at, due_at, same_day, dedupe_key, send_after)
  values (p_user, p_person, p_kind, p_center, (select c.county_code from public.centers c where c.id = p_center),
          p_booking, p_case, p_rectification, p_event, coalesce(p_data, '{}'::jsonb), p_now, coalesce(p_due, p_now),
          p_same_day, p_dedupe, coalesce(p_due, p_now))
  on conflict (dedupe_key) do nothing
$$;

-- The notification to everyone who follows a person: their own account and the accounts linked
-- to them with consent (family, agents: the family issue adds who wants what); a person with
-- no account at all gets it by SMS alone.
create or replace function app.notify_person(
  p_person uuid,
  p_kind text,
  p_now timestamptz,
  p_data jsonb,
  p_center uuid default null,
  p_booking uuid default null,
  p_case uuid default null,
  p_event bigint default null,
  p_due timestamptz default null,
  p_same_day boolean default false,
  p_dedupe text default null,
  p_rectification uuid default null
) returns void
language plpgsql
set search_path = ''
as $$
declare
  v_user uuid;
  v_any boolean := false;
begin
  for v_user in
    select l.user_id from public.person_links l join public.users u on u.id = l.user_id
    where l.person_id = p_person and l.consented_at is not null and u.active
    order by l.user_id
  loop
    v_any := true;
    perform app.enqueue_notification(v_user, p_person, p_kind, p_now, p_data, p_center, p_booking, p_case, p_event,
                                     p_due, p_same_day, p_dedupe || ':' || v_user, p_rectification);
  end loop;
  if not v_any then
    perform app.enqueue_notification(null, p_person, p_kind, p_now, p_data, p_center, p_booking, p_case, p_event,
                                     p_due, p_same_day, p_dedupe, p_rectification);
  end if;
end
$$;

-- What the texts of a booking's notifications need.
create or replace function app.booking_notice_data(p_booking public.bookings) returns jsonb
language sql stable
set search_path = ''
as $$
  select jsonb_build_object(
    'bookingCode', p_booking.code,
    'startsAt', app.iso_shanghai(p_booking.slot_starts_at),
    'endsAt', app.iso_shanghai(p_booking.slot_ends_at),
    'itemName', i.name,
    'centerName', c.name,
    'centerPhone', c.phone,
    'windowName', w.name,
    'applicantName', p.full_name)
  from public.service_items i, public.centers c, public.windows w, public.persons p
  where i.id = p_booking.item_id and c.id = p_booking.center_id and w.id = p_booking.window_id and p.id = p_booking.applicant_id
$$;

-- The two reminders of a booking at its current start: 18:00 the day before, and two hours
-- before (each only when still ahead).
create or replace function app.schedule_reminders(p_booking public.bookings, p_now timestamptz, p_data jsonb) returns void
language plpgsql
set search_path = ''
as $$
declare
  v_day date := (p_booking.slot_starts_at at time zone 'Asia/Shanghai')::date;
  v_day_before timestamptz := app.shanghai_day_start(v_day - 1) + interval '18 hours';
  v_two_hours timestamptz := p_booking.slot_starts_at - interval '2 hours';
  v_key text := p_booking.id || ':' || extract(epoch from p_booking.slot_starts_at)::bigint;
begin
  if p_now < v_day_before then
    perform app.notify_person(p_booking.applicant_id, 'reminder_day_before', p_now, p_data, p_booking.center_id, p_booking.id,
                              p_due => v_day_before, p_dedupe => 'reminder_day_before:' || v_key);
  end if;
  if p_now < v_two_hours then
    perform app.notify_person(p_booking.applicant_id, 'reminder_two_hours', p_now, p_data, p_booking.center_id, p_booking.id,
                              p_due => v_two_hours, p_same_day => true, p_dedupe => 'reminder_two_hours:' || v_key);
  end if;
end
$$;

-- The staff of a centre (window staff and its manager) get a notice in their inbox.
create or replace function app.notify_center_staff(p_center uuid, p_kind text, p_now timestamptz, p_data jsonb, p_booking uuid, p_event bigint)
returns void
language sql
set search_path = ''
as $$
  select app.enqueue_notification(u.id, null, p_kind, p_now, p_data, p_center, p_booking, p_event => p_event)
  from public.users u
  where u.center_id = p_center and u.app_role in ('staff', 'manager') and u.active
$$;

-- Who answers for a follow-up: the manager it is assigned to, else the county's admins.
create or replace function app.notify_follow_up_owner(
  p_r public.rectifications, p_kind text, p_now timestamptz, p_data jsonb, p_due timestamptz default null, p_dedupe text default null
) returns void
language sql
set search_path = ''
as $$
  select app.enqueue_notification(u.id, null, p_kind, p_now, p_data, p_r.center_id, p_r.booking_id, p_r.case_id,
                                  p_due => p_due, p_dedupe => p_dedupe || ':' || u.id, p_rectification => p_r.id)
  from public.users u
  where u.active and (
    (p_r.assigned_to is not null and u.id = p_r.assigned_to)
    or (p_r.assigned_to is null and u.app_role = 'admin' and u.county_code = p_r.county_code))
$$;

-- A timeline entry → the notifications it calls for.
create or replace function app.notify_booking_event() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  v_booking public.bookings;
  v_data jsonb;
  v_kind text;
  v_same_day boolean;
begin
  if new.booking_id is null then
    return null; -- a walk-in case: nobody to tell
  end if;
  select * into v_booking from public.bookings b where b.id = new.booking_id;
  v_data := app.booking_notice_data(v_booking) || coalesce(new.data, '{}'::jsonb);
  v_same_day := (v_booking.slot_starts_at at time zone 'Asia/Shanghai')::date = (new.at at time zone 'Asia/Shanghai')::date;
  v_kind := case new.kind
    when 'booked' then 'booking_booked'
    when 'confirmed' then 'booking_confirmed'
    when 'declined' then 'booking_declined'
    when 'rescheduled' then 'booking_rescheduled'
    when 'cancelled' then case when new.data ->> 'by' = 'center' then 'booking_cancelled_by_center' end
    when 'checked_in' then 'booking_checked_in'
    when 'called' then 'ticket_called'
    when 'accepted' then 'case_accepted'
    when 'needs_supplement' then 'case_needs_supplement'
    when 'forwarded' then 'case_forwarded'
    when 'completed' then 'case_completed'
    when 'rejected' then 'case_rejected'
  end;
  if v_kind is not null then
    perform app.notify_person(v_booking.applicant_id, v_kind, new.at, v_data, v_booking.center_id, v_booking.id, new.case_id,
                              new.id, p_same_day => v_same_day or new.kind in ('checked_in', 'called'));
  end if;
  if new.kind in ('booked', 'rescheduled') then
    perform app.schedule_reminders(v_booking, new.at, v_data);
    if v_booking.status = 'booked' and v_booking.booked_via <> 'staff' then
      perform app.notify_center_staff(v_booking.center_id, 'staff_booking_waiting', new.at, v_data, v_booking.id, new.id);
    end if;
  end if;
  return null;
end
$$;

create trigger booking_events_notify after insert on public.booking_events
  for each row execute function app.notify_booking_event();

-- An undone step: what it would have told and has not been sent yet is withdrawn.
create or replace function app.withdraw_undone_notifications() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  update public.notifications n set state = 'obsolete'
  where n.event_id = new.id and n.state = 'pending';
  return null;
end
$$;

create trigger booking_events_withdraw after update of undone_at on public.booking_events
  for each row when (old.undone_at is null and new.undone_at is not null)
  execute function app.withdraw_undone_notifications();

-- Online booking suspended after repeated no-shows.
create or replace function app.notify_restriction() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  perform app.notify_person(new.person_id, 'restriction_started', new.starts_at,
    jsonb_build_object('until', app.iso_shanghai(new.ends_at), 'reason', new.reason));
  return null;
end
$$;

create trigger booking_restrictions_notify after insert on public.booking_restrictions
  for each row execute function app.notify_restriction();

-- A bad rating: its manager learns of it now, and again when the follow-up is overdue (the end
-- of its due date, Shanghai); closing the follow-up tells the resident what was done.
create or replace function app.notify_rectification() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  v_booking public.bookings;
  v_data jsonb;
begin
  select * into v_booking from public.bookings b where b.id = new.booking_id;
  v_data := app.booking_notice_data(v_booking) || jsonb_build_object(
    'level', (select r.level from public.ratings r where r.id = new.rating_id),
    'comment', (select r.comment from public.ratings r where r.id = new.rating_id),
    'dueBy', new.due_by);
  if tg_op = 'INSERT' then
    perform app.notify_follow_up_owner(new, 'manager_bad_rating', new.opened_at, v_data, p_dedupe => 'bad_rating:' || new.id);
    perform app.notify_follow_up_owner(new, 'manager_follow_up_overdue', new.opened_at, v_data,
                                       p_due => app.shanghai_day_start(new.due_by + 1), p_dedupe => 'overdue:' || new.id);
  elsif old.status = 'open' and new.status = 'closed' then
    update public.notifications n set state = 'obsolete'
    where n.rectification_id = new.id and n.kind = 'manager_follow_up_overdue' and n.state = 'pending';
    perform app.notify_person(v_booking.applicant_id, 'rectification_closed', new.closed_at,
                              v_data || jsonb_build_object('resolution', new.resolution),
                              v_booking.center_id, v_booking.id, new.case_id, p_rectification => new.id);
  end if;
  return null;
end
$$;

create trigger rectifications_notify after insert or update of status on public.rectifications
  for each row execute function app.notify_rectification();

-- ---------------------------------------------------------------------------------------
-- The inbox (the caller's own notifications; RLS restricts the reads to them as well).

-- One inbox row as the API answers it (texts are rendered by the server from kind and data).
create or replace function app.inbox_json(p_n public.notifications) returns jsonb
language sql stable
set search_path = ''
as $$
  select jsonb_build_object(
    'id', p_n.id, 'seq', p_n.seq, 'kind', p_n.kind, 'data', p_n.data, 'at', app.iso_shanghai(p_n.due_at), 'read', p_n.read_at is not null,
    'bookingId', p_n.booking_id, 'caseId', p_n.case_id, 'centerId', p_n.center_id, 'deliveredBy',
    case when p_n.state = 'delivered' then p_n.delivered_by
         when p_n.state in ('inbox_only', 'dead', 'unknown') then 'inbox' end)
$$;

-- what is in the caller's inbox now: due, not withdrawn
create or replace function app.unread_count(p_user uuid, p_now timestamptz) returns integer
language sql stable
set search_path = ''
as $$
  select count(*)::int from public.notifications n
  where n.user_id = p_user and n.read_at is null and n.state <> 'obsolete' and n.due_at <= p_now
$$;

-- Newest first, `p_limit` per page, older than the cursor (due_at, seq) when given.
create or replace function public.list_notifications(p_now timestamptz, p_limit integer, p_before_at timestamptz default null, p_before_seq bigint default null)
returns jsonb
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_user public.users := app.require_account();
  v_rows jsonb;
  v_count integer;
begin
  if p_limit is null or p_limit not between 1 and 50 or ((p_before_at is null) <> (p_before_seq is null)) then
    perform app.raise('INVALID_INPUT');
  end if;
  select coalesce(jsonb_agg(app.inbox_json(x) order by x.due_at desc, x.seq desc), '[]'::jsonb), count(*)
  into v_rows, v_count
  from (
    select n.* from public.notifications n
    where n.user_id = v_user.id and n.state <> 'obsolete' and n.due_at <= p_now
      and (p_before_at is null or (n.due_at, n.seq) < (p_before_at, p_before_seq))
    order by n.due_at desc, n.seq desc
    limit p_limit + 1
  ) x;
  return jsonb_build_object(
    'items', case when v_count > p_limit then v_rows - p_limit else v_rows end,
    'more', v_count > p_limit,
    'unread', app.unread_count(v_user.id, p_now));
end
$$;
grant execute on function public.list_notifications(p_now timestamptz, p_limit integer, p_before_at timestamptz, p_before_seq bigint) to authenticated;

create or replace function public.unread_notifications(p_now timestamptz) returns jsonb
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_user public.users := app.require_account();
begin
  return jsonb_build_object('unread', app.unread_count(v_user.id, p_now));
end
$$;
grant execute on function public.unread_notifications(p_now timestamptz) to authenticated;

-- Mark one (p_id) or all (p_id null) of the caller's due notifications read; reading again is a
-- no-op. Another user's id is NOTIFICATION_NOT_FOUND.
create or replace function public.read_notifications(p_now timestamptz, p_id uuid default null) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  v_user public.users := app.require_account();
begin
  if p_id is not null and not exists (
    select 1 from public.notifications n
    where n.id = p_id and n.user_id = v_user.id and n.state <> 'obsolete' and n.due_at <= p_now) then
    perform app.raise('NOTIFICATION_NOT_FOUND');
  end if;
  update public.notifications n set read_at = p_now
  where n.user_id = v_user.id and n.read_at is null and n.due_at <= p_now and n.state <> 'obsolete'
    and (p_id is null or n.id = p_id);
  return jsonb_build_object('unread', app.unread_count(v_user.id, p_now));
end
$$;
grant execute on function public.read_notifications(p_now timestamptz, p_id uuid) to authenticated;

-- ---------------------------------------------------------------------------------------
-- Settings: the caller's channel choices and what can reach them.

create or replace function app.preferences_of(p_user uuid) returns public.notification_preferences
language sql stable
set search_path = ''
as $$
  select coalesce(
    (select p from public.notification_preferences p where p.user_id = p_user),
    row(p_user, true, true, true, null)::public.notification_preferences)
$$;

-- The settings and reach of the caller; p_templates: the WeChat template ids configured
-- ({ key: templateId }), to count the unused accepts of.
create or replace function public.my_notification_settings(p_templates jsonb) returns jsonb
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_user public.users := app.require_account();
  v_prefs public.notification_preferences := app.preferences_of(v_user.id);
begin
  return jsonb_build_object(
    'wechat', v_prefs.wechat, 'sms', v_prefs.sms, 'quietHours', v_prefs.quiet_hours,
    'role', v_user.app_role,
    'hasOpenid', v_user.wechat_openid is not null,
    'consentsLeft', (select count(*)::int from public.reminder_consents rc
                     where rc.user_id = v_user.id and rc.sent_at is null
                       and rc.template_id in (select t from jsonb_each_text(coalesce(p_templates, '{}'::jsonb)) e(k, t))),
    'phone', (select pp.phone_masked from public.person_phones pp
              join public.person_links l on l.person_id = pp.person_id and l.relation = 'self'
              where l.user_id = v_user.id));
end
$$;
grant execute on function public.my_notification_settings(p_templates jsonb) to authenticated;

create or replace function public.save_notification_settings(p_wechat boolean, p_sms boolean, p_quiet_hours boolean, p_now timestamptz)
returns void
language plpgsql security definer
set search_path = ''
as $$
declare
  v_user public.users := app.require_account();
  v_prefs public.notification_preferences := app.preferences_of(v_user.id);
begin
  insert into public.notification_preferences as p (user_id, wechat, sms, quiet_hours, updated_at)
  values (v_user.id, coalesce(p_wechat, v_prefs.wechat), coalesce(p_sms, v_prefs.sms), coalesce(p_quiet_hours, v_prefs.quiet_hours), p_now)
  on conflict (user_id) do update
  set wechat = excluded.wechat, sms = excluded.sms, quiet_hours = excluded.quiet_hours, updated_at = excluded.updated_at;
end
$$;
grant execute on function public.save_notification_settings(p_wechat boolean, p_sms boolean, p_quiet_hours boolean, p_now timestamptz) to authenticated;

-- Accepts given outside a booking (the settings page, the staff workbench): the same rules as
-- record_reminder_consent, for the caller alone. Answers the caller's unused accepts per template.
create or replace function public.record_subscriptions(
  p_template_ids jsonb,
  p_accepted jsonb,
  p_now timestamptz,
  p_idempotency_key text default null,
  p_request_hash text default ''
) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  v_user public.users;
  v_count integer;
  v_replay jsonb;
begin
  v_user := app.require_account();
  v_replay := app.claim_idempotency_key(p_idempotency_key, 'subscriptions', p_request_hash, p_now);
  if v_replay is not null then
    return v_replay;
  end if;
  v_count := app.insert_consents(v_user.id, null, p_template_ids, p_accepted, p_now);
  return app.remember_response(p_idempotency_key,
    jsonb_build_object('recorded', v_count, 'pending', app.pending_consents(v_user.id, null)));
end
$$;
grant execute on function public.record_subscriptions(p_template_ids jsonb, p_accepted jsonb, p_now timestamp with time zone, p_idempotency_key text, p_request_hash text) to authenticated;

-- ---------------------------------------------------------------------------------------
-- The dispatcher's side (service role only).

-- Whose phone an SMS goes to: the recipient's own person (the account's 'self'), else the
-- person the notification is about when it has no account.
create or replace function app.sms_person(p_n public.notifications) returns uuid
language sql stable
set search_path = ''
as $$
  select case when p_n.user_id is null then p_n.person_id
              else (select l.person_id from public.person_links l where l.user_id = p_n.user_id and l.relation = 'self') end
$$;

-- A send attempt the dispatcher will make: the notification, the channel and its address.
create or replace function app.dispatch_job(p_n public.notifications, p_d public.notification_deliveries, p_template text) returns jsonb
language sql stable
set search_path = ''
as $$
  select jsonb_build_object(
    'deliveryId', p_d.id, 'sendKey', p_d.send_key, 'channel', p_d.channel, 'templateKey', p_template,
    'notificationId', p_n.id, 'kind', p_n.kind, 'data', p_n.data, 'at', app.iso_shanghai(p_n.due_at),
    'bookingId', p_n.booking_id, 'caseId', p_n.case_id, 'centerId', p_n.center_id,
    'openid', case when p_d.channel = 'wechat' then (select u.wechat_openid from public.users u where u.id = p_n.user_id) end,
    'templateId', case when p_d.channel = 'wechat' then (select rc.template_id from public.reminder_consents rc where rc.id = p_d.consent_id) end,
    'phoneCiphertext', pp.phone_ciphertext,
    'countryCode', pp.country_code)
  from (select 1) one
  left join public.person_phones pp on p_d.channel = 'sms' and pp.person_id = app.sms_person(p_n)
$$;

-- Still true? A reminder of a booking that moved or ended, the overdue notice of a closed
-- follow-up, or any notice of a booking that is over, is obsolete.
create or replace function app.notification_still_true(p_n public.notifications) returns boolean
language sql stable
set search_path = ''
as $$
  select case
    when p_n.kind in ('reminder_day_before', 'reminder_two_hours') then exists (
      select 1 from public.bookings b
      where b.id = p_n.booking_id and b.status in ('booked', 'confirmed')
        and b.slot_starts_at = (p_n.data ->> 'startsAt')::timestamptz)
    when p_n.kind = 'manager_follow_up_overdue' then exists (
      select 1 from public.rectifications r where r.id = p_n.rectification_id and r.status = 'open')
    when p_n.kind = 'staff_booking_waiting' then exists (
      select 1 from public.bookings b where b.id = p_n.booking_id and b.status = 'booked')
    else true
  end
$$;

-- Pick the channel for one claimed notification and open its attempt; null = no channel left.
-- p_channels: { "wechat": { "<kind>": "<template key>" … } | null, "wechatTemplates": { "<template key>": "<template id>" },
--               "sms": { "<kind>": "<template key>" … } | null }
create or replace function app.open_delivery(p_n public.notifications, p_channels jsonb, p_now timestamptz) returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_prefs public.notification_preferences;
  v_user public.users;
  v_template_key text;
  v_template_id text;
  v_consent bigint;
  v_delivery public.notification_deliveries;
  v_attempt integer := p_n.attempts + 1;
begin
  if p_n.user_id is not null then
    select * into v_user from public.users u where u.id = p_n.user_id;
    v_prefs := app.preferences_of(p_n.user_id);
  else
    v_prefs := row(null, false, true, true, null)::public.notification_preferences;
  end if;

  -- WeChat: the user's openid, a template for this kind, and an accept not yet used
  v_template_key := p_channels -> 'wechat' ->> p_n.kind;
  v_template_id := p_channels -> 'wechatTemplates' ->> v_template_key;
  if v_prefs.wechat and v_user.wechat_openid is not null and v_template_id is not null
     and not ('wechat' = any (p_n.channels_failed)) then
    select rc.id into v_consent from public.reminder_consents rc
    where rc.user_id = v_user.id and rc.template_id = v_template_id and rc.sent_at is null
      and not exists (select 1 from public.notification_deliveries d where d.consent_id = rc.id and d.status = 'sending')
    order by (rc.booking_id is not distinct from p_n.booking_id) desc, rc.accepted_at, rc.id
    limit 1
    for update skip locked;
    if v_consent is not null then
      insert into public.notification_deliveries (notification_id, channel, send_key, consent_id, status, county_code, started_at)
      values (p_n.id, 'wechat', p_n.id || ':w' || v_attempt, v_consent, 'sending', p_n.county_code, p_now)
      returning * into v_delivery;
      return app.dispatch_job(p_n, v_delivery, v_template_key);
    end if;
  end if;

  -- SMS: a template for this kind and a phone of the person
  v_template_key := p_channels -> 'sms' ->> p_n.kind;
  if v_prefs.sms and v_template_key is not null and not ('sms' = any (p_n.channels_failed))
     and exists (select 1 from public.person_phones pp where pp.person_id = app.sms_person(p_n)) then
    insert into public.notification_deliveries (notification_id, channel, send_key, status, county_code, started_at)
    values (p_n.id, 'sms', p_n.id || ':s' || v_attempt, 'sending', p_n.county_code, p_now)
    returning * into v_delivery;
    return app.dispatch_job(p_n, v_delivery, v_template_key);
  end if;
  return null;
end
$$;

-- Claim up to p_limit due notifications (skipping those another dispatcher holds), and answer
-- the attempts to make. On the way: sends a stopped dispatcher left unfinished become unknown;
-- notifications no longer true become obsolete; quiet hours hold the rest back; one with no
-- channel left stays in the inbox alone (inbox_only, or dead when channels failed).
create or replace function public.claim_notifications(p_now timestamptz, p_limit integer, p_lease_seconds integer, p_channels jsonb)
returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  v_n public.notifications;
  v_job jsonb;
  v_jobs jsonb := '[]'::jsonb;
  v_quiet timestamptz := app.quiet_until(p_now);
  v_claimed integer := 0;
  v_inbox_only integer := 0;
  v_deferred integer := 0;
  v_obsolete integer := 0;
  v_dead integer := 0;
  v_recovered integer := 0;
begin
  if p_limit is null or p_limit not between 1 and 1000 or p_lease_seconds is null or p_lease_seconds not between 5 and 3600 then
    perform app.raise('INVALID_INPUT');
  end if;

  -- 1. a dispatcher that stopped mid-send: its attempt may or may not have reached the person
  for v_n in
    select n.* from public.notifications n
    where n.state = 'sending' and n.lease_until < p_now
    order by n.lease_until limit p_limit
    for update skip locked
  loop
    update public.notification_deliveries d set status = 'unknown', error_code = 'dispatcher stopped', finished_at = p_now
    where d.notification_id = v_n.id and d.status = 'sending';
    update public.reminder_consents rc set sent_at = p_now, outcome = 'failed'
    where rc.id in (select d.consent_id from public.notification_deliveries d where d.notification_id = v_n.id and d.status = 'unknown')
      and rc.sent_at is null;
    update public.notifications n set state = 'unknown', lease_until = null, last_error = 'dispatcher stopped mid-send'
    where n.id = v_n.id;
    v_recovered := v_recovered + 1;
  end loop;

  -- 2. due notifications
  for v_n in
    select n.* from public.notifications n
    where n.state = 'pending' and n.send_after <= p_now
    order by n.send_after, n.id
    limit p_limit
    for update skip locked
  loop
    if not app.notification_still_true(v_n) then
      update public.notifications n set state = 'obsolete' where n.id = v_n.id;
      v_obsolete := v_obsolete + 1;
      continue;
    end if;
    if v_quiet is not null and not v_n.same_day and (v_n.user_id is null or (app.preferences_of(v_n.user_id)).quiet_hours) then
      update public.notifications n set send_after = v_quiet where n.id = v_n.id;
      v_deferred := v_deferred + 1;
      continue;
    end if;
    v_job := app.open_delivery(v_n, p_channels, p_now);
    if v_job is null then
      update public.notifications n
      set state = case when cardinality(n.channels_failed) > 0 then 'dead' else 'inbox_only' end
      where n.id = v_n.id
      returning * into v_n;
      if v_n.state = 'dead' then v_dead := v_dead + 1; else v_inbox_only := v_inbox_only + 1; end if;
      continue;
    end if;
    update public.notifications n
    set state = 'sending', attempts = n.attempts + 1, lease_until = p_now + make_interval(secs => p_lease_seconds)
    where n.id = v_n.id;
    v_jobs := v_jobs || jsonb_build_array(v_job);
    v_claimed := v_claimed + 1;
  end loop;
  return jsonb_build_object('claimed', v_claimed, 'inboxOnly', v_inbox_only, 'deferred', v_deferred, 'obsolete', v_obsolete,
                            'dead', v_dead, 'recovered', v_recovered, 'jobs', v_jobs);
end
$$;
grant execute on function public.claim_notifications(p_now timestamptz, p_limit integer, p_lease_seconds integer, p_channels jsonb) to service_role;

-- Record what the provider answered for one attempt.
--   sent:      delivered (the provider's message id); the consent is used
--   permanent: this channel will never deliver it: the next channel is tried at once
--   transient: tried again later with exponential backoff and jitter (30 s doubling, ≤ 1 h, at
--              least p_retry_after seconds); after 6 tries the channel counts as failed
--   unknown:   the request went out and no answer came back: never sent again
-- Finishing twice answers the first result. A late answer to an attempt already marked unknown
-- (its dispatcher was presumed stopped) corrects it.
create or replace function public.finish_delivery(
  p_delivery bigint,
  p_outcome text,
  p_now timestamptz,
  p_provider_id text default null,
  p_code text default null,
  p_retry_after integer default null
) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  v_d public.notification_deliveries;
  v_n public.notifications;
  v_max_tries constant integer := 6;
  v_code text := left(p_code, 100);
  v_tries integer;
begin
  if p_outcome is null or p_outcome not in ('sent', 'permanent', 'transient', 'unknown')
     or (p_outcome = 'sent' and nullif(p_provider_id, '') is null) then
    perform app.raise('INVALID_INPUT');
  end if;
  select * into v_d from public.notification_deliveries d where d.id = p_delivery for update;
  if not found then
    perform app.raise('NOTIFICATION_NOT_FOUND');
  end if;
  select * into v_n from public.notifications n where n.id = v_d.notification_id for update;
  if v_d.status not in ('sending', 'unknown') or (v_d.status = 'unknown' and v_n.state <> 'unknown') then
    return jsonb_build_object('status', v_d.status, 'state', v_n.state);
  end if;

  if p_outcome = 'sent' then
    update public.notification_deliveries d set status = 'sent', provider_id = left(p_provider_id, 100), error_code = null, finished_at = p_now
    where d.id = v_d.id;
    update public.reminder_consents rc set sent_at = p_now, outcome = 'sent' where rc.id = v_d.consent_id;
    update public.notifications n
    set state = 'delivered', delivered_by = v_d.channel, delivered_at = p_now, lease_until = null, last_error = null
    where n.id = v_n.id;
    return jsonb_build_object('status', 'sent', 'state', 'delivered');
  end if;

  if p_outcome = 'unknown' then
    update public.notification_deliveries d set status = 'unknown', error_code = v_code, finished_at = coalesce(d.finished_at, p_now)
    where d.id = v_d.id;
    update public.reminder_consents rc set sent_at = p_now, outcome = 'failed' where rc.id = v_d.consent_id and rc.sent_at is null;
    update public.notifications n set state = 'unknown', lease_until = null, last_error = v_code where n.id = v_n.id;
    return jsonb_build_object('status', 'unknown', 'state', 'unknown');
  end if;

  -- permanent, or transient: how many tries this channel has had
  select count(*)::int into v_tries from public.notification_deliveries d
  where d.notification_id = v_n.id and d.channel = v_d.channel and d.status in ('retry', 'failed', 'sending');
  if p_outcome = 'transient' and v_tries < v_max_tries then
    update public.notification_deliveries d set status = 'retry', error_code = v_code, finished_at = p_now where d.id = v_d.id;
    update public.notifications n
    set state = 'pending', lease_until = null, last_error = v_code,
        send_after = p_now + make_interval(secs => greatest(
          coalesce(p_retry_after, 0),
          least(3600, 30 * power(2, v_tries - 1)) * (0.5 + random() / 2)))
    where n.id = v_n.id;
    return jsonb_build_object('status', 'retry', 'state', 'pending');
  end if;

  update public.notification_deliveries d set status = 'failed', error_code = v_code, finished_at = p_now where d.id = v_d.id;
  -- 43101: the accept is used up or was refused; other refusals leave it for the next message
  update public.reminder_consents rc set sent_at = p_now, outcome = 'refused'
  where rc.id = v_d.consent_id and v_code = 'wechat:43101';
  update public.notifications n
  set state = 'pending', lease_until = null, last_error = v_code, send_after = p_now,
      channels_failed = array_append(n.channels_failed, v_d.channel)
  where n.id = v_n.id;
  return jsonb_build_object('status', 'failed', 'state', 'pending');
end
$$;
grant execute on function public.finish_delivery(p_delivery bigint, p_outcome text, p_now timestamptz, p_provider_id text, p_code text, p_retry_after integer) to service_role;

-- ---------------------------------------------------------------------------------------
-- The county admin's view: delivery rates per channel over the last p_days, the states of the
-- county's notifications created in that time, and the dead letters (newest 50).
create or replace function public.notification_report(p_days integer, p_now timestamptz) returns jsonb
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_admin public.users := app.require_admin();
  v_since timestamptz;
begin
  if p_days is null or p_days not between 1 and 90 then
    perform app.raise('INVALID_INPUT');
  end if;
  v_since := p_now - make_interval(days => p_days);
  return jsonb_build_object(
    'days', p_days,
    'channels', (
      select jsonb_agg(jsonb_build_object(
        'channel', c.channel,
        'attempted', coalesce(s.attempted, 0), 'sent', coalesce(s.sent, 0), 'failed', coalesce(s.failed, 0),
        'unknown', coalesce(s.unknown, 0),
        'rate', case when coalesce(s.attempted, 0) = 0 then null else round(s.sent::numeric / s.attempted, 4) end)
        order by c.ord)
      from (values ('wechat', 1), ('sms', 2)) c(channel, ord)
      left join (
        select d.channel,
               count(*) filter (where d.status <> 'sending') as attempted,
               count(*) filter (where d.status = 'sent') as sent,
               count(*) filter (where d.status in ('failed', 'retry')) as failed,
               count(*) filter (where d.status = 'unknown') as unknown
        from public.notification_deliveries d
        where d.county_code = v_admin.county_code and d.started_at >= v_since
        group by d.channel) s on s.channel = c.channel),
    'states', (
      select jsonb_object_agg(st.state, coalesce(x.n, 0))
      from unnest(array['scheduled', 'pending', 'sending', 'delivered', 'inbox_only', 'dead', 'unknown', 'obsolete']) st(state)
      left join (
        -- scheduled: pending but not due yet (a reminder, quiet hours, a retry later)
        select case when n.state = 'pending' and n.send_after > p_now then 'scheduled' else n.state end as state, count(*)::int as n
        from public.notifications n
        where n.county_code = v_admin.county_code and n.created_at >= v_since
        group by 1) x on x.state = st.state),
    'deadLetters', coalesce((
      select jsonb_agg(jsonb_build_object(
        'id', n.id, 'kind', n.kind, 'data', n.data, 'state', n.state, 'createdAt', app.iso_shanghai(n.created_at),
        'attempts', n.attempts,
        'channelsTried', coalesce((select jsonb_agg(distinct d.channel) from public.notification_deliveries d where d.notification_id = n.id), '[]'::jsonb),
        'lastError', n.last_error,
        'recipient', app.mask_name(coalesce(
          (select p.full_name from public.persons p where p.id = n.person_id),
          (select u.display_name from public.users u where u.id = n.user_id))),
        'center', (select app.center_ref(c) from public.centers c where c.id = n.center_id))
        order by n.created_at desc, n.id)
      from (select * from public.notifications n
            where n.county_code = v_admin.county_code and n.state in ('dead', 'unknown')
            order by n.created_at desc, n.id limit 50) n), '[]'::jsonb));
end
$$;
grant execute on function public.notification_report(p_days integer, p_now timestamptz) to authenticated;

-- The admin sends a dead (or unknown) notification again, on every channel: for an unknown
-- one this is the admin's decision that a possible second message is better than none.
create or replace function public.retry_notification(p_id uuid, p_now timestamptz) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  v_admin public.users := app.require_admin();
  v_n public.notifications;
begin
  select * into v_n from public.notifications n where n.id = p_id and n.county_code = v_admin.county_code for update;
  if not found then
    perform app.raise('NOTIFICATION_NOT_FOUND');
  end if;
  if v_n.state not in ('dead', 'unknown', 'pending') then
    perform app.raise('NOTIFICATION_NOT_RETRYABLE', jsonb_build_object('state', v_n.state));
  end if;
  update public.notifications n set state = 'pending', channels_failed = '{}', send_after = p_now, last_error = null
  where n.id = p_id;
  perform app.audit(p_now, 'notification.retry', 'notification', p_id::text,
    jsonb_build_object('kind', v_n.kind, 'was', v_n.state), v_n.center_id);
  return jsonb_build_object('id', p_id, 'state', 'pending');
end
$$;
grant execute on function public.retry_notification(p_id uuid, p_now timestamptz) to authenticated;
