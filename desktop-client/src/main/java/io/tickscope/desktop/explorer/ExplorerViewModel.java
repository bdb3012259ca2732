package io.tickscope.desktop.explorer;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.DynamicMessage;
import io.tickscope.desktop.connection.ChannelSecurity;
import io.tickscope.desktop.explorer.call.CallListener;
import io.tickscope.desktop.explorer.call.CallOutcome;
import io.tickscope.desktop.explorer.call.CallSettings;
import io.tickscope.desktop.explorer.call.ExplorerChannel;
import io.tickscope.desktop.explorer.call.Header;
import io.tickscope.desktop.explorer.call.OpenCall;
import io.tickscope.desktop.explorer.command.CallSpec;
import io.tickscope.desktop.explorer.command.CommandLines;
import io.tickscope.desktop.explorer.saved.Environment;
import io.tickscope.desktop.explorer.saved.ExplorerFiles;
import io.tickscope.desktop.explorer.saved.HistoryEntry;
import io.tickscope.desktop.explorer.saved.SavedCall;
import io.tickscope.desktop.explorer.schema.ContractDrift;
import io.tickscope.desktop.explorer.schema.FileDescriptors;
import io.tickscope.desktop.explorer.schema.HttpRoute;
import io.tickscope.desktop.explorer.schema.JsonCodec;
import io.tickscope.desktop.explorer.schema.JsonTemplate;
import io.tickscope.desktop.explorer.schema.RequestProblem;
import io.tickscope.desktop.explorer.schema.ServiceCatalog;
import io.tickscope.desktop.model.ErrorDetail;
import io.tickscope.desktop.rpc.RpcErrors;
import io.tickscope.desktop.ui.UiThread;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * State and commands of the Explorer: the server explored (the app's channel, or one the user names) and its
 * catalogue, the method chosen, the request being composed with its metadata, deadline and compression, the
 * call in progress and how it ended, saved calls and history, and the environments.
 *
 * <p>Call it on the UI thread; answers move there through the injected {@link UiThread}, and a stream's
 * responses are applied at most once per pulse.
 */
public final class ExplorerViewModel {

    /** A stream's list keeps the latest responses only, so a long stream cannot grow the UI without bound. */
    static final int MAX_RESPONSES_SHOWN = 1_000;
    /** The deadline a unary call starts with; streams start without one. */
    static final String UNARY_DEADLINE_SECONDS = "10";
    /** How many responses of a call the history keeps. */
    private static final int RESPONSES_IN_HISTORY = 20;

    private final ExplorerChannel appChannel;
    private final UiThread ui;
    private final Executor blocking;
    private final ExplorerFiles files;
    private final List<FileDescriptor> builtInContract;
    private final Consumer<Environment> switchEnvironment;

    private final StringProperty target = new SimpleStringProperty(this, "target", "");
    private final ReadOnlyObjectWrapper<@Nullable ServiceCatalog> catalog =
            new ReadOnlyObjectWrapper<>(this, "catalog");
    private final ReadOnlyStringWrapper catalogStatus = new ReadOnlyStringWrapper(this, "catalogStatus", "");
    private final ObservableList<String> drift = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<@Nullable MethodDescriptor> method =
            new ReadOnlyObjectWrapper<>(this, "method");
    private final StringProperty request = new SimpleStringProperty(this, "request", "");
    private final StringProperty metadata = new SimpleStringProperty(this, "metadata", "");
    private final StringProperty deadlineSeconds =
            new SimpleStringProperty(this, "deadlineSeconds", UNARY_DEADLINE_SECONDS);
    private final StringProperty compression =
            new SimpleStringProperty(this, "compression", CallSettings.NO_COMPRESSION);
    private final ReadOnlyStringWrapper problemField = new ReadOnlyStringWrapper(this, "problemField", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper callOpen = new ReadOnlyBooleanWrapper(this, "callOpen");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(this, "progress", "");
    private final ObservableList<ResponseRow> responses = FXCollections.observableArrayList();
    private final ObservableList<Header> headers = FXCollections.observableArrayList();
    private final ObservableList<Header> trailers = FXCollections.observableArrayList();
    private final ObservableList<ErrorDetail> details = FXCollections.observableArrayList();
    private final ObservableList<Environment> environments = FXCollections.observableArrayList();
    private final ObjectProperty<Environment> environment;
    private final ObservableList<SavedCall> savedCalls = FXCollections.observableArrayList();
    private final ObservableList<HistoryEntry> history = FXCollections.observableArrayList();
    // Read-only views made once: a view listening to a wrapper made per call would lose it to the collector
    // (the wrapper listens to its list weakly).
    private final ObservableList<String> driftShown = FXCollections.unmodifiableObservableList(drift);
    private final ObservableList<ResponseRow> responsesShown = FXCollections.unmodifiableObservableList(responses);
    private final ObservableList<Header> headersShown = FXCollections.unmodifiableObservableList(headers);
    private final ObservableList<Header> trailersShown = FXCollections.unmodifiableObservableList(trailers);
    private final ObservableList<ErrorDetail> detailsShown = FXCollections.unmodifiableObservableList(details);
    private final ObservableList<Environment> environmentsShown =
            FXCollections.unmodifiableObservableList(environments);
    private final ObservableList<SavedCall> savedCallsShown = FXCollections.unmodifiableObservableList(savedCalls);
    private final ObservableList<HistoryEntry> historyShown = FXCollections.unmodifiableObservableList(history);

    /** Responses arrived since the last pulse, from gRPC threads. */
    private final Queue<ResponseRow> arrived = new ConcurrentLinkedQueue<>();

    private final Runnable showArrived;

    // Touched on the UI thread.
    private @Nullable ExplorerChannel explored;
    private @Nullable JsonCodec codec;
    private @Nullable OpenCall open;
    /** Which call the UI shows; reports of an older call are dropped. */
    private int callNumber;

    private int responsesReceived;
    private @Nullable Instant firstResponseAt;
    private @Nullable Instant lastResponseAt;
    private final List<String> requestsSent = new ArrayList<>();

    public ExplorerViewModel(
            ExplorerChannel appChannel,
            UiThread ui,
            Executor blocking,
            ExplorerFiles files,
            List<FileDescriptor> builtInContract,
            Environment currentEnvironment,
            Consumer<Environment> switchEnvironment) {
        this.appChannel = requireNonNull(appChannel, "appChannel");
        this.ui = requireNonNull(ui, "ui");
        this.blocking = requireNonNull(blocking, "blocking");
        this.files = requireNonNull(files, "files");
        this.builtInContract = List.copyOf(builtInContract);
        this.switchEnvironment = requireNonNull(switchEnvironment, "switchEnvironment");
        this.environment = new SimpleObjectProperty<>(this, "environment", requireNonNull(currentEnvironment));
        this.showArrived = ui.refresher(this::showArrived);
        environments.setAll(files.environments());
        if (environments.stream().noneMatch(known -> known.name().equals(currentEnvironment.name()))) {
            environments.add(currentEnvironment);
        }
        savedCalls.setAll(files.savedCalls(currentEnvironment.name()));
        history.setAll(files.history());
    }

    // --- discovery

    /** Discovers the services of the server in {@link #targetProperty()} (blank: the app's), through reflection. */
    public CompletableFuture<ServiceCatalog> discover() {
        ExplorerChannel channel;
        try {
            channel = channelFor(target.get());
        } catch (IllegalArgumentException e) {
            catalogStatus.set("Server: " + e.getMessage());
            return CompletableFuture.failedFuture(e);
        }
        catalogStatus.set("Asking " + channel.label() + " through reflection…");
        CompletableFuture<ServiceCatalog> discovered = channel.discover(blocking);
        discovered.whenCompleteAsync(
                (found, failure) -> {
                    if (failure != null) {
                        catalogStatus.set("Reflection failed: " + RpcErrors.describe(failure)
                                + ". Open a descriptor set instead (buf build -o api.binpb, or protoc"
                                + " --include_imports --descriptor_set_out).");
                        return;
                    }
                    show(found, channel.label());
                    drift.setAll(
                            channel.isShared() && mentionsTickscope(found)
                                    ? ContractDrift.between(builtInContract, found)
                                    : List.of());
                },
                ui);
        return discovered;
    }

    /** Reads the descriptors of {@code file}, a FileDescriptorSet, for a server without reflection. */
    public void openDescriptorSet(Path file) {
        try {
            ServiceCatalog read = ServiceCatalog.of(
                    FileDescriptors.readSet(file), List.of(), file.getFileName().toString());
            ExplorerChannel channel = channelFor(target.get());
            show(read, channel.label());
            drift.clear();
        } catch (java.io.IOException | IllegalArgumentException e) {
            catalogStatus.set(file + ": " + e.getMessage());
        }
    }

    private ExplorerChannel channelFor(String named) {
        if (named.isBlank()) {
            closeExplored();
            explored = appChannel;
            return appChannel;
        }
        ExplorerChannel current = explored;
        if (current != null && !current.isShared() && current.label().equals(named.strip())) {
            return current;
        }
        ExplorerChannel opened = ExplorerChannel.open(named, securityOf(environment.get()));
        closeExplored();
        explored = opened;
        return opened;
    }

    private void show(ServiceCatalog found, String where) {
        // The codec first: the catalogue's listeners may choose a method and send at once.
        codec = JsonCodec.of(found.files());
        catalog.set(found);
        long methods = found.services().stream()
                .mapToLong(service -> service.getMethods().size())
                .sum();
        catalogStatus.set(found.services().size() + " services, " + methods + " methods at " + where + " ("
                + found.source() + ")");
    }

    private static boolean mentionsTickscope(ServiceCatalog found) {
        return found.services().stream()
                .anyMatch(service -> service.getFullName().startsWith("tickscope."));
    }

    // --- composing

    /** Chooses the method {@code fullName} ({@code package.Service/Method}) and puts its template in the editor. */
    public void selectMethod(String fullName) {
        ServiceCatalog known = catalog.get();
        Optional<MethodDescriptor> found = known == null ? Optional.empty() : known.method(fullName);
        if (found.isEmpty()) {
            problem.set("method: " + fullName + " (expected: one of the server's methods; discover them first)");
            return;
        }
        if (method.get() != found.get()) {
            MethodDescriptor chosen = found.get();
            method.set(chosen);
            // A stream lives until stopped: a default deadline would cut it; one answer gets one.
            boolean streaming = chosen.isClientStreaming() || chosen.isServerStreaming();
            deadlineSeconds.set(streaming ? "" : UNARY_DEADLINE_SECONDS);
            fillTemplate();
        }
    }

    /** Puts the request template of the chosen method in the editor. */
    public void fillTemplate() {
        MethodDescriptor chosen = method.get();
        if (chosen != null) {
            request.set(JsonTemplate.of(chosen.getInputType()));
            clearProblem();
        }
    }

    /** Checks the request against the method's input type; returns the message, or empty with the problem shown. */
    public Optional<DynamicMessage> validate() {
        MethodDescriptor chosen = method.get();
        JsonCodec json = codec;
        if (chosen == null || json == null) {
            problem.set("Choose a method first.");
            return Optional.empty();
        }
        try {
            DynamicMessage parsed = json.parse(chosen.getInputType(), request.get());
            clearProblem();
            return Optional.of(parsed);
        } catch (RequestProblem bad) {
            problemField.set(bad.field());
            problem.set(bad.getMessage());
            return Optional.empty();
        }
    }

    // --- calling

    /**
     * Sends the request. The first send starts the call; a unary or server-streaming call half-closes at once,
     * a client-streaming or bidirectional one stays open for more until {@link #halfClose()}.
     */
    public void send() {
        MethodDescriptor chosen = method.get();
        Optional<DynamicMessage> message = validate();
        if (chosen == null || message.isEmpty()) {
            return;
        }
        OpenCall call = open;
        if (call == null) {
            CallSettings settings;
            try {
                settings = callSettings();
            } catch (IllegalArgumentException e) {
                problem.set(e.getMessage());
                return;
            }
            call = start(chosen, settings);
        }
        call.send(message.get());
        requestsSent.add(request.get());
        if (!chosen.isClientStreaming()) {
            call.halfClose();
        }
        progress.set(progressText());
    }

    public void halfClose() {
        OpenCall call = open;
        if (call != null) {
            call.halfClose();
        }
    }

    /** Stops the call in progress (a stream's stop button). */
    public void cancel() {
        OpenCall call = open;
        if (call != null) {
            call.cancel();
        }
    }

    private OpenCall start(MethodDescriptor chosen, CallSettings settings) {
        ExplorerChannel channel = explored != null ? explored : appChannel;
        JsonCodec json = requireNonNull(codec, "codec");
        int number = ++callNumber;
        responses.clear();
        headers.clear();
        trailers.clear();
        details.clear();
        arrived.clear();
        requestsSent.clear();
        responsesReceived = 0;
        firstResponseAt = null;
        lastResponseAt = null;
        status.set("Calling " + ServiceCatalog.fullNameOf(chosen) + "…");
        callOpen.set(true);
        String sentMetadata = metadata.get();
        OpenCall call = channel.calls().start(chosen, settings, new CallListener() {
            private int received;

            @Override
            public void onHeaders(List<Header> arrivedHeaders) {
                ui.execute(() -> {
                    if (number == callNumber) {
                        headers.setAll(arrivedHeaders);
                    }
                });
            }

            @Override
            public void onMessage(DynamicMessage response, Instant receivedAt) {
                String text = json.print(response);
                arrived.add(new ResponseRow(
                        ++received,
                        receivedAt,
                        text,
                        response.getSerializedSize(),
                        json.printCompact(response).getBytes(StandardCharsets.UTF_8).length));
                showArrived.run();
            }

            @Override
            public void onClose(CallOutcome outcome) {
                ui.execute(() -> {
                    if (number != callNumber) {
                        return;
                    }
                    showArrived();
                    open = null;
                    callOpen.set(false);
                    status.set(outcome.statusLine());
                    details.setAll(outcome.details());
                    trailers.setAll(outcome.trailers());
                    progress.set(progressText() + " · " + formatLatency(outcome.latency()));
                    remember(chosen, sentMetadata, outcome);
                });
            }
        });
        open = call;
        return call;
    }

    private void showArrived() {
        List<ResponseRow> batch = new ArrayList<>();
        for (ResponseRow row = arrived.poll(); row != null; row = arrived.poll()) {
            batch.add(row);
        }
        if (batch.isEmpty()) {
            return;
        }
        if (firstResponseAt == null) {
            firstResponseAt = batch.get(0).receivedAt();
        }
        lastResponseAt = batch.get(batch.size() - 1).receivedAt();
        responsesReceived += batch.size();
        responses.addAll(batch);
        if (responses.size() > MAX_RESPONSES_SHOWN) {
            responses.remove(0, responses.size() - MAX_RESPONSES_SHOWN);
        }
        progress.set(progressText());
    }

    private String progressText() {
        String text = requestsSent.size() + " sent, " + responsesReceived + " received";
        Instant first = firstResponseAt;
        Instant last = lastResponseAt;
        if (first != null && last != null && responsesReceived > 1) {
            double seconds = Math.max(first.until(last, ChronoUnit.MICROS) / 1e6, 1e-3);
            text += String.format(Locale.ROOT, ", %.1f/s", (responsesReceived - 1) / seconds);
        }
        return text;
    }

    private static String formatLatency(Duration latency) {
        return String.format(Locale.ROOT, "%.1f ms", latency.toNanos() / 1e6);
    }

    private CallSettings callSettings() {
        List<Header> all = new ArrayList<>(Header.parseLines(environment.get().metadata()));
        all.addAll(Header.parseLines(metadata.get()));
        return new CallSettings(all, deadline(), compression.get());
    }

    private @Nullable Duration deadline() {
        String text = deadlineSeconds.get().strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            double seconds = Double.parseDouble(text);
            if (seconds > 0) {
                return Duration.ofNanos((long) (seconds * 1e9));
            }
        } catch (NumberFormatException e) {
            // Said below.
        }
        throw new IllegalArgumentException(
                "deadline: \"" + text + "\" (expected: seconds, such as 5 or 0.5; empty for none)");
    }

    private void remember(MethodDescriptor chosen, String sentMetadata, CallOutcome outcome) {
        HistoryEntry entry = new HistoryEntry(
                Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(),
                environment.get().name(),
                ServiceCatalog.fullNameOf(chosen),
                String.join("\n", requestsSent),
                sentMetadata,
                outcome.statusLine(),
                outcome.latency().toMillis(),
                responses.stream()
                        .limit(RESPONSES_IN_HISTORY)
                        .map(ResponseRow::json)
                        .toList());
        CompletableFuture.supplyAsync(() -> files.record(entry), blocking).thenAcceptAsync(history::setAll, ui);
    }

    // --- copy as

    /** The composed call as a {@code grpcurl} line; empty when the request does not validate. */
    public Optional<String> asGrpcurl() {
        return spec().map(CommandLines::grpcurl);
    }

    /** The composed call as a {@code buf curl} line; empty when the request does not validate. */
    public Optional<String> asBufCurl() {
        return spec().map(CommandLines::bufCurl);
    }

    /** The composed call as a {@code curl} line of its REST route; empty without one. */
    public Optional<String> asCurl() {
        MethodDescriptor chosen = method.get();
        if (chosen == null) {
            return Optional.empty();
        }
        Optional<HttpRoute> route = HttpRoute.of(chosen);
        if (route.isEmpty()) {
            problem.set(ServiceCatalog.fullNameOf(chosen) + " has no REST route (no google.api.http option)");
            return Optional.empty();
        }
        return spec().map(call -> CommandLines.curl(call, route.get()));
    }

    /** Whether the chosen method has a REST route, so "Copy as curl" can be offered. */
    public boolean hasRestRoute() {
        MethodDescriptor chosen = method.get();
        return chosen != null && HttpRoute.of(chosen).isPresent();
    }

    private Optional<CallSpec> spec() {
        MethodDescriptor chosen = method.get();
        Optional<DynamicMessage> message = validate();
        JsonCodec json = codec;
        if (chosen == null || message.isEmpty() || json == null) {
            return Optional.empty();
        }
        try {
            CallSettings settings = callSettings();
            ExplorerChannel channel = explored != null ? explored : appChannel;
            return Optional.of(channel.spec(
                    ServiceCatalog.fullNameOf(chosen),
                    settings.metadata(),
                    json.printCompact(message.get()),
                    settings.deadline()));
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            return Optional.empty();
        }
    }

    // --- saved calls, history, environments

    /** Saves the composed call under {@code name} in the current environment's collection. */
    public void saveCall(String name) {
        MethodDescriptor chosen = method.get();
        if (chosen == null) {
            problem.set("Choose a method first.");
            return;
        }
        SavedCall call = new SavedCall(
                name.strip(),
                ServiceCatalog.fullNameOf(chosen),
                request.get(),
                metadata.get(),
                deadlineSeconds.get(),
                compression.get());
        savedCalls.setAll(files.save(environment.get().name(), call));
    }

    /** Puts a saved call back in the composer (its method must be in the catalogue). */
    public void load(SavedCall call) {
        selectMethod(call.method());
        request.set(call.request());
        metadata.set(call.metadata());
        deadlineSeconds.set(call.deadlineSeconds());
        compression.set(call.compression());
    }

    /** Puts a call of the history back in the composer: its method, last request and metadata. */
    public void load(HistoryEntry entry) {
        selectMethod(entry.method());
        String[] sent = entry.request().split("\n(?=\\{)");
        request.set(sent[sent.length - 1]);
        metadata.set(entry.metadata());
    }

    /** Switches the whole app to {@code chosen}: the composition root reconnects the monitor too. */
    public void useEnvironment(Environment chosen) {
        if (chosen.equals(environment.get())) {
            return;
        }
        switchEnvironment.accept(chosen);
    }

    /**
     * Returns how {@code environment} reaches its server.
     *
     * @throws IllegalArgumentException when its TLS settings do not fit together (files without TLS)
     */
    public static ChannelSecurity securityOf(Environment environment) {
        return new ChannelSecurity(
                environment.tls(),
                pathOrNull(environment.caFile()),
                pathOrNull(environment.certificateFile()),
                pathOrNull(environment.keyFile()),
                pathOrNull(environment.tokenFile()));
    }

    private static @Nullable Path pathOrNull(String text) {
        return text.isBlank() ? null : Path.of(text.strip());
    }

    /** Ends the call in progress and closes a channel of the Explorer's own; the view deactivates. */
    public void close() {
        cancel();
        closeExplored();
    }

    private void closeExplored() {
        ExplorerChannel current = explored;
        if (current != null && !current.isShared()) {
            current.close();
        }
        explored = null;
    }

    private void clearProblem() {
        problemField.set("");
        problem.set("");
    }

    // --- properties

    public StringProperty targetProperty() {
        return target;
    }

    public ReadOnlyObjectProperty<@Nullable ServiceCatalog> catalogProperty() {
        return catalog.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty catalogStatusProperty() {
        return catalogStatus.getReadOnlyProperty();
    }

    public ObservableList<String> drift() {
        return driftShown;
    }

    public ReadOnlyObjectProperty<@Nullable MethodDescriptor> methodProperty() {
        return method.getReadOnlyProperty();
    }

    public StringProperty requestProperty() {
        return request;
    }

    public StringProperty metadataProperty() {
        return metadata;
    }

    public StringProperty deadlineSecondsProperty() {
        return deadlineSeconds;
    }

    public StringProperty compressionProperty() {
        return compression;
    }

    /** The path of the field the last validation refused; empty when it passed or the JSON as a whole is wrong. */
    public ReadOnlyStringProperty problemFieldProperty() {
        return problemField.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty callOpenProperty() {
        return callOpen.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Sent and received counts, the stream's rate, and the latency once the call ended. */
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ObservableList<ResponseRow> responses() {
        return responsesShown;
    }

    public ObservableList<Header> headers() {
        return headersShown;
    }

    public ObservableList<Header> trailers() {
        return trailersShown;
    }

    public ObservableList<ErrorDetail> details() {
        return detailsShown;
    }

    public ObservableList<Environment> environments() {
        return environmentsShown;
    }

    public ObjectProperty<Environment> environmentProperty() {
        return environment;
    }

    public ObservableList<SavedCall> savedCalls() {
        return savedCallsShown;
    }

    public ObservableList<HistoryEntry> history() {
        return historyShown;
    }
}
