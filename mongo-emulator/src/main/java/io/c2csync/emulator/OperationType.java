package io.c2csync.emulator;

/** The {@code operationType} of a change event, with its wire name. */
enum OperationType {
    INSERT("insert"),
    UPDATE("update"),
    REPLACE("replace"),
    DELETE("delete");

    private final String wireName;

    OperationType(String wireName) {
        this.wireName = wireName;
    }

    String wireName() {
        return wireName;
    }
}
