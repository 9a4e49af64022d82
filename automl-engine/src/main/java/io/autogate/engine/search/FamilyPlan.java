package io.autogate.engine.search;

import io.autogate.engine.family.ModelFamily;
import io.autogate.engine.space.SearchSpace;

/** A family taking part in a search, with its search space. */
public record FamilyPlan(ModelFamily family, SearchSpace space) {
    /** The family's name. */
    public String name() {
        return family.name();
    }
}
