-- WeChat: the mini-program's access_token kept once for every function instance, the
-- resident's phone number encrypted at rest, and subscribe-message consents for reminders.
-- Nothing here is executable by anon; the token and phone writes are service-role only.

-- ---------------------------------------------------------------------------------------
-- access_token (≤ 7200 s) from POST /cgi-bin/stable_token, one row per AppID.
--
-- Several serverless instances may need it at once. `claim_wechat_token_refresh` locks the
-- row (`for update`) and answers one of:
--   fresh   — the cached token, when more than 5 minutes are left (and it is not the token the
--             caller just saw rejected with 40001/42001);
--   refresh — the caller now holds the refresh lease (30 s, real time): it calls stable_token and
--             hands the result to `store_wechat_token` (or a null token to give the lease back);
--   wait    — another instance holds the lease: ask again shortly.
-- So exactly one instance calls WeChat per expiry, and a crashed one blocks nobody for long.
create table public.wechat_access_tokens (
  appid text primary key check (length(appid) between 4 and 64),
  access_token text,
  -- by the server's clock (the p_now it passes)
  expires_at timestamptz,
  -- the instance refreshing now, and until when its lease holds (database clock: a lease is
  -- about a network call in progress, whatever clock the server passes)
  refresh_lease uuid,
  refresh_lease_until timestamptz,
  -- the cached token was refused by WeChat (40001/42001): the next refresh forces a new one
  force_refresh boolean not null default false,
  refreshed_at timestamptz,
  refresh_count integer not null default 0,
  check ((access_token is null) = (expires_at is null))
);

alter table public.wechat_access_tokens enable row level security;
revoke all on public.wechat_access_tokens from anon, authenticated;
-- readable by the service role only; written only through the two functions below
grant select on public.wechat_access_tokens to service_role;

create or replace function public.claim_wechat_token_refresh(
  p_appid text,
  p_now timestamptz,
  p_rejected_token text default null
) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  v_row public.wechat_access_tokens;
  v_lease uuid;
begin
  insert into public.wechat_access_tokens (appid) values (p_appid) on conflict (appid) do nothing;
  select * into v_row from public.wechat_access_tokens t where t.appid = p_appid for update;

  -- WeChat refused this token: nobody may use it again, and the next refresh is forced
  if p_rejected_token is not null and v_row.access_token = p_rejected_token then
    update public.wechat_access_tokens
    set expires_at = least(expires_at, p_now), force_refresh = true
    where appid = p_appid
    returning * into v_row;
  end if;

  if v_row.access_token is not null and v_row.expires_at > p_now + interval '5 minutes'
     and v_row.access_token is distinct from p_rejected_token then
    return jsonb_build_object('status', 'fresh', 'accessToken', v_row.access_token,
                              'expiresAt', app.iso_shanghai(v_row.expires_at));
  end if;

  if v_row.refresh_lease is not null and v_row.refresh_lease_until > clock_timestamp() then
    return jsonb_build_object('status', 'wait');
  end if;

  v_lease := extensions.gen_random_uuid();
  update public.wechat_access_tokens
  set refresh_lease = v_lease, refresh_lease_until = clock_timestamp() + interval '30 seconds'
  where appid = p_appid;
  return jsonb_build_object('status', 'refresh', 'lease', v_lease, 'forceRefresh', v_row.force_refresh);
end
$$;

-- The refreshed token from the lease holder (a null token gives the lease back after a failed
-- call). A lease that has been taken over in the meantime stores nothing.
create or replace function public.store_wechat_token(
  p_appid text,
  p_lease uuid,
  p_access_token text,
  p_expires_at timestamptz,
  p_now timestamptz
) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  v_row public.wechat_access_tokens;
begin
  select * into v_row from public.wechat_access_tokens t where t.appid = p_appid for update;
  if not found or v_row.refresh_lease is distinct from p_lease then
    return jsonb_build_object('stored', false);
  end if;
  if p_access_token is null then
    update public.wechat_access_tokens set refresh_lease = null, refresh_lease_until = null where appid = p_appid;
    return jsonb_build_object('stored', false);
  end if;
  update public.wechat_access_tokens
  set access_token = p_access_token, expires_at = p_expires_at, force_refresh = false,
      refresh_lease = null, refresh_lease_until = null, refreshed_at = p_now, refresh_count = refresh_count + 1
  where appid = p_appid;
  return jsonb_build_object('stored', true);
