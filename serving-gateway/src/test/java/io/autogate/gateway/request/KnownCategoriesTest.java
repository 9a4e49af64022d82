package io.autogate.gateway.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.autogate.runtime.artifact.FoldSpec;
import io.autogate.runtime.artifact.MemberSpec;
import io.autogate.runtime.pipeline.FeaturePipeline;
import io.autogate.runtime.pipeline.NumericTransform;
import io.autogate.runtime.pipeline.OneHotTransform;
import io.autogate.runtime.pipeline.Scaling;
import io.autogate.runtime.profile.DatasetProfile;
import io.autogate.runtime.schema.ColumnType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KnownCategoriesTest {
    private final Map<String, Set<String>> known = KnownCategories.of(RequestFixtures.churnManifest());

    @Test
    void unitesOneHotRareOrdinalAndProfileCategoriesOverAllMembersAndFolds() {
        assertEquals(Set.of("Oslo", "Rome", "Bergen", "Lima", "Tromsø"), known.get("city"));
    }

    @Test
    void readsFrequencyAndTargetEncodingTables() {
        assertEquals(Set.of("red", "blue", "green"), known.get("color"));
    }

    @Test
    void booleanColumnsKeepLowerCaseKeysOfTheTransformAndProfile() {
        assertEquals(Set.of("yes", "no"), known.get("member"));
        assertEquals(Set.of("male", "female"), known.get("gender"));
    }

    @Test
    void columnsNoPipelineEncodesByCategoryAreAbsent() {
        assertFalse(known.containsKey("code"), "only a numeric transform reads 'code'");
        assertFalse(known.containsKey("plan"), "no pipeline reads 'plan', even though the profile lists it");
        assertFalse(known.containsKey("age"));
        assertFalse(known.containsKey("customer_id"));
    }

    @Test
    void theMapIsUnmodifiable() {
        assertThrows(UnsupportedOperationException.class, () -> known.put("x", Set.of()));
        assertThrows(UnsupportedOperationException.class, () -> known.get("city").add("Paris"));
    }

    @Test
    void aModelWithoutCategoryTransformsHasNoKnownCategories() {
        FeaturePipeline numericOnly = new FeaturePipeline(List.of(
                new NumericTransform("age", 1, false, Scaling.identity())));
        MemberSpec member = new MemberSpec("onnx", Map.of(), 1L, 1.0, List.of(new FoldSpec(numericOnly, "m.onnx", "onnx")));
        assertEquals(Map.of(), KnownCategories.of(RequestFixtures.manifest(RequestFixtures.churnSchema(),
                new DatasetProfile(1, List.of(), List.of()), List.of(member))));
    }

    @Test
    void aMissingProfileIsFine() {
        FeaturePipeline oneHot = new FeaturePipeline(List.of(
                new OneHotTransform("city", List.of("Oslo"), List.of(), false)));
        MemberSpec member = new MemberSpec("lr", Map.of(), 1L, 1.0, List.of(new FoldSpec(oneHot, "m.bin", "x")));
        assertEquals(Map.of("city", Set.of("Oslo")),
                KnownCategories.of(RequestFixtures.manifest(RequestFixtures.churnSchema(), null, List.of(member))));
    }

    @Test
    void keysAreNormalisedLikeThePipeline() {
        assertEquals("Oslo", KnownCategories.key(ColumnType.CATEGORICAL, "  Oslo "));
        assertEquals("yes", KnownCategories.key(ColumnType.BOOLEAN, " YES"));
        assertNull(KnownCategories.key(ColumnType.CATEGORICAL, "N/A"));
        assertNull(KnownCategories.key(ColumnType.CATEGORICAL, null));
        assertEquals("oslo", KnownCategories.key(ColumnType.CATEGORICAL, "oslo"), "categories keep their case");
    }
}
