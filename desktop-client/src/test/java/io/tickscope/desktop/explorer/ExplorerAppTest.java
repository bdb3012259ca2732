package io.tickscope.desktop.explorer;

import static io.tickscope.desktop.testing.FxScene.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.tickscope.desktop.explorer.call.Header;
import io.tickscope.desktop.explorer.saved.Environment;
import io.tickscope.desktop.explorer.saved.ExplorerFiles;
import io.tickscope.desktop.explorer.saved.HistoryEntry;
import io.tickscope.desktop.explorer.saved.SavedCall;
import io.tickscope.desktop.launch.ViewDriver;
import io.tickscope.desktop.model.ErrorDetail;
import io.tickscope.desktop.testing.InteropTestServer;
import io.tickscope.desktop.testing.MonitorLaunch;
import io.tickscope.desktop.testing.SharedServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The Explorer in the real application, headless, against a real Tickscope server with a still market and
 * grpc-java's interop TestService (a server that is not Tickscope, with v1alpha reflection only): what a user
 * does with it, through its buttons, tree and menus.
 */
class ExplorerAppTest {

    private static final String PRICING = "tickscope.pricing.v1.PricingService";
    /** Where CI's npm step (.ci/run, .ci/check-contract) puts buf; the build runs tests from the module. */
    private static final Path BUF =
            Path.of("../.ci/tools/node_modules/.bin/buf").toAbsolutePath().normalize();

    @RegisterExtension
    static final SharedServer tickscope = new SharedServer();

    private static InteropTestServer interop;

    @TempDir
    Path directory;

    private final FxRobot robot = new FxRobot();
    private @Nullable Application app;

    @BeforeAll
    static void start() throws Exception {
        interop = InteropTestServer.start();
        FxToolkit.registerPrimaryStage();
    }

    @AfterAll
    static void stop() {
        interop.close();
    }

    @BeforeEach
    void launch() throws Exception {
        launchApp();
    }

