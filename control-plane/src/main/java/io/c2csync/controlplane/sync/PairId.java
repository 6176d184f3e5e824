package io.c2csync.controlplane.sync;

/** One deployed source/sink connector pair; each reverse deploys the next generation. */
public record PairId(int generation) {
    public PairId {
        if (generation < 1) {
            throw new IllegalArgumentException("generation starts at 1, got " + generation);
        }
    }

    public PairId next() {
        return new PairId(generation + 1);
    }

    public PairId previous() {
        return new PairId(generation - 1);
    }
}
