package org.marketspine.console.ui.lineage;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import javafx.animation.AnimationTimer;
import javafx.collections.FXCollections;
import javafx.event.ActionEvent;
import javafx.event.EventHandler;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.marketspine.console.model.ExecutionDensity;
import org.marketspine.console.ui.Icons;
import org.marketspine.console.ui.StyleProbes;
import org.marketspine.console.ui.TextMeasure;
import org.marketspine.console.ui.Times;

/**
 * The timeline under the graph: the whole journal, an execution-density strip with failures in
 * red, a slider to drag through time, step to the previous/next event, play, or type an instant.
 */
final class TimelineBar extends VBox {
    private static final String[] SPEEDS = {"1 hour / s", "6 hours / s", "1 day / s", "1 week / s"};
    private static final long[] SPEED_MILLIS = {3_600_000L, 21_600_000L, 86_400_000L, 604_800_000L};

    private final LineageViewModel vm;
    private final Canvas strip = new Canvas();
    private final Pane stripPane = new Pane(strip);
    private final Slider slider = new Slider(0, 1, 1);
    private final Label now = new Label();
    private final TextField goTo = new TextField();
    private final Label error = new Label();
    private final StyleProbes probes = new StyleProbes();
    private final Region bar = probes.region("timeline-density-bar");
    private final Region failedBar = probes.region("timeline-density-failed");
    private final Region cursor = probes.region("timeline-density-cursor");
    /** Date labels under the strip; their font (and so how many fit) comes from the stylesheet. */
    private final Pane ticks = new Pane();
    private final Label tickProbe = probes.label("timeline-tick");
    private final TextMeasure measure = new TextMeasure();
    private String ticksOf = "";
    private final ComboBox<String> speed = new ComboBox<>(FXCollections.observableArrayList(SPEEDS));
    private final Button play = new Button();
    private AnimationTimer player;
    private boolean updating;
    private ExecutionDensity density;
    private Object densityOf;
    private Instant densityFirst;
    private Instant densityLast;

    TimelineBar(LineageViewModel vm) {
        this.vm = vm;
        getStyleClass().add("timeline");
        setId("timeline");
        stripPane.setPrefHeight(30);
        stripPane.setMinHeight(30);
        stripPane.getChildren().add(probes.group());
        strip.widthProperty().bind(stripPane.widthProperty());
        strip.heightProperty().bind(stripPane.heightProperty());
        strip.widthProperty().addListener((o, a, b) -> drawStrip());
        strip.heightProperty().addListener((o, a, b) -> drawStrip());
        ticks.setId("timeline-ticks");
        ticks.getStyleClass().add("timeline-ticks");
        ticks.widthProperty().addListener((o, a, b) -> layTicks());
        slider.setId("timeline-slider");
        slider.valueProperty().addListener((o, a, b) -> {
            if (!updating) vm.scrubTo(Instant.ofEpochMilli((long) b.doubleValue()));
        });
        now.getStyleClass().add("time-now");
        now.setId("timeline-time");
        Button prev = button(Icons.STEP_BACK, "Previous event", e -> vm.step(-1));
        prev.setId("step-back");
        Button next = button(Icons.STEP_FORWARD, "Next event", e -> vm.step(1));
        next.setId("step-forward");
        play.setId("play");
        play.setOnAction(e -> togglePlay());
        speed.getSelectionModel().select(2);
        speed.setTooltip(new Tooltip("How fast play moves through the journal"));
        // A bundle under review has no "now": its end is as late as the timeline goes.
        boolean review = vm.isReview();
        Button live = new Button(review ? "End of bundle" : "Live");
        live.setId("timeline-live");
        live.setTooltip(new Tooltip(review ? "To the end of the bundle's range" : "Back to the platform as it is now"));
        live.setOnAction(e -> {
            stopPlay();
            vm.goLive();
        });
        goTo.setPromptText("go to instant (ISO 8601)");
        goTo.setTooltip(new Tooltip("e.g. " + InstantText.format(Instant.parse("2026-10-16T14:00:00Z")) + " or 2026-10-16T14:00:00Z"));
        goTo.setPrefColumnCount(30);
        goTo.setId("timeline-goto");
        goTo.setOnAction(e -> jump());
        error.getStyleClass().add("validation");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox controls = new HBox(8, prev, play, next, speed, live, now, grow, error, goTo);
        controls.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(stripPane, ticks, slider, controls);
        vm.timeProperty().addListener((o, a, b) -> refresh());
        vm.atProperty().addListener((o, a, b) -> refresh());
        stopPlay();
        refresh();
    }

    private static Button button(Ikon icon, String tip, EventHandler<ActionEvent> action) {
        Button b = new Button(null, Icons.of(icon));
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(action);
        return b;
    }

    private void jump() {
        try {
            vm.scrubTo(InstantText.parse(goTo.getText()));
            error.setText("");
        } catch (DateTimeParseException ex) {
            error.setText("Not an ISO 8601 instant (e.g. " + InstantText.format(Instant.parse("2026-10-16T14:00:00Z")) + ")");
        }
    }

