package io.tickscope.desktop.recommendations;

import atlantafx.base.theme.Styles;
import java.io.File;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** Uploads ratings from a CSV file through the client stream: a progress bar, then the summary and problems. */
final class RatingUploadPane extends VBox {

    RatingUploadPane(RatingUploadViewModel model) {
        super(6);
        Button choose = new Button("Upload ratings from CSV...");
        choose.setId("upload-choose");
        choose.disableProperty().bind(model.uploadingProperty());
        choose.setOnAction(event -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Ratings to upload");
            chooser.getExtensionFilters()
                    .addAll(
                            new FileChooser.ExtensionFilter("CSV files", "*.csv"),
                            new FileChooser.ExtensionFilter("All files", "*"));
            File file = chooser.showOpenDialog(getScene().getWindow());
            if (file != null) {
                model.upload(file.toPath());
            }
        });
        Button cancel = new Button("Cancel");
        cancel.setOnAction(event -> model.cancel());
        cancel.disableProperty().bind(model.uploadingProperty().not());
        ProgressBar progress = new ProgressBar();
        progress.setId("upload-progress");
        progress.progressProperty().bind(model.progressProperty());
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        HBox controls = new HBox(8, choose, progress, cancel);
        controls.setAlignment(Pos.CENTER_LEFT);

        Label status = new Label();
        status.setId("upload-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        ListView<String> problems = new ListView<>(model.problems());
        problems.setId("upload-problems");
        problems.getStyleClass().add(Styles.DENSE);
        problems.setPlaceholder(new Label("Skipped lines and rejected ratings show here."));
        VBox.setVgrow(problems, Priority.ALWAYS);
        getChildren().addAll(SessionPane.heading("Upload ratings"), controls, status, problems);
    }
}
