package cn.perf.domain.account;

/**
 * The user administration list's search form: every criterion optional.
 *
 * @param username    part of the user name (case-insensitive)
 * @param displayName part of the display name
 * @param page        0-based
 */
public record AccountSearch(String username, String displayName, Long unitId, Role role, Boolean enabled, int page,
                            int size) {

    public static final int MAX_SIZE = 100;

    public AccountSearch {
        username = blankToNull(username);
        displayName = blankToNull(displayName);
        page = Math.max(0, page);
        size = size <= 0 ? 20 : Math.min(size, MAX_SIZE);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
