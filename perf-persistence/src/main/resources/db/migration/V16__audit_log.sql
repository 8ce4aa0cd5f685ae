-- Issue 8: the tamper-evident audit log (DESIGN.md §4). Append-only: each entry carries a gap-free sequence number
-- and the SHA-256 of its canonical content chained to the previous entry's hash (cn.perf.domain.audit.AuditChain).
-- Appends from every node serialize on the one chain-head row (select ... for update), so the chain stays linear.
-- Triggers refuse UPDATE, DELETE and TRUNCATE as a first line; the chain shows what a superuser does anyway.

create table audit_entry (
    seq          bigint      primary key,
    occurred_at  timestamptz not null,
    actor        text        not null,
    address      text,
    action       text        not null,
    subject_type text,
    subject_id   text,
    details      text        not null,   -- a flat JSON object of strings, exactly as hashed
    prev_hash    char(64)    not null,
    hash         char(64)    not null
);

create index audit_entry_occurred_at on audit_entry (occurred_at);
create index audit_entry_actor on audit_entry (actor, seq);
create index audit_entry_action on audit_entry (action text_pattern_ops);
create index audit_entry_subject on audit_entry (subject_type, subject_id);

-- The chain head: the last appended entry, and the purge anchor (the last entry deleted after its retention,
-- 0 and the genesis hash while nothing was purged). Exactly one row.
create table audit_chain (
    id          smallint    primary key check (id = 1),
    last_seq    bigint      not null,
    last_hash   char(64)    not null,
    anchor_seq  bigint      not null,
    anchor_hash char(64)    not null,
    purged_at   timestamptz,
    check (anchor_seq <= last_seq)
);

insert into audit_chain (id, last_seq, last_hash, anchor_seq, anchor_hash)
values (1, 0, repeat('0', 64), 0, repeat('0', 64));

create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and old.seq <= (select anchor_seq from audit_chain where id = 1) then
        return old;  -- a purge: the entry lies at or below the anchor that was recorded first
    end if;
    raise exception 'audit_entry is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function audit_entry_append_only();

create function audit_entry_no_truncate() returns trigger language plpgsql as $$
begin
    raise exception 'audit log tables are append-only: TRUNCATE refused' using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_no_truncate();

-- The head only moves forward and is never deleted.
create function audit_chain_forward_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' or new.last_seq < old.last_seq or new.anchor_seq < old.anchor_seq then
        raise exception 'audit_chain only moves forward: % refused', tg_op using errcode = 'insufficient_privilege';
    end if;
    return new;
end;
$$;

create trigger audit_chain_forward_only before update or delete on audit_chain
    for each row execute function audit_chain_forward_only();

create trigger audit_chain_no_truncate before truncate on audit_chain
    for each statement execute function audit_entry_no_truncate();
