package io.tickscope.desktop;

import static java.util.Objects.requireNonNull;

import atlantafx.base.theme.PrimerLight;
import io.tickscope.desktop.batch.BatchLookupView;
import io.tickscope.desktop.connection.ServerChoice;
import io.tickscope.desktop.recommendations.RecommendationsView;
import io.tickscope.desktop.rpc.BatchPricingClient;
import io.tickscope.desktop.settings.DesktopSettings;
import io.tickscope.desktop.settings.SettingsFile;
import io.tickscope.desktop.settings.WindowBounds;
import io.tickscope.desktop.shell.ConnectDialog;
import io.tickscope.desktop.shell.ConnectionNotice;
import io.tickscope.desktop.shell.MainMenu;
import io.tickscope.desktop.shell.ProblemDialog;
import io.tickscope.desktop.shell.StatusBar;
import io.tickscope.desktop.ui.FxPulse;
import io.tickscope.desktop.ui.MoneyFormat;
import io.tickscope.desktop.ui.UiThread;
import io.tickscope.desktop.watchlist.WatchlistView;
import io.tickscope.desktop.watchlist.WatchlistViewModel;
import io.tickscope.desktop.wire.WireView;
import io.tickscope.shared.wire.WireMeter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: opens the session (the server, started embedded when none is named, and the one
 * channel every view shares), builds the window and the views over it, remembers the settings, and shuts
 * everything down on exit. Connecting to another server replaces the session and rebuilds the views.
 */
public final class TickscopeApp extends Application {

    private static final double DEFAULT_WIDTH = 1280;
    private static final double DEFAULT_HEIGHT = 800;
    /** How long the charts fill before screenshots are taken. */
    private static final java.time.Duration SCREENSHOT_FILL = java.time.Duration.ofSeconds(25);

