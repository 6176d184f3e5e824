package io.c2csync.controlplane.sync;

/** One API call as a command for the state machine. */
public sealed interface SyncCommand {
    ApiCall call();

    record Start(SyncSpec spec) implements SyncCommand {
        @Override
        public ApiCall call() {
            return ApiCall.START;
        }
    }

    record ReadProgress() implements SyncCommand {
        @Override
        public ApiCall call() {
            return ApiCall.PROGRESS;
        }
    }

    record Pause() implements SyncCommand {
        @Override
        public ApiCall call() {
            return ApiCall.PAUSE;
        }
    }

    record Resume() implements SyncCommand {
        @Override
        public ApiCall call() {
            return ApiCall.RESUME;
        }
    }

    record Commit() implements SyncCommand {
        @Override
        public ApiCall call() {
            return ApiCall.COMMIT;
        }
    }

    record Reverse() implements SyncCommand {
        @Override
        public ApiCall call() {
            return ApiCall.REVERSE;
        }
    }
}
