package io.autogate.gateway.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autogate.gateway.http.ApiException;
import io.autogate.runtime.registry.ModelRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps endpoints in a folder, one {@code <endpoint>.json} file each holding the policy and any
 * canary state. A write goes to a temporary file in the same folder, is forced to disk and then
 * atomically renamed over the old file, so a crash leaves either the old or the new file;
 * {@link #loadAll()} removes temporary files a crash left behind. Endpoint names follow model-name
 * rules (letters, digits, '.', '_', '-', at most 64, starting with a letter or digit), so a name
 * can never leave the folder; bad names throw {@link ApiException} 400.
 *
 * <p>Thread-safe: reads come from memory; writes are serialised.
 */
public final class EndpointStore {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SUFFIX = ".json";
    private static final String TEMP_SUFFIX = ".tmp";

    private final Path folder;
    private final Map<String, StoredEndpoint> endpoints = new ConcurrentHashMap<>();

    /** A store in {@code folder}, created if missing; call {@link #loadAll()} to read what is there. */
    public EndpointStore(Path folder) {
        this.folder = folder;
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create endpoint folder " + folder, e);
        }
    }

    /** Checks an endpoint name; a bad one throws {@link ApiException} 400. */
    public static void requireValidName(String endpoint) {
        try {
            ModelRef.requireValidName(endpoint, "endpoint name");
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    /**
     * Reads every endpoint file in the folder, replacing what is in memory, and deletes leftover
     * temporary files. A damaged file throws IllegalStateException naming it.
     */
    public synchronized List<StoredEndpoint> loadAll() {
        List<StoredEndpoint> loaded = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                String fileName = file.getFileName().toString();
                if (fileName.startsWith(".") && fileName.endsWith(TEMP_SUFFIX)) {
                    Files.deleteIfExists(file);
                } else if (fileName.endsWith(SUFFIX) && Files.isRegularFile(file)) {
                    loaded.add(read(file, fileName.substring(0, fileName.length() - SUFFIX.length())));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read endpoint folder " + folder, e);
        }
        endpoints.clear();
        loaded.forEach(endpoint -> endpoints.put(endpoint.name(), endpoint));
        loaded.sort(Comparator.comparing(StoredEndpoint::name));
        return loaded;
    }

    /** Writes an endpoint, replacing any earlier version; a bad name throws {@link ApiException} 400. */
    public synchronized void put(StoredEndpoint endpoint) {
        requireValidName(endpoint.name());
        ObjectNode json = MAPPER.createObjectNode();
        json.put("endpoint", endpoint.name());
        json.set("policy", EndpointPolicies.toJson(endpoint.policy()));
        if (endpoint.canary() != null) {
            json.set("canary", endpoint.canary().toJson());
        }
        try {
            writeAtomically(fileOf(endpoint.name()), MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(json));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write endpoint '" + endpoint.name() + "' to " + folder, e);
        }
        endpoints.put(endpoint.name(), endpoint);
    }

    /** The endpoint with this name, if stored; a bad name throws {@link ApiException} 400. */
    public Optional<StoredEndpoint> get(String endpoint) {
        requireValidName(endpoint);
        return Optional.ofNullable(endpoints.get(endpoint));
    }

    /** All stored endpoints, by name. */
    public List<StoredEndpoint> list() {
        return endpoints.values().stream().sorted(Comparator.comparing(StoredEndpoint::name)).toList();
    }

    /** Removes an endpoint and its file; false when it was not stored. A bad name throws {@link ApiException} 400. */
    public synchronized boolean delete(String endpoint) {
        requireValidName(endpoint);
        boolean existed = endpoints.remove(endpoint) != null;
        try {
            boolean deleted = Files.deleteIfExists(fileOf(endpoint));
            if (deleted) {
                syncFolder();
            }
            return existed || deleted;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete endpoint '" + endpoint + "' from " + folder, e);
        }
    }

    private Path fileOf(String endpoint) {
        return folder.resolve(endpoint + SUFFIX);
    }

    private StoredEndpoint read(Path file, String name) {
        try {
            ModelRef.requireValidName(name, "endpoint name");
            JsonNode json = MAPPER.readTree(file.toFile());
            JsonNode stored = json.get("endpoint");
            if (stored == null || !name.equals(stored.asText())) {
                throw new IllegalArgumentException("its \"endpoint\" field does not match the file name");
            }
            EndpointPolicy policy = EndpointPolicies.parse(json.get("policy"));
            JsonNode canary = json.get("canary");
            return new StoredEndpoint(name, policy,
                    canary == null || canary.isNull() ? null : CanaryState.fromJson(canary));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("endpoint file " + file + " is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read endpoint file " + file, e);
        } catch (ApiException | IllegalArgumentException | DateTimeException e) {
            throw new IllegalStateException("endpoint file " + file + " is not valid: " + e.getMessage(), e);
        }
    }

    private void writeAtomically(Path target, byte[] content) throws IOException {
        Path temp = Files.createTempFile(folder, "." + target.getFileName() + ".", TEMP_SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        syncFolder();
    }

    /**
     * Forces the folder entry (the rename) to disk. Platforms that cannot open a directory for
     * syncing (Windows) throw IOException here; the rename itself has already happened, so the
     * file content is safe and only the rename's durability across power loss is weaker.
     */
    private void syncFolder() {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Directory sync is not supported on this platform; see the method comment.
        }
    }
}
