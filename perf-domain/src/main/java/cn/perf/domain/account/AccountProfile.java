package cn.perf.domain.account;

import cn.perf.domain.organization.UnitKind;
import java.util.Set;

/** Who the signed-in person is, for the page header and home page. */
public record AccountProfile(String username, String displayName, Set<Role> roles, Long unitId, String unitCode,
                             String unitName, UnitKind unitKind, String region) {
}
