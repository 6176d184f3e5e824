package io.c2csync.controlplane.sync;

/** The privilege actions the sync's users need, named as MongoDB names them. */
public enum ClusterAction {
    FIND("find"),
    CHANGE_STREAM("changeStream"),
    INSERT("insert"),
    UPDATE("update"),
    REMOVE("remove"),
    CREATE_COLLECTION("createCollection"),
    DROP_COLLECTION("dropCollection"),
    CREATE_INDEX("createIndex"),
    DROP_INDEX("dropIndex"),
    SET_USER_WRITE_BLOCK_MODE("setUserWriteBlockMode"),
    BYPASS_WRITE_BLOCKING_MODE("bypassWriteBlockingMode");

    private final String actionName;

    ClusterAction(String actionName) {
        this.actionName = actionName;
    }

    public String actionName() {
        return actionName;
    }
}
