package cn.perf.domain.account;

import cn.perf.domain.shared.Violation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The password rules (等保 2.0 level 3 / OWASP ASVS 5.0 V6): at least {@link #minLength} characters from at least
 * {@link #requiredClasses} of the four classes (upper case, lower case, digits, other), at most 128 characters, not
 * the user name, and not on the bundled list of common passwords ({@code common-passwords.txt}; compared without
 * case). A value with its parameters; {@link #standard()} is the 8 / 3 policy.
 */
public final class PasswordPolicy {

    public static final int MAX_LENGTH = 128;

    private final int minLength;
    private final int requiredClasses;
    private final Set<String> common;

    public PasswordPolicy(int minLength, int requiredClasses, Set<String> commonPasswords) {
        if (minLength < 8 || requiredClasses < 1 || requiredClasses > 4) {
            throw new IllegalArgumentException("minLength >= 8, 1 <= requiredClasses <= 4");
        }
        this.minLength = minLength;
        this.requiredClasses = requiredClasses;
        this.common = Set.copyOf(Objects.requireNonNull(commonPasswords, "commonPasswords"));
    }

    /** Eight characters, three classes, the bundled common-password list. */
    public static PasswordPolicy standard() {
        return Standard.INSTANCE;
    }

    private static final class Standard {
        static final PasswordPolicy INSTANCE = new PasswordPolicy(8, 3, loadCommon());
    }

    static Set<String> loadCommon() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    /** Every rule the password breaks, as violations on {@code path}; empty when it is acceptable. */
    public List<Violation> check(String path, String username, String raw) {
        List<Violation> found = new ArrayList<>();
        if (raw == null || raw.isEmpty()) {
            found.add(Violation.of(path, "password.required", "请输入密码"));
            return found;
        }
        if (raw.length() < minLength) {
            found.add(Violation.of(path, "password.tooShort", "密码至少 " + minLength + " 位", minLength));
        }
        if (raw.length() > MAX_LENGTH) {
            found.add(Violation.of(path, "password.tooLong", "密码最多 " + MAX_LENGTH + " 位", MAX_LENGTH));
        }
        if (classes(raw) < requiredClasses) {
            found.add(Violation.of(path, "password.classes",
                    "密码须包含大写字母、小写字母、数字、其他符号中的至少 " + requiredClasses + " 类", requiredClasses));
        }
        String lower = raw.toLowerCase(Locale.ROOT);
        if (common.contains(lower)) {
            found.add(Violation.of(path, "password.common", "这是常见密码，容易被猜中，请换一个"));
        }
        if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            found.add(Violation.of(path, "password.containsUsername", "密码不能包含用户名"));
        }
        return found;
    }

    static int classes(String raw) {
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < raw.length(); ) {
            int cp = raw.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isUpperCase(cp)) {
                upper = true;
            } else if (Character.isLowerCase(cp)) {
                lower = true;
            } else if (Character.isDigit(cp)) {
                digit = true;
            } else {
                other = true;
            }
        }
        return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }

    public int minLength() {
        return minLength;
    }

    public int requiredClasses() {
        return requiredClasses;
    }
}
