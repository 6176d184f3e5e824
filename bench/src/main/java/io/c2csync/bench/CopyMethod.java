package io.c2csync.bench;

/** One way of copying a dataset from the source to the (empty) destination; returns when it is all there. */
public interface CopyMethod {

    String label();

    void copy(Dataset dataset);
}
