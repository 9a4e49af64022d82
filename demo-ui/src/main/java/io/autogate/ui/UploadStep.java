package io.autogate.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** Step 1: drag and drop a CSV (the size limit shown), or, on an empty registry, pick a sample. */
final class UploadStep extends Step {
    private final transient Consumer<JsonNode> uploaded;

    /** The step; {@code uploaded} receives the gateway's description of an accepted dataset. */
    UploadStep(Flow flow, Consumer<JsonNode> uploaded) {
        super(flow, "1. Upload a dataset");
        this.uploaded = uploaded;
        long limit = flow.settings().maxUploadBytes();
        long mb = limit / (1024 * 1024);
        Upload upload = new Upload(UploadHandler.inMemory((meta, bytes) -> inUi(() -> upload(meta.fileName(), bytes))));
        upload.setId("upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) limit);
        upload.addFileRejectedListener(e -> flow.showError("That file was not accepted: " + e.getErrorMessage()
                + ". Upload a CSV file of at most " + mb + " MB."));
        add(new Paragraph("Drag and drop a CSV file here (a table with a header row; at most " + mb + " MB)."), upload);
        List<Path> samples = samples();
        if (!samples.isEmpty() && registryEmpty()) {
            add(sampleButtons(samples));
        }
    }

    /** Runs upload work under the session lock when called from an upload handler's thread. */
    static void inUi(Runnable work) {
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.access(work::run);
        } else {
            work.run();
        }
    }

    private HorizontalLayout sampleButtons(List<Path> samples) {
        HorizontalLayout row = new HorizontalLayout();
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.add(new Span("No models yet? Start from a sample:"));
        for (Path sample : samples) {
            String name = sample.getFileName().toString();
            Button b = new Button(name, e -> {
                try {
                    upload(name, Files.readAllBytes(sample));
                } catch (IOException ex) {
                    flow.showError("The sample " + name + " cannot be read: " + ex.getMessage());
                }
            });
            b.setId("sample-" + name.replace(".csv", ""));
            row.add(b);
        }
        return row;
    }

    private List<Path> samples() {
        Path dir = flow.settings().samples();
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private boolean registryEmpty() {
        try {
            return flow.client().models().path("models").isEmpty();
        } catch (GatewayException e) {
            return true;
        }
    }

    private void upload(String fileName, byte[] bytes) {
        flow.clearError();
        try {
            uploaded.accept(flow.client().uploadDataset(fileName, bytes));
        } catch (GatewayException e) {
            flow.showError("That file could not be used: " + e.getMessage() + ". " + nextStepFor(e));
        }
    }

    private static String nextStepFor(GatewayException e) {
        if (e.status() == 413) {
            return "Try a smaller file, or a sample of its rows.";
        }
        if (e.status() == 0) {
            return "Start the server with bin/autogate up and reload this page.";
        }
        return "Check that it is a CSV file with a header row and at least 20 data rows, then upload it again.";
    }
}
