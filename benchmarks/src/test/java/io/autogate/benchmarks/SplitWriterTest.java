package io.autogate.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitWriterTest {

    @TempDir
    Path folder;

    private static final BenchmarkDataset PEOPLE = new BenchmarkDataset("people", "classification/people.csv",
            "survived", BenchmarkTask.BINARY, TestMetric.AUC, new QualityTarget(TestMetric.AUC, 0.8));

    @Test
    void writesIdenticalDisjointPartsThatTogetherAreTheSource() throws Exception {
        Path datasets = folder.resolve("datasets");
        Files.createDirectories(datasets.resolve("classification"));
        StringBuilder csv = new StringBuilder("id,name,survived\n");
        for (int i = 0; i < 40; i++) {
            csv.append(i).append(",\"Person, No. ").append(i).append("\",").append(i % 3 == 0 ? 1 : 0).append('\n');
        }
        Files.writeString(datasets.resolve("classification/people.csv"), csv, StandardCharsets.UTF_8);

        PreparedSplit first = SplitWriter.prepare(PEOPLE, datasets, folder.resolve("work1"), 42);
        PreparedSplit second = SplitWriter.prepare(PEOPLE, datasets, folder.resolve("work2"), 42);
        assertEquals(Files.readString(first.trainFile()), Files.readString(second.trainFile()));
        assertEquals(Files.readString(first.testFile()), Files.readString(second.testFile()));
        assertEquals(folder.resolve("work1/people/train.csv"), first.trainFile());

        CsvTable train = CsvTable.read(first.trainFile());
        CsvTable test = CsvTable.read(first.testFile());
        assertEquals(30, train.rowCount());
        assertEquals(10, test.rowCount());
        assertEquals(40, first.sourceRows());
        assertEquals(30, first.trainRows());
        assertEquals(test, first.test());
        assertEquals(List.of("0", "1"), first.classLabels());
        assertTrue(Files.readString(first.trainFile()).contains("\"Person, No. "), "names stay quoted");

        Set<String> ids = new HashSet<>(train.column("id"));
        List<String> testIds = test.column("id");
        testIds.forEach(id -> assertTrue(ids.add(id), "row " + id + " is in both parts"));
        assertEquals(40, ids.size());
        List<List<String>> together = new ArrayList<>(train.rows());
        together.addAll(test.rows());
        together.sort((a, b) -> Integer.compare(Integer.parseInt(a.get(0)), Integer.parseInt(b.get(0))));
        assertEquals(CsvTable.read(datasets.resolve("classification/people.csv")).rows(), together);
    }
}
