package io.tickscope.desktop.recommendations;

import static java.util.Objects.requireNonNull;

import io.tickscope.desktop.model.RatingToUpload;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;

/**
 * Reads ratings from a CSV file one line at a time, so that a file of any size uploads in bounded memory.
 * Each line is {@code user_id,book_id,rating}; a first line starting with {@code user_id} is a header, blank
 * lines are ignored. Lines that cannot become a rating (wrong column count, stars not a number) are skipped
 * and reported; everything else goes to the server, which judges whether user, book and stars are valid.
 *
 * <p>The file opens at the first read, on the uploading thread. Thread-safe: the upload reads while the UI
 * may close it.
 */
final class RatingsCsv implements Iterator<RatingToUpload>, Closeable {

    /** How many skipped lines are described; the rest are only counted. */
    static final int MAX_PROBLEMS = 100;

    private static final String HEADER_START = "user_id";

    private final Path file;
    private @Nullable BufferedReader reader;
    private boolean exhausted;
    private @Nullable RatingToUpload next;
    private long fileSize;
    private long charactersRead;
    private int lineNumber;
    private int skippedLines;
    private final List<String> problems = new ArrayList<>();

    RatingsCsv(Path file) {
        this.file = file;
    }

    @Override
    public synchronized boolean hasNext() {
        if (next == null && !exhausted) {
            next = readNext();
        }
        return next != null;
    }

    @Override
    public synchronized RatingToUpload next() {
        if (!hasNext()) {
            throw new NoSuchElementException("ratings: none left in " + file);
        }
        RatingToUpload rating = requireNonNull(next, "next: hasNext() read one");
        next = null;
        return rating;
    }

    /** Returns how far through the file reading is, from 0 to 1 (exact for ASCII files, close otherwise). */
    synchronized double progress() {
        if (exhausted) {
            return 1;
        }
        return fileSize == 0 ? 0 : Math.min(1, (double) charactersRead / fileSize);
    }

    synchronized int skippedLines() {
        return skippedLines;
    }

    /** Returns why lines were skipped, for the first {@link #MAX_PROBLEMS} of them. */
    synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    @Override
    public synchronized void close() {
        exhausted = true;
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException e) {
                // Only read from: nothing is lost when closing fails.
            }
            reader = null;
        }
    }

    private @Nullable RatingToUpload readNext() {
        try {
            BufferedReader lines = reader != null ? reader : open();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                lineNumber++;
                charactersRead += line.length() + 1;
                RatingToUpload rating = parse(line.strip());
                if (rating != null) {
                    return rating;
                }
            }
            close();
            return null;
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(
                    file + ": cannot read (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private BufferedReader open() throws IOException {
        fileSize = Files.size(file);
        BufferedReader opened = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        reader = opened;
        return opened;
    }

    private @Nullable RatingToUpload parse(String line) {
        if (line.isEmpty()
                || (lineNumber == 1 && line.regionMatches(true, 0, HEADER_START, 0, HEADER_START.length()))) {
            return null;
        }
        String[] columns = line.split(",", -1);
        if (columns.length != 3) {
            return skip(columns.length + " columns (expected: 3, user_id,book_id,rating)");
        }
        String stars = columns[2].strip();
        try {
            return new RatingToUpload(columns[0].strip(), columns[1].strip(), Integer.parseInt(stars));
        } catch (NumberFormatException e) {
            return skip("rating \"" + stars + "\" (expected: a whole number of stars, 1 to 5)");
        }
    }

    private @Nullable RatingToUpload skip(String problem) {
        skippedLines++;
        if (problems.size() < MAX_PROBLEMS) {
            problems.add("line " + lineNumber + ": " + problem);
        }
        return null;
    }
}
