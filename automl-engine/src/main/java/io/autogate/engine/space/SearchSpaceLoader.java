package io.autogate.engine.space;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.autogate.engine.BadInputException;
import io.autogate.runtime.schema.TaskType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@link SearchSpace}s from YAML: {@code <overrideFolder>/<family>.yaml} when an override
 * folder is given and holds that file, otherwise the classpath resource
 * {@code search-spaces/<family>.yaml} (module {@code search-spaces}). The format:
 *
 * <pre>{@code
 * family: xgboost                  # must equal the file's base name
 * description: Gradient-boosted trees
 * tasks: [binary, multiclass, regression]
 * parameters:                      # ordered: name -> dimension
 *   eta:       {type: float, low: 0.01, high: 0.5, log: true, default: 0.1}
 *   max_depth: {type: int, low: 2, high: 12, default: 6}
 *   grow_policy: {type: choice, values: [depthwise, lossguide], default: depthwise}
 *   max_leaves: {type: int, low: 4, high: 256, log: true, default: 31, when: {grow_policy: lossguide}}
 *   objective: {type: fixed, value: "reg:squarederror", tasks: [regression]}
 * portfolio:                       # tried first, in order; missing params take defaults
 *   - {name: h2o-def-3, params: {max_depth: 5, eta: 0.3}, tasks: [binary]}
 * }</pre>
 *
 * Unknown keys, wrong types, empty ranges, defaults out of range, conditions on undeclared
 * parameters and portfolio entries naming unknown parameters are all errors: a
 * {@link BadInputException} whose message names the file and the parameter, e.g.
 * {@code search-spaces/xgboost.yaml: parameter 'eta': low 0.5 is not below high 0.1}.
 * Thread-safe; each call reads the file anew.
 */
public final class SearchSpaceLoader {
    /** The classpath folder holding one YAML file per family. */
    public static final String RESOURCE_FOLDER = "search-spaces";

    private static final List<String> TOP_KEYS = List.of("family", "description", "tasks", "parameters", "portfolio");
    private static final List<String> RANGE_KEYS = List.of("type", "low", "high", "log", "default", "when", "tasks");
    private static final List<String> CHOICE_KEYS = List.of("type", "values", "default", "when", "tasks");
    private static final List<String> FIXED_KEYS = List.of("type", "value", "when", "tasks");
    private static final List<String> ENTRY_KEYS = List.of("name", "params", "tasks");

    private final YAMLMapper yaml = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();
    private final ClassLoader classLoader;
    private final Optional<Path> overrideFolder;

    /** A loader that reads only from the classpath of this class. */
    public SearchSpaceLoader() {
        this(SearchSpaceLoader.class.getClassLoader(), Optional.empty());
    }

    /** A loader that looks in {@code overrideFolder} first, then on the classpath of this class. */
    public SearchSpaceLoader(Path overrideFolder) {
        this(SearchSpaceLoader.class.getClassLoader(), Optional.of(overrideFolder));
    }

    /** A loader with an explicit class loader and an optional override folder. */
    public SearchSpaceLoader(ClassLoader classLoader, Optional<Path> overrideFolder) {
        this.classLoader = classLoader;
        this.overrideFolder = overrideFolder;
    }

