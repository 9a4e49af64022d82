package io.autogate.engine.family;

import java.util.Set;

/**
 * The fixed facts of a model family: its name, whether its inputs need scaling, and the parameter
 * names its search space may set. The library bases ({@code TribuoFamily}, {@code SmileFamily})
 * build on it and decide the tasks and how parameters are read.
 */
public abstract class ParameterizedFamily implements ModelFamily {
    private final String name;
    private final boolean needsScaling;
    private final Set<String> parameters;

    /** A family called {@code name} that accepts exactly the {@code parameters} names. */
    protected ParameterizedFamily(String name, boolean needsScaling, Set<String> parameters) {
        this.name = name;
        this.needsScaling = needsScaling;
        this.parameters = Set.copyOf(parameters);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final boolean needsScaling() {
        return needsScaling;
    }

    /** The parameter names the family accepts. */
    protected final Set<String> parameters() {
        return parameters;
    }
}
