package io.tickscope.desktop.shell;

import static io.tickscope.desktop.testing.FxScene.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tickscope.desktop.testing.MonitorLaunch;
import io.tickscope.desktop.testing.TestServer;
import io.tickscope.server.ServerSettings;
import io.tickscope.server.TickscopeServer;
import io.tickscope.server.limits.ServerLimits;
import io.tickscope.server.security.SecuritySettings;
import io.tickscope.server.security.TlsFiles;
import io.tickscope.server.security.testing.CertificateAuthority;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * File › Connect as a new user meets it, in the real application (headless) against real servers: a long error
 * is shown whole, a URL's scheme picks plaintext or TLS, and a name that does not resolve or a port where nothing
 * listens is said within seconds, with an offer to change the address.
 */
class ConnectingAppTest {

    /** What the issue asks for, "within a second or two", with room for a busy machine. */
    private static final Duration SOON = Duration.ofMillis(2_500);

    @TempDir
    static Path shared;

    private static @Nullable TestServer plaintext;
    private static @Nullable TickscopeServer tls;
    private static Path authority = Path.of("unset");

    @TempDir
    Path directory;

    private final FxRobot robot = new FxRobot();
    private @Nullable Application app;

    @BeforeAll
    static void startServers() throws Exception {
        plaintext = TestServer.start(0);
        CertificateAuthority ca = CertificateAuthority.create("Tickscope Connect CA");
        authority = ca.writeCertificate(shared.resolve("ca.crt"));
        TlsFiles serverFiles = ca.issueServer().writeTo(shared, "server");
        tls = TickscopeServer.start(new ServerSettings(
                "127.0.0.1",
                0,
                shared.resolve("data"),
                0,
                42,
                Duration.ofSeconds(1),
                SecuritySettings.none().withTls(serverFiles),
                ServerLimits.defaults()));
        FxToolkit.registerPrimaryStage();
    }

    @AfterAll
    static void stopServers() {
        if (plaintext != null) {
            plaintext.close();
        }
        if (tls != null) {
            tls.close();
        }
    }

    /** Starts the monitor on the plaintext server, written as a URL, with the TLS flags of the TLS one. */
    @BeforeEach
    void launch() throws Exception {
        app = MonitorLaunch.withArguments(
                "--server",
                plaintextUrl(),
                "--tls-ca",
                authority.toString(),
                "--settings",
                directory.resolve("desktop.properties").toString(),
                "--data-dir",
                directory.resolve("data").toString());
    }

