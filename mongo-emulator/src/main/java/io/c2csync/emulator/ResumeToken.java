package io.c2csync.emulator;

import java.util.HexFormat;
import java.util.Locale;

import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A change-stream resume token. Its {@code _data} is hex like MongoDB's: {@code 82} (the KeyString type of a
 * timestamp), the cluster time, then a kind marker. Every event has its own cluster time, so the time alone
 * says where to resume; the kind tells an event from an invalidation and from a high-water mark.
 */
record ResumeToken(BsonTimestamp clusterTime, Kind kind) {

    private static final String PREFIX = "82";
    private static final int LENGTH = PREFIX.length() + 16 + 6;

    enum Kind {
        EVENT("2B0404"), INVALIDATE("2B0604"), HIGH_WATER_MARK("2B0204");

        private final String suffix;

        Kind(String suffix) {
            this.suffix = suffix;
        }
    }

    static ResumeToken ofEvent(BsonTimestamp clusterTime) {
        return new ResumeToken(clusterTime, Kind.EVENT);
    }

    static ResumeToken highWaterMark(BsonTimestamp clusterTime) {
        return new ResumeToken(clusterTime, Kind.HIGH_WATER_MARK);
    }

    static ResumeToken invalidation(BsonTimestamp clusterTime) {
        return new ResumeToken(clusterTime, Kind.INVALIDATE);
    }

    String data() {
        return PREFIX + HexFormat.of().withUpperCase().toHexDigits(clusterTime.getValue()) + kind.suffix;
    }

    Document toDocument() {
        return new Document("_data", data());
    }

    static ResumeToken parse(Object token) {
        if (!(token instanceof Document document) || !(document.get("_data") instanceof String data)) {
            throw MongoErrors.INVALID_RESUME_TOKEN.error("resume token must be a document with a string _data field, got " + token);
        }
        String upper = data.toUpperCase(Locale.ROOT);
        if (upper.length() != LENGTH || !upper.startsWith(PREFIX)) {
            throw MongoErrors.INVALID_RESUME_TOKEN.error("resume token was not issued by this server: " + data);
        }
        for (Kind kind : Kind.values()) {
            if (upper.endsWith(kind.suffix)) {
                try {
                    long value = HexFormat.fromHexDigitsToLong(upper, PREFIX.length(), PREFIX.length() + 16);
                    return new ResumeToken(new BsonTimestamp(value), kind);
                } catch (IllegalArgumentException e) {
                    throw MongoErrors.INVALID_RESUME_TOKEN.error("resume token is not valid hex: " + data);
                }
            }
        }
        throw MongoErrors.INVALID_RESUME_TOKEN.error("resume token was not issued by this server: " + data);
    }
}
