package io.c2csync.controlplane.cutover;

import io.c2csync.controlplane.sync.ProcedureKind;
import java.util.List;

/** A procedure whose steps are described by a fixed list, numbered from 1. */
abstract class NumberedProcedure implements CutoverProcedure {
    private final ProcedureKind kind;
    private final String title;
    private final List<String> steps;

    NumberedProcedure(ProcedureKind kind, String title, List<String> steps) {
        this.kind = kind;
        this.title = title;
        this.steps = List.copyOf(steps);
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
