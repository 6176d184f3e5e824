package io.c2csync.emulator;

/** The {@code operationType} of a change event, with its wire name. */
enum OperationType {
    INSERT("insert", false),
    UPDATE("update", false),
    REPLACE("replace", false),
    DELETE("delete", false),
    DROP("drop", false),
    RENAME("rename", false),
    DROP_DATABASE("dropDatabase", false),
    CREATE("create", true),
    CREATE_INDEXES("createIndexes", true),
    DROP_INDEXES("dropIndexes", true),
    MODIFY("modify", true);

    private final String wireName;
    private final boolean expandedOnly;

    OperationType(String wireName, boolean expandedOnly) {
        this.wireName = wireName;
        this.expandedOnly = expandedOnly;
    }

    String wireName() {
        return wireName;
    }

    /** Whether only streams opened with {@code showExpandedEvents: true} see this type. */
    boolean expandedOnly() {
        return expandedOnly;
    }

    boolean isDocumentChange() {
        return this == INSERT || this == UPDATE || this == REPLACE || this == DELETE;
    }
}
