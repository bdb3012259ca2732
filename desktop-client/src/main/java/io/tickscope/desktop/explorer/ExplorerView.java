package io.tickscope.desktop.explorer;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import io.tickscope.desktop.explorer.call.CallSettings;
import io.tickscope.desktop.explorer.call.Header;
import io.tickscope.desktop.explorer.saved.Environment;
import io.tickscope.desktop.explorer.saved.HistoryEntry;
import io.tickscope.desktop.explorer.saved.SavedCall;
import io.tickscope.desktop.explorer.schema.ServiceCatalog;
import io.tickscope.desktop.model.ErrorDetail;
import io.tickscope.desktop.shell.View;
import io.tickscope.desktop.wire.TableColumns;
import java.io.File;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.jspecify.annotations.Nullable;

/**
 * The Explorer: discover a server's methods, compose a request, call it (any of the four kinds) and read what
 * came back: responses with their sizes, status, decoded error details, headers and trailers. Nodes only; the
 * state and commands are {@link ExplorerViewModel}'s.
 */
public final class ExplorerView implements View {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    private static final String BAD_REQUEST = "explorer-bad-request";

    private final ExplorerViewModel model;
    private final BorderPane root = new BorderPane();
    private final TreeView<String> methods = new TreeView<>(new TreeItem<>("services"));
    private final TextArea request = new TextArea();
    private final TextField command = new TextField();
    private boolean active;

    private ExplorerView(ExplorerViewModel model) {
        this.model = model;
        root.setId("explorer");
        root.setTop(new VBox(toolbar(), driftBanner()));
        SplitPane body = new SplitPane(sidebar(), new SplitPane(composer(), outcome()));
        ((SplitPane) body.getItems().get(1)).setOrientation(Orientation.VERTICAL);
        body.setDividerPositions(0.24);
        root.setCenter(body);
    }

    public static ExplorerView create(ExplorerViewModel model) {
        return new ExplorerView(requireNonNull(model, "model"));
    }

    @Override
    public String title() {
        return "Explorer";
    }

    @Override
    public Node node() {
        return root;
    }

    /** Discovers the app's server once, the first time the view runs. */
    @Override
    public void activate() {
        if (!active) {
            active = true;
            if (model.catalogProperty().get() == null) {
                model.discover();
            }
        }
    }

    @Override
    public void deactivate() {
        if (active) {
            active = false;
            model.close();
        }
    }