end
$$;

-- ---------------------------------------------------------------------------------------
-- Phone numbers (from WeChat's getPhoneNumber, with the user's consent), encrypted at rest by
-- the server (AES-256-GCM, DATA_ENCRYPTION_KEY, server/privacy/crypto.ts). The database never
-- sees the number: only the ciphertext, a keyed HMAC to find a person by number, and the
-- masked form (138****5678) that answers show.
create table public.person_phones (
  person_id uuid primary key references public.persons (id) on delete cascade,
  phone_ciphertext text not null check (phone_ciphertext ~ '^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$'),
  phone_hmac text not null check (phone_hmac ~ '^[0-9a-f]{64}$'),
  -- at most the first 3 and the last 4 digits: never a usable number
  phone_masked text not null check (phone_masked ~ '^[0-9]{0,3}\*+[0-9]{0,4}$'),
  country_code text not null default '86' check (country_code ~ '^[0-9]{1,4}$'),
  source text not null default 'wechat' check (source in ('wechat')),
  verified_by uuid references public.users (id) on delete set null,
  verified_at timestamptz not null,
  updated_at timestamptz not null
);
create index person_phones_hmac_idx on public.person_phones (phone_hmac);

alter table public.person_phones enable row level security;
-- a user reads the masked number of their own person (for /api/me); ciphertext and HMAC stay
-- with the service role
create policy person_phones_read_self on public.person_phones for select to authenticated using (
  person_id in (select l.person_id from public.person_links l where l.user_id = app.uid() and l.relation = 'self')
);
revoke all on public.person_phones from anon, authenticated;
grant select (person_id, phone_masked, verified_at) on public.person_phones to authenticated;
grant all on public.person_phones to service_role;

-- Store the phone of a user's own person. Service role only: the server calls it after WeChat
-- has given the number and the server has encrypted it.
create or replace function public.save_person_phone(
  p_user uuid,
  p_ciphertext text,
  p_hmac text,
  p_masked text,
  p_country_code text,
  p_now timestamptz
) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  v_person uuid;
begin
  select l.person_id into v_person
  from public.person_links l join public.users u on u.id = l.user_id
  where l.user_id = p_user and l.relation = 'self' and u.active;
  if v_person is null then
    perform app.raise('UNAUTHENTICATED');
  end if;
  insert into public.person_phones as pp (person_id, phone_ciphertext, phone_hmac, phone_masked, country_code, source, verified_by, verified_at, updated_at)
  values (v_person, p_ciphertext, p_hmac, p_masked, coalesce(p_country_code, '86'), 'wechat', p_user, p_now, p_now)
  on conflict (person_id) do update
  set phone_ciphertext = excluded.phone_ciphertext, phone_hmac = excluded.phone_hmac,
      phone_masked = excluded.phone_masked, country_code = excluded.country_code,
      verified_by = excluded.verified_by, verified_at = excluded.verified_at, updated_at = excluded.updated_at;
  return jsonb_build_object('phone', p_masked);
end
$$;

-- /api/me, new version: the caller's masked phone (null when none was given).
create or replace function public.my_account() returns jsonb
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
  return jsonb_build_object(
    'id', v_user.id, 'role', v_user.app_role, 'displayName', v_user.display_name,
    'centerId', v_user.center_id, 'countyCode', v_user.county_code,
    'phone', (
      select pp.phone_masked from public.person_phones pp
      join public.person_links l on l.person_id = pp.person_id and l.user_id = v_user.id and l.relation = 'self'),
    'people', coalesce((
      select jsonb_agg(jsonb_build_object('id', p.id, 'name', p.full_name, 'relation', l.relation,
                                          'consented', l.consented_at is not null)
                       order by l.relation <> 'self', p.full_name)
      from public.person_links l join public.persons p on p.id = l.person_id
      where l.user_id = v_user.id), '[]'::jsonb));
end
$$;

