package cn.perf.domain.account;

import cn.perf.domain.organization.UnitKind;
import java.time.Instant;
import java.util.Set;

/** One account as the administration pages show it (a read model; never the password hash). */
public record AccountRow(Long id, String username, String displayName, Long unitId, String unitCode,
                         String unitName, UnitKind unitKind, String region, Set<Role> roles, boolean enabled,
                         Instant createdAt, long version) {

    public AccountRow {
        roles = Set.copyOf(roles);
    }
}
