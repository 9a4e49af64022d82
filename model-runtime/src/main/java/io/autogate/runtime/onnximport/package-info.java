/**
 * Importing models trained elsewhere: {@link io.autogate.runtime.onnximport.OnnxImporter} turns
 * an ONNX file plus an {@link io.autogate.runtime.onnximport.OnnxImportSpec} (the input schema
 * the importer declares) into a {@link io.autogate.runtime.artifact.ModelArtifact} the registry
 * can store. This is the only way outside models come in: the registry never deserializes files
 * it did not write, and ONNX needs no Java deserialization at all.
 */
package io.autogate.runtime.onnximport;
