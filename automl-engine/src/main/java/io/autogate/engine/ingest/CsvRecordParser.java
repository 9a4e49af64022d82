package io.autogate.engine.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits decoded CSV text into records with one delimiter, following RFC 4180: a field that
 * starts with a double quote runs to the closing quote, may hold delimiters and line breaks, and
 * writes a quote as two quotes. Quotes elsewhere are ordinary characters, and text after a
 * closing quote is kept as is (lenient). Line breaks are LF, CRLF or a lone CR. Not thread-safe.
 */
final class CsvRecordParser {
    /** One record: its fields, the 1-based physical line it starts on, and whether it is a blank line. */
    record CsvRecord(String[] fields, int line, boolean blank) {
    }

    /** Thrown when the text ends inside a quoted field. */
    static final class UnterminatedQuoteException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int line;

        UnterminatedQuoteException(int line) {
            super("unterminated quote starting on line " + line, null, false, false);
            this.line = line;
        }

        int line() {
            return line;
        }
    }

    private final String text;
    private final char delimiter;
    private final int end;
    private int pos;
    private int line = 1;

    CsvRecordParser(String text, char delimiter) {
        this.text = text;
        this.delimiter = delimiter;
        this.end = text.length();
    }

    /** The next record, or {@code null} at the end of the text. */
    CsvRecord next() {
        if (pos >= end) {
            return null;
        }
        int startLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        while (true) {
            if (pos < end && text.charAt(pos) == '"') {
                quoted = true;
                readQuoted(field);
            }
            int from = pos;
            while (pos < end) {
                char c = text.charAt(pos);
                if (c == delimiter || c == '\n' || c == '\r') {
                    break;
                }
                pos++;
            }
            String value = field.isEmpty() ? text.substring(from, pos) : field.append(text, from, pos).toString();
            fields.add(value);
            field.setLength(0);
            if (pos >= end) {
                break;
            }
            char c = text.charAt(pos);
            if (c == delimiter) {
                pos++;
                continue;
            }
            pos += c == '\r' && pos + 1 < end && text.charAt(pos + 1) == '\n' ? 2 : 1;
            line++;
            break;
        }
        boolean blank = !quoted && fields.size() == 1 && fields.get(0).isBlank();
        return new CsvRecord(fields.toArray(String[]::new), startLine, blank);
    }

    private void readQuoted(StringBuilder field) {
        int startLine = line;
        pos++;
        while (true) {
            if (pos >= end) {
                throw new UnterminatedQuoteException(startLine);
            }
            char c = text.charAt(pos);
            if (c == '"') {
                if (pos + 1 < end && text.charAt(pos + 1) == '"') {
                    field.append('"');
                    pos += 2;
                    continue;
                }
                pos++;
                return;
            }
            if (c == '\n' || (c == '\r' && !(pos + 1 < end && text.charAt(pos + 1) == '\n'))) {
                line++;
            }
            field.append(c);
            pos++;
        }
    }
}
