package org.backprop.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backprop.data.WorkedExample;
import org.backprop.nn.Activation;
import org.backprop.nn.BackwardPass;
import org.backprop.nn.Bias;
import org.backprop.nn.ForwardPass;
import org.backprop.nn.Loss;
import org.backprop.nn.Network;
import org.backprop.nn.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Derivations write Mazur's chain rule out with his numbers, as text and as LaTeX. */
class DerivationTest {

    private final WorkedExample mazur = WorkedExample.mazur();
    private final ForwardPass forward = mazur.network().forward(mazur.sample());
    private final BackwardPass backward = mazur.network().backward(forward);

    private static void assertContains(String expected, String actual) {
        assertTrue(actual.contains(expected), () -> "expected «" + expected + "» in\n" + actual);
    }

    @Test
    void outputWeightAsText() {
        assertEquals("""
                ∂E_total/∂out_o1 = −(target_o1 − out_o1)
                                 = −(0.01 − 0.75136507)
                                 = 0.74136507
                ∂out_o1/∂net_o1 = out_o1 × (1 − out_o1)
                                = 0.75136507 × (1 − 0.75136507)
                                = 0.186815602
                ∂E_total/∂w5 = ∂E_total/∂out_o1 × ∂out_o1/∂net_o1 × ∂net_o1/∂w5
                             = 0.74136507 × 0.186815602 × 0.593269992
                             = 0.082167041""", Derivation.gradient(backward, "w5").toText());
    }

    @Test
    void outputWeightAsLatex() {
        String latex = Derivation.gradient(backward, "w5").toLatex();

        assertTrue(latex.startsWith("$$\n\\begin{aligned}\n"), latex);
        assertTrue(latex.endsWith("\n\\end{aligned}\n$$"), latex);
        assertContains("\\frac{\\partial E_{total}}{\\partial w_{5}} &= ", latex);
        assertContains(" &= 0.74136507 \\times 0.186815602 \\times 0.593269992 \\\\\n &= 0.082167041\n", latex);
    }

    @Test
    void negativeFactorsInParentheses() {
        assertContains("= (-0.217071535) × 0.175510053 × 0.593269992\n",
                Derivation.gradient(backward, "w7").toText());
        assertContains("&= (-0.217071535) \\times 0.175510053 \\times 0.593269992 \\\\",
                Derivation.gradient(backward, "w7").toLatex());
    }

    @Test
    void hiddenWeightSumsOverTheOutputs() {
        String text = Derivation.gradient(backward, "w1").toText();

        assertContains("∂E_total/∂out_h1 = δ_o1 × w5 + δ_o2 × w7\n", text);
        assertContains("= 0.138498562 × 0.4 + (-0.038098237) × 0.5\n", text);
        assertContains("= 0.036350306\n", text);
        assertContains("= 0.036350306 × 0.241300709 × 0.05\n", text);
        assertTrue(text.endsWith("= 0.000438568"), text);
        assertContains("\\delta_{o1} \\times w_{5} + \\delta_{o2} \\times w_{7}",
                Derivation.gradient(backward, "w1").toLatex());
    }

    @Test
    void updateOfAHiddenWeight() {
        String text = Derivation.update(backward, "w1", WorkedExample.mazur().descent()).toText();

        assertTrue(text.startsWith(Derivation.gradient(backward, "w1").toText() + "\n"), text);
        assertTrue(text.endsWith("""
                w1⁺ = w1 − η·∂E_total/∂w1
                    = 0.15 − 0.5 × 0.000438568
                    = 0.149780716"""), text);
        assertContains("w_{1}^{+} &= w_{1} - \\eta \\cdot \\frac{\\partial E_{total}}{\\partial w_{1}}",
                Derivation.update(backward, "w1", WorkedExample.mazur().descent()).toLatex());
    }

    @Test
    void forwardPassOfAHiddenNeuron() {
        assertEquals("""
                net_h1 = w1 × i1 + w2 × i2 + b1 × 1
                       = 0.15 × 0.05 + 0.2 × 0.1 + 0.35 × 1
                       = 0.3775
                out_h1 = 1/(1 + e^−net_h1)
                       = 1/(1 + e^−0.3775)
                       = 0.593269992""", Derivation.forward(forward, "h1").toText());
        assertContains("\\mathit{out}_{o1} &= \\frac{1}{1 + e^{-\\mathit{net}_{o1}}}",
                Derivation.forward(forward, "o1").toLatex());
        assertContains("w_{5} \\times \\mathit{out}_{h1} + w_{6} \\times \\mathit{out}_{h2} + b_{2} \\times 1",
                Derivation.forward(forward, "o1").toLatex());
    }

