package org.backprop.rnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.backprop.nn.NumericalGradient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every refusal names the parameter, what was expected and what came. */
class BadInputTest {

    private static final CharacterEncoding HELO = CharacterEncoding.ofText("hello");
    private static final Sequence HELLO = HELO.nextCharacter("hello");
    private static final ElmanNetwork NETWORK = ElmanNetwork.initialized(4, 3, 4, 1);

    private static void refused(String message, Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    @Test
    void sequences() {
        refused("inputs must not be null", () -> Sequence.of(null, new double[][] {{1}}));
        refused("inputs must hold at least 1 time step, but was empty", () -> Sequence.of(new double[0][], new double[0][]));
        refused("targets must hold one target per input (2), but held 1",
                () -> Sequence.of(new double[][] {{1}, {2}}, new double[][] {{1}}));
        refused("inputs[1] must hold 2 values, but held 1",
                () -> Sequence.of(new double[][] {{1, 2}, {2}}, new double[][] {{1}, {1}}));
        refused("inputs[0][1] must be a finite number, but was NaN",
                () -> Sequence.of(new double[][] {{1, Double.NaN}}, new double[][] {{1}}));
        refused("inputs[0][0] must be a finite number, but was Infinity",
                () -> Sequence.of(new double[][] {{Double.POSITIVE_INFINITY}}, new double[][] {{1}}));
        refused("targets[0][0] must lie in [0, 1] (a probability), but was 1.5",
                () -> Sequence.of(new double[][] {{1}}, new double[][] {{1.5, -0.5}}));
        refused("targets[0] must add up to 1 (a probability for each output, e.g. one-hot), but added up to 0.5",
                () -> Sequence.of(new double[][] {{1}}, new double[][] {{0.5, 0}}));
        refused("inputs[0] must hold at least 1 value, but was empty",
                () -> Sequence.of(new double[][] {{}}, new double[][] {{1}}));
        refused("t must be a time step from 1 to 4, but was 0", () -> HELLO.input(0));
        refused("length must be at most the sequence's 4 steps, but was 5", () -> HELLO.first(5));
    }

    @Test
    void characters() {
        refused("alphabet must hold at least 1 character, but was empty", () -> CharacterEncoding.of(""));
        refused("alphabet must name each character once, but 'l' appears at 2 and 3 in \"hell\"",
                () -> CharacterEncoding.of("hell"));
        refused("text must hold at least 1 character, but was empty", () -> CharacterEncoding.ofText(""));
        refused("character must be one of \"helo\", but was 'x'", () -> HELO.oneHot('x'));
        refused("character must be one of \"helo\", but was 'w'", () -> HELO.nextCharacter("hellow"));
        refused("text must hold at least 2 characters (an input and the character after it), but was \"h\"",
                () -> HELO.nextCharacter("h"));
        refused("vector must hold 4 values, but held 2", () -> HELO.decode(new double[] {1, 0}));
        refused("index must be between 0 and 3, but was 4", () -> HELO.character(4));
    }

    @Test
    void networks() {
        refused("hidden must be at least 1, but was 0", () -> ElmanNetwork.initialized(4, 0, 4, 1));
        refused("inputs must be at least 1, but was -2", () -> ElmanNetwork.initialized(-2, 3, 4, 1));
        refused("W_hh must have 1 rows, but had 2", () -> ElmanNetwork.of(new double[][] {{1}}, new double[][] {{1}, {2}},
                new double[] {0}, new double[][] {{1}}, new double[] {0}));
        refused("b_h must hold 1 values, but held 2", () -> ElmanNetwork.of(new double[][] {{1}},
                new double[][] {{1}}, new double[] {0, 1}, new double[][] {{1}}, new double[] {0}));
        refused("W_hy[0][0] must be a finite number, but was NaN", () -> ElmanNetwork.of(new double[][] {{1}},
                new double[][] {{1}}, new double[] {0}, new double[][] {{Double.NaN}}, new double[] {0}));
        refused("row must be between 0 and 2 for W_hh, but was 3", () -> NETWORK.get(Parameter.W_hh, 3, 0));
        refused("column must be between 0 and 0 for b_y, but was 1", () -> NETWORK.with(Parameter.b_y, 0, 1, 2));
        refused("W_xh[0][0] must be a finite number, but was -Infinity",
                () -> NETWORK.with(Parameter.W_xh, 0, 0, Double.NEGATIVE_INFINITY));
        refused("factor must be a finite number, but was NaN", () -> NETWORK.scaled(Parameter.W_hh, Double.NaN));
        refused("parameter must not be null", () -> NETWORK.get(null));
        refused("sequence must have 2 inputs and 4 outputs per step (the network's), but had 4 and 4",
                () -> ElmanNetwork.initialized(2, 3, 4, 1).forward(HELLO));
        refused("sequence must not be null", () -> NETWORK.forward(null));
        refused("encoding must have as many characters as the network has inputs and outputs (2, 2), but had 4",
                () -> ElmanNetwork.initialized(2, 3, 2, 1).generate(HELO, 'h', 4));
        refused("length must be at least 0, but was -1", () -> NETWORK.generate(HELO, 'h', -1));
    }

    @Test
    void passesAndGradients() {
        ForwardThroughTime forward = NETWORK.forward(HELLO);
        refused("t must be a time step from 0 to 4, but was 5", () -> forward.h(5));
        refused("t must be a time step from 1 to 4, but was 0", () -> forward.y(0));
        refused("truncation must be at least 1, but was 0", () -> forward.backward(0));
        refused("truncation must be at least 1, but was -3", () -> forward.backward(-3));
        refused("t must be a time step from 1 to 4, but was -1", () -> forward.backward().deltaH(-1));
        ElmanGradient gradient = forward.backward().gradient();
        refused("threshold must be greater than 0, but was 0.0", () -> gradient.clipped(0));
        refused("threshold must be a finite number, but was NaN", () -> gradient.clipped(Double.NaN));
        ElmanGradient other = ElmanNetwork.initialized(2, 3, 4, 1).forward(Sequence.of(new double[][] {{1, 0}},
                new double[][] {{1, 0, 0, 0}})).backward().gradient();
        refused("other must be for a network of 4-3-4 (inputs-hidden-outputs), but was for 2-3-4",
                () -> gradient.maxRelativeError(other));
        refused("gradient must be for a network of 4-3-4 (inputs-hidden-outputs), but was for 2-3-4",
                () -> NETWORK.step(other, 0.1));
        refused("learningRate must be greater than 0, but was -0.1", () -> NETWORK.step(gradient, -0.1));
        refused("difference must not be null", () -> ElmanGradient.numerical(NETWORK, HELLO, null));
        refused("step must be at least one ulp of W_xh[0][0] = " + NETWORK.get(Parameter.W_xh, 0, 0) + " ("
                + Math.ulp(NETWORK.get(Parameter.W_xh, 0, 0)) + ") to change it, but was 1.0E-300",
                () -> ElmanGradient.numerical(NETWORK, HELLO, NumericalGradient.central(1e-300)));
    }

    @Test
    void training() {
        refused("learningRate must be a finite number, but was NaN", () -> SequenceTraining.withLearningRate(Double.NaN));
        refused("learningRate must be greater than 0, but was 0.0", () -> SequenceTraining.withLearningRate(0));
        refused("learningRate must be a finite number, but was Infinity",
                () -> SequenceTraining.withLearningRate(Double.POSITIVE_INFINITY));
        SequenceTraining training = SequenceTraining.withLearningRate(0.1);
        refused("threshold must be greater than 0, but was -1.0", () -> training.clippedAt(-1));
        refused("truncation must be at least 1, but was 0", () -> training.truncatedAt(0));
        refused("epochs must be at least 1, but was 0", () -> training.train(NETWORK, HELLO, 0));
        refused("start must not be null", () -> training.train(null, HELLO, 1));
        SequenceTraining.Run run = training.train(NETWORK, HELLO, 2);
        refused("epoch must be between 0 and 2, but was 3", () -> run.error(3));
        refused("epoch must be between 1 and 2, but was 0", () -> run.gradientNorm(0));
    }

    @Test
    void divergenceIsReported() {
        ArithmeticException diverged = assertThrows(ArithmeticException.class,
                () -> SequenceTraining.withLearningRate(1e306).train(NETWORK, HELLO, 3));
        assertEquals("training diverged: E = Infinity after 1 epoch (try a smaller learning rate than 1.0E306, or "
                + "clipping)",
                diverged.getMessage());
    }
}
