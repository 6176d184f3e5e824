package io.c2csync.emulator;

import java.util.HexFormat;
import java.util.Locale;

import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A change-stream resume token. Its {@code _data} is hex like MongoDB's: {@code 82} (the KeyString type of a
 * timestamp), the cluster time, then a kind marker. Every event has its own cluster time, so the time alone
 * says where to resume; the marker tells an event's token from a high-water mark.
 */
record ResumeToken(BsonTimestamp clusterTime, boolean event) {

    private static final String PREFIX = "82";
    private static final String EVENT_SUFFIX = "2B0404";
    private static final String HIGH_WATER_MARK_SUFFIX = "2B0204";
    private static final int LENGTH = PREFIX.length() + 16 + EVENT_SUFFIX.length();

    static ResumeToken ofEvent(BsonTimestamp clusterTime) {
        return new ResumeToken(clusterTime, true);
    }

    static ResumeToken highWaterMark(BsonTimestamp clusterTime) {
        return new ResumeToken(clusterTime, false);
    }

    String data() {
        return PREFIX + HexFormat.of().withUpperCase().toHexDigits(clusterTime.getValue())
            + (event ? EVENT_SUFFIX : HIGH_WATER_MARK_SUFFIX);
    }

    Document toDocument() {
        return new Document("_data", data());
    }

    static ResumeToken parse(Object token) {
        if (!(token instanceof Document document) || !(document.get("_data") instanceof String data)) {
            throw MongoErrors.INVALID_RESUME_TOKEN.error("resume token must be a document with a string _data field, got " + token);
        }
        String upper = data.toUpperCase(Locale.ROOT);
        boolean isEvent = upper.endsWith(EVENT_SUFFIX);
        if (upper.length() != LENGTH || !upper.startsWith(PREFIX) || !(isEvent || upper.endsWith(HIGH_WATER_MARK_SUFFIX))) {
            throw MongoErrors.INVALID_RESUME_TOKEN.error("resume token was not issued by this server: " + data);
        }
        try {
            long value = HexFormat.fromHexDigitsToLong(upper, PREFIX.length(), PREFIX.length() + 16);
            return new ResumeToken(new BsonTimestamp(value), isEvent);
        } catch (IllegalArgumentException e) {
            throw MongoErrors.INVALID_RESUME_TOKEN.error("resume token is not valid hex: " + data);
        }
    }
}