    /**
     * Loads one family's search space.
     *
     * @throws BadInputException when no file exists for the family or the file is invalid
     */
    public SearchSpace load(String family) {
        if (family == null || !family.matches("[A-Za-z0-9_.-]+") || family.startsWith(".")) {
            throw new BadInputException("not a model family name: " + family);
        }
        String fileName = family + ".yaml";
        if (overrideFolder.isPresent()) {
            Path file = overrideFolder.get().resolve(fileName);
            if (Files.isRegularFile(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    return parse(file.toString(), family, in);
                } catch (IOException e) {
                    throw new BadInputException(file + ": cannot read (" + e.getMessage() + ")", e);
                }
            }
        }
        String resource = RESOURCE_FOLDER + "/" + fileName;
        try (InputStream in = classLoader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new BadInputException("no search space for model family '" + family + "': " + resource
                        + " is not on the classpath" + overrideFolder.map(f -> " nor in " + f).orElse(""));
            }
            return parse(resource, family, in);
        } catch (IOException e) {
            throw new UncheckedIOException(resource + ": cannot read", e);
        }
    }

    /** Loads the search spaces of the families named, in that order. */
    public List<SearchSpace> loadAll(Collection<String> families) {
        List<SearchSpace> spaces = new ArrayList<>();
        for (String family : families) {
            spaces.add(load(family));
        }
        return spaces;
    }

    /**
     * Parses one YAML document.
     *
     * @param source the file name to put in messages
     * @param expectedFamily the family the file must declare (its base name)
     * @param in the YAML text; not closed
     * @throws BadInputException when the document is invalid
     */
    public SearchSpace parse(String source, String expectedFamily, InputStream in) {
        JsonNode root;
        try {
            root = yaml.readTree(in);
        } catch (JacksonException e) {
            String line = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new BadInputException(source + ": not valid YAML" + line + ": " + e.getOriginalMessage().lines().findFirst().orElse(""), e);
        } catch (IOException e) {
            throw new BadInputException(source + ": cannot read (" + e.getMessage() + ")", e);
        }
        try {
            return toSpace(root, expectedFamily);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            String prefix = expectedFamily + ": ";
            if (message.startsWith(prefix)) {
                message = message.substring(prefix.length());
            }
            throw new BadInputException(source + ": " + message, e);
        }
    }

    private static SearchSpace toSpace(JsonNode root, String expectedFamily) {
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new IllegalArgumentException("the file is empty");
        }
        requireObject(root, "the file");
        checkKeys(root, TOP_KEYS, "");
        String family = text(root, "family", "");
        if (!family.equals(expectedFamily)) {
            throw new IllegalArgumentException("family '" + family + "' does not match the file name (expected '"
                    + expectedFamily + "')");
        }
        String description = root.has("description") ? text(root, "description", "") : "";
        Set<TaskType> tasks = tasks(required(root, "tasks", ""), "");
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("tasks must not be empty");
        }
        List<Dimension> dimensions = new ArrayList<>();
        JsonNode parameters = root.get("parameters");
        if (parameters != null && !parameters.isNull()) {
            requireObject(parameters, "'parameters'");
            for (Map.Entry<String, JsonNode> field : parameters.properties()) {
                dimensions.add(dimension(field.getKey(), field.getValue()));
            }
        }
        List<PortfolioEntry> portfolio = new ArrayList<>();
        JsonNode entries = root.get("portfolio");
        if (entries != null && !entries.isNull()) {
            if (!entries.isArray()) {
                throw new IllegalArgumentException("'portfolio' must be a list");
            }
            for (int i = 0; i < entries.size(); i++) {
                portfolio.add(portfolioEntry(entries.get(i), i));
            }
        }
        return new SearchSpace(family, description, tasks, dimensions, portfolio);
    }

    private static Dimension dimension(String name, JsonNode node) {
        String where = "parameter '" + name + "': ";
        requireObject(node, "parameter '" + name + "'");
        JsonNode typeNode = node.get("type");
        if (typeNode == null || !typeNode.isTextual()) {
            throw new IllegalArgumentException(where + "missing 'type' (float, int, choice or fixed)");
        }
        String type = typeNode.asText();
        List<String> keys = switch (type) {
            case "float", "int" -> RANGE_KEYS;
            case "choice" -> CHOICE_KEYS;
            case "fixed" -> FIXED_KEYS;
            default -> throw new IllegalArgumentException(where + "unknown type '" + type
                    + "' (expected float, int, choice or fixed)");
        };
        checkKeys(node, keys, where);
        Set<TaskType> tasks = node.has("tasks") ? tasks(node.get("tasks"), where) : Set.of();
        Map<String, List<Object>> when = node.has("when") ? conditions(node.get("when"), where) : Map.of();
        boolean log = node.has("log") && bool(node.get("log"), where + "'log'");
        return switch (type) {
            case "float" -> new FloatDimension(name, number(node, "low", where), number(node, "high", where), log,
                    number(node, "default", where), tasks, when);
            case "int" -> new IntDimension(name, integer(node, "low", where), integer(node, "high", where), log,
                    integer(node, "default", where), tasks, when);
            case "choice" -> {
                JsonNode values = required(node, "values", where);
                if (!values.isArray()) {
                    throw new IllegalArgumentException(where + "'values' must be a list");
                }
                List<Object> choices = new ArrayList<>();
                for (JsonNode value : values) {
                    choices.add(scalar(value, where + "'values'"));
                }
                yield new ChoiceDimension(name, choices, scalar(required(node, "default", where), where + "'default'"),
                        tasks, when);
            }
            default -> new FixedDimension(name, scalar(required(node, "value", where), where + "'value'"), tasks, when);
        };
    }

    private static PortfolioEntry portfolioEntry(JsonNode node, int index) {
        String where = "portfolio entry " + (index + 1) + ": ";
        requireObject(node, "portfolio entry " + (index + 1));
        JsonNode nameNode = node.get("name");
        if (nameNode != null && nameNode.isTextual()) {
            where = "portfolio entry '" + nameNode.asText() + "': ";
        }
        checkKeys(node, ENTRY_KEYS, where);
        String name = text(node, "name", where);
        Map<String, Object> params = new LinkedHashMap<>();
        JsonNode paramsNode = node.get("params");
        if (paramsNode != null && !paramsNode.isNull()) {
            requireObject(paramsNode, where + "'params'");
            for (Map.Entry<String, JsonNode> field : paramsNode.properties()) {
                params.put(field.getKey(), scalar(field.getValue(), where + "parameter '" + field.getKey() + "'"));
            }
        }
        Set<TaskType> tasks = node.has("tasks") ? tasks(node.get("tasks"), where) : Set.of();
        return new PortfolioEntry(name, params, tasks);
    }

    private static Map<String, List<Object>> conditions(JsonNode node, String where) {
        requireObject(node, where + "'when'");
        Map<String, List<Object>> when = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String what = where + "condition on '" + field.getKey() + "'";
            List<Object> allowed = new ArrayList<>();
            if (field.getValue().isArray()) {
                for (JsonNode value : field.getValue()) {
                    allowed.add(scalar(value, what));
                }
            } else {
                allowed.add(scalar(field.getValue(), what));
            }
            when.put(field.getKey(), allowed);
        }
        return when;
    }

    private static Set<TaskType> tasks(JsonNode node, String where) {
        List<JsonNode> items = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(items::add);
        } else {
            items.add(node);
        }
        Set<TaskType> tasks = EnumSet.noneOf(TaskType.class);
        for (JsonNode item : items) {
            String id = item.isTextual() ? item.asText() : item.toString();
            TaskType task = Arrays.stream(TaskType.values()).filter(t -> t.id().equals(id)).findFirst().orElseThrow(
                    () -> new IllegalArgumentException(where + "unknown task '" + id + "' (expected binary, multiclass or regression)"));
            tasks.add(task);
        }
        return tasks;
    }

    private static void checkKeys(JsonNode node, List<String> allowed, String where) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String key = field.getKey();
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException(where + "unknown key '" + key + "' (expected one of "
                        + String.join(", ", allowed) + ")");
            }
        }
    }

    private static void requireObject(JsonNode node, String what) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(what + " must be a map of keys to values");
        }
    }

    private static JsonNode required(JsonNode node, String key, String where) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException(where + "missing '" + key + "'");
        }
        return value;
    }

    private static String text(JsonNode node, String key, String where) {
        JsonNode value = required(node, key, where);
        if (!value.isTextual()) {
            throw new IllegalArgumentException(where + "'" + key + "' must be text, got " + value);
        }
        return value.asText();
    }

    private static double number(JsonNode node, String key, String where) {
        JsonNode value = required(node, key, where);
        if (!value.isNumber()) {
            throw new IllegalArgumentException(where + "'" + key + "' must be a number, got " + value);
        }
        return value.asDouble();
    }

    private static int integer(JsonNode node, String key, String where) {
        JsonNode value = required(node, key, where);
        if (!value.isNumber() || !value.canConvertToInt() || value.asDouble() != Math.rint(value.asDouble())) {
            throw new IllegalArgumentException(where + "'" + key + "' must be an integer, got " + value);
        }
        return (int) value.asDouble();
    }

    private static boolean bool(JsonNode node, String what) {
        if (!node.isBoolean()) {
            throw new IllegalArgumentException(what + " must be true or false, got " + node);
        }
        return node.asBoolean();
    }

    private static Object scalar(JsonNode node, String what) {
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return node.asInt();
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.asLong();
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        throw new IllegalArgumentException(what + " must be a string, number or boolean, got " + node);
    }
}
