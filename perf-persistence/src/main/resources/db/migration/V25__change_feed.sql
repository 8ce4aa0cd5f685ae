-- Every node keeps copies of a few rows it reads on every request (who the signed-in user is, which version of a
-- form is current: cn.perf.persistence.changes). These triggers tell every node when such a row changes:
-- NOTIFY perf_changes, '<table>:<id>' for one row, '<table>' for "drop every copy from this table". PostgreSQL
-- delivers a notification only if its transaction commits, in commit order, and folds duplicates within a
-- transaction. A node that is not listening uses no copies (ChangeFeed).

create function perf_notify_row_change() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        perform pg_notify('perf_changes', tg_table_name || ':' || old.id);
    else
        perform pg_notify('perf_changes', tg_table_name || ':' || new.id);
    end if;
    return null;
end
$$;

create function perf_notify_table_change() returns trigger language plpgsql as $$
begin
    perform pg_notify('perf_changes', tg_table_name);
    return null;
end
$$;

-- 申报表 and 自评表: version, status, unit (the stamp a page is served by).
create trigger declaration_changed after update or delete on declaration
    for each row execute function perf_notify_row_change();
create trigger declaration_truncated after truncate on declaration
    for each statement execute function perf_notify_table_change();
create trigger self_evaluation_changed after update or delete on self_evaluation
    for each row execute function perf_notify_row_change();
create trigger self_evaluation_truncated after truncate on self_evaluation
    for each statement execute function perf_notify_table_change();

-- Accounts, their roles and the unit tree (the viewer: profile, roles, scope). Changes are an administrator's,
-- seldom: every copy goes. Sign-in bookkeeping (failed_logins, locked_until, password_hash) does not fire.
create trigger user_account_changed
    after update of username, display_name, unit_id, enabled or delete or truncate on user_account
    for each statement execute function perf_notify_table_change();
create trigger user_account_role_changed after insert or update or delete or truncate on user_account_role
    for each statement execute function perf_notify_table_change();
create trigger budget_unit_changed after insert or update or delete or truncate on budget_unit
    for each statement execute function perf_notify_table_change();