    /** Counts every call on every session's channel, for the Wire view; it outlives sessions. */
    private final WireMeter wireMeter = new WireMeter();
    /** Clocks of the views (wire refresh, session chart, autopilot): off the FX thread, never blocking it. */
    private final ScheduledExecutorService viewTimers = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "tickscope-view-timers");
        thread.setDaemon(true);
        return thread;
    });

    private static final Logger logger = LoggerFactory.getLogger(TickscopeApp.class);

    private @Nullable DesktopOptions options;
    private @Nullable SettingsFile settingsFile;
    private @Nullable DesktopSettings settings;
    /** The first session, opening in the background while the window builds. */
    private @Nullable CompletableFuture<Session> firstSession;
    /** The session the views use; null until the first one opened. */
    private @Nullable Session session;
    /** Completes when the session replaced last has closed, so its embedded server is gone. */
    private CompletableFuture<Void> previousSessionClosed = CompletableFuture.completedFuture(null);
    /** Why the first session could not open, for the smoke test's verdict. */
    private String sessionProblem = "";

    private @Nullable Stage stage;
    private final TabPane views = new TabPane();
    private final StatusBar statusBar = new StatusBar();
    private final MoneyFormat money = MoneyFormat.forDefaultLocale();
    private @Nullable UiThread ui;
    private @Nullable FxPulse pulse;
    /** The views of the current session; each is deactivated when the session ends. */
    private final List<Runnable> deactivations = new ArrayList<>();

    private @Nullable WatchlistViewModel watchlistModel;
    private @Nullable WatchlistView watchlist;
    /** Live changes the current watchlist has shown; follows the watchlist across sessions. */
    private final ReadOnlyLongWrapper liveTicksShown = new ReadOnlyLongWrapper();

    /**
     * Runs on the launcher thread, before the window. The session opens in the background meanwhile: starting
     * the embedded server takes seconds, and the window need not wait for it.
     */
    @Override
    public void init() {
        DesktopOptions parsed = DesktopOptions.of(getParameters().getRaw());
        options = parsed;
        SettingsFile file =
                parsed.settingsFile != null ? new SettingsFile(parsed.settingsFile) : SettingsFile.inConfigDirectory();
        settingsFile = file;
        DesktopSettings loaded = file.load();
        if (parsed.server != null) {
            loaded = loaded.withServer(ServerChoice.remote(parsed.server));
        }
        settings = loaded;
        ServerChoice choice = loaded.server();
        firstSession = openInBackground(choice);
    }

    @Override
    public void start(Stage primaryStage) {
        stage = primaryStage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        FxPulse startedPulse = FxPulse.start();
        pulse = startedPulse;
        ui = UiThread.javaFx(startedPulse);

        views.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        BorderPane root = new BorderPane(views);
        root.setTop(MainMenu.create(
                new MainMenu.Actions(
                        this::connect,
                        Platform::exit,
                        () -> {
                            views.getSelectionModel().selectFirst();
                            requireNonNull(watchlist, "watchlist").focusSearch();
                        },
                        () -> requireNonNull(watchlist, "watchlist").removeSelected()),
                views));
        root.setBottom(statusBar);
        DesktopSettings remembered = requireNonNull(settings, "settings");
        WindowBounds bounds = visible(remembered.window());
        Scene scene = new Scene(
                root,
                bounds != null ? bounds.width() : DEFAULT_WIDTH,
                bounds != null ? bounds.height() : DEFAULT_HEIGHT);
        scene.getStylesheets()
                .add(requireNonNull(TickscopeApp.class.getResource("tickscope.css"))
                        .toExternalForm());
        ServerChoice choice = remembered.server();
        statusBar.showOpening(choice.isEmbedded() ? "the embedded server" : choice.toString());
        requireNonNull(firstSession, "firstSession")
                .whenComplete((opened, failure) -> Platform.runLater(() -> {
                    if (failure != null) {
                        sessionProblem = describe(failure);
                        statusBar.showProblem(sessionProblem);
                        showError("Could not open " + choice, failure);
                        return;
                    }
                    session = opened;
                    openViews(opened);
                }));

        primaryStage.setTitle("Tickscope");
        primaryStage.setScene(scene);
        if (bounds != null) {
            primaryStage.setX(bounds.x());
            primaryStage.setY(bounds.y());
            primaryStage.setMaximized(bounds.maximized());
        }
        primaryStage.show();
        startVerdicts(scene);
    }

    @Override
    public void stop() {
        viewTimers.shutdownNow();
        DesktopSettings finalSettings = rememberViews(requireNonNull(settings, "settings"));
        Stage window = stage;
        if (window != null && window.getWidth() > 0) {
            finalSettings = finalSettings.withWindow(new WindowBounds(
                    window.getX(), window.getY(), window.getWidth(), window.getHeight(), window.isMaximized()));
        }
        closeViews();
        if (pulse != null) {
            pulse.stop();
        }
        save(finalSettings);
        if (session != null) {
            session.close();
        } else if (firstSession != null) {
            // Closed before the first session opened: it still must not outlive the window.
            firstSession.thenAccept(Session::close);
        }
    }

    /**
     * Builds every view over {@code opened}: each tab is one view, and every client is built over the
     * session's one channel.
     */
    private void openViews(Session opened) {
        statusBar.showServer(opened.connection().address(), opened.connection().isEmbedded());
        Runnable unsubscribe = opened.monitor()
                .subscribe(state -> Platform.runLater(() -> {
                    // A report of the session just replaced may arrive late; it must not overwrite the new one's.
                    if (session == opened) {
                        statusBar.show(state);
                    }
                }));
        deactivations.add(unsubscribe);
        deactivations.add(
                ConnectionNotice.follow(opened.monitor(), requireNonNull(stage, "stage"), statusBar, this::connect));

        DesktopSettings remembered = requireNonNull(settings, "settings");
        WatchlistViewModel model =
                new WatchlistViewModel(opened.pricing(), requireNonNull(ui, "ui"), Clock.systemUTC());
        model.currencyProperty().set(remembered.currency());
        model.segmentProperty().set(remembered.segment());
        model.restore(remembered.watchedProducts());
        WatchlistView view = new WatchlistView(model, money);
        view.activate();
        deactivations.add(view::deactivate);
        watchlistModel = model;
        watchlist = view;
        liveTicksShown.bind(model.liveTicksShownProperty());

        views.getTabs()
                .setAll(List.of(
                        tab("Watchlist", view.node()),
                        withId(BatchLookupView.tab(new BatchPricingClient(opened.channel()), Platform::runLater)),
                        withId(RecommendationsView.tab(opened.recommendations(), Platform::runLater, viewTimers)),
                        withId(WireView.tab(wireMeter, Platform::runLater, viewTimers))));
    }

    private void closeViews() {
        deactivations.forEach(Runnable::run);
        deactivations.clear();
        liveTicksShown.unbind();
    }

    /** File › Connect: opens the chosen server off the FX thread, then swaps the session and the views. */
    private void connect() {
        Stage window = requireNonNull(stage, "stage");
        DesktopSettings current = requireNonNull(settings, "settings");
        if (session == null) {
            return;
        }
        ConnectDialog.ask(window, current.server()).ifPresent(choice -> {
            if (choice.equals(current.server())) {
                // Already there: the channel reconnects by itself.
                return;
            }
            statusBar.showOpening(choice.isEmbedded() ? "the embedded server" : choice.toString());
            // A previous embedded server must be gone before another opens the same data directory.
            previousSessionClosed
                    .thenCompose(closed -> openInBackground(choice))
                    .whenComplete((opened, failure) -> Platform.runLater(() -> {
                        if (failure != null) {
                            Session old = requireNonNull(session, "session");
                            statusBar.showServer(
                                    old.connection().address(), old.connection().isEmbedded());
                            statusBar.show(old.monitor().current());
                            showError("Could not open " + choice, failure);
                            return;
                        }
                        swapSession(opened, choice);
                    }));
        });
    }

    /** Opens a session on a thread of its own: an embedded server takes seconds to start. */
    private CompletableFuture<Session> openInBackground(ServerChoice choice) {
        DesktopOptions parsed = requireNonNull(options, "options");
        return CompletableFuture.supplyAsync(
                () -> Session.open(
                        choice, parsed.dataDirectoryOrDefault(), parsed.tickRate, parsed.channelSecurity(), wireMeter),
                task -> new Thread(task, "tickscope-open-session").start());
    }

    private void swapSession(Session opened, ServerChoice choice) {
        Session old = requireNonNull(session, "session");
        settings = rememberViews(requireNonNull(settings, "settings")).withServer(choice);
        closeViews();
        session = opened;
        openViews(opened);
        save(settings);
        // Stopping an embedded server takes a moment; the window does not wait for it.
        previousSessionClosed =
                CompletableFuture.runAsync(old::close, task -> new Thread(task, "tickscope-close-session").start());
    }

    private DesktopSettings rememberViews(DesktopSettings base) {
        WatchlistViewModel model = watchlistModel;
        if (model == null) {
            return base;
        }
        return base.withWatchlist(
                model.productIds(),
                model.currencyProperty().get(),
                model.segmentProperty().get());
    }

    /** Starts the smoke test or the screenshots when asked for; each ends the run with its verdict. */
    private void startVerdicts(Scene scene) {
        DesktopOptions parsed = requireNonNull(options, "options");
        if (parsed.smokeTestTimeout != null) {
            SmokeTest.run(
                    liveTicksShown.getReadOnlyProperty(),
                    parsed.smokeTestTimeout,
                    this::diagnosis,
                    System.out,
                    System.err,
                    this::exitWith);
        }
        if (parsed.screenshotDirectory != null) {
            Screenshots.take(
                    scene,
                    views,
                    liveTicksShown.getReadOnlyProperty(),
                    SCREENSHOT_FILL,
                    parsed.screenshotDirectory,
                    this::exitWith);
        }
    }

    /** What the monitor sees, for a failed smoke test. */
    private String diagnosis() {
        Session current = session;
        WatchlistViewModel model = watchlistModel;
        if (current == null || model == null) {
            return sessionProblem.isEmpty() ? "the server is still starting" : "no server: " + sessionProblem;
        }
        return "watchlist: " + model.feedMessageProperty().get() + "; connection: "
                + current.monitor().current().label();
    }

    private void exitWith(int code) {
        LaunchOutcome.setExitCode(code);
        Platform.exit();
    }

    private void save(DesktopSettings toSave) {
        try {
            requireNonNull(settingsFile, "settingsFile").save(toSave);
        } catch (RuntimeException e) {
            logger.warn("Settings not saved: {}", e.getMessage());
        }
    }

    private static Tab tab(String title, javafx.scene.Node content) {
        return withId(new Tab(title, content));
    }

    /** Gives {@code tab} the id tests and screenshots find it by. */
    private static Tab withId(Tab tab) {
        tab.setId(Screenshots.slugOf(tab.getText()) + "-tab");
        return tab;
    }

    /** Returns {@code bounds} when some screen still shows them, so a window never opens off-screen. */
    private static @Nullable WindowBounds visible(@Nullable WindowBounds bounds) {
        if (bounds == null) {
            return null;
        }
        boolean onScreen = !Screen.getScreensForRectangle(
                        new Rectangle2D(bounds.x(), bounds.y(), bounds.width(), bounds.height()))
                .isEmpty();
        return onScreen ? bounds : null;
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause()
                : failure;
        return cause.getMessage() != null
                ? cause.getMessage()
                : cause.getClass().getSimpleName();
    }

    private void showError(String what, Throwable failure) {
        ProblemDialog.show(
                requireNonNull(stage, "stage"),
                what,
                describe(failure),
                "Check the address and the --tls flags, then choose a server with File › Connect.",
                null);
    }
}
