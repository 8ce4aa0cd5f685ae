-- Account security (issue 8): forced password change, lockout after repeated failed sign-ins.
-- Accounts that exist already were seeded (demo data); outside demo mode they must change their password.

alter table user_account
    add column must_change_password boolean not null default true,
    add column password_changed_at  timestamp(6) with time zone,
    add column failed_logins        integer not null default 0,
    add column locked_until         timestamp(6) with time zone,
    add constraint ck_user_account_failed_logins check (failed_logins >= 0);

create index ix_user_account_locked_until on user_account (locked_until) where locked_until is not null;
