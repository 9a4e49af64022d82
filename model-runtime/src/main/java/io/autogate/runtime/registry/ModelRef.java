package io.autogate.runtime.registry;

/**
 * A reference to a registered model: {@code name} (the latest version), {@code name@3} (a version)
 * or {@code name:production} (an alias).
 */
public record ModelRef(String name, Integer version, String alias) {
    private static final int MAX_NAME_LENGTH = 64;

    public ModelRef {
        requireValidName(name, "model name");
        if (version != null && version < 1) {
            throw new IllegalArgumentException("version must be 1 or more, got " + version);
        }
        if (alias != null) {
            requireValidName(alias, "alias");
        }
        if (version != null && alias != null) {
            throw new IllegalArgumentException("a reference names a version or an alias, not both");
        }
    }

    /** Parses {@code name}, {@code name@VERSION} or {@code name:ALIAS}; bad text gets a clear message. */
    public static ModelRef parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty model reference; use NAME, NAME@VERSION or NAME:ALIAS");
        }
        int at = text.indexOf('@');
        int colon = text.indexOf(':');
        if (at >= 0) {
            String v = text.substring(at + 1);
            try {
                return new ModelRef(text.substring(0, at), Integer.parseInt(v), null);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("version '" + v + "' in '" + text + "' is not a number");
            }
        }
        if (colon >= 0) {
            return new ModelRef(text.substring(0, colon), null, text.substring(colon + 1));
        }
        return new ModelRef(text, null, null);
    }

    /** Checks a model or alias name: letters, digits, '.', '_' and '-', at most 64 characters. */
    public static void requireValidName(String name, String what) {
        if (!isValidName(name)) {
            throw new IllegalArgumentException(what + " '" + name
                    + "' is not valid: use letters, digits, '.', '_' or '-' (at most 64, starting with a letter or digit)");
        }
    }

    // [A-Za-z0-9][A-Za-z0-9._-]{0,63}, checked by hand: every predict request parses a reference
    private static boolean isValidName(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_NAME_LENGTH
                || !isAsciiLetterOrDigit(name.charAt(0))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!isAsciiLetterOrDigit(c) && c != '.' && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    @Override
    public String toString() {
        return version != null ? name + "@" + version : alias != null ? name + ":" + alias : name;
    }
}
