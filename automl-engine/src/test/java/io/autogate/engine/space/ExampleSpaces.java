package io.autogate.engine.space;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The example search space of the format description, loaded from a test resource. */
final class ExampleSpaces {
    /** Test resource holding the example; not under {@code search-spaces/} so it never shadows a real family. */
    static final String EXAMPLE_RESOURCE = "io/autogate/engine/space/xgboost.yaml";

    private ExampleSpaces() {
    }

    /** The example xgboost space. */
    static SearchSpace xgboost() {
        try (InputStream in = ExampleSpaces.class.getClassLoader().getResourceAsStream(EXAMPLE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(EXAMPLE_RESOURCE + " is not on the test classpath");
            }
            return new SearchSpaceLoader().parse("search-spaces/xgboost.yaml", "xgboost", in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The example's text. */
    static String xgboostYaml() {
        try (InputStream in = ExampleSpaces.class.getClassLoader().getResourceAsStream(EXAMPLE_RESOURCE)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
