package io.autogate.engine.ingest;

import java.util.List;

/**
 * Guesses a CSV file's delimiter among comma, semicolon and tab from its first records (quotes
 * respected): the candidate that splits every sampled record into the same number of fields, more
 * than one, wins; among several, the one giving the most columns, then comma, semicolon, tab.
 */
final class DelimiterSniffer {
    static final List<Character> CANDIDATES = List.of(',', ';', '\t');
    private static final int SAMPLE_RECORDS = 50;

    private DelimiterSniffer() {
    }

    static char sniff(String text) {
        char best = ',';
        int bestColumns = 0;
        boolean bestConsistent = false;
        for (char candidate : CANDIDATES) {
            int[] result = sample(text, candidate);
            int columns = result[0];
            boolean consistent = result[1] == 1 && columns > 1;
            boolean better = consistent
                    ? !bestConsistent || columns > bestColumns
                    : !bestConsistent && columns > Math.max(1, bestColumns);
            if (better) {
                best = candidate;
                bestColumns = columns;
                bestConsistent = consistent;
            }
        }
        return best;
    }

    /** {header field count, 1 when every sampled record has that count}. */
    private static int[] sample(String text, char delimiter) {
        CsvRecordParser parser = new CsvRecordParser(text, delimiter);
        int columns = -1;
        boolean consistent = true;
        try {
            int seen = 0;
            CsvRecordParser.CsvRecord r;
            while (seen < SAMPLE_RECORDS && (r = parser.next()) != null) {
                if (r.blank()) {
                    continue;
                }
                if (columns < 0) {
                    columns = r.fields().length;
                } else if (r.fields().length != columns) {
                    consistent = false;
                }
                seen++;
            }
        } catch (CsvRecordParser.UnterminatedQuoteException e) {
            consistent = false;
        }
        return new int[] {Math.max(columns, 0), consistent ? 1 : 0};
    }
}
