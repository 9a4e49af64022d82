package io.autogate.engine.ingest;

import io.autogate.engine.BadInputException;
import io.autogate.engine.data.Table;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a CSV file into a raw {@link Table}. The file must be UTF-8 text (a byte-order mark is
 * skipped), with a header row and at least one data row. Quoting follows RFC 4180 (delimiters,
 * doubled quotes and line breaks inside quoted fields); the delimiter is sniffed among comma,
 * semicolon and tab; lines end in LF or CRLF. Blank lines are skipped. Values are kept exactly as
 * written apart from unquoting; header names are stripped of surrounding spaces.
 *
 * <p>Every problem is a {@link BadInputException} with a one-line message that names the file and,
 * where it applies, the line: binary or non-UTF-8 content, an empty file, a header without rows,
 * empty or duplicate column names, a row with the wrong number of fields, an unterminated quote.
 * Stateless and thread-safe.
 */
public final class CsvReader {
    /** How many leading bytes are checked for binary content. */
    static final int SNIFF_BYTES = 8192;

    private CsvReader() {
    }

    /** Reads a CSV file; messages name the file as {@code file.toString()}. */
    public static Table read(Path file) {
        return read(readAllBytes(file), file.toString());
    }

    /** Reads CSV from a stream (not closed); {@code source} names it in messages. */
    public static Table read(InputStream in, String source) {
        try {
            return read(in.readAllBytes(), source);
        } catch (IOException e) {
            throw new BadInputException("cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    /** Reads CSV from its bytes; {@code source} names it in messages (a file name, "the upload"). */
    public static Table read(byte[] bytes, String source) {
        String text = decode(bytes, source);
        if (text.isBlank()) {
            throw new BadInputException(source + " is empty");
        }
        char delimiter = DelimiterSniffer.sniff(text);
        CsvRecordParser parser = new CsvRecordParser(text, delimiter);
        try {
            CsvRecordParser.CsvRecord headerRecord = parser.next();
            while (headerRecord.blank()) {
                headerRecord = parser.next();
            }
            List<String> header = header(headerRecord, source);
            List<String[]> rows = new ArrayList<>();
            List<Integer> lines = new ArrayList<>();
            CsvRecordParser.CsvRecord r;
            while ((r = parser.next()) != null) {
                if (r.blank() && header.size() > 1) {
                    continue;
                }
                if (r.fields().length != header.size()) {
                    throw new BadInputException(source + ": line " + r.line() + " has " + r.fields().length
                            + (r.fields().length == 1 ? " field" : " fields") + ", the header has " + header.size()
                            + delimiterHint(delimiter));
                }
                rows.add(r.fields());
                lines.add(r.line());
            }
            trimTrailingBlankRows(header, rows, lines);
            if (rows.isEmpty()) {
                throw new BadInputException(source + " has a header but no data rows");
            }
            return new Table(header, rows, lines);
        } catch (CsvRecordParser.UnterminatedQuoteException e) {
            throw new BadInputException(source + ": the quoted field starting on line " + e.line()
                    + " is never closed (unterminated quote)");
        }
    }

    /** In a one-column file a blank line is a missing value, except at the end. */
    private static void trimTrailingBlankRows(List<String> header, List<String[]> rows, List<Integer> lines) {
        if (header.size() != 1) {
            return;
        }
        while (!rows.isEmpty() && rows.get(rows.size() - 1)[0].isBlank()) {
            rows.remove(rows.size() - 1);
            lines.remove(lines.size() - 1);
        }
    }

    private static String delimiterHint(char delimiter) {
        return " (delimiter " + switch (delimiter) {
            case ',' -> "comma";
            case ';' -> "semicolon";
            default -> "tab";
        } + ")";
    }

    private static List<String> header(CsvRecordParser.CsvRecord record, String source) {
        List<String> header = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        String[] fields = record.fields();
        for (int i = 0; i < fields.length; i++) {
            String name = fields[i].strip();
            if (name.isEmpty()) {
                throw new BadInputException(source + ": the header has an empty column name (column " + (i + 1)
                        + " of " + fields.length + ")");
            }
            Integer before = seen.putIfAbsent(name, i + 1);
            if (before != null) {
                throw new BadInputException(source + ": the header has the column name '" + name
                        + "' twice (columns " + before + " and " + (i + 1) + ")");
            }
            header.add(name);
        }
        return header;
    }

    /** Reads a file's bytes, turning a missing or unreadable file into a {@link BadInputException}. */
    static byte[] readAllBytes(Path file) {
        if (Files.isDirectory(file)) {
            throw new BadInputException(file + " is a directory, not a CSV file");
        }
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + " does not exist", e);
        } catch (AccessDeniedException e) {
            throw new BadInputException("cannot read " + file + ": permission denied", e);
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Decodes UTF-8, skipping a BOM; binary or non-UTF-8 content is a {@link BadInputException}. */
    static String decode(byte[] bytes, String source) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        int controlAt = -1;
        for (int i = start; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            boolean control = b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f';
            if (b == 0 || (control && i < SNIFF_BYTES)) {
                controlAt = i;
                break;
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length - start);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        int malformedAt = result.isError() ? in.position() : -1;
        if (malformedAt >= 0 && malformedAt < SNIFF_BYTES && (controlAt < 0 || malformedAt < controlAt)) {
            throw binary(source, malformedAt);
        }
        if (controlAt >= 0) {
            throw binary(source, controlAt);
        }
        if (malformedAt >= 0) {
            int line = 1;
            for (int i = 0; i < malformedAt; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new BadInputException(source + " is not UTF-8 text (invalid byte at byte " + malformedAt + ", line "
                    + line + "); save it as UTF-8");
        }
        out.flip();
        return out.toString();
    }

    private static BadInputException binary(String source, int at) {
        return new BadInputException(source + " is not a text CSV file (binary content at byte " + at + ")");
    }
}
