package io.c2csync.controlplane.api;

import com.sun.net.httpserver.Headers;
import io.c2csync.controlplane.sync.SyncError;
import io.c2csync.controlplane.sync.SyncException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;

/**
 * The body of a POST, read only when it can be JSON and at most {@value #MAX_BYTES} bytes: a larger
 * declared length is refused before a byte is read, a longer stream after {@value #MAX_BYTES} + 1.
 */
final class RequestBody {
    static final int MAX_BYTES = 1 << 20;

    /** JSON, and what curl's {@code --data} (mongosync's runbooks) and plain clients send. */
    private static final Set<String> MEDIA_TYPES =
            Set.of("application/json", "application/x-www-form-urlencoded", "text/plain");

    private RequestBody() {
    }

    static byte[] read(Headers headers, InputStream in) {
        requireJsonContentType(headers.getFirst("Content-Type"));
        requireDeclaredLengthWithinLimit(headers.getFirst("Content-Length"));
        byte[] body;
        try {
            body = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw invalid("the body could not be read: " + e.getMessage());
        }
        if (body.length > MAX_BYTES) {
            throw invalid("the body is larger than " + MAX_BYTES + " bytes");
        }
        return body;
    }

    private static void requireJsonContentType(String contentType) {
        if (contentType == null) {
            return;
        }
        String[] parts = contentType.split(";");
        String mediaType = parts[0].strip().toLowerCase(Locale.ROOT);
        if (!MEDIA_TYPES.contains(mediaType)) {
            throw invalid("Content-Type '" + contentType + "' is not JSON; send application/json");
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip().toLowerCase(Locale.ROOT).replace("\"", "");
            if (parameter.startsWith("charset=") && !parameter.equals("charset=utf-8")) {
                throw invalid("Content-Type '" + contentType + "': the body must be UTF-8 JSON");
            }
        }
    }

    private static void requireDeclaredLengthWithinLimit(String contentLength) {
        if (contentLength == null) {
            return;
        }
        long declared;
        try {
            declared = Long.parseLong(contentLength.strip());
        } catch (NumberFormatException e) {
            throw invalid("Content-Length '" + contentLength + "' is not a number");
        }
        if (declared > MAX_BYTES) {
            throw invalid("the body is larger than " + MAX_BYTES + " bytes (Content-Length " + declared + ")");
        }
    }

    private static SyncException invalid(String description) {
        return new SyncException(SyncError.INVALID_REQUEST, description);
    }
}
