-- Sessions join the change feed (V25): each node keeps a copy of the sessions it reads (cn.perf.web.session
-- SparingSessions) and drops it when any node commits a change: NOTIFY perf_changes, 'spring_session:<session id>'.
-- A new session needs no notification (absent sessions are not kept); a changed id (sign-in) names the old one.

create function perf_notify_session_change() returns trigger language plpgsql as $$
begin
    perform pg_notify('perf_changes', 'spring_session:' || trim(old.session_id));
    if tg_op = 'UPDATE' and new.session_id <> old.session_id then
        perform pg_notify('perf_changes', 'spring_session:' || trim(new.session_id));
    end if;
    return null;
end
$$;

create function perf_notify_session_attribute_change() returns trigger language plpgsql as $$
declare
    owner char(36);
begin
    if tg_op = 'DELETE' then
        owner := old.session_primary_id;
    else
        owner := new.session_primary_id;
    end if;
    -- gone already when the session itself was deleted: its own trigger named it
    perform pg_notify('perf_changes', 'spring_session:' || trim(s.session_id))
    from spring_session s where s.primary_id = owner;
    return null;
end
$$;

create function perf_notify_session_table_change() returns trigger language plpgsql as $$
begin
    perform pg_notify('perf_changes', 'spring_session');
    return null;
end
$$;

create trigger spring_session_changed after update or delete on spring_session
    for each row execute function perf_notify_session_change();
create trigger spring_session_truncated after truncate on spring_session
    for each statement execute function perf_notify_session_table_change();
create trigger spring_session_attributes_changed after insert or update or delete on spring_session_attributes
    for each row execute function perf_notify_session_attribute_change();
create trigger spring_session_attributes_truncated after truncate on spring_session_attributes
    for each statement execute function perf_notify_session_table_change();
