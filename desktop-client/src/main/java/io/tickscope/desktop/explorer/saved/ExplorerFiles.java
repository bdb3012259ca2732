package io.tickscope.desktop.explorer.saved;

import static java.util.Objects.requireNonNull;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Explorer's files under {@code DIR/explorer/} (DIR: the settings directory): {@code environments.json},
 * {@code history.json} (the last {@value #HISTORY_SIZE} calls) and {@code saved/<environment>.json}, one
 * collection of saved calls per environment. Pretty-printed JSON, so a person can read, diff and edit them;
 * each is written to a new file and moved into place, so a crash never leaves half a file. A file that does not
 * parse is logged and read as empty rather than stopping the app.
 */
public final class ExplorerFiles {

    public static final int HISTORY_SIZE = 50;

    private static final Logger logger = LoggerFactory.getLogger(ExplorerFiles.class);
    private static final Gson GSON =
            new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private final Path directory;

    public ExplorerFiles(Path settingsDirectory) {
        this.directory = requireNonNull(settingsDirectory, "settingsDirectory").resolve("explorer");
    }

    /** The environments saved, or the embedded one alone on a first run. */
    public synchronized List<Environment> environments() {
        List<Environment> saved =
                read(directory.resolve("environments.json"), new TypeToken<List<Environment>>() {}.getType());
        return saved.isEmpty() ? List.of(Environment.embedded()) : saved;
    }

    public synchronized void saveEnvironments(List<Environment> environments) {
        write(directory.resolve("environments.json"), List.copyOf(environments));
    }

    public synchronized List<SavedCall> savedCalls(String environment) {
        return read(savedFile(environment), new TypeToken<List<SavedCall>>() {}.getType());
    }

    /** Saves {@code call} in {@code environment}'s collection, replacing the one of the same name. */
    public synchronized List<SavedCall> save(String environment, SavedCall call) {
        List<SavedCall> calls = new ArrayList<>(savedCalls(environment));
        calls.removeIf(saved -> saved.name().equals(call.name()));
        calls.add(call);
        write(savedFile(environment), calls);
        return List.copyOf(calls);
    }

    public synchronized List<HistoryEntry> history() {
        return read(directory.resolve("history.json"), new TypeToken<List<HistoryEntry>>() {}.getType());
    }

    /** Adds {@code entry} first and keeps the last {@value #HISTORY_SIZE}; returns the history. */
    public synchronized List<HistoryEntry> record(HistoryEntry entry) {
        List<HistoryEntry> entries = new ArrayList<>();
        entries.add(entry);
        entries.addAll(history());
        List<HistoryEntry> kept = List.copyOf(entries.subList(0, Math.min(HISTORY_SIZE, entries.size())));
        write(directory.resolve("history.json"), kept);
        return kept;
    }

    private Path savedFile(String environment) {
        return directory
                .resolve("saved")
                .resolve(environment.toLowerCase(Locale.ROOT).replace(' ', '-') + ".json");
    }

    private static <T> List<T> read(Path file, Type listType) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<T> read = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), listType);
            return read == null ? List.of() : List.copyOf(read);
        } catch (IOException | JsonParseException | IllegalArgumentException | NullPointerException e) {
            logger.warn("{}: cannot read ({}); starting from an empty list", file, e.toString());
            return List.of();
        }
    }

    private static void write(Path file, Object content) {
        try {
            Files.createDirectories(requireNonNull(file.getParent(), "parent"));
            Path fresh =
                    Files.createTempFile(file.getParent(), file.getFileName().toString(), ".new");
            Files.writeString(fresh, GSON.toJson(content) + "\n", StandardCharsets.UTF_8);
            Files.move(fresh, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