    private Node toolbar() {
        ComboBox<Environment> environments = new ComboBox<>(model.environments());
        environments.setId("explorer-environment");
        environments.setValue(model.environmentProperty().get());
        environments.setOnAction(event -> {
            Environment chosen = environments.getValue();
            if (chosen != null) {
                model.useEnvironment(chosen);
            }
        });
        TextField target = new TextField();
        target.setId("explorer-target");
        target.setPromptText("this app's server, or host:port");
        target.setPrefColumnCount(18);
        target.textProperty().bindBidirectional(model.targetProperty());
        target.setOnAction(event -> model.discover());
        Button discover = new Button("Discover");
        discover.setId("explorer-discover");
        discover.setOnAction(event -> model.discover());
        Button open = new Button("Open descriptor set…");
        open.setId("explorer-open-descriptors");
        open.setOnAction(event -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("A FileDescriptorSet (buf build -o api.binpb, protoc --descriptor_set_out)");
            File chosen = chooser.showOpenDialog(root.getScene().getWindow());
            if (chosen != null) {
                model.openDescriptorSet(chosen.toPath());
            }
        });
        Label status = new Label();
        status.setId("explorer-catalog-status");
        status.textProperty().bind(model.catalogStatusProperty());
        return new ToolBar(new Label("Environment"), environments, new Label("Server"), target, discover, open, status);
    }

    private Node driftBanner() {
        Label banner = new Label();
        banner.setId("explorer-drift");
        banner.getStyleClass().add("explorer-drift");
        banner.setWrapText(true);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> "This server's contract differs from the one this app was built with: "
                                + String.join("; ", model.drift()),
                        model.drift()));
        banner.visibleProperty().bind(Bindings.isNotEmpty(model.drift()));
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private Node sidebar() {
        methods.setId("explorer-methods");
        methods.setShowRoot(false);
        model.catalogProperty().addListener((property, was, catalog) -> showCatalog(catalog));
        methods.getSelectionModel().selectedItemProperty().addListener((property, was, item) -> {
            if (item != null && item.isLeaf() && item.getParent() != null) {
                model.selectMethod(item.getParent().getValue() + "/" + item.getValue());
            }
        });
        VBox.setVgrow(methods, Priority.ALWAYS);

        ListView<SavedCall> saved = new ListView<>(model.savedCalls());
        saved.setId("explorer-saved");
        saved.setOnMouseClicked(event -> {
            SavedCall chosen = saved.getSelectionModel().getSelectedItem();
            if (chosen != null && event.getClickCount() == 2) {
                model.load(chosen);
            }
        });
        ListView<HistoryEntry> history = new ListView<>(model.history());
        history.setId("explorer-history");
        history.setOnMouseClicked(event -> {
            HistoryEntry chosen = history.getSelectionModel().getSelectedItem();
            if (chosen != null && event.getClickCount() == 2) {
                model.load(chosen);
            }
        });
        TabPane kept = new TabPane(new Tab("Saved", saved), new Tab("History", history));
        kept.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        kept.setPrefHeight(220);
        VBox sidebar = new VBox(6, methods, kept);
        sidebar.setPadding(new Insets(6));
        return sidebar;
    }

    private void showCatalog(@Nullable ServiceCatalog catalog) {
        TreeItem<String> services = new TreeItem<>("services");
        if (catalog != null) {
            for (ServiceDescriptor service : catalog.services()) {
                TreeItem<String> node = new TreeItem<>(service.getFullName());
                for (MethodDescriptor method : service.getMethods()) {
                    node.getChildren().add(new TreeItem<>(method.getName()));
                }
                node.setExpanded(true);
                services.getChildren().add(node);
            }
        }
        methods.setRoot(services);
    }

    private Node composer() {
        Label method = new Label();
        method.setId("explorer-method");
        method.getStyleClass().add("title-4");
        method.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> {
                            MethodDescriptor chosen = model.methodProperty().get();
                            return chosen == null
                                    ? "Choose a method"
                                    : ServiceCatalog.fullNameOf(chosen) + "  (" + kindOf(chosen) + ")";
                        },
                        model.methodProperty()));

        request.setId("explorer-request");
        request.getStyleClass().add("explorer-json");
        request.textProperty().bindBidirectional(model.requestProperty());
        VBox.setVgrow(request, Priority.ALWAYS);
        Label problem = new Label();
        problem.setId("explorer-problem");
        problem.getStyleClass().add("explorer-problem");
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        model.problemProperty().addListener((property, was, now) -> markProblem());

        TextArea metadata = new TextArea();
        metadata.setId("explorer-metadata");
        metadata.setPromptText("metadata, one per line: x-request-id: 42");
        metadata.setPrefRowCount(2);
        metadata.textProperty().bindBidirectional(model.metadataProperty());
        TextField deadline = new TextField();
        deadline.setId("explorer-deadline");
        deadline.setPrefColumnCount(4);
        deadline.textProperty().bindBidirectional(model.deadlineSecondsProperty());
        ChoiceBox<String> compression = new ChoiceBox<>();
        compression.setId("explorer-compression");
        compression.getItems().setAll(CallSettings.NO_COMPRESSION, "gzip");
        compression.valueProperty().bindBidirectional(model.compressionProperty());

        Button template = button("Template", "explorer-template", model::fillTemplate);
        Button send = button("Send", "explorer-send", model::send);
        send.setDefaultButton(true);
        Button halfClose = button("Half-close", "explorer-half-close", model::halfClose);
        halfClose.disableProperty().bind(model.callOpenProperty().not());
        Button cancel = button("Stop", "explorer-cancel", model::cancel);
        cancel.disableProperty().bind(model.callOpenProperty().not());
        MenuButton copyAs = new MenuButton("Copy as");
        copyAs.setId("explorer-copy-as");
        copyAs.getItems()
                .setAll(
                        copyItem("grpcurl", "explorer-copy-grpcurl", model::asGrpcurl),
                        copyItem("buf curl", "explorer-copy-buf-curl", model::asBufCurl),
                        copyItem("curl (REST route)", "explorer-copy-curl", model::asCurl));
        copyAs.setOnShowing(event -> copyAs.getItems().get(2).setDisable(!model.hasRestRoute()));
        TextField saveName = new TextField();
        saveName.setId("explorer-save-name");
        saveName.setPromptText("name");
        saveName.setPrefColumnCount(8);
        Button save = button("Save", "explorer-save", () -> {
            if (!saveName.getText().isBlank()) {
                model.saveCall(saveName.getText());
            }
        });

        command.setId("explorer-command");
        command.setEditable(false);
        command.setPromptText("Copy as… shows the command line here and puts it on the clipboard");

        HBox options = new HBox(8, new Label("Deadline (s)"), deadline, new Label("Compression"), compression);
        HBox actions = new HBox(8, template, send, halfClose, cancel, copyAs, saveName, save);
        VBox composer = new VBox(6, method, request, problem, metadata, options, actions, command);
        composer.setPadding(new Insets(6));
        return composer;
    }

    private Node outcome() {
        Label status = new Label();
        status.setId("explorer-status");
        status.getStyleClass().add("title-4");
        status.textProperty().bind(model.statusProperty());
        Label progress = new Label();
        progress.setId("explorer-progress");
        progress.textProperty().bind(model.progressProperty());

        TableView<ResponseRow> responses = new TableView<>(model.responses());
        responses.setId("explorer-responses");
        responses
                .getColumns()
                .setAll(java.util.List.of(
                        TableColumns.<ResponseRow, Integer>numeric("#", 44, ResponseRow::number, String::valueOf),
                        TableColumns.<ResponseRow>text("Received", 112, row -> TIME.format(row.receivedAt())),
                        TableColumns.group(
                                "Bytes",
                                TableColumns.<ResponseRow, Integer>numeric(
                                        "protobuf", 94, ResponseRow::protobufBytes, String::valueOf),
                                TableColumns.<ResponseRow, Integer>numeric(
                                        "JSON", 64, ResponseRow::jsonBytes, String::valueOf)),
                        TableColumns.<ResponseRow>text(
                                "JSON", 600, row -> row.json().replaceAll("\\s*\\n\\s*", " "))));
        TextArea responseJson = new TextArea();
        responseJson.setId("explorer-response-json");
        responseJson.setEditable(false);
        responseJson.getStyleClass().add("explorer-json");
        responses
                .getSelectionModel()
                .selectedItemProperty()
                .addListener((property, was, row) -> responseJson.setText(row == null ? "" : row.json()));
        // The first response of a call shows whole at once; the user may pick another.
        model.responses().addListener((javafx.collections.ListChangeListener<ResponseRow>) change -> {
            if (responses.getSelectionModel().isEmpty() && !model.responses().isEmpty()) {
                responses.getSelectionModel().selectFirst();
            }
        });
        SplitPane responsesPane = new SplitPane(responses, responseJson);
        responsesPane.setDividerPositions(0.55);

        TableView<ErrorDetail> details = new TableView<>(model.details());
        details.setId("explorer-details");
        details.setPlaceholder(new Label("No error details"));
        details.getColumns()
                .setAll(java.util.List.of(
                        TableColumns.text("Kind", 120, ErrorDetail::kind),
                        TableColumns.text("About", 160, ErrorDetail::subject),
                        TableColumns.text("Detail", 500, ErrorDetail::text)));

        TabPane tabs = new TabPane(
                new Tab("Responses", responsesPane),
                new Tab("Error details", details),
                new Tab("Headers", headerTable("explorer-headers", model.headers())),
                new Tab("Trailers", headerTable("explorer-trailers", model.trailers())));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        model.details().addListener((javafx.collections.ListChangeListener<ErrorDetail>) change -> {
            if (!model.details().isEmpty()) {
                tabs.getSelectionModel().select(1);
            }
        });
        model.callOpenProperty().addListener((property, was, open) -> {
            if (open) {
                tabs.getSelectionModel().select(0);
            }
        });
        VBox.setVgrow(tabs, Priority.ALWAYS);
        progress.setMinWidth(Region.USE_PREF_SIZE);
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        VBox outcome = new VBox(6, new HBox(12, progress, status), tabs);
        outcome.setPadding(new Insets(6));
        return outcome;
    }

    private static TableView<Header> headerTable(String id, javafx.collections.ObservableList<Header> rows) {
        TableView<Header> table = new TableView<>(rows);
        table.setId(id);
        table.getColumns()
                .setAll(java.util.List.of(
                        TableColumns.text("Name", 220, Header::name), TableColumns.text("Value", 500, Header::value)));
        return table;
    }

    /** Marks the request editor and selects the bad field's name in it, so the error shows at the field. */
    private void markProblem() {
        String field = model.problemFieldProperty().get();
        request.getStyleClass().remove(BAD_REQUEST);
        if (model.problemProperty().get().isEmpty()) {
            return;
        }
        request.getStyleClass().add(BAD_REQUEST);
        if (field.isEmpty()) {
            return;
        }
        String name = field.substring(field.lastIndexOf('.') + 1).replaceAll("\\[\\d+]$", "");
        int at = request.getText().indexOf("\"" + name + "\"");
        if (at >= 0) {
            request.selectRange(at + 1, at + 1 + name.length());
        }
    }

    private MenuItem copyItem(String text, String id, Supplier<Optional<String>> line) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(event -> line.get().ifPresent(commandLine -> {
            command.setText(commandLine);
            ClipboardContent content = new ClipboardContent();
            content.putString(commandLine);
            Clipboard.getSystemClipboard().setContent(content);
        }));
        return item;
    }

    private static Button button(String text, String id, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(event -> action.run());
        return button;
    }

    private static String kindOf(MethodDescriptor method) {
        if (method.isClientStreaming()) {
            return method.isServerStreaming() ? "bidirectional stream" : "client stream";
        }
        return method.isServerStreaming() ? "server stream" : "unary";
    }
}