-- ---------------------------------------------------------------------------------------
-- Subscribe-message consents (wx.requestSubscribeMessage, asked at a tap, ≤ 3 templates).
-- One row per accepted template: each accept allows WeChat to deliver one message later.
-- The sender (notifications issue) takes an unsent row, sends to the user's
-- users.wechat_openid with the template, and records the outcome.
create table public.reminder_consents (
  id bigint generated always as identity primary key,
  booking_id uuid not null references public.bookings (id) on delete cascade,
  user_id uuid not null references public.users (id) on delete cascade,
  template_id text not null check (template_id ~ '^[A-Za-z0-9_-]{1,128}$'),
  accepted_at timestamptz not null,
  -- set when the one message this accept allows has been used
  sent_at timestamptz,
  outcome text check (outcome in ('sent', 'refused', 'failed')),
  check ((sent_at is null) = (outcome is null))
);
create index reminder_consents_unsent_idx on public.reminder_consents (booking_id, template_id) where sent_at is null;
create index reminder_consents_user_idx on public.reminder_consents (user_id);

alter table public.reminder_consents enable row level security;
create policy reminder_consents_read_own on public.reminder_consents for select to authenticated using (user_id = app.uid());
revoke all on public.reminder_consents from anon, authenticated;
grant select on public.reminder_consents to authenticated;
grant all on public.reminder_consents to service_role;

-- Record which templates the caller accepted for a booking they may see (their own or a
-- linked person's, still booked or confirmed). p_template_ids: what was asked; p_accepted: the
-- ones the user accepted (a subset). Answers the unsent accepts per template for this booking.
-- With an Idempotency-Key (optional here), a retry answers the first result and records nothing.
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
  v_user := app.current_account();
  if v_user.id is null then
    perform app.raise('UNAUTHENTICATED');
  end if;
  v_replay := app.claim_idempotency_key(p_idempotency_key, 'reminders', p_request_hash, p_now);
  if v_replay is not null then
    return v_replay;
  end if;
  if jsonb_typeof(p_template_ids) <> 'array' or jsonb_typeof(p_accepted) <> 'array'
     or jsonb_array_length(p_template_ids) not between 1 and 3
     or exists (select 1 from jsonb_array_elements(p_accepted) a where not (p_template_ids @> jsonb_build_array(a.value))) then
    perform app.raise('INVALID_INPUT');
  end if;
  select * into v_booking from public.bookings b where b.id = p_booking;
  if not found or not (v_booking.booked_by = v_user.id or v_booking.applicant_id in (select app.my_person_ids())) then
    perform app.raise('BOOKING_NOT_FOUND');
  end if;
  if v_booking.status not in ('booked', 'confirmed') then
    perform app.raise('BOOKING_NOT_ACTIVE');
  end if;

  insert into public.reminder_consents (booking_id, user_id, template_id, accepted_at)
  select distinct v_booking.id, v_user.id, t, p_now from jsonb_array_elements_text(p_accepted) t;
  get diagnostics v_count = row_count;

  return app.remember_response(p_idempotency_key, jsonb_build_object(
    'bookingId', v_booking.id,
    'recorded', v_count,
    'pending', coalesce((
      select jsonb_agg(jsonb_build_object('templateId', c.template_id, 'count', c.n) order by c.template_id collate "C")
      from (select r.template_id, count(*)::int as n from public.reminder_consents r
            where r.booking_id = v_booking.id and r.user_id = v_user.id and r.sent_at is null
            group by r.template_id) c), '[]'::jsonb)));
end
$$;

revoke all on function
  public.claim_wechat_token_refresh(text, timestamptz, text),
  public.store_wechat_token(text, uuid, text, timestamptz, timestamptz),
  public.save_person_phone(uuid, text, text, text, text, timestamptz),
  public.record_reminder_consent(uuid, jsonb, jsonb, timestamptz, text, text)
from public;
grant execute on function
  public.claim_wechat_token_refresh(text, timestamptz, text),
  public.store_wechat_token(text, uuid, text, timestamptz, timestamptz),
  public.save_person_phone(uuid, text, text, text, text, timestamptz)
to service_role;
grant execute on function public.record_reminder_consent(uuid, jsonb, jsonb, timestamptz, text, text) to authenticated;
