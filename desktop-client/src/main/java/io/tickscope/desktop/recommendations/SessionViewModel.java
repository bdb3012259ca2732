package io.tickscope.desktop.recommendations;

import static java.util.Objects.requireNonNull;

import io.tickscope.desktop.model.ActionType;
import io.tickscope.desktop.model.Category;
import io.tickscope.desktop.model.RecommendationsUpdate;
import io.tickscope.desktop.model.RecommendedBook;
import io.tickscope.desktop.rpc.LiveSession;
import io.tickscope.desktop.rpc.RecommendationClient;
import io.tickscope.desktop.rpc.SessionListener;
import io.tickscope.desktop.ui.UiThread;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * A live recommendation session: open it for a user and a category, act on books (or let the autopilot act
 * at a chosen rate), and watch the recommendations change as the server answers. When the server goes away,
 * the session says so and reopens by itself once the server is back, autopilot and all. A timeline of the last
 * {@value #TIMELINE_SECONDS} seconds (actions sent and updates received per second, top scores) feeds the
 * chart.
 *
 * <p>Call it on the UI thread. Stream answers land on gRPC threads and reach the UI coalesced: however fast
 * they come, the UI thread applies the latest once per turn. The timeline ticks and the autopilot run on the
 * injected scheduler.
 */
public final class SessionViewModel {

    /** Recommendations per answer. */
    public static final int MAX_RESULTS = 10;

    /** How many seconds the timeline keeps. */
    public static final int TIMELINE_SECONDS = 60;

    /** The fastest the autopilot acts, in actions per second. */
    public static final int MAX_AUTOPILOT_RATE = 50;

    private static final int TOP_SCORES = 3;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private final RecommendationClient client;
    private final UiThread ui;
    private final ScheduledExecutorService scheduler;
    private final Autopilot autopilot;
    private final Runnable refresh;

    private final StringProperty userId = new SimpleStringProperty(this, "userId", "U0001");
    private final ObjectProperty<Category> category = new SimpleObjectProperty<>(this, "category", Category.ALL);
    private final IntegerProperty autopilotRate = new SimpleIntegerProperty(this, "autopilotRate", 0);
    private final ObservableList<RecommendedBook> recommendations = FXCollections.observableArrayList();
    private final ObservableList<SessionSecond> timeline = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(this, "open");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "No session open.");
    private final ReadOnlyLongWrapper actionsSent = new ReadOnlyLongWrapper(this, "actionsSent");
    private final ReadOnlyLongWrapper actionsApplied = new ReadOnlyLongWrapper(this, "actionsApplied");
    private final ReadOnlyLongWrapper updatesReceived = new ReadOnlyLongWrapper(this, "updatesReceived");
    private final ReadOnlyBooleanWrapper reopening = new ReadOnlyBooleanWrapper(this, "reopening");
    private final ReadOnlyIntegerWrapper reopens = new ReadOnlyIntegerWrapper(this, "reopens");

    // Touched on the UI thread.
    private @Nullable OpenSession current;

    public SessionViewModel(RecommendationClient client, UiThread ui, ScheduledExecutorService scheduler) {
        this(client, ui, scheduler, new Random());
    }

    SessionViewModel(RecommendationClient client, UiThread ui, ScheduledExecutorService scheduler, Random random) {
        this.client = requireNonNull(client, "client");
        this.ui = requireNonNull(ui, "ui");
        this.scheduler = requireNonNull(scheduler, "scheduler");
        this.autopilot = new Autopilot(requireNonNull(random, "random"));
        this.refresh = ui.refresher(this::refreshUi);
        autopilotRate.addListener((property, before, rate) -> {
            if (current != null) {
                current.steer(rate.intValue());
            }
        });
    }

    /** Opens a session for {@link #userIdProperty()} and {@link #categoryProperty()}, closing any open one. */
    public void open() {
        String user = userId.get().strip();
        if (user.isEmpty()) {
            status.set("user: \"\" (expected: a user id, for example \"U0042\")");
            return;
        }
        close();
        recommendations.clear();
        timeline.clear();
        actionsSent.set(0);
        actionsApplied.set(0);
        updatesReceived.set(0);
        reopening.set(false);
        reopens.set(0);
        OpenSession session = new OpenSession();
        current = session;
        open.set(true);
        status.set("Opening a session for " + user + "...");
        session.start(client.openSession(user, category.get(), MAX_RESULTS, session));
        session.steer(autopilotRate.get());
    }

    /** Closes the open session, if any; the last recommendations stay on screen. */
    public void close() {
        OpenSession session = current;
        if (session != null) {
            session.stop();
            session.live().close();
            current = null;
            open.set(false);
            reopening.set(false);
            status.set("Session closed after " + actionsSent.get() + " actions.");
        }
    }

    /** Sends that the user did {@code type} with {@code bookId}, with {@code stars} (1 to 5) when rating. */
    public void act(String bookId, ActionType type, int stars) {
        OpenSession session = current;
        if (session == null) {
            status.set("Open a session first: actions go up its stream.");
            return;
        }
        session.send(bookId, type, stars);
    }

    private void refreshUi() {
        OpenSession session = current;
        if (session == null) {
            return;
        }
        // An interruption clears the answers before it, so whatever answer is left came after it.
        String interruption = session.interruption.getAndSet(null);
        if (interruption != null) {
            reopening.set(true);
            status.set("Reconnecting: " + interruption);
        }
        RecommendationsUpdate update = session.latest.getAndSet(null);
        if (update != null) {
            recommendations.setAll(update.recommendations());
            actionsApplied.set(update.actionsApplied());
            String answered = String.format(
                    Locale.ROOT,
                    "%d recommendations at %s, after %d actions.",
                    update.recommendations().size(),
                    CLOCK.format(LocalTime.ofInstant(update.generatedAt(), ZoneId.systemDefault())),
                    update.actionsApplied());
            if (reopening.get()) {
                reopening.set(false);
                reopens.set(reopens.get() + 1);
            }
            status.set(reopens.get() == 0 ? answered : "Reopened (" + reopens.get() + "x). " + answered);
        }
        actionsSent.set(session.actionsTotal.get());
        updatesReceived.set(session.updatesTotal.get());
        String ending = session.ending.get();
        if (ending != null) {
            session.stop();
            current = null;
            open.set(false);
            reopening.set(false);
            status.set(ending);
        }
    }

    private void addToTimeline(OpenSession session, SessionSecond second) {
        if (session == current) {
            if (timeline.size() == TIMELINE_SECONDS) {
                timeline.remove(0);
            }
            timeline.add(second);
        }
    }

    /** One open session: its stream's listener, its counters, and its timers. */
    private final class OpenSession implements SessionListener {

        // Written by the stream, read by the UI thread, the ticker and the autopilot.
        final AtomicReference<@Nullable RecommendationsUpdate> latest = new AtomicReference<>();
        final AtomicReference<@Nullable String> interruption = new AtomicReference<>();
        final AtomicReference<@Nullable String> ending = new AtomicReference<>();
        final AtomicLong actionsTotal = new AtomicLong();
        final AtomicLong updatesTotal = new AtomicLong();
        private final AtomicInteger actionsThisSecond = new AtomicInteger();
        private final AtomicInteger updatesThisSecond = new AtomicInteger();
        private volatile List<RecommendedBook> shown = List.of();
        private volatile @Nullable LiveSession live;

        // Touched on the UI thread.
        private @Nullable ScheduledFuture<?> ticker;
        private @Nullable ScheduledFuture<?> pilot;

        // Touched by the ticker only.
        private long secondsOpen;

        void start(LiveSession session) {
            live = session;
            ticker = scheduler.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
        }

        LiveSession live() {
            return requireNonNull(live, "live: before start");
        }

        /** Runs the autopilot at {@code rate} actions per second, or stops it at 0. */
        void steer(int rate) {
            if (pilot != null) {
                pilot.cancel(false);
                pilot = null;
            }
            if (rate > 0) {
                long periodMicros = TimeUnit.SECONDS.toMicros(1) / Math.min(rate, MAX_AUTOPILOT_RATE);
                pilot = scheduler.scheduleAtFixedRate(
                        this::actOnAutopilot, periodMicros, periodMicros, TimeUnit.MICROSECONDS);
            }
        }

        void stop() {
            steer(0);
            if (ticker != null) {
                ticker.cancel(false);
            }
        }

        void send(String bookId, ActionType type, int stars) {
            if (live().act(bookId, type, stars)) {
                actionsTotal.incrementAndGet();
                actionsThisSecond.incrementAndGet();
                refresh.run();
            }
        }

        private void actOnAutopilot() {
            // A transport that is not ready means the server reads slower than we act: skip a beat, queue nothing.
            if (live().isReady()) {
                autopilot.next(shown).ifPresent(action -> send(action.bookId(), action.type(), action.stars()));
            }
        }

        private void tick() {
            List<RecommendedBook> books = shown;
            List<Double> topScores = new ArrayList<>(TOP_SCORES);
            for (int rank = 0; rank < Math.min(TOP_SCORES, books.size()); rank++) {
                topScores.add(books.get(rank).score());
            }
            SessionSecond second = new SessionSecond(
                    ++secondsOpen, actionsThisSecond.getAndSet(0), updatesThisSecond.getAndSet(0), topScores);
            ui.execute(() -> addToTimeline(this, second));
        }

        @Override
        public void onItem(RecommendationsUpdate update) {
            shown = update.recommendations();
            latest.set(update);
            updatesTotal.incrementAndGet();
            updatesThisSecond.incrementAndGet();
            refresh.run();
        }

        @Override
        public void onInterrupted(String reason) {
            // Answers from before the break are stale: the reopened session answers afresh.
            latest.set(null);
            interruption.set(reason);
            refresh.run();
        }

        @Override
        public void onEnd(@Nullable String failure) {
            ending.set(failure == null ? "The server ended the session." : "Session ended: " + failure);
            refresh.run();
        }
    }

    /** The user the next session is for, for example "U0042". */
    public StringProperty userIdProperty() {
        return userId;
    }

    /** The shelf the next session recommends from. */
    public ObjectProperty<Category> categoryProperty() {
        return category;
    }

    /** Actions per second the autopilot sends while a session is open, 0 (off) to {@link #MAX_AUTOPILOT_RATE}. */
    public IntegerProperty autopilotRateProperty() {
        return autopilotRate;
    }

    /** The latest recommendations, best first. */
    public ObservableList<RecommendedBook> recommendations() {
        return recommendations;
    }

    /** The session's last {@value #TIMELINE_SECONDS} seconds, oldest first. */
    public ObservableList<SessionSecond> timeline() {
        return timeline;
    }

    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    /** What the session is doing, or why it ended, in words. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Actions sent in this session, by the user and the autopilot. */
    public ReadOnlyLongProperty actionsSentProperty() {
        return actionsSent.getReadOnlyProperty();
    }

    /** Actions the server had applied at its latest answer. */
    public ReadOnlyLongProperty actionsAppliedProperty() {
        return actionsApplied.getReadOnlyProperty();
    }

    /** Whether the session's stream broke and the session waits to reopen. */
    public ReadOnlyBooleanProperty reopeningProperty() {
        return reopening.getReadOnlyProperty();
    }

    /** How many times the session reopened by itself after its stream broke. */
    public ReadOnlyIntegerProperty reopensProperty() {
        return reopens.getReadOnlyProperty();
    }

    /** Recommendation updates received in this session. */
    public ReadOnlyLongProperty updatesReceivedProperty() {
        return updatesReceived.getReadOnlyProperty();
    }
}
