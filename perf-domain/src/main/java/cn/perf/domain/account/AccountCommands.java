package cn.perf.domain.account;

import java.util.Set;

/** Commands of the user administration page (DESIGN.md §8: typed ids, expected version). */
public final class AccountCommands {

    private AccountCommands() {
    }

    /** 新增用户: {@code initialPassword} is hashed at once and never kept nor published. */
    public record OpenAccount(String username, String displayName, Long unitId, Set<Role> roles,
                              String initialPassword) {
        public OpenAccount {
            roles = roles == null ? Set.of() : Set.copyOf(roles);
        }

        @Override
        public String toString() {
            return "OpenAccount[" + username + "]";
        }
    }

    /** 修改用户: display name, unit and roles. */
    public record ChangeAccount(Long id, long version, String displayName, Long unitId, Set<Role> roles) {
        public ChangeAccount {
            roles = roles == null ? Set.of() : Set.copyOf(roles);
        }
    }
}
