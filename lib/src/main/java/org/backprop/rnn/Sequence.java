package org.backprop.rnn;

import java.util.Arrays;
import java.util.Optional;

/**
 * A sequence to learn: an input x_t and a target for y_t at every time step t = 1 … length.
 * Each target is a probability for each output (usually one-hot), as the cross-entropy of a
 * softmax output needs. Made from text by {@link CharacterEncoding#nextCharacter}, a sequence
 * knows its characters, and views label steps with them. Immutable.
 */
public final class Sequence {

    /** How far a target's sum may be from 1: the rounding of a few additions. */
    private static final double SUM_TOLERANCE = 1e-9;

    private final double[][] inputs;
    private final double[][] targets;
    private final CharacterEncoding encoding;

    private Sequence(double[][] inputs, double[][] targets, CharacterEncoding encoding) {
        this.inputs = inputs;
        this.targets = targets;
        this.encoding = encoding;
    }

    /**
     * The sequence x_1 … x_T with targets target_1 … target_T ({@code inputs[t − 1]} is x_t).
     * Every input must have the same size, every target too, and each target must lie in [0, 1]
     * and add up to 1.
     */
    public static Sequence of(double[][] inputs, double[][] targets) {
        return of(inputs, targets, null);
    }

    static Sequence of(double[][] inputs, double[][] targets, CharacterEncoding encoding) {
        Check.present("inputs", inputs);
        Check.present("targets", targets);
        if (inputs.length == 0) {
            throw new IllegalArgumentException("inputs must hold at least 1 time step, but was empty");
        }
        if (targets.length != inputs.length) {
            throw new IllegalArgumentException("targets must hold one target per input (" + inputs.length
                    + "), but held " + targets.length);
        }
        double[][] x = new double[inputs.length][];
        double[][] target = new double[targets.length][];
        for (int i = 0; i < inputs.length; i++) {
            x[i] = Check.vector("inputs[" + i + "]", inputs[i], i == 0 ? -1 : x[0].length);
            target[i] = Check.vector("targets[" + i + "]", targets[i], i == 0 ? -1 : target[0].length);
            checkDistribution("targets[" + i + "]", target[i]);
        }
        return new Sequence(x, target, encoding);
    }

    private static void checkDistribution(String parameter, double[] target) {
        double sum = 0;
        for (int j = 0; j < target.length; j++) {
            if (!(target[j] >= 0 && target[j] <= 1)) {
                throw new IllegalArgumentException(parameter + "[" + j + "] must lie in [0, 1] (a probability), "
                        + "but was " + target[j]);
            }
            sum += target[j];
        }
        if (Math.abs(sum - 1) > SUM_TOLERANCE) {
            throw new IllegalArgumentException(parameter + " must add up to 1 (a probability for each output, "
                    + "e.g. one-hot), but added up to " + sum);
        }
    }

    /** T, the number of time steps. */
    public int length() {
        return inputs.length;
    }

    /** The size of every x_t. */
    public int inputSize() {
        return inputs[0].length;
    }

    /** The size of every target_t. */
    public int outputSize() {
        return targets[0].length;
    }

    /** x_t, t = 1 … length. */
    public double[] input(int t) {
        return inputs[Check.step("t", t, length(), false) - 1].clone();
    }

    /** target_t, t = 1 … length. */
    public double[] target(int t) {
        return targets[Check.step("t", t, length(), false) - 1].clone();
    }

    /** The first {@code length} steps (at least 1, at most {@link #length()}). */
    public Sequence first(int length) {
        Check.atLeast("length", length, 1);
        if (length > length()) {
            throw new IllegalArgumentException("length must be at most the sequence's " + length() + " steps, but was "
                    + length);
        }
        return new Sequence(Arrays.copyOf(inputs, length), Arrays.copyOf(targets, length),
                encoding);
    }

    /** The encoding this sequence was made with; empty for one made from numbers. */
    public Optional<CharacterEncoding> encoding() {
        return Optional.ofNullable(encoding);
    }

    /** The label of x_t: its character for a text sequence, else "x_t". */
    public String inputLabel(int t) {
        Check.step("t", t, length(), false);
        return encoding == null ? "x_" + t : String.valueOf(encoding.decode(inputs[t - 1]));
    }

    /** The label of target_t: its character for a text sequence, else "target_t". */
    public String targetLabel(int t) {
        Check.step("t", t, length(), false);
        return encoding == null ? "target_" + t : String.valueOf(encoding.decode(targets[t - 1]));
    }

    @Override
    public String toString() {
        if (encoding != null) {
            StringBuilder text = new StringBuilder();
            for (int t = 1; t <= length(); t++) {
                text.append(inputLabel(t));
            }
            return "Sequence \"" + text + "\" → \"" + targetsText() + "\" (" + length() + " steps, one-hot over "
                    + encoding.size() + " characters)";
        }
        return "Sequence of " + length() + " steps, " + inputSize() + " inputs, " + outputSize() + " outputs";
    }

    private String targetsText() {
        StringBuilder text = new StringBuilder();
        for (int t = 1; t <= length(); t++) {
            text.append(targetLabel(t));
        }
        return text.toString();
    }
}
