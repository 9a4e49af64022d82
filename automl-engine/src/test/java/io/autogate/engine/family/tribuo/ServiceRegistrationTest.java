package io.autogate.engine.family.tribuo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.autogate.engine.family.ModelFamily;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The service file registers exactly the five Tribuo families of this package, each with a public
 * no-argument constructor (other packages' lines are not checked here).
 */
class ServiceRegistrationTest {

    @Test
    void tribuoFamiliesAreRegistered() throws Exception {
        String resource = "/META-INF/services/" + ModelFamily.class.getName();
        Set<String> names = new TreeSet<>();
        try (InputStream in = ServiceRegistrationTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String className = line.strip();
                if (className.startsWith(ServiceRegistrationTest.class.getPackageName() + ".")) {
                    ModelFamily family = (ModelFamily) Class.forName(className).getConstructor().newInstance();
                    names.add(family.name());
                }
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertEquals(new TreeSet<>(List.of("xgboost", "linear", "decision_tree", "extra_trees", "knn")), names);
    }
}
