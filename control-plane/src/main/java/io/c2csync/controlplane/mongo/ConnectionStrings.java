package io.c2csync.controlplane.mongo;

import com.mongodb.ConnectionString;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Connection strings are secrets: what may be shown of them. */
public final class ConnectionStrings {
    private static final Pattern USER_INFO = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)([^@/]*)@");

    private ConnectionStrings() {
    }

    /** The hosts only, e.g. {@code "h1:27017,h2:27018"}; never credentials or options. */
    public static String displayAddress(String uri) {
        return String.join(",", parse(uri).getHosts());
    }

    /** The whole string with the password replaced by {@code ****}, for logs. */
    public static String mask(String uri) {
        return USER_INFO.matcher(uri).replaceFirst(match -> {
            String userInfo = match.group(2);
            int colon = userInfo.indexOf(':');
            String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
            return Matcher.quoteReplacement(match.group(1) + user + (colon < 0 ? "" : ":****") + "@");
        });
    }

    static ConnectionString parse(String uri) {
        try {
            return new ConnectionString(uri);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid MongoDB connection string " + mask(uri) + ": "
                    + e.getMessage().replace(uri, mask(uri)), e);
        }
    }
}
