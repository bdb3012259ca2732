package io.tickscope.desktop.app;

import static java.util.Objects.requireNonNull;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.tickscope.desktop.alerts.AlertsModel;
import io.tickscope.desktop.alerts.AlertsView;
import io.tickscope.desktop.batch.BatchLookupView;
import io.tickscope.desktop.connection.ChannelSecurity;
import io.tickscope.desktop.connection.ServerChoice;
import io.tickscope.desktop.explorer.ExplorerViewModel;
import io.tickscope.desktop.explorer.saved.Environment;
import io.tickscope.desktop.explorer.saved.ExplorerFiles;
import io.tickscope.desktop.launch.Verdicts;
import io.tickscope.desktop.recommendations.RecommendationsView;
import io.tickscope.desktop.replay.ReplayWindow;
import io.tickscope.desktop.rpc.RpcErrors;
import io.tickscope.desktop.rpc.wire.WireMeter;
import io.tickscope.desktop.settings.DesktopSettings;
import io.tickscope.desktop.settings.WindowBounds;
import io.tickscope.desktop.shell.ConnectDialog;
import io.tickscope.desktop.shell.ConnectionNotice;
import io.tickscope.desktop.shell.MainMenu;
import io.tickscope.desktop.shell.Notifications;
import io.tickscope.desktop.shell.ProblemDialog;
import io.tickscope.desktop.shell.StatusBar;
import io.tickscope.desktop.shell.View;
import io.tickscope.desktop.ui.FxPulse;
import io.tickscope.desktop.ui.MoneyFormat;
import io.tickscope.desktop.ui.UiThread;
import io.tickscope.desktop.watchlist.WatchlistView;
import io.tickscope.desktop.watchlist.WatchlistViewModel;
import io.tickscope.desktop.wire.WireView;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.jspecify.annotations.Nullable;

/**
 * The application: builds the window, runs the views over the current session, and shuts everything down on
 * exit. Every view is built over the session's clients, activated, and deactivated before its session
 * closes; connecting to another server deactivates them all, then builds them afresh over the new session.
 */
public final class TickscopeApp extends Application {

    private static final double DEFAULT_WIDTH = 1280;
    private static final double DEFAULT_HEIGHT = 800;

    /** The options {@link DesktopOptions#call()} parsed, for the application JavaFX creates. */
    private static final AtomicReference<@Nullable DesktopOptions> launchedWith = new AtomicReference<>();

