package io.autogate.gateway.request;

import java.util.List;

/**
 * The outcome of checking one request row: the problems that stop it from being scored and the
 * warnings that do not. Immutable.
 */
public record RowCheck(int row, List<FieldProblem> problems, List<FieldProblem> warnings) {
    public RowCheck {
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    /** Whether the row can be scored. */
    public boolean ok() {
        return problems.isEmpty();
    }
}
