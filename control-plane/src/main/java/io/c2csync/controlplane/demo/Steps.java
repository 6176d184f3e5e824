package io.c2csync.controlplane.demo;

import java.io.PrintWriter;

/** The demo's numbered steps as it prints them; a failure names the step it happened in. */
public final class Steps {
    private final PrintWriter out;
    private final int total;
    private int current;
    private String title = "getting ready";

    public Steps(PrintWriter out, int total) {
        this.out = out;
        this.total = total;
    }

    /** Prints the step's heading and what it shows. */
    public void next(String newTitle, String explanation) {
        current++;
        title = newTitle;
        out.println();
        out.println("== Step " + current + "/" + total + ": " + newTitle + " ==");
        if (!explanation.isEmpty()) {
            out.println("  " + explanation);
        }
        out.flush();
    }

    /** A line under the current step. */
    public void say(String line) {
        out.println("  " + line);
        out.flush();
    }

    /** "step 3/12 (start the sync)" */
    public String where() {
        return "step " + current + "/" + total + " (" + title + ")";
    }
}
