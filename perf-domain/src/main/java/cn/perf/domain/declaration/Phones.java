package cn.perf.domain.declaration;

import cn.perf.domain.shared.Texts;
import java.util.regex.Pattern;

/** 联系电话: digits with optional area code, extension, spaces and hyphens (e.g. 13732637755, 0512-65109046). */
final class Phones {

    private static final Pattern PHONE = Pattern.compile("[0-9０-９+（）() \\-－转]{3,32}");

    private Phones() {
    }

    static String check(String phone) {
        String p = Texts.optional(phone, "联系电话", 32);
        if (p != null && !PHONE.matcher(p).matches()) {
            throw new IllegalArgumentException("联系电话格式不正确（只能包含数字、区号分隔符“-”和“转”）：" + p);
        }
        return p;
    }
}