    /** Counts every call on every session's channel, for the Wire view; it outlives sessions. */
    private final WireMeter wireMeter = new WireMeter();
    /** Clocks of the views (wire refresh, session chart, autopilot): off the FX thread, never blocking it. */
    private final ScheduledExecutorService viewTimers = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "tickscope-view-timers");
        thread.setDaemon(true);
        return thread;
    });

    private @Nullable DesktopOptions options;
    private @Nullable RememberedSettings settings;
    /** How the next session's channel is secured: the flags, until an environment says otherwise. */
    private volatile ChannelSecurity security = ChannelSecurity.plaintext();
    /** The Explorer's files, and the environment the app is in (the toolbar of the Explorer switches it). */
    private @Nullable ExplorerFiles explorerFiles;

    private @Nullable Environment environment;
    private @Nullable SessionSwitch sessions;
    /** The first session, opening in the background while the window builds. */
    private @Nullable CompletableFuture<Session> firstSession;
    /** Why the first session could not open, for the smoke test's verdict. */
    private String sessionProblem = "";

    private @Nullable Stage stage;
    private final TabPane tabs = new TabPane();
    private @Nullable MenuBar menuBar;
    private final StatusBar statusBar = new StatusBar();
    private final MoneyFormat money = MoneyFormat.forDefaultLocale();
    /** In-window notifications over the views (alerts raise them). */
    private final Notifications notifications = new Notifications();
    /** The alerts and their log: the user's, so they outlive sessions. */
    private @Nullable AlertsModel alerts;
    /** The replay shown instead of views, with --replay. */
    private @Nullable ReplayWindow replaying;

    private final BooleanProperty darkTheme = new SimpleBooleanProperty();
    private @Nullable UiThread ui;
    private @Nullable FxPulse pulse;

    /** The views over the current session, in tab order. */
    private List<View> views = List.of();
    /** Stops the status bar following the current session's connection. */
    private Runnable unfollowConnection = () -> {};
    /** Live updates the current views have shown, all together: the launch verdicts wait for the first. */
    private final ReadOnlyLongWrapper liveUpdatesShown = new ReadOnlyLongWrapper();

    /** Opens the window over {@code parsed}; returns when it closed. */
    static void launch(DesktopOptions parsed) {
        launchedWith.set(requireNonNull(parsed, "parsed"));
        Application.launch(TickscopeApp.class);
    }

    /**
     * Runs on the launcher thread, before the window. The session opens in the background meanwhile: starting
     * the embedded server takes seconds, and the window need not wait for it.
     */
    @Override
    public void init() {
        DesktopOptions handedOver = launchedWith.getAndSet(null);
        DesktopOptions parsed = handedOver != null
                ? handedOver
                : DesktopOptions.of(getParameters().getRaw());
        options = parsed;
        settings = RememberedSettings.load(parsed);
        security = parsed.channelSecurity();
        ExplorerFiles files = new ExplorerFiles(settings.directory());
        explorerFiles = files;
        environment = ExplorerWiring.environmentOf(settings.current().server(), security, files);
        if (parsed.replayFile != null) {
            // A replay needs no server: no session opens.
            return;
        }
        SessionSwitch opening = new SessionSwitch(
                choice -> Session.open(choice, parsed.dataDirectoryOrDefault(), parsed.tickRate, security, wireMeter));
        sessions = opening;
        firstSession = opening.openFirst(settings.current().server());
    }

    @Override
    public void start(Stage primaryStage) {
        stage = primaryStage;
        DesktopSettings startSettings = settings().current();
        darkTheme.addListener((property, was, dark) -> {
            applyTheme(dark);
            settings().update(current -> current.withDarkTheme(dark));
        });
        darkTheme.set(startSettings.darkTheme());
        applyTheme(darkTheme.get());
        AlertsModel watching = new AlertsModel(Platform::runLater, startSettings.alerts());
        alerts = watching;
        AlertsView.notify(watching, money, notifications, this::alertLogShown);
        FxPulse startedPulse = FxPulse.start();
        pulse = startedPulse;
        ui = UiThread.javaFx(startedPulse);

        Path replayFile = requireNonNull(options, "options").replayFile;
        if (replayFile != null) {
            showReplay(primaryStage, replayFile);
            return;
        }
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        // Opening the alert log shows what the notifications said, and they would cover its newest rows.
        tabs.getSelectionModel().selectedItemProperty().addListener(observable -> {
            if (alertLogShown()) {
                notifications.dismissAll();
            }
        });
        BorderPane root = new BorderPane(tabs);
        MenuBar menu = MainMenu.create(new MainMenu.Actions(this::connect, Platform::exit), tabs, darkTheme);
        menuBar = menu;
        root.setTop(menu);
        root.setBottom(statusBar);
        StackPane window = new StackPane(root, notifications.layer());
        DesktopSettings remembered = settings().current();
        WindowBounds bounds = visible(remembered.window());
        Scene scene = new Scene(
                window,
                bounds != null ? bounds.width() : DEFAULT_WIDTH,
                bounds != null ? bounds.height() : DEFAULT_HEIGHT);
        scene.getStylesheets()
                .add(requireNonNull(TickscopeApp.class.getResource("/io/tickscope/desktop/tickscope.css"))
                        .toExternalForm());
        // Escape that nothing else used (a dialog, a menu, a combo box) closes the notifications.
        scene.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                notifications.dismissAll();
            }
        });
        ServerChoice choice = remembered.server();
        statusBar.showOpening(choice);
        requireNonNull(firstSession, "firstSession")
                .whenComplete((opened, failure) -> Platform.runLater(() -> {
                    if (failure != null) {
                        sessionProblem = RpcErrors.describe(failure);
                        statusBar.showProblem(sessionProblem);
                        showError("Could not open " + choice, failure);
                        return;
                    }
                    sessions().replace(opened);
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
        DesktopOptions parsed = requireNonNull(options, "options");
        Verdicts.start(
                parsed.smokeTestTimeout,
                parsed.screenshotDirectory,
                scene,
                tabs,
                liveUpdatesShown.getReadOnlyProperty(),
                this::diagnosis);
    }

    private static String tabId(String viewTitle) {
        return View.slugOf(viewTitle) + "-tab";
    }

    /** Whether the Alerts tab shows, whose log says what a notification would. */
    private boolean alertLogShown() {
        Tab selected = tabs.getSelectionModel().getSelectedItem();
        return selected != null && tabId(AlertsView.TITLE).equals(selected.getId());
    }

    /** {@code --replay FILE}: the replay alone, in the main window, with no session. */
    private void showReplay(Stage primaryStage, Path file) {
        ReplayWindow replay;
        try {
            replay = ReplayWindow.of(file, requireNonNull(ui, "ui"), money, requireNonNull(alerts, "alerts"));
        } catch (RuntimeException e) {
            primaryStage.setScene(new Scene(new BorderPane(), DEFAULT_WIDTH, DEFAULT_HEIGHT));
            primaryStage.show();
            ProblemDialog.show(
                    primaryStage,
                    "Cannot replay " + file,
                    String.valueOf(e.getMessage()),
                    "Name a file that Watchlist › Record wrote.",
                    null);
            return;
        }
        replaying = replay;
        StackPane window = new StackPane(replay.node(), notifications.layer());
        Scene scene = new Scene(window, DEFAULT_WIDTH, DEFAULT_HEIGHT);
        scene.getStylesheets()
                .add(requireNonNull(TickscopeApp.class.getResource("/io/tickscope/desktop/tickscope.css"))
                        .toExternalForm());
        primaryStage.setTitle("Tickscope — REPLAY of " + file.getFileName());
        primaryStage.setScene(scene);
        primaryStage.show();
        replay.start();
    }

    @Override
    public void stop() {
        viewTimers.shutdownNow();
        ReplayWindow replay = replaying;
        if (replay != null) {
            replay.stop();
            if (pulse != null) {
                pulse.stop();
            }
            // A replay changes nothing worth remembering but the theme and the alerts.
            settings()
                    .update(current -> current.withAlerts(
                            List.copyOf(requireNonNull(alerts, "alerts").rules())));
            settings().save();
            return;
        }
        closeViews();
        Stage window = stage;
        if (window != null && window.getWidth() > 0) {
            WindowBounds bounds = new WindowBounds(
                    window.getX(), window.getY(), window.getWidth(), window.getHeight(), window.isMaximized());
            settings().update(current -> current.withWindow(bounds));
        }
        if (pulse != null) {
            pulse.stop();
        }
        settings().save();
        sessions().close();
    }

    /** Builds every view over {@code opened}, one tab each, and activates them. */
    private void openViews(Session opened) {
        statusBar.showServer(opened.connection().address(), opened.connection().isEmbedded());
        Runnable unfollowState = opened.monitor()
                .subscribe(state -> Platform.runLater(() -> {
                    // A report of the session just replaced may arrive late; it must not overwrite the new one's.
                    if (sessions().current() == opened) {
                        statusBar.show(state);
                    }
                }));
        Runnable unfollowProblems =
                ConnectionNotice.follow(opened.monitor(), requireNonNull(stage, "stage"), statusBar, this::connect);
        unfollowConnection = () -> {
            unfollowState.run();
            unfollowProblems.run();
        };

        UiThread fx = requireNonNull(ui, "ui");
        AlertsModel watching = requireNonNull(alerts, "alerts");
        List<View> opening = List.of(
                WatchlistView.create(opened.pricing(), fx, money, settings().current(), watching),
                BatchLookupView.create(opened.pricing(), fx),
                RecommendationsView.create(opened.recommendations(), fx, viewTimers),
                WireView.create(wireMeter, fx, viewTimers),
                AlertsView.create(watching, WatchlistViewModel.CURRENCIES, money),
                ExplorerWiring.view(
                        opened,
                        fx,
                        requireNonNull(explorerFiles, "explorerFiles"),
                        requireNonNull(environment, "environment"),
                        this::useEnvironment));
        views = opening;
        liveUpdatesShown.bind(Bindings.createLongBinding(
                () -> opening.stream()
                        .mapToLong(view -> view.liveUpdatesShown().get())
                        .sum(),
                opening.stream().map(View::liveUpdatesShown).toArray(Observable[]::new)));

        List<Tab> shown = new ArrayList<>();
        List<Menu> viewMenus = new ArrayList<>();
        for (View view : views) {
            Tab tab = new Tab(view.title(), view.node());
            tab.setId(tabId(view.title()));
            shown.add(tab);
            for (Menu menu : view.menus()) {
                showingFirst(tab, menu);
                viewMenus.add(menu);
            }
            if (view.runsWhileHidden()) {
                view.activate();
            } else {
                tab.selectedProperty().addListener((property, was, selected) -> {
                    if (selected) {
                        view.activate();
                    } else {
                        view.deactivate();
                    }
                });
            }
        }
        tabs.getTabs().setAll(shown);
        MainMenu.showViewMenus(requireNonNull(menuBar, "menuBar"), viewMenus);
        for (int i = 0; i < views.size(); i++) {
            if (shown.get(i).isSelected() && !views.get(i).runsWhileHidden()) {
                views.get(i).activate();
            }
        }
    }

    /** Deactivates every view on purpose, each ending its own calls, after taking what they remember. */
    private void closeViews() {
        List<View> closing = views;
        views = List.of();
        settings().update(current -> {
            DesktopSettings remembered = current;
            for (View view : closing) {
                remembered = view.remember(remembered);
            }
            return remembered;
        });
        closing.forEach(View::deactivate);
        unfollowConnection.run();
        unfollowConnection = () -> {};
        liveUpdatesShown.unbind();
    }

    /** File › Connect: opens the chosen server off the FX thread, then switches the views over to it. */
    private void connect() {
        Stage window = requireNonNull(stage, "stage");
        ServerChoice current = settings().current().server();
        if (sessions().current() == null) {
            return;
        }
        ConnectDialog.ask(window, current).ifPresent(choice -> {
            if (choice.equals(current)) {
                // Already there: the channel reconnects by itself.
                return;
            }
            switchTo(choice, () -> {});
        });
    }

    /**
     * The Explorer's environment switch: the whole app moves to {@code chosen}'s server, secured as it says,
     * through the same session switch as File › Connect; if it cannot be opened, nothing changes.
     */
    private void useEnvironment(Environment chosen) {
        Environment previous = requireNonNull(environment, "environment");
        ChannelSecurity previousSecurity = security;
        try {
            security = ExplorerViewModel.securityOf(chosen);
            environment = chosen;
            switchTo(ExplorerWiring.choiceOf(chosen), () -> {
                environment = previous;
                security = previousSecurity;
            });
        } catch (IllegalArgumentException e) {
            environment = previous;
            security = previousSecurity;
            showError("Could not use " + chosen, e);
        }
    }

    /** Opens {@code choice} off the FX thread, then switches the views over to it; {@code undo} on failure. */
    private void switchTo(ServerChoice choice, Runnable undo) {
        statusBar.showOpening(choice);
        sessions()
                .open(choice)
                .whenComplete((opened, failure) -> Platform.runLater(() -> {
                    if (failure != null) {
                        undo.run();
                        Session old = requireNonNull(sessions().current(), "session");
                        statusBar.showServer(
                                old.connection().address(), old.connection().isEmbedded());
                        statusBar.show(old.monitor().current());
                        showError("Could not open " + choice, failure);
                        return;
                    }
                    closeViews();
                    settings().update(remembered -> remembered.withServer(choice));
                    settings().save();
                    sessions().replace(opened);
                    openViews(opened);
                }));
    }

    /** What the monitor sees, for a failed smoke test. */
    private String diagnosis() {
        Session current = sessions().current();
        if (current == null) {
            return sessionProblem.isEmpty() ? "the server is still starting" : "no server: " + sessionProblem;
        }
        String feeds = views.stream()
                .filter(view -> !view.feedStatus().get().isEmpty())
                .map(view -> view.title().toLowerCase(Locale.ROOT) + ": "
                        + view.feedStatus().get())
                .collect(Collectors.joining("; "));
        return feeds + (feeds.isEmpty() ? "" : "; ") + "connection: "
                + current.monitor().current().label();
    }

    /** Makes every item of {@code menu} show {@code tab} before it acts. */
    private void showingFirst(Tab tab, Menu menu) {
        for (MenuItem item : menu.getItems()) {
            var action = item.getOnAction();
            item.setOnAction(event -> {
                tabs.getSelectionModel().select(tab);
                if (action != null) {
                    action.handle(event);
                }
            });
        }
    }

    /** AtlantaFX's Primer theme, light or dark; tickscope.css reads the theme's colour variables, so it follows. */
    private static void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(
                dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }

    private RememberedSettings settings() {
        return requireNonNull(settings, "settings: before init");
    }

    private SessionSwitch sessions() {
        return requireNonNull(sessions, "sessions: before init");
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

    private void showError(String what, Throwable failure) {
        ProblemDialog.show(
                requireNonNull(stage, "stage"),
                what,
                RpcErrors.describe(failure),
                "Check the address and the --tls flags, then choose a server with File › Connect.",
                null);
    }
}
