package io.c2csync.controlplane.cutover;

import io.c2csync.controlplane.sync.Clusters;
import io.c2csync.controlplane.sync.Pipeline;
import io.c2csync.controlplane.sync.ProcedureKind;
import java.util.List;

/** A procedure over the clusters and the pipeline whose steps are a fixed list, numbered from 1. */
abstract class NumberedProcedure implements CutoverProcedure {
    protected final Clusters clusters;
    protected final Pipeline pipeline;
    private final ProcedureKind kind;
    private final String title;
    private final List<String> steps;

    NumberedProcedure(ProcedureKind kind, String title, List<String> steps, Clusters clusters, Pipeline pipeline) {
        this.kind = kind;
        this.title = title;
        this.steps = List.copyOf(steps);
        this.clusters = clusters;
        this.pipeline = pipeline;
    }

    @Override
    public final ProcedureKind kind() {
        return kind;
    }

    @Override
    public final String title() {
        return title;
    }

    @Override
    public final int stepCount() {
        return steps.size();
    }

    @Override
    public final String describeStep(int step) {
        return steps.get(step - 1);
    }
}
