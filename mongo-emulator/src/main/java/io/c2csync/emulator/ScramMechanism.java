package io.c2csync.emulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/** The SCRAM variants MongoDB supports, with the key derivation each uses (RFC 5802 / RFC 7677). */
enum ScramMechanism {
    SCRAM_SHA_1("SCRAM-SHA-1", "HmacSHA1", "SHA-1", "PBKDF2WithHmacSHA1", 10_000, 20),
    SCRAM_SHA_256("SCRAM-SHA-256", "HmacSHA256", "SHA-256", "PBKDF2WithHmacSHA256", 15_000, 32);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String wireName;
    private final String hmac;
    private final String digest;
    private final String pbkdf2;
    private final int iterations;
    private final int keyLength;

    ScramMechanism(String wireName, String hmac, String digest, String pbkdf2, int iterations, int keyLength) {
        this.wireName = wireName;
        this.hmac = hmac;
        this.digest = digest;
        this.pbkdf2 = pbkdf2;
        this.iterations = iterations;
        this.keyLength = keyLength;
    }

    String wireName() {
        return wireName;
    }

    static ScramMechanism byWireName(Object name) {
        for (ScramMechanism mechanism : values()) {
            if (mechanism.wireName.equals(name)) {
                return mechanism;
            }
        }
        throw MongoErrors.MECHANISM_UNAVAILABLE.error("Received authentication for mechanism " + name
            + " which is not enabled; the emulator supports SCRAM-SHA-1 and SCRAM-SHA-256");
    }

    /** What the server stores for a password: never the password itself. */
    record Credential(byte[] salt, int iterations, byte[] storedKey, byte[] serverKey) {
    }

    Credential credential(String user, String password) {
        byte[] salt = new byte[keyLength == 20 ? 16 : 28];
        RANDOM.nextBytes(salt);
        byte[] salted = saltedPassword(user, password, salt, iterations);
        return new Credential(salt, iterations, hash(hmac(salted, "Client Key")), hmac(salted, "Server Key"));
    }

    byte[] hmac(byte[] key, String message) {
        return hmac(key, message.getBytes(StandardCharsets.UTF_8));
    }

    byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(hmac);
            mac.init(new SecretKeySpec(key, hmac));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(hmac + " is not available in this JVM", e);
        }
    }

    byte[] hash(byte[] data) {
        try {
            return MessageDigest.getInstance(digest).digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(digest + " is not available in this JVM", e);
        }
    }

    private byte[] saltedPassword(String user, String password, byte[] salt, int rounds) {
        String input = this == SCRAM_SHA_1 ? md5Hex(user + ":mongo:" + password) : password;
        try {
            PBEKeySpec spec = new PBEKeySpec(input.toCharArray(), salt, rounds, keyLength * 8);
            return SecretKeyFactory.getInstance(pbkdf2).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(pbkdf2 + " is not available in this JVM", e);
        }
    }

    private static String md5Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 is not available in this JVM", e);
        }
    }

    static String nonce() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return java.util.Base64.getEncoder().encodeToString(bytes);
    }
}
