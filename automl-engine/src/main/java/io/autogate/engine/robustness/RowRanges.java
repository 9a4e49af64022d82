package io.autogate.engine.robustness;

/**
 * Row indices written compactly for people: 0-based data rows (after rows without a target are
 * dropped) as ranges, e.g. {@code 0-4,9,12-20}.
 */
final class RowRanges {
    private RowRanges() {
    }

    /** The sorted indices as ranges. */
    static String of(int[] sortedRows) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < sortedRows.length) {
            int j = i;
            while (j + 1 < sortedRows.length && sortedRows[j + 1] == sortedRows[j] + 1) {
                j++;
            }
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(sortedRows[i]);
            if (j > i) {
                sb.append('-').append(sortedRows[j]);
            }
            i = j + 1;
        }
        return sb.toString();
    }
}
