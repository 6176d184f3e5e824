package io.c2csync.emulator;

import de.bwaldvogel.mongo.bson.Document;

/**
 * The bounds of a capped collection, from its {@code create} options: at most {@code maxBytes} of documents and, when
 * {@code maxDocuments} is positive, at most that many documents.
 */
record CappedLimits(long maxBytes, long maxDocuments) {

    private static final long MIN_SIZE = 4096;
    private static final long SIZE_GRANULARITY = 256;

    /** The limits of a collection with these options, or null when it is not capped. */
    static CappedLimits of(Document options) {
        if (!Boolean.TRUE.equals(options.get("capped"))) {
            return null;
        }
        return new CappedLimits(((Number) options.get("size")).longValue(),
            options.get("max") instanceof Number max ? max.longValue() : 0);
    }

    /** Checks {@code capped}, {@code size} and {@code max} of a create command and stores them as MongoDB reports them. */
    static void normalize(Document options) {
        Object capped = options.get("capped");
        if (capped == null || Boolean.FALSE.equals(capped)) {
            options.remove("capped");
            options.remove("size");
            options.remove("max");
            return;
        }
        if (!Boolean.TRUE.equals(capped)) {
            throw MongoErrors.TYPE_MISMATCH.error("BSON field 'create.capped' is the wrong type '" + capped.getClass().getSimpleName()
                + "', expected type 'bool'");
        }
        if (!(options.get("size") instanceof Number size) || size.longValue() <= 0) {
            throw MongoErrors.INVALID_OPTIONS.error("the 'size' field is required when 'capped' is true and must be positive, got "
                + options.get("size"));
        }
        options.put("size", rounded(size.longValue()));
        Object max = options.get("max");
        if (max != null && !(max instanceof Number)) {
            throw MongoErrors.TYPE_MISMATCH.error("'max' must be a number, got " + max);
        }
    }

    /**
     * Checks a {@code collMod} {@code cappedSize} or {@code cappedMax}; documents beyond the new limits go on the next
     * insert, as in MongoDB.
     */
    static Number checkedResize(Document options, String field, Object value) {
        if (!Boolean.TRUE.equals(options.get("capped"))) {
            throw MongoErrors.INVALID_OPTIONS.error("collMod '" + field + "' is only valid on a capped collection");
        }
        if (!(value instanceof Number number) || (field.equals("cappedSize") && number.longValue() <= 0)) {
            throw MongoErrors.BAD_VALUE.error("collMod '" + field + "' must be a number"
                + (field.equals("cappedSize") ? " greater than 0" : "") + ", got " + value);
        }
        return number;
    }

    boolean exceededBy(long bytes, long documents) {
        return bytes > maxBytes || (maxDocuments > 0 && documents > maxDocuments);
    }

    /** MongoDB raises a capped size to at least 4096 bytes and to a multiple of 256. */
    private static long rounded(long size) {
        long atLeast = Math.max(size, MIN_SIZE);
        return (atLeast + SIZE_GRANULARITY - 1) / SIZE_GRANULARITY * SIZE_GRANULARITY;
    }
}