    @Test
    void leakyReluOfANegativeNet() {
        Network leaky = Network.withInputs(1).layer(1, Activation.LEAKY_RELU, Bias.NONE).build().set("w1", -0.5);
        BackwardPass pass = leaky.backward(leaky.forward(new Sample(new double[] {2}, new double[] {0})));

        assertEquals("""
                net_o1 = w1 × i1
                       = (-0.5) × 2
                       = -1
                out_o1 = max(0, net_o1) + 0.01 × min(0, net_o1)
                       = max(0, -1) + 0.01 × min(0, -1)
                       = -0.01""", Derivation.forward(pass.forward(), "o1").toText());
        assertContains("""
                ∂out_o1/∂net_o1 = (1 if net_o1 > 0, else 0.01)
                                = (1 if (-1) > 0, else 0.01)
                                = 0.01
                """, Derivation.gradient(pass, "w1").toText());
        assertContains("\\max(0, \\mathit{net}_{o1}) + 0.01 \\min(0, \\mathit{net}_{o1})",
                Derivation.forward(pass.forward(), "o1").toLatex());
        assertContains("[\\mathit{net}_{o1} > 0] + 0.01\\,[\\mathit{net}_{o1} \\le 0]",
                Derivation.gradient(pass, "w1").toLatex());
    }

    @Test
    void mimeBundleIsLatexThenText() {
        Derivation derivation = Derivation.gradient(backward, "w5");

        assertEquals(List.of("text/latex", "text/plain"), List.copyOf(derivation.toMimeBundle().keySet()));
        assertEquals(derivation.toLatex(), derivation.toMimeBundle().get("text/latex"));
        assertEquals(derivation.toText(), derivation.toMimeBundle().get("text/plain"));
        assertEquals(derivation.toText(), derivation.toString());
    }

    private static void assertRejected(String message, Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    @Test
    void badInput() {
        assertRejected("unknown weight 'w9': expected w1 to w8", () -> Derivation.gradient(backward, "w9"));
        assertRejected("neuron must be a hidden or output neuron, but was the input i1 "
                + "(an input has no net input: its out is its value)", () -> Derivation.forward(forward, "i1"));
        assertRejected("descent must not be null", () -> Derivation.update(backward, "w1", null));
        assertRejected("backward must not be null", () -> Derivation.gradient(null, "w5"));
        assertRejected("pass must not be null", () -> Derivation.forward(null, "h1"));
    }

    /** Where a cross-entropy cancels the output's f′, the derivation starts from δ = out − target. */
    @Test
    void softmaxWithCrossEntropyStartsFromOutMinusTarget() {
        Network network = Network.withInputs(2).layer(3, Activation.SOFTMAX).loss(Loss.CROSS_ENTROPY).build()
                .set("w1", 1).set("w4", -1);
        BackwardPass softmax = network.backward(network.forward(new Sample(new double[] {1, 0},
                new double[] {0, 1, 0})));
        String text = Derivation.gradient(softmax, "w1").toText();
        assertTrue(text.startsWith("δ_o1 = ∂E_total/∂net_o1 = out_o1 − target_o1\n"), text);
        assertContains("∂E_total/∂w1 = δ_o1 × ∂net_o1/∂w1\n", text);
        assertContains("out_o1 = e^net_o1 / (e^net_o1 + e^net_o2 + e^net_o3)",
                Derivation.forward(softmax.forward(), "o1").toText());
        assertContains("δ = ∂E/∂net", Tables.derivatives(softmax, 1,
                org.backprop.nn.GradientDescent.withLearningRate(0.5)).toText());
    }

    /** Squared error through a softmax: δ is the Jacobian applied to ∂E/∂out, written out. */
    @Test
    void softmaxWithSquaredErrorWritesTheJacobian() {
        Network network = Network.withInputs(1).layer(2, Activation.SOFTMAX).build().set("w1", 1);
        BackwardPass softmax = network.backward(network.forward(new Sample(new double[] {1}, new double[] {1, 0})));
        String text = Derivation.gradient(softmax, "w1").toText();
        assertContains("∂E_total/∂out_o1 = −(target_o1 − out_o1)", text);
        assertContains("δ_o1 = ∂E_total/∂net_o1 = out_o1 × (∂E_total/∂out_o1 − (out_o1 × ∂E_total/∂out_o1 + out_o2 × "
                + "∂E_total/∂out_o2))", text);
        assertEquals(softmax.delta(1, 0) * 1.0, softmax.weightGradient(1, 0, 0));
    }
}
