package cn.perf.domain.shared;

/** Field checks with Chinese messages. Stored text is kept exactly as filed; blank means not filled (null). */
public final class Texts {

    /** Long text blocks (项目概况 …): generous, but bounded. */
    public static final int BLOCK_MAX = 20_000;

    private Texts() {
    }

    public static String require(String value, String what, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + "不能为空");
        }
        return optional(value, what, max);
    }

    /** Stripped short text (names, phones); null when blank. */
    public static String optional(String value, String what, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String s = value.strip();
        if (s.length() > max) {
            throw new IllegalArgumentException(what + "不能超过 " + max + " 个字（现有 " + s.length() + " 个）");
        }
        return s;
    }

    /** A text block kept exactly as filed (paragraph tags included); null when blank. */
    public static String block(String value, String what) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > BLOCK_MAX) {
            throw new IllegalArgumentException(what + "不能超过 " + BLOCK_MAX + " 个字（现有 " + value.length() + " 个）");
        }
        return value;
    }
}
