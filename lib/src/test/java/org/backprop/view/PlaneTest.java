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
import org.backprop.data.Playground;
import org.backprop.nn.Activation;
import org.backprop.nn.GradientDescent;
import org.backprop.nn.Loss;
import org.backprop.nn.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Pictures of the plane: data, boundaries, hidden neurons, small multiples and the live boundary. */
class PlaneTest {

    private final DataSet circle = Playground.circle(40, 0, 1);
    private final Network network = Network.withInputs(2).layer(3, Activation.TANH).layer(1, Activation.SIGMOID)
            .loss(Loss.BINARY_CROSS_ENTROPY).randomized(1);

    private static void assertRejected(String message, Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    @Test
    void theSquareIsRoundAndSharedByEveryPicture() {
        assertTrue(Plane.points(circle).toText().startsWith("circle (40 points, noise 0.0, seed 1) (x from -1.5 to "
                + "1.5, y from -1.5 to 1.5, 80 × 80 cells)"), Plane.points(circle).toText());
        assertTrue(Plane.boundary(network, circle).toText().startsWith("P(class 1) (x from -1.5 to 1.5"));
        assertTrue(Plane.hiddenNeuron(network, circle, 2).toText().startsWith("h3: out = tanh(net) (x from -1.5"));
    }

    /** The boundary's cells hold what the network outputs at their centres, as a function heatmap would. */
    @Test
    void theBoundaryIsTheNetworksOutput() {
        Heatmap drawn = Plane.boundary(network, circle);
        Heatmap expected = Heatmap.ofFunction((x, y) -> network.outputs(new double[][] {{x, y}})[0][0], -1.5, 1.5,
                -1.5, 1.5, 80).withRange(0, 1).withPoints(circle).withTitles("P(class 1)", "x", "y");
        assertEquals(expected.toText(), drawn.toText());
        assertEquals(expected.rendering(), drawn.rendering());
        Network softmax = Network.withInputs(2).layer(3, Activation.TANH).layer(2, Activation.SOFTMAX)
                .loss(Loss.CROSS_ENTROPY).randomized(1);
        assertTrue(Plane.boundary(softmax, circle).toText().startsWith("P(class 1)"));
    }

    @Test
    void gridsPutPicturesSideBySide() {
        ImageView one = Plane.points(circle);
        ImageView grid = Plane.grid(List.of(one, one, one), 2);
        assertEquals(2 * one.width() + 8, grid.width());
        assertEquals(2 * one.height() + 8, grid.height());
        assertTrue(grid.toText().startsWith("3 pictures, 2 to a row:"));
        assertEquals(3 * Plane.hiddenNeuron(network, circle, 0).width() + 2 * 8,
                Plane.hiddenNeurons(network, circle, 3).width());
    }

    /** The grid copies each picture's pixels as its PNG shows them: the third starts a second row. */
    @Test
    void aGridHoldsEachPictureAsShown() throws Exception {
        Heatmap boundary = Plane.boundary(network, circle);
        ImageView grid = Plane.grid(List.of(Plane.points(circle), boundary, boundary), 2);
        BufferedImage shown = ImagesTest.png(boundary);
        BufferedImage gridShown = ImagesTest.png(grid);
        int top = shown.getHeight() + 8;
        for (int y = 0; y < shown.getHeight(); y++) {
            for (int x = 0; x < shown.getWidth(); x++) {
                assertEquals(shown.getRGB(x, y), gridShown.getRGB(x, top + y), "pixel (" + x + ", " + y + ")");
            }
        }
    }

    @Test
    void theLiveBoundaryRedrawsEveryFewEpochsAndPrintsTheLastOutsideJupyter() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<String> shown = new ArrayList<>();
        Screen screen = new Screen() {
            @Override
            public String show(View view) {
                shown.add(view.toText());
                return "id";
            }

            @Override
            public void update(String id, View view) {
                shown.add(view.toText());
            }
        };
        Network trained = network.copy();
        LiveBoundary live = new LiveBoundary(trained, circle, 4, screen, System.out);
        GradientDescent.withLearningRate(0.5).evaluatingOn(circle).train(trained, circle, 10, live);
        assertEquals(4, shown.size(), "before, after epochs 4 and 8, and after the last: " + shown);
        assertTrue(shown.get(3).startsWith("P(class 1) after epoch 10 of 10, accuracy "), shown.get(3));

        Network offline = network.copy();
        LiveBoundary text = new LiveBoundary(offline, circle, 4, null,
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        GradientDescent.withLearningRate(0.5).train(offline, circle, 10, text);
        assertTrue(printed.toString(StandardCharsets.UTF_8).startsWith("P(class 1) after epoch 10 of 10 (x from"));
    }

    @Test
    void refusals() {
        Network threeInputs = Network.withInputs(3).layer(1, Activation.SIGMOID).build();
        assertRejected("network must have 2 inputs and 1 output (class 1's probability) or 2 softmax outputs, but was "
                + threeInputs, () -> Plane.boundary(threeInputs, circle));
        assertRejected("network must not be null", () -> Plane.boundary(null, circle));
        assertRejected("data must not be null", () -> Plane.points(null));
        assertRejected("data must hold at least 1 sample, but was empty", () -> Plane.boundary(network, List.of()));
        assertRejected("j must be between 0 and 2 (a neuron of the first hidden layer), but was 3",
                () -> Plane.hiddenNeuron(network, circle, 3));
        Network noHidden = Network.withInputs(2).layer(1, Activation.SIGMOID).build();
        assertRejected("network must have 2 inputs and a hidden layer, but was " + noHidden,
                () -> Plane.hiddenNeuron(noHidden, circle, 0));
        assertRejected("pictures must hold at least 1 picture, but was empty", () -> Plane.grid(List.of(), 2));
        assertRejected("columns must be at least 1, but was 0", () -> Plane.grid(List.of(Plane.points(circle)), 0));
        assertRejected("every must be at least 1 epoch, but was 0", () -> LiveBoundary.show(network, circle, 0));
    }
}