    @AfterEach
    void close() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
            app = null;
        }
    }

    @Test
    void listsTheServersServicesThroughReflection() {
        assertThat(onFx(this::serviceNames)).contains(PRICING, "tickscope.recommendation.v1.RecommendationService");
        assertThat(onFx(() -> label("#explorer-catalog-status"))).contains("reflection v1");
        assertThat(onFx(() -> label("#explorer-drift")))
                .as("the server runs the contract the app was built with")
                .doesNotContain("differs: t");
        assertThat(onFx(() -> robot.lookup("#explorer-drift").query().isVisible()))
                .isFalse();
    }

    @Test
    void unaryCallFromTheTemplateShowsTheResponseAndItsSizes() throws IOException {
        choose(PRICING, "GetPrice");
        assertThat(onFx(() -> request().getText())).contains("\"productId\": \"\"", "CUSTOMER_SEGMENT_UNSPECIFIED");
        editRequest("\"productId\": \"\"", "\"productId\": \"P00042\"");

        robot.clickOn("#explorer-send");

        await().until(() -> onFx(() -> label("#explorer-status")).equals("OK"));
        List<ResponseRow> rows = onFx(() -> List.copyOf(responses().getItems()));
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.json()).contains("\"productId\": \"P00042\"");
            assertThat(row.protobufBytes()).isPositive().isLessThan(row.jsonBytes());
        });
        assertThat(onFx(() -> label("#explorer-progress"))).contains("1 sent, 1 received", "ms");
        assertThat(onFx(() -> List.copyOf(headerTable("#explorer-headers").getItems())))
                .extracting(Header::name)
                .contains("content-type");

        await().until(() -> onFx(() -> historyList().getItems().size()) == 1);
        HistoryEntry last = onFx(() -> historyList().getItems().get(0));
        assertThat(last.method()).isEqualTo(PRICING + "/GetPrice");
        assertThat(last.status()).isEqualTo("OK");
        assertThat(last.responses()).singleElement().asString().contains("P00042");
        assertThat(Files.readString(directory.resolve("explorer/history.json"))).contains("\"status\": \"OK\"");
    }

    @SuppressWarnings("unchecked")
    private ListView<HistoryEntry> historyList() {
        return robot.lookup("#explorer-history").queryAs(ListView.class);
    }

    @Test
    void serverStreamShowsMessagesOneByOneUntilStopped() {
        choose(PRICING, "WatchPrices");
        onFx(() -> {
            request().setText("{\"productIds\": [\"P00001\", \"P00002\", \"P00003\"], \"currencyCode\": \"USD\"}");
            return null;
        });

        robot.clickOn("#explorer-send");

        await().until(() -> onFx(() -> responses().getItems().size()) >= 3);
        assertThat(onFx(() -> robot.lookup("#explorer-cancel").query().isDisabled()))
                .as("a live stream can be stopped")
                .isFalse();
        robot.clickOn("#explorer-cancel");
        await().until(() -> onFx(() -> label("#explorer-status")).startsWith("CANCELLED"));
        assertThat(onFx(() -> responses().getItems().get(0).receivedAt())).isNotNull();
        assertThat(onFx(() -> label("#explorer-progress"))).contains("received", "/s");
    }

    @Test
    void bidirectionalExchangeWithAServerThatIsNotTickscope() {
        onFx(() -> {
            robot.lookup("#explorer-target")
                    .queryAs(TextField.class)
                    .setText(interop.address().target());
            return null;
        });
        robot.clickOn("#explorer-discover");
        await().until(() -> onFx(this::serviceNames).contains("grpc.testing.TestService"));
        assertThat(onFx(() -> label("#explorer-catalog-status"))).contains("reflection v1alpha");
        choose("grpc.testing.TestService", "FullDuplexCall");
        setRequest("{\"responseParameters\": [{\"size\": 3}]}");

        robot.clickOn("#explorer-send");
        await().until(() -> onFx(() -> responses().getItems().size()) == 1);
        setRequest("{\"responseParameters\": [{\"size\": 5}]}");
        robot.clickOn("#explorer-send");
        await().until(() -> onFx(() -> responses().getItems().size()) == 2);
        robot.clickOn("#explorer-half-close");

        await().until(() -> onFx(() -> label("#explorer-status")).equals("OK"));
        assertThat(onFx(() -> responses().getItems().stream()
                        .map(ResponseRow::protobufBytes)
                        .toList()))
                .containsExactly(7, 9);
        assertThat(onFx(() -> label("#explorer-progress"))).startsWith("2 sent, 2 received");
    }

    @Test
    void badRequestShowsTheFieldViolationsAndABadFieldIsCaughtBeforeSending() {
        choose(PRICING, "GetPrice");
        setRequest("{\"productId\": \"P00042\", \"customerSegment\": \"CUSTOMER_SEGMENT_NOPE\"}");
        robot.clickOn("#explorer-send");
        assertThat(onFx(() -> label("#explorer-problem")))
                .startsWith("customerSegment: ")
                .contains("CUSTOMER_SEGMENT_NOPE");
        assertThat(onFx(() -> request().getSelectedText())).isEqualTo("customerSegment");
        assertThat(onFx(() -> label("#explorer-status"))).as("nothing was sent").isEmpty();

        setRequest("{\"productId\": \"\"}");
        robot.clickOn("#explorer-send");

        await().until(() -> onFx(() -> label("#explorer-status")).startsWith("INVALID_ARGUMENT"));
        assertThat(onFx(() -> List.copyOf(details().getItems())))
                .extracting(ErrorDetail::kind, ErrorDetail::subject)
                .contains(org.assertj.core.groups.Tuple.tuple("field violation", "product_id"));
        assertThat(onFx(() -> List.copyOf(headerTable("#explorer-trailers").getItems())))
                .extracting(Header::name)
                .contains("grpc-status-details-bin");
    }

    @Test
    void savedCallSurvivesARestartOfTheApp() throws Exception {
        choose(PRICING, "GetPrice");
        editRequest("\"productId\": \"\"", "\"productId\": \"P00007\"");
        onFx(() -> {
            robot.lookup("#explorer-save-name").queryAs(TextField.class).setText("price of P00007");
            return null;
        });
        robot.clickOn("#explorer-save");
        await().until(() -> onFx(() -> savedList().getItems().size()) == 1);

        close();
        launchApp();

        await().until(() -> onFx(() -> savedList().getItems().size()) == 1);
        SavedCall saved = onFx(() -> savedList().getItems().get(0));
        assertThat(saved.name()).isEqualTo("price of P00007");
        assertThat(saved.method()).isEqualTo(PRICING + "/GetPrice");
        onFx(() -> {
            savedList().getSelectionModel().select(0);
            return null;
        });
        robot.doubleClickOn("#explorer-saved .list-cell");
        await().until(() -> onFx(() -> request().getText()).contains("P00007"));
        assertThat(Files.readString(directory.resolve("explorer/saved/current.json")))
                .as("a file a person can read")
                .contains("\"name\": \"price of P00007\"");
    }

    @Test
    void copiedBufCurlLineRunsAndAnswersTheSameResponse() throws Exception {
        assertThat(BUF)
                .as("buf, installed by `npm ci --prefix .ci/tools --ignore-scripts` (.ci/run does it)")
                .isExecutable();
        choose(PRICING, "GetPrice");
        setRequest("{\"productId\": \"P00042\", \"currencyCode\": \"EUR\"}");
        robot.clickOn("#explorer-send");
        await().until(() -> onFx(() -> label("#explorer-status")).equals("OK"));
        String shown = onFx(() -> responses().getItems().get(0).json());

        String line = copyAs("explorer-copy-buf-curl");
        assertThat(line).startsWith("buf curl --protocol grpc --http2-prior-knowledge ");
        String grpcurl = copyAs("explorer-copy-grpcurl");
        assertThat(grpcurl).startsWith("grpcurl -plaintext ").endsWith(" " + PRICING + "/GetPrice");

        String printed = run(BUF + line.substring("buf".length()));
        assertThat(JsonParser.parseString(printed)).isEqualTo(JsonParser.parseString(shown));
    }

    @Test
    void curlLineOfTheRestRouteAnswersTheSameProduct() throws Exception {
        choose(PRICING, "GetPrice");
        setRequest("{\"productId\": \"P00042\", \"currencyCode\": \"EUR\"}");
        String line = copyAs("explorer-copy-curl");
        assertThat(line).contains("/v1/prices/P00042?currencyCode=EUR");

        JsonElement answered = JsonParser.parseString(run(line));
        assertThat(answered.getAsJsonObject()
                        .getAsJsonObject("quote")
                        .get("productId")
                        .getAsString())
                .isEqualTo("P00042");
    }

    @Test
    void choosingAnEnvironmentMovesTheWholeAppMonitorIncluded() throws Exception {
        String address = "http://" + tickscope.address().target();
        close();
        new ExplorerFiles(directory)
                .saveEnvironments(List.of(Environment.embedded(), Environment.plaintext("loopback", address)));
        launchApp();
        assertThat(onFx(() -> environmentBox().getValue().name())).isEqualTo("current");

        onFx(() -> {
            ComboBox<Environment> box = environmentBox();
            box.getSelectionModel()
                    .select(box.getItems().stream()
                            .filter(environment -> environment.name().equals("loopback"))
                            .findFirst()
                            .orElseThrow());
            return null;
        });

        await().until(() -> onFx(() -> label("#server-address")).equals("Server " + address));
        await().until(() ->
                onFx(() -> robot.lookup("#explorer-environment").tryQuery().isPresent()
                        && environmentBox().getValue().name().equals("loopback")));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> onFx(this::serviceNames).contains(PRICING));
        assertThat(onFx(() -> label("#explorer-catalog-status"))).contains(address);
    }

    @SuppressWarnings("unchecked")
    private ComboBox<Environment> environmentBox() {
        return robot.lookup("#explorer-environment").queryAs(ComboBox.class);
    }

    private void launchApp() throws Exception {
        app = MonitorLaunch.against(tickscope.address(), directory);
        await().until(() -> onFx(() -> robot.lookup(".tab-pane").tryQuery().isPresent()));
        onFx(() -> {
            new ViewDriver(robot.lookup(".tab-pane").queryAs(TabPane.class)).show("explorer-tab");
            return null;
        });
        await().atMost(Duration.ofSeconds(30))
                .until(() -> onFx(this::serviceNames).contains(PRICING));
    }

    private String copyAs(String itemId) {
        onFx(() -> {
            MenuButton copyAs = robot.lookup("#explorer-copy-as").queryAs(MenuButton.class);
            MenuItem item = copyAs.getItems().stream()
                    .filter(candidate -> itemId.equals(candidate.getId()))
                    .findFirst()
                    .orElseThrow();
            item.fire();
            return null;
        });
        return onFx(
                () -> robot.lookup("#explorer-command").queryAs(TextField.class).getText());
    }

    /** Runs {@code line} in a POSIX shell, as a user pastes it; returns what it printed. */
    private static String run(String line) throws IOException, InterruptedException {
        Process process =
                new ProcessBuilder("sh", "-c", line).redirectErrorStream(true).start();
        boolean ended = process.waitFor(60, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ended).as("%s ended within 60 s", line).isTrue();
        assertThat(process.exitValue()).as("%s printed: %s", line, output).isZero();
        return output;
    }

    @SuppressWarnings("unchecked")
    private void choose(String service, String method) {
        onFx(() -> {
            TreeView<String> tree = robot.lookup("#explorer-methods").queryAs(TreeView.class);
            TreeItem<String> leaf = tree.getRoot().getChildren().stream()
                    .filter(item -> item.getValue().equals(service))
                    .flatMap(item -> item.getChildren().stream())
                    .filter(item -> item.getValue().equals(method))
                    .findFirst()
                    .orElseThrow();
            tree.getSelectionModel().select(leaf);
            return null;
        });
        await().until(() -> onFx(() -> label("#explorer-method")).startsWith(service + "/" + method));
    }

    private void editRequest(String from, String to) {
        onFx(() -> {
            request().setText(request().getText().replace(from, to));
            return null;
        });
    }

    private void setRequest(String json) {
        onFx(() -> {
            request().setText(json);
            return null;
        });
    }

    @SuppressWarnings("unchecked")
    private List<String> serviceNames() {
        TreeView<String> tree = robot.lookup("#explorer-methods").queryAs(TreeView.class);
        return tree.getRoot().getChildren().stream().map(TreeItem::getValue).toList();
    }

    private String label(String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private TextArea request() {
        return robot.lookup("#explorer-request").queryAs(TextArea.class);
    }

    @SuppressWarnings("unchecked")
    private TableView<ResponseRow> responses() {
        return robot.lookup("#explorer-responses").queryAs(TableView.class);
    }

    @SuppressWarnings("unchecked")
    private TableView<ErrorDetail> details() {
        return robot.lookup("#explorer-details").queryAs(TableView.class);
    }

    @SuppressWarnings("unchecked")
    private TableView<Header> headerTable(String id) {
        return robot.lookup(id).queryAs(TableView.class);
    }

    @SuppressWarnings("unchecked")
    private ListView<SavedCall> savedList() {
        return robot.lookup("#explorer-saved").queryAs(ListView.class);
    }
}
