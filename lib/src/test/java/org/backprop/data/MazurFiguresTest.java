package org.backprop.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.backprop.nn.BackwardPass;
import org.backprop.nn.ForwardPass;
import org.backprop.nn.GradientDescent;
import org.backprop.nn.Network;
import org.backprop.nn.TrainingHistory;
import org.backprop.nn.UpdateRule;
import org.junit.jupiter.api.Test;

/** Every figure of COURSE.md section A, to the digits Mazur publishes. */
class MazurFiguresTest {

    private final WorkedExample example = WorkedExample.mazur();
    private final Network network = example.network();
    private final ForwardPass forward = network.forward(example.sample());
    private final BackwardPass backward = network.backward(forward);

    /** Asserts {@code actual} rounds to {@code published} at the published number of decimals. */
    static void assertPublished(String published, double actual, String name) {
        int decimals = published.length() - published.indexOf('.') - 1;
        double tolerance = 0.5 * Math.pow(10, -decimals) * (1 + 1e-9);
        assertEquals(Double.parseDouble(published), actual, tolerance, name);
    }

    private void forward(String name, String published) {
        assertPublished(published, forward.get(name), name);
    }

    private void backward(String name, String published) {
        assertPublished(published, backward.get(name), name);
    }

    @Test
    void forwardPass() {
        forward("net_h1", "0.3775");
        forward("out_h1", "0.593269992");
        forward("out_h2", "0.596884378");
        forward("net_o1", "1.105905967");
        forward("out_o1", "0.75136507");
        forward("out_o2", "0.772928465");
        forward("E_o1", "0.274811083");
        forward("E_o2", "0.023560026");
        forward("E_total", "0.298371109");
    }

    @Test
    void outputLayerDerivatives() {
        backward("dE/dout_o1", "0.74136507");
        backward("dout_o1/dnet_o1", "0.186815602");
        backward("dnet_o1/dw5", "0.593269992");
        backward("dE/dw5", "0.082167041");
        backward("∂E/∂w5", "0.082167041");
    }

    @Test
    void readersDerivativeForW7() {
        backward("dE/dout_o2", "-0.21707153");
        backward("dout_o2/dnet_o2", "0.17551005");
        backward("dnet_o2/dw7", "0.59326999");
        backward("dE/dw7", "-0.02260254");
    }

    @Test
    void hiddenLayerDerivatives() {
        backward("delta_o1", "0.138498562");
        backward("dE_o1/dout_h1", "0.055399425");
        // Mazur multiplies rounded intermediates (δ_o2 ≈ −0.038098237 × w7 = 0.50): his last digit is 1 higher.
        assertPublished("-0.019049118", backward.get("dE_o2/dout_h1"), "dE_o2/dout_h1");
        assertEquals(-0.019049119, backward.get("dE_o2/dout_h1"), 1e-9, "published dE_o2/dout_h1, to its last digit");
        backward("dE/dout_h1", "0.036350306");
        backward("dout_h1/dnet_h1", "0.241300709");
        backward("dnet_h1/dw1", "0.05");
        backward("dE/dw1", "0.000438568");
    }

    @Test
    void firstUpdateWithTheTextsMethod() {
        example.descent().step(network, example.sample());
        assertPublished("0.35891648", network.get("w5"), "w5");
        assertPublished("0.408666186", network.get("w6"), "w6");
        assertPublished("0.511301270", network.get("w7"), "w7");
        assertPublished("0.561370121", network.get("w8"), "w8");
        assertPublished("0.149780716", network.get("w1"), "w1");
        assertPublished("0.19956143", network.get("w2"), "w2");
        assertPublished("0.24975114", network.get("w3"), "w3");
        assertPublished("0.29950229", network.get("w4"), "w4");
        assertEquals(0.35, network.get("b1"), 0.0, "b1 is never updated");
        assertEquals(0.60, network.get("b2"), 0.0, "b2 is never updated");
    }

    @Test
    void theTextsMethodGivesAnotherErrorAfterOneRoundThanPublished() {
        TrainingHistory history = example.descent().train(network, example.sample(), 1);
        assertPublished("0.291027774", history.error(1), "E_total after 1 round, text's method");
    }

    @Test
    void layerByLayerReproducesThePublishedErrorAfterOneRound() {
        GradientDescent layerByLayer = example.descent().withRule(UpdateRule.LAYER_BY_LAYER);
        TrainingHistory history = layerByLayer.train(network, example.sample(), 1);
        assertPublished("0.291027924", history.error(1), "E_total after 1 round, layer by layer");
    }

    @Test
    void publishedErrorAfter10000RoundsIsTheTextsMethodMeasuredBeforeTheLastUpdate() {
        TrainingHistory history = example.descent().train(network, example.sample(), 10_000);
        assertPublished("0.0000351085", history.error(9_999), "E_total seen in iteration 10,000's forward pass");
        assertPublished("0.0000351019", history.error(10_000), "E_total after 10,000 updates");
    }

    @Test
    void publishedOutputsAfter10000RoundsComeFromLayerByLayer() {
        GradientDescent layerByLayer = example.descent().withRule(UpdateRule.LAYER_BY_LAYER);
        ForwardPass end = layerByLayer.train(network, example.sample(), 10_000).end();
        assertPublished("0.015912196", end.get("out_o1"), "out_o1");
        assertPublished("0.984065734", end.get("out_o2"), "out_o2");
    }
}
