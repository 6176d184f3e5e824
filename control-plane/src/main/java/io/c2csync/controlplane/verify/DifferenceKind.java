package io.c2csync.controlplane.verify;

/** What differs between the source and the destination. */
public enum DifferenceKind {
    /** A namespace of the source is not on the destination. */
    MISSING_NAMESPACE,
    /** The destination has a namespace the source does not have. */
    EXTRA_NAMESPACE,
    /** A collection on one side is a view (or another type) on the other. */
    NAMESPACE_TYPE,
    /** Collection options differ: validator, collation, capped size... */
    COLLECTION_OPTIONS,
    /** A view reads another collection or runs another pipeline. */
    VIEW_DEFINITION,
    MISSING_INDEX,
    EXTRA_INDEX,
    /** An index of the same name has another key or other options (unique, partialFilterExpression...). */
    INDEX_DEFINITION,
    /** A source document (by {@code _id}) is not on the destination. */
    MISSING_DOCUMENT,
    /** The destination has a document (by {@code _id}) the source does not have. */
    EXTRA_DOCUMENT,
    /** A field of the source document is not in the destination document. */
    MISSING_FIELD,
    /** The destination document has a field the source document does not have. */
    EXTRA_FIELD,
    /** A field holds another value of the same BSON type. */
    CHANGED_VALUE,
    /** A field holds a value of another BSON type, e.g. int32 1 against int64 1. */
    CHANGED_TYPE,
    /** The same fields and values in another order. */
    CHANGED_FIELD_ORDER
}