    @AfterEach
    void close() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
    }

    @Test
    void aLongErrorIsShownWholeAndWrappedWithWhatToDoNext() {
        openConnectDialog();
        String address = "https://prices.example.com:8443/tickscope/pricing/v1/watch?segment=wholesale";
        typeAddress(address);

        Label problem = robot.lookup("#server-address-problem").queryAs(Label.class);
        String expected = "server: \"" + address + "\" has more than a scheme, host and port (expected: gRPC serves"
                + " at the root, such as https://prices.example.com:8443)";
        await().until(() -> onFx(problem::getText).equals(expected));
        assertShownWhole(problem, expected);
        assertShownWhole(robot.lookup("#server-address-examples").queryAs(Label.class), ConnectDialog.EXAMPLES);
        assertThat(onFx(() -> robot.lookup("Connect").queryAs(Button.class).isDisabled()))
                .isTrue();
        robot.clickOn("Cancel");
    }

    @Test
    void aUrlIsAcceptedAndItsSchemePicksPlaintextOrTls() {
        // Started with --tls-ca (which means TLS), but http:// says plaintext: the plaintext server is reached.
        await().atMost(Duration.ofSeconds(20))
                .until(() -> onFx(() -> serverText().equals("Server " + plaintextUrl())
                        && connectionState().equals("● ready")));

        openConnectDialog();
        String secure = "https://127.0.0.1:" + tlsServer().port();
        typeAddress(secure);
        robot.clickOn("Connect");

        // The TLS server's port speaks TLS only: ready means the channel spoke TLS, trusting --tls-ca.
        await().atMost(Duration.ofSeconds(20))
                .ignoreExceptionsInstanceOf(IllegalStateException.class)
                .until(() -> onFx(() -> serverText().equals("Server " + secure)
                        && connectionState().equals("● ready")));
        assertThat(onFx(this::problemText)).isEmpty();
    }

    @Test
    void anUnresolvableNameAndARefusedPortAreSaidWithinSecondsWithAnOfferToChangeTheAddress() throws IOException {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> onFx(() -> connectionState().equals("● ready")));

        openConnectDialog();
        typeAddress("tickscope-nowhere.invalid:8080");
        robot.clickOn("Connect");
        Label unresolved = awaitProblemDialog();
        assertThat(onFx(unresolved::getText))
                .isEqualTo("The host name of tickscope-nowhere.invalid:8080 does not resolve: no DNS entry gives it"
                        + " an address.");
        assertShownWhole(unresolved, onFx(unresolved::getText));
        assertThat(onFx(() ->
                        robot.lookup("#problem-advice").queryAs(Label.class).getText()))
                .contains("spelling");
        assertThat(onFx(this::problemText)).contains("does not resolve");

        robot.clickOn("#change-address");
        TextField field = awaitConnectDialog();
        String offered = onFx(field::getText);
        assertThat(offered).isEqualTo("tickscope-nowhere.invalid:8080");
        int closed = closedPort();
        typeAddress("127.0.0.1:" + closed);
        robot.clickOn("Connect");
        Label refused = awaitProblemDialog();
        assertThat(onFx(refused::getText))
                .isEqualTo("Nothing listens at 127.0.0.1:" + closed + ": the host refused the connection.");

        // Changing the address to a server that runs ends the problem.
        robot.clickOn("#change-address");
        awaitConnectDialog();
        typeAddress(plaintextUrl());
        robot.clickOn("Connect");
        await().atMost(Duration.ofSeconds(20))
                .ignoreExceptionsInstanceOf(IllegalStateException.class)
                .until(() -> onFx(() ->
                        connectionState().equals("● ready") && problemText().isEmpty()));
    }

    /** Waits for the problem dialog, at most {@link #SOON} after the click that asked for the server. */
    private Label awaitProblemDialog() {
        long clicked = System.nanoTime();
        await().atMost(SOON).until(() -> onFx(() -> visible("#problem-summary")));
        assertThat(Duration.ofNanos(System.nanoTime() - clicked)).isLessThan(SOON);
        assertThat(onFx(() ->
                        robot.lookup("#change-address").queryAs(Button.class).getText()))
                .isEqualTo("Change address…");
        return robot.lookup("#problem-summary").queryAs(Label.class);
    }

    private TextField awaitConnectDialog() {
        await().until(() -> onFx(() -> visible("#server-address-field") && !visible("#problem-summary")));
        return robot.lookup("#server-address-field").queryAs(TextField.class);
    }

    /** The label's text is all shown: wrapped over as many lines as it needs, none cut off with an ellipsis. */
    private static void assertShownWhole(Label label, String expected) {
        assertThat(onFx(label::isWrapText)).isTrue();
        Text shown = onFx(() -> (Text) label.lookup(".text"));
        String shownText = onFx(shown::getText);
        assertThat(shownText).isEqualTo(expected);
        assertThat(onFx(() -> label.getHeight() + 0.5 >= label.prefHeight(label.getWidth())))
                .as("the label has the height of all its lines")
                .isTrue();
        assertThat(onFx(() -> label.localToScene(label.getBoundsInLocal()).getMaxY()
                        <= label.getScene().getHeight() + 0.5))
                .as("the window is tall enough to show the label")
                .isTrue();
    }

    private void openConnectDialog() {
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        awaitConnectDialog();
    }

    private void typeAddress(String text) {
        TextField field = robot.lookup("#server-address-field").queryAs(TextField.class);
        robot.clickOn(field);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write(text);
        await().until(() -> onFx(field::getText).equals(text));
    }

    private boolean visible(String query) {
        Optional<Node> node = robot.lookup(query).tryQuery();
        return node.isPresent()
                && node.get().getScene() != null
                && node.get().getScene().getWindow().isShowing();
    }

    private String serverText() {
        return robot.lookup("#server-address").queryAs(Label.class).getText();
    }

    private String connectionState() {
        return robot.lookup("#connection-state").queryAs(Label.class).getText();
    }

    private String problemText() {
        return robot.lookup("#connection-problem").queryAs(Label.class).getText();
    }

    private static String plaintextUrl() {
        if (plaintext == null) {
            throw new IllegalStateException("plaintext: before startServers");
        }
        return "http://" + plaintext.address();
    }

    private static TickscopeServer tlsServer() {
        if (tls == null) {
            throw new IllegalStateException("tls: before startServers");
        }
        return tls;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
