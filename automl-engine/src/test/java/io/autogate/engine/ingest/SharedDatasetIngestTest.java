package io.autogate.engine.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.autogate.engine.SharedDatasets;
import io.autogate.engine.data.Dataset;
import io.autogate.runtime.profile.ColumnProfile;
import io.autogate.runtime.schema.ColumnType;
import io.autogate.runtime.schema.TaskType;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Ingest of the real shared datasets, end to end. */
class SharedDatasetIngestTest {
    private static Dataset load(String file, String target) {
        return DatasetLoader.load(SharedDatasets.path(file), target, null);
    }

    private static ColumnType type(Dataset d, String column) {
        return d.schema().column(column).orElseThrow().type();
    }

    @Test
    void titanic() {
        Dataset d = load("classification/titanic.csv", "Survived");
        assertEquals(891, d.size());
        assertEquals(TaskType.BINARY, d.schema().task());
        assertEquals(java.util.List.of("0", "1"), d.schema().classes());
        assertEquals(ColumnType.ID, type(d, "PassengerId"));
        assertTrue(Set.of(ColumnType.TEXT, ColumnType.ID).contains(type(d, "Name")));
        assertEquals(ColumnType.CATEGORICAL, type(d, "Sex"));
        assertEquals(ColumnType.NUMERIC, type(d, "Age"));
        assertEquals(ColumnType.NUMERIC, type(d, "Fare"));
        assertEquals(177, d.profile().column("Age").orElseThrow().missing());
        assertEquals("Braund, Mr. Owen Harris", d.rows().get(0).get("Name"));
        assertEquals(342, java.util.Arrays.stream(d.y()).filter(v -> v == 1).count());
        assertTrue(d.profile().notes().contains("column 'PassengerId' dropped: unique per row (ID-like)"));
        assertTrue(d.profile().notes().contains("column 'Name' dropped: free text"));
        assertEquals(11, d.schema().columns().size());
    }

    @Test
    void iris() {
        Dataset d = load("classification/iris.csv", "species");
        assertEquals(TaskType.MULTICLASS, d.schema().task());
        assertEquals(java.util.List.of("setosa", "versicolor", "virginica"), d.schema().classes());
        assertEquals(4, d.schema().featureColumns().size());
        ColumnProfile petal = d.profile().column("petal_length").orElseThrow();
        assertEquals(1.0, petal.min());
        assertEquals(6.9, petal.max());
    }

    @Test
    void wineQualityIsRegressionBecauseScoresStartAtThree() {
        Dataset d = load("regression/wine-quality.csv", "quality");
        assertEquals(TaskType.REGRESSION, d.schema().task());
        assertEquals(6497, d.size());
        assertEquals(ColumnType.CATEGORICAL, type(d, "color"));
        assertEquals(3.0, d.profile().column("quality").orElseThrow().min());
    }

    @Test
    void wineCultivarsAreMulticlass() {
        Dataset d = load("classification/wine.csv", "class");
        assertEquals(TaskType.MULTICLASS, d.schema().task());
        assertEquals(java.util.List.of("1", "2", "3"), d.schema().classes());
        assertEquals(ColumnType.NUMERIC, type(d, "nonflavanoid_phenols")); // values written as .28
    }

    @Test
    void airlineMonthsAreDates() {
        Dataset d = load("timeseries/airline-passengers.csv", "passengers");
        assertEquals(ColumnType.DATETIME, type(d, "month"));
        assertEquals("yyyy-MM", d.schema().column("month").orElseThrow().datetimePattern());
        assertEquals("yyyy-MM", d.profile().column("month").orElseThrow().datetimePattern());
        assertEquals(TaskType.REGRESSION, d.schema().task());
    }

    @Test
    void californiaHousing() {
        Dataset d = load("regression/california-housing.csv", "median_house_value");
        assertEquals(TaskType.REGRESSION, d.schema().task());
        assertEquals(20640, d.size());
        ColumnProfile bedrooms = d.profile().column("total_bedrooms").orElseThrow();
        assertEquals(ColumnType.NUMERIC, bedrooms.type());
        assertEquals(207, bedrooms.missing());
        assertNotNull(bedrooms.quantiles().get("p50"));
        assertEquals(ColumnType.CATEGORICAL, type(d, "ocean_proximity"));
        assertEquals(5, d.profile().column("ocean_proximity").orElseThrow().topCategories().size());
        assertEquals(452600.0, d.y()[0]);
    }
}
