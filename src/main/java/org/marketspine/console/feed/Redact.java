package org.marketspine.console.feed;

import java.util.regex.Pattern;

/**
 * What may be printed of a connection string: never a password. JDBC URLs carry secrets as
 * parameters ({@code ?password=…}, {@code ;password=…}) or as user info ({@code //user:pw@host}).
 */
public final class Redact {
    private Redact() {}

    private static final Pattern SECRET_PARAM = Pattern.compile(
            "(?i)([?&;](?:password|passwd|pwd|pass|secret|token|sslpassword|sslkey|api[_-]?key|access[_-]?token)=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@?;]+):[^@/?;]*@");

    public static String jdbcUrl(String url) {
        if (url == null) return null;
        String out = SECRET_PARAM.matcher(url).replaceAll("$1***");
        return USER_INFO.matcher(out).replaceAll("$1:***@");
    }
}
