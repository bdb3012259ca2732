package io.tickscope.desktop.shell;

import static java.util.Objects.requireNonNull;

import io.tickscope.desktop.ui.Csv;
import io.tickscope.shared.money.Amount;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.jspecify.annotations.Nullable;

/**
 * Exports a table as CSV: the rows it shows, in the order it shows them, one field per visible column with the
 * column's title (after its group's) as header. Values are written for other tools rather than for the eye:
 * money as a plain decimal, times as ISO-8601 instants, numbers unformatted.
 */
public final class TableExport {

    /** Ctrl+Shift+E: export the focused table. */
    public static final KeyCombination EXPORT_KEY =
            new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);

    private TableExport() {}

    /** Writes {@code table}'s rows to {@code file}; returns how many rows were written. */
    public static int write(TableView<?> table, Path file) {
        return writeLines(lines(table), file);
    }

    /** Writes CSV {@code lines} (a header, then rows) to {@code file}; returns how many rows were written. */
    public static int writeLines(List<String> lines, Path file) {
        requireNonNull(file, "file");
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (String line : lines) {
                writer.write(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
        return lines.size() - 1;
    }

    /** Returns the CSV lines of {@code table}: the header, then a line per row shown. */
    public static <R> List<String> lines(TableView<R> table) {
        List<TableColumn<R, ?>> columns = new ArrayList<>();
        for (TableColumn<R, ?> column : table.getVisibleLeafColumns()) {
            columns.add(column);
        }
        List<String> lines = new ArrayList<>();
        lines.add(Csv.line(columns.stream().map(TableExport::header).toList()));
        for (R row : table.getItems()) {
            lines.add(Csv.line(columns.stream()
                    .map(column -> text(column.getCellData(row)))
                    .toList()));
        }
        return lines;
    }

    /**
     * Gives {@code table} a context menu item "Export as CSV…" (and Ctrl+Shift+E while it has focus), asking
     * where to write with a file chooser, {@code name}.csv by default.
     */
    public static void offer(TableView<?> table, String name) {
        MenuItem export = new MenuItem("_Export as CSV…");
        export.setOnAction(event -> ask(table, name));
        ContextMenu menu = table.getContextMenu() != null ? table.getContextMenu() : new ContextMenu();
        menu.getItems().add(export);
        table.setContextMenu(menu);
        table.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (EXPORT_KEY.match(event)) {
                ask(table, name);
                event.consume();
            }
        });
    }

    /** Asks where to write {@code table} and writes it there. */
    public static void ask(TableView<?> table, String name) {
        ask(table, name, () -> lines(table));
    }

    /**
     * Asks where to write what {@code owner} shows as CSV, {@code name}.csv by default, and writes the
     * {@code lines} it gives then (a header, then rows).
     */
    public static void ask(Node owner, String name, Supplier<List<String>> lines) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export " + name + " as CSV");
        chooser.setInitialFileName(name + ".csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        Window window = owner.getScene() == null ? null : owner.getScene().getWindow();
        File chosen = chooser.showSaveDialog(window);
        if (chosen != null) {
            writeLines(lines.get(), chosen.toPath());
        }
    }

    /** Returns a column's title after its group's, "Delivery lag p50", so that every header says what it is. */
    private static String header(TableColumnBase<?, ?> column) {
        TableColumnBase<?, ?> group = column.getParentColumn();
        return group == null ? column.getText() : header(group) + " " + column.getText();
    }

    private static String text(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Amount amount) {
            return amount.toBigDecimal().toPlainString();
        }
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        return value.toString();
    }
}
