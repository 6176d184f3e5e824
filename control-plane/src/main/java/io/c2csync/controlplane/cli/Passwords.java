package io.c2csync.controlplane.cli;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Connection strings are secrets: their passwords never reach the console. */
final class Passwords {

    static final String MASK = "****";

    private static final Pattern USER_INFO = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://[^:@/\\s]*:([^@/\\s]*)@");

    private Passwords() {
    }

    /**
     * {@code text} with every password found in {@code sources} (connection strings of any scheme, a mistyped one
     * included, or arguments holding them such as {@code --cluster0=mongodb://...}), as written and as decoded,
     * replaced by {@value #MASK}.
     */
    static String redact(String text, String... sources) {
        String redacted = text;
        for (String source : sources) {
            Matcher userInfo = USER_INFO.matcher(source);
            while (userInfo.find()) {
                String password = userInfo.group(1);
                if (!password.isEmpty()) {
                    redacted = redacted.replace(password, MASK).replace(decoded(password), MASK);
                }
            }
        }
        return redacted;
    }

    private static String decoded(String password) {
        try {
            return URLDecoder.decode(password, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // not valid percent-encoding: the driver will refuse the string; the text as written is masked already
            return password;
        }
    }
}
