package io.c2csync.emulator;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;

/** The MongoDB error codes the emulator raises itself, with their server code names. */
enum MongoErrors {
    BAD_VALUE(2, "BadValue"),
    FAILED_TO_PARSE(9, "FailedToParse"),
    ILLEGAL_OPERATION(20, "IllegalOperation"),
    CURSOR_NOT_FOUND(43, "CursorNotFound"),
    NO_MATCHING_DOCUMENT(47, "NoMatchingDocument"),
    INVALID_OPTIONS(72, "InvalidOptions"),
    USER_NOT_FOUND(11, "UserNotFound"),
    AUTHENTICATION_FAILED(18, "AuthenticationFailed"),
    ROLE_NOT_FOUND(31, "RoleNotFound"),
    MECHANISM_UNAVAILABLE(334, "MechanismUnavailable"),
    USER_WRITES_BLOCKED(371, "UserWritesBlocked"),
    DUPLICATE_KEY(11000, "DuplicateKey"),
    USER_ALREADY_EXISTS(51003, "Location51003"),
    ROLE_ALREADY_EXISTS(51002, "Location51002"),
    UNAUTHORIZED(13, "Unauthorized"),
    INVALID_NAMESPACE(73, "InvalidNamespace"),
    INVALID_RESUME_TOKEN(260, "InvalidResumeToken"),
    CHANGE_STREAM_FATAL_ERROR(280, "ChangeStreamFatalError"),
    CHANGE_STREAM_HISTORY_LOST(286, "ChangeStreamHistoryLost"),
    UNKNOWN_FIELD(40415, "Location40415"),
    PIPELINE_STAGE_SHAPE(40323, "Location40323"),
    NAMESPACE_NOT_FOUND(26, "NamespaceNotFound"),
    NAMESPACE_EXISTS(48, "NamespaceExists"),
    INDEX_NOT_FOUND(27, "IndexNotFound"),
    DOCUMENT_VALIDATION_FAILURE(121, "DocumentValidationFailure"),
    NOT_IMPLEMENTED(238, "NotImplemented"),
    IMMUTABLE_FIELD(66, "ImmutableField"),
    INVALID_INDEX_SPECIFICATION_OPTION(197, "InvalidIndexSpecificationOption"),
    INDEX_OPTIONS_CONFLICT(85, "IndexOptionsConflict"),
    INDEX_KEY_SPECS_CONFLICT(86, "IndexKeySpecsConflict"),
    CANNOT_CONVERT_INDEX_TO_UNIQUE(359, "CannotConvertIndexToUnique"),
    COMMAND_NOT_SUPPORTED_ON_VIEW(166, "CommandNotSupportedOnView"),
    VIEW_DEPTH_LIMIT_EXCEEDED(149, "ViewDepthLimitExceeded"),
    GRAPH_CONTAINS_CYCLE(93, "GraphContainsCycle"),
    TYPE_MISMATCH(14, "TypeMismatch"),
    OPTION_NOT_SUPPORTED_ON_VIEW(167, "OptionNotSupportedOnView"),
    ONE_RESUME_OPTION_ONLY(40674, "Location40674"),
    STAGE_NOT_PERMITTED_IN_CHANGE_STREAM(40602, "Location40602");

    private final int code;
    private final String codeName;

    MongoErrors(int code, String codeName) {
        this.code = code;
        this.codeName = codeName;
    }

    MongoServerError error(String message) {
        return new MongoServerError(code, codeName, message);
    }

    /** An error whose reply also carries {@code details}' fields. */
    MongoServerError error(String message, Document details) {
        return new DetailedServerError(code, codeName, message, details);
    }

    int code() {
        return code;
    }
}
