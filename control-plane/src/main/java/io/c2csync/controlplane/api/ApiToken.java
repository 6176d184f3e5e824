package io.c2csync.controlplane.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * The optional bearer token of {@code --api-token}: when set, every request must carry
 * {@code Authorization: Bearer <token>}. Compared in constant time; never printed.
 */
public final class ApiToken {
    /** No token: the API is open to whoever can reach its address (mongosync's behaviour). */
    public static final ApiToken NONE = new ApiToken(null);

    private static final String BEARER = "Bearer ";

    private final byte[] digest;

    private ApiToken(byte[] digest) {
        this.digest = digest;
    }

    /** @throws IllegalArgumentException for a blank token or one with whitespace, which no header could carry */
    public static ApiToken of(String token) {
        if (token == null || token.isBlank() || !token.equals(token.strip()) || token.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("the API token must be a non-empty string without whitespace");
        }
        return new ApiToken(sha256(token));
    }

    public boolean required() {
        return digest != null;
    }

    /** Whether an {@code Authorization} header value (null when absent) carries this token. */
    boolean admits(String authorization) {
        if (digest == null) {
            return true;
        }
        Optional<String> presented = Optional.ofNullable(authorization)
                .filter(value -> value.regionMatches(true, 0, BEARER, 0, BEARER.length()))
                .map(value -> value.substring(BEARER.length()).strip());
        // digests of equal length, compared in constant time: neither the token nor its length leaks by timing;
        // an absent header compares the empty string, which is never a token
        return MessageDigest.isEqual(digest, sha256(presented.orElse("")));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return digest == null ? "no API token" : "an API token (hidden)";
    }
}
