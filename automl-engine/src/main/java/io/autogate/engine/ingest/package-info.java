/**
 * Data ingest: {@link io.autogate.engine.ingest.CsvReader} reads a CSV file into a raw
 * {@link io.autogate.engine.data.Table}, {@link io.autogate.engine.ingest.ColumnTypeInference} infers each
 * column's type, {@link io.autogate.engine.ingest.TaskDetection} decides the task from the target,
 * {@link io.autogate.engine.ingest.Profiler} summarises the columns and
 * {@link io.autogate.engine.ingest.DatasetLoader} puts it together into a checked
 * {@link io.autogate.engine.data.Dataset}. Every problem with the user's file surfaces as a
 * {@link io.autogate.engine.BadInputException} with a one-line message.
 */
package io.autogate.engine.ingest;
