package io.autogate.runtime.registry;

import java.util.List;
import java.util.Map;

/** A model name in the registry with its versions (ascending) and aliases. */
public record RegisteredModel(String name, List<Integer> versions, Map<String, Integer> aliases) {
    public RegisteredModel {
        versions = List.copyOf(versions);
        aliases = Map.copyOf(aliases);
    }

    /** The highest version. */
    public int latest() {
        return versions.get(versions.size() - 1);
    }
}
