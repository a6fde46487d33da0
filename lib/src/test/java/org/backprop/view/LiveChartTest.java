package org.backprop.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.backprop.data.DataSet;
import org.backprop.nn.Activation;
import org.backprop.nn.Batching;
import org.backprop.nn.GradientDescent;
import org.backprop.nn.Network;
import org.backprop.nn.TrainingHistory;
import org.junit.jupiter.api.Test;

/** A live chart: shown once, updated in place (throttled during epochs), printed once outside a kernel. */
class LiveChartTest {

    /** A screen that keeps what it was asked to show. */
    private static final class Recorder implements Screen {
        final List<String> calls = new ArrayList<>();
        View last;

        @Override
        public String show(View view) {
            calls.add("show");
            last = view;
            return "id-1";
        }

        @Override
        public void update(String id, View view) {
            calls.add("update " + id);
            last = view;
        }
    }

    /** A clock that advances 0.1 s each time it is read. */
    private static final class Clock {
        long now;

        long read() {
            now += 100_000_000L;
            return now;
        }
    }

    private static final DataSet CIRCLE = DataSet.circle(100, 4);
    private static final GradientDescent DESCENT = GradientDescent.withLearningRate(1)
            .withBatching(Batching.miniBatches(10)).shuffling(2).evaluatingOn(CIRCLE);

    private static Network network() {
        return Network.withInputs(2).layer(4, Activation.SIGMOID).layer(1, Activation.SIGMOID).randomized(1);
    }

    private static final String SUMMARY_AFTER_3 = "circle (epoch → error, accuracy)";

    @Test
    void showsOnceThenUpdatesInPlaceAtMostEveryHalfSecond() throws Exception {
        Recorder screen = new Recorder();
        Clock clock = new Clock();
        LiveChart live = new LiveChart("circle", screen, clock::read, null);
        assertEquals(List.of("show"), screen.calls);
        assertEquals("circle: waiting for the first epoch", screen.last.toText());

        TrainingHistory history = DESCENT.train(network(), CIRCLE, 3, live);

        // Per epoch: 10 batches, one clock reading each, 0.1 s apart: a redraw every 5th batch,
        // then one after the epoch.
        long updates = screen.calls.stream().filter(c -> c.equals("update id-1")).count();
        assertEquals(screen.calls.size() - 1, updates, "shown once, then only updated");
        assertTrue(updates >= 3 + 5 && updates <= 3 + 7, screen.calls.toString());
        assertEquals(live.view(), screen.last);
        BufferedImage image = ImagesTest.png(live.view());
        assertEquals(720, image.getWidth());
        assertEquals(430, image.getHeight());
        String text = live.toString();
        assertTrue(text.startsWith(SUMMARY_AFTER_3 + "\n  training error: 3 points, "
                + Decimals.of(history.error(1)) + " at 1 → " + Decimals.of(history.error(3)) + " at 3\n"
                + "  accuracy (evaluated): 4 points, "), text);
        assertTrue(text.endsWith("\n  epoch 3 of 3"), text);
        assertEquals(text, live.view().toText());
        assertEquals(3, live.secondsPerEpoch().length);
        assertTrue(live.secondsPerEpoch()[1] > 0.9 && live.secondsPerEpoch()[1] < 1.2,
                "10 batches and an epoch's end, 0.1 s each: " + live.secondsPerEpoch()[1]);
    }

    @Test
    void outsideAKernelPrintsItsTextOnceAtTheEnd() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        LiveChart live = new LiveChart("circle", null, new Clock()::read,
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        DESCENT.train(network(), CIRCLE, 3, live);
        assertEquals(live + System.lineSeparator(), printed.toString(StandardCharsets.UTF_8));
        LiveChart inTests = LiveChart.show("no kernel runs the tests");
        assertEquals("no kernel runs the tests: waiting for the first epoch", inTests.toString());
    }

    @Test
    void needsATitle() {
        assertEquals("title must be a non-blank text, but was null",
                assertThrows(IllegalArgumentException.class, () -> LiveChart.show(null)).getMessage());
        assertEquals("title must be a non-blank text, but was ' '",
                assertThrows(IllegalArgumentException.class, () -> LiveChart.show(" ")).getMessage());
    }
}
