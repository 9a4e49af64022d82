package io.autogate.runtime.registry;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.autogate.runtime.artifact.FoldSpec;
import io.autogate.runtime.artifact.ManifestJson;
import io.autogate.runtime.artifact.MemberSpec;
import io.autogate.runtime.artifact.ModelArtifact;
import io.autogate.runtime.artifact.ModelManifest;
import io.autogate.runtime.model.ModelContext;
import io.autogate.runtime.model.ModelFormat;
import io.autogate.runtime.model.ModelFormats;
import io.autogate.runtime.model.NumericModel;
import io.autogate.runtime.predict.EnsemblePredictor;
import io.autogate.runtime.predict.FittedFold;
import io.autogate.runtime.predict.Predictor;
import io.autogate.runtime.predict.WeightedMember;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The embedded registry: a folder with one sub-folder per model name,
 * {@code <name>/<version>/manifest.json} plus {@code <name>/<version>/models/*}, and
 * {@code <name>/aliases.json}. A version is written into a hidden temporary folder, every file
 * fsynced, then renamed into place in one atomic step; when another writer took the number first,
 * the rename fails and the next number is tried. Loading checks each model file's SHA-256
 * against the manifest before any format reads it, so only files this registry wrote are ever
 * deserialized. Safe for concurrent use by threads and processes.
 */
public final class FileModelRegistry implements ModelRegistry {
    /** The registry folder every Autogate command uses when none is given (relative to the working folder). */
    public static final String DEFAULT_FOLDER = "autogate-data/registry";

    private static final String MANIFEST = "manifest.json";
    private static final String ALIASES = "aliases.json";
    private static final String MODELS = "models";
    private static final String DELETED_PREFIX = ".deleted-";

    private final Path root;
    private final ModelFormats formats;
    private final ObjectMapper json = ManifestJson.mapper();

    /** A registry rooted at a folder (created when missing) using the given model formats. */
    public FileModelRegistry(Path root, ModelFormats formats) {
        this.root = root.toAbsolutePath();
        this.formats = formats;
    }

    /** The registry's folder. */
    public Path root() {
        return root;
    }

    @Override
    public ModelManifest register(String name, ModelArtifact draft) throws IOException {
        ModelRef.requireValidName(name, "model name");
        Path modelDir = root.resolve(name);
        Files.createDirectories(modelDir);
        Path tmp = modelDir.resolve(".tmp-" + UUID.randomUUID());
        try {
            Files.createDirectories(tmp.resolve(MODELS));
            Map<String, String> hashes = new TreeMap<>();
            for (Map.Entry<String, NumericModel> e : new TreeMap<>(draft.models()).entrySet()) {
                Path file = tmp.resolve(MODELS).resolve(e.getKey());
                formats.get(e.getValue().formatId()).write(e.getValue(), file);
                fsync(file);
                hashes.put(MODELS + "/" + e.getKey(), sha256(file));
            }
            while (true) {
                int version = nextVersion(modelDir);
                ModelManifest manifest = draft.manifest().registeredAs(name, version, hashes);
                Path manifestFile = tmp.resolve(MANIFEST);
                Files.write(manifestFile, json.writeValueAsBytes(manifest));
                fsync(manifestFile);
                fsync(tmp.resolve(MODELS));
                fsync(tmp);
                Path target = modelDir.resolve(Integer.toString(version));
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                    fsync(modelDir);
                    return manifest;
                } catch (FileSystemException taken) {
                    // rename(2) refuses a non-empty target: another writer took this number first
                    if (!Files.isDirectory(target)) {
                        throw taken;
                    }
                }
            }
        } finally {
            deleteRecursively(tmp);
        }
    }

    @Override
    public ModelManifest manifest(ModelRef ref) throws ModelException {
        Path dir = versionDir(ref);
        try {
            return json.readValue(dir.resolve(MANIFEST).toFile(), ModelManifest.class);
        } catch (IOException e) {
            throw new CorruptArtifactException("model " + ref + ": manifest.json cannot be read (" + e.getMessage() + ")");
        }
    }

    @Override
    public Predictor load(ModelRef ref) throws ModelException {
        ModelManifest manifest = manifest(ref);
        if (manifest.hasForecast()) {
            throw new ModelException("model " + ref + " is a forecasting model; use forecast");
        }
        Path dir = versionDir(ref);
        verifyFiles(ref, manifest, dir);
        List<WeightedMember> members = new ArrayList<>();
        int numClasses = manifest.schema().classes().size();
        for (MemberSpec member : manifest.members()) {
            List<FittedFold> folds = new ArrayList<>();
            for (FoldSpec fold : member.folds()) {
                ModelContext context = new ModelContext(manifest.schema().task(), numClasses, fold.pipeline().featureNames(),
                        member.params());
                try {
                    ModelFormat format = formats.get(fold.format());
                    folds.add(new FittedFold(fold.pipeline(), format.read(dir.resolve(MODELS).resolve(fold.file()), context)));
                } catch (IOException | RuntimeException e) {
                    throw new CorruptArtifactException("model " + ref + ": file " + fold.file() + " cannot be loaded ("
                            + e.getMessage() + ")");
                }
            }
            members.add(new WeightedMember(member.weight(), folds));
        }
        return new EnsemblePredictor(manifest.schema(), members);
    }

    @Override
    public List<RegisteredModel> list() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<RegisteredModel> out = new ArrayList<>();
        try (Stream<Path> names = Files.list(root)) {
            for (Path dir : names.filter(Files::isDirectory).sorted().toList()) {
                List<Integer> versions = versions(dir);
                if (!versions.isEmpty()) {
                    out.add(new RegisteredModel(dir.getFileName().toString(), versions, readAliases(dir)));
                }
            }
        }
        return out;
    }

    @Override
    public void setAlias(String name, String alias, int version) throws ModelException, IOException {
        ModelRef.requireValidName(alias, "alias");
        Path modelDir = root.resolve(name);
        versionDir(new ModelRef(name, version, null));
        synchronized (this) {
            try (FileChannel lockFile = FileChannel.open(modelDir.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE)) {
                lockFile.lock();
                Map<String, Integer> aliases = new TreeMap<>(readAliases(modelDir));
                aliases.put(alias, version);
                Path tmp = modelDir.resolve(".aliases-" + UUID.randomUUID());
                Files.write(tmp, json.writeValueAsBytes(aliases));
                fsync(tmp);
                try {
                    Files.move(tmp, modelDir.resolve(ALIASES), StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.deleteIfExists(tmp);
                    throw e;
                }
                fsync(modelDir);
            }
            // closing the channel releases the lock
        }
    }

    @Override
    public void delete(String name, int version) throws ModelException, IOException {
        Path dir = versionDir(new ModelRef(name, version, null));
        Path modelDir = dir.getParent();
        synchronized (this) {
            try (FileChannel lockFile = FileChannel.open(modelDir.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE)) {
                lockFile.lock();
                for (Map.Entry<String, Integer> alias : readAliases(modelDir).entrySet()) {
                    if (alias.getValue() == version) {
                        throw new ModelInUseException("version " + version + " of '" + name + "' is the target of alias '"
                                + alias.getKey() + "'; move the alias first");
                    }
                }
                // one atomic rename hides the version; the empty folder left behind keeps its number taken
                Path tombstone = modelDir.resolve(DELETED_PREFIX + version);
                Files.move(dir, tombstone, StandardCopyOption.ATOMIC_MOVE);
                fsync(modelDir);
                try (Stream<Path> children = Files.list(tombstone)) {
                    children.forEach(FileModelRegistry::deleteRecursively);
                }
            }
        }
    }

    /** The folder of the version a reference points to. */
    private Path versionDir(ModelRef ref) throws ModelException {
        Path modelDir = root.resolve(ref.name());
        List<Integer> versions;
        try {
            versions = Files.isDirectory(modelDir) ? versions(modelDir) : List.of();
        } catch (IOException e) {
            throw new ModelException("registry folder " + modelDir + " cannot be read: " + e.getMessage(), e);
        }
        if (versions.isEmpty()) {
            throw new ModelNotFoundException("no model named '" + ref.name() + "' in registry " + root);
        }
        int version;
        if (ref.version() != null) {
            if (!versions.contains(ref.version())) {
                throw new ModelNotFoundException("model '" + ref.name() + "' has no version " + ref.version()
                        + " (versions: " + versions + ")");
            }
            version = ref.version();
        } else if (ref.alias() != null) {
            Integer v = readAliasesQuietly(modelDir).get(ref.alias());
            if (v == null) {
                throw new ModelNotFoundException("model '" + ref.name() + "' has no alias '" + ref.alias() + "'");
            }
            version = v;
        } else {
            version = versions.get(versions.size() - 1);
        }
        return modelDir.resolve(Integer.toString(version));
    }

    private void verifyFiles(ModelRef ref, ModelManifest manifest, Path dir) throws CorruptArtifactException {
        for (MemberSpec member : manifest.members()) {
            for (FoldSpec fold : member.folds()) {
                String key = MODELS + "/" + fold.file();
                String expected = manifest.files().get(key);
                Path file = dir.resolve(MODELS).resolve(fold.file()).normalize();
                if (expected == null || !file.startsWith(dir.resolve(MODELS))) {
                    throw new CorruptArtifactException("model " + ref + ": file " + fold.file() + " is not listed in the manifest");
                }
                String actual;
                try {
                    actual = sha256(file);
                } catch (IOException e) {
                    throw new CorruptArtifactException("model " + ref + ": file " + fold.file() + " is missing");
                }
                if (!actual.equals(expected)) {
                    throw new CorruptArtifactException("model " + ref + ": file " + fold.file()
                            + " does not match its SHA-256 in the manifest; it was changed after registration");
                }
            }
        }
    }

    private static List<Integer> versions(Path modelDir) throws IOException {
        try (Stream<Path> children = Files.list(modelDir)) {
            return children.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("[1-9][0-9]{0,8}"))
                    .map(Integer::valueOf)
                    .sorted(Comparator.naturalOrder())
                    .toList();
        }
    }

    private static int nextVersion(Path modelDir) throws IOException {
        int highest = 0;
        try (Stream<Path> children = Files.list(modelDir)) {
            for (String n : children.map(p -> p.getFileName().toString()).toList()) {
                String number = n.startsWith(DELETED_PREFIX) ? n.substring(DELETED_PREFIX.length()) : n;
                if (number.matches("[1-9][0-9]{0,8}")) {
                    highest = Math.max(highest, Integer.parseInt(number));
                }
            }
        }
        return highest + 1;
    }

    private Map<String, Integer> readAliases(Path modelDir) throws IOException {
        Path file = modelDir.resolve(ALIASES);
        if (!Files.exists(file)) {
            return Map.of();
        }
        return json.readValue(file.toFile(), new TypeReference<TreeMap<String, Integer>>() { });
    }

    private Map<String, Integer> readAliasesQuietly(Path modelDir) throws ModelException {
        try {
            return readAliases(modelDir);
        } catch (IOException e) {
            throw new CorruptArtifactException("aliases of " + modelDir.getFileName() + " cannot be read: " + e.getMessage());
        }
    }

    /** Hex SHA-256 of a file's bytes. */
    public static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256Digest())) {
            MessageDigest digest = ((DigestInputStream) in).getMessageDigest();
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }

    private static void fsync(Path path) throws IOException {
        boolean dir = Files.isDirectory(path);
        try (FileChannel ch = FileChannel.open(path, dir ? StandardOpenOption.READ : StandardOpenOption.WRITE)) {
            ch.force(true);
        } catch (IOException e) {
            if (!dir) {
                throw e;
            }
            // some file systems refuse to open directories for fsync; the rename is still atomic
        }
    }

    private static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a leftover hidden temp folder is never listed as a version; nothing visible is affected
        }
    }
}
