package io.autogate.gateway.http;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * An append-only text file that rotates by size ({@link LogRotation}). The size is checked on
 * {@link #flush()}, so a writer that flushes only after whole lines (as {@link AccessLog} does)
 * never splits a line across two files; a file may pass the maximum by what was written since the
 * last flush. An existing file is appended to. When a rotation fails (a rename refused), the file
 * goes on growing and the failure is logged once as a warning, so logging never stops for
 * it (each later flush tries again). Not thread-safe: one writer thread owns it.
 *
 * <p>Bounding the file also bounds the page cache it holds: on the virtual machine this project is
 * measured on, a page cache that keeps growing made every write about 15 times dearer in system
 * time, while writes into the pages of deleted files stayed cheap (figures in
 * {@code docs/architecture.md}).
 */
public final class RollingLogFile extends Writer {
    private static final System.Logger LOG = System.getLogger(RollingLogFile.class.getName());

    private static final int WRITE_BYTES = 1 << 16;

    private final Path file;
    private final LogRotation rotation;
    private long size;
    private Writer text;
    private boolean rotationFailureReported;

    /** Opens {@code file} for appending, creating it and its folder when missing. */
    public RollingLogFile(Path file, LogRotation rotation) throws IOException {
        this.file = file.toAbsolutePath();
        this.rotation = rotation;
        Files.createDirectories(this.file.getParent());
        open();
    }

    // a plain stream, not a FileChannel: an interrupt (AccessLog.close wakes its writer with one)
    // must not close the file under the writer. The encoder hands on 8 KiB at a time; the buffer
    // makes that one write call per 64 KiB (or per flush) instead.
    private void open() throws IOException {
        size = Files.exists(file) ? Files.size(file) : 0;
        OutputStream buffered = new BufferedOutputStream(new FileOutputStream(file.toFile(), true), WRITE_BYTES);
        OutputStream counted = new FilterOutputStream(buffered) {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
                size++;
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
                size += length;
            }
        };
        text = new OutputStreamWriter(counted, StandardCharsets.UTF_8);
    }

    /** The rotated file {@code n} back (1 is the newest). */
    public Path rotated(int n) {
        return file.resolveSibling(file.getFileName() + "." + n);
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        text.write(chars, offset, length);
    }

    @Override
    public void write(String s, int offset, int length) throws IOException {
        text.write(s, offset, length);
    }

    /** Writes out what is buffered, then rotates when the file has passed its maximum size. */
    @Override
    public void flush() throws IOException {
        text.flush();
        if (size >= rotation.maxBytes()) {
            rotate();
        }
    }

    private void rotate() throws IOException {
        text.close();
        try {
            for (int n = rotation.keep(); n >= 1; n--) {
                Path older = n == 1 ? file : rotated(n - 1);
                if (Files.exists(older)) {
                    Files.move(older, rotated(n), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            if (rotation.keep() == 0) {
                Files.delete(file);
            }
        } catch (IOException e) {
            if (!rotationFailureReported) {
                rotationFailureReported = true;
                LOG.log(System.Logger.Level.WARNING, "log rotation of " + file + " failed (" + e.getMessage()
                        + "); appending to it");
            }
        }
        open();
    }

    @Override
    public void close() throws IOException {
        text.close();
    }
}
