package io.autogate.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import java.util.List;

/**
 * The whole flow on one page, each step (its own class) appearing when the one before it is done:
 * upload, check the data, train (progress pushed live by a background poller, {@link LiveUpdates};
 * the job id is kept in the address so a reload reattaches), understand, deploy, try and monitor.
 * The view only wires the steps together; every call goes through {@link GatewayClient}.
 */
@Route("")
@PageTitle("Autogate")
public class MainView extends VerticalLayout implements BeforeEnterObserver {
    private final transient Flow flow;
    private final TrainStep train;
    private final MonitorStep monitor;
    private transient LiveUpdates live;

    /** The view, reading the launcher's settings. */
    public MainView() {
        this.flow = new Flow(UiSettings.current());
        addClassName("autogate");
        setMaxWidth("1100px");
        ResultStep result = new ResultStep(flow);
        TryStep tryIt = new TryStep(flow);
        monitor = new MonitorStep(flow);
        DeployStep deploy = new DeployStep(flow, model -> {
            tryIt.show(model);
            apply(monitor.poll());
        }, tryIt::showForecast);
        train = new TrainStep(flow, job -> {
            result.show(job);
            deploy.show(job.get("result"));
        }, this::started);
        DataStep data = new DataStep(flow, this::started);
        UploadStep upload = new UploadStep(flow, data::show);
        add(new H1("Autogate"), new Paragraph("Upload a table, pick the column to predict, and get a model you can use"
                + " over HTTP, in a few minutes and without code."));
        add(flow.errorBanner(), upload, data, train, result, deploy, tryIt, monitor);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        live = new LiveUpdates(event.getUI()).every(1, train).every(2, monitor).start();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (live != null) {
            live.close();
            live = null;
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> job = event.getLocation().getQueryParameters().getParameters().get("job");
        if (job != null && !job.isEmpty()) {
            train.follow(job.get(0));
            apply(train.poll());
        }
    }

    private void started(JsonNode job) {
        train.follow(job.get("id").asText());
        UI.getCurrent().navigate(MainView.class, QueryParameters.of("job", train.jobId()));
        train.show(job);
    }

    /** Applies a live source's update at once, in the current request. */
    private static void apply(Runnable update) {
        if (update != null) {
            update.run();
        }
    }
}