    private void togglePlay() {
        if (player != null) {
            stopPlay();
            return;
        }
        if (vm.timeProperty().get() == null) vm.scrubTo(vm.timelineStart());
        player = new AnimationTimer() {
            long last;

            @Override
            public void handle(long nanos) {
                if (last != 0 && vm.timeProperty().get() != null) {
                    long step = (long) (SPEED_MILLIS[Math.max(0, speed.getSelectionModel().getSelectedIndex())] * ((nanos - last) / 1e9));
                    vm.scrubTo(vm.timeProperty().get().plusMillis(Math.max(1, step)));
                }
                last = nanos;
                if (vm.timeProperty().get() == null) stopPlay();
            }
        };
        player.start();
        play.setGraphic(Icons.of(Icons.PAUSE));
        play.setTooltip(new Tooltip("Pause"));
    }

    private void stopPlay() {
        if (player != null) player.stop();
        player = null;
        play.setGraphic(Icons.of(Icons.PLAY));
        play.setTooltip(new Tooltip("Play through the journal"));
    }

    private void refresh() {
        Instant first = vm.timelineStart();
        Instant last = vm.history().lastAt();
        Instant t = vm.timeProperty().get();
        updating = true;
        if (first != null && last != null) {
            slider.setMin(first.toEpochMilli());
            slider.setMax(Math.max(first.toEpochMilli() + 1, last.toEpochMilli()));
            slider.setValue(t == null ? slider.getMax() : t.toEpochMilli());
        }
        updating = false;
        now.setText(timelineText(t, last, vm.reviewEnd(), vm.isCurrent()));
        drawStrip();
        layTicks();
    }

    /** Date labels only change with the range, the width or the zone: scrubbing leaves them be. */
    private void layTicks() {
        Instant first = vm.timelineStart();
        Instant last = vm.history().lastAt();
        double w = ticks.getWidth();
        ZoneId zone = Times.zone();
        String key = first + "|" + last + "|" + w + "|" + zone;
        if (key.equals(ticksOf)) return;
        ticksOf = key;
        ticks.getChildren().clear();
        double label = measure.width("2026-12-31", tickProbe.getFont());
        for (TimelineTicks tick : TimelineTicks.of(first, last, zone, (int) (w / (2 * label)))) {
            Label l = new Label(tick.day().toString());
            l.getStyleClass().add("timeline-tick");
            l.setMinWidth(Region.USE_PREF_SIZE);
            l.setTooltip(new Tooltip(Times.absolute(tick.day().atStartOfDay(zone).toInstant())));
            l.setLayoutX(Math.max(0, Math.min(w - label, tick.fraction() * w - label / 2)));
            ticks.getChildren().add(l);
        }
    }

    private void drawStrip() {
        var g = strip.getGraphicsContext2D();
        double w = strip.getWidth();
        double h = strip.getHeight();
        g.clearRect(0, 0, w, h);
        Instant first = vm.timelineStart();
        Instant last = vm.history().lastAt();
        if (first == null || last == null || w < 10) return;
        int buckets = (int) (w / 3);
        // Scrubbing redraws the strip every step; the density only changes with the feed or the width.
        // (The executions map is persistent: the same instance means the same executions.)
        var executions = vm.head().executions();
        if (density == null || executions != densityOf || !first.equals(densityFirst) || !last.equals(densityLast)
                || buckets != density.total().length) {
            density = ExecutionDensity.of(vm.head(), first, last, buckets);
            densityOf = executions;
            densityFirst = first;
            densityLast = last;
        }
        ExecutionDensity d = density;
        double max = Math.max(1, d.max());
        double bw = w / buckets;
        for (int i = 0; i < buckets; i++) {
            if (d.total()[i] == 0) continue;
            double bh = Math.max(2, (h - 4) * d.total()[i] / max);
            g.setFill(StyleProbes.fill(bar));
            g.fillRect(i * bw, h - bh, Math.max(1, bw - 1), bh);
            if (d.failed()[i] > 0) {
                g.setFill(StyleProbes.fill(failedBar));
                g.fillRect(i * bw, 0, Math.max(1, bw - 1), 6);
            }
        }
        Instant t = vm.timeProperty().get();
        double x = t == null ? w - 2 : (t.toEpochMilli() - first.toEpochMilli()) / (double) Math.max(1, last.toEpochMilli() - first.toEpochMilli()) * w;
        g.setFill(StyleProbes.fill(cursor));
        g.fillRect(Math.max(0, Math.min(w - 2, x - 1)), 0, 2, h);
    }

    /**
     * What the timeline says of the instant shown: T in the past; a bundle under review is as of
     * its end and never "LIVE"; else live, with the last event heard.
     */
    static String timelineText(Instant t, Instant last, Instant bundleEnd) {
        return timelineText(t, last, bundleEnd, true);
    }

    /** As above; on data that is not current (feed lost, its source loading or failing) never "LIVE". */
    static String timelineText(Instant t, Instant last, Instant bundleEnd, boolean current) {
        if (t != null) return Times.absolute(t);
        if (bundleEnd != null) return "END OF BUNDLE · " + Times.absolute(bundleEnd) + " · offline review";
        return (current ? "LIVE" : "NOT CURRENT") + (last == null ? " · no events yet" : " · last event " + Times.absolute(last));
    }
}
