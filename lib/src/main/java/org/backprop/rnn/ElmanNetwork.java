package org.backprop.rnn;

import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.backprop.nn.Activation;

/**
 * An Elman network (Elman 1990, "Finding Structure in Time", Cognitive Science 14(2), 179–211):
 * a hidden layer that also sees its own previous state, and an output layer on top.
 *
 * <pre>
 *   h_t = tanh(net_h,t),    net_h,t = W_xh x_t + W_hh h_{t−1} + b_h,    h_0 = 0
 *   y_t = softmax(net_y,t), net_y,t = W_hy h_t + b_y
 *   E   = Σ_t E_t,          E_t = −Σ_j target_t,j ln y_t,j   (cross-entropy)
 * </pre>
 *
 * The same weights are used at every time step: unrolled over a sequence, the network is one
 * copy of a two-layer network per step, the copies joined by W_hh. Immutable: training and
 * {@link #with} return new networks.
 */
public final class ElmanNetwork {

    private final Parameters parameters;

    private ElmanNetwork(Parameters parameters) {
        this.parameters = parameters;
    }

    /**
     * A network with the given weights (each a copy): W_xh is hidden × inputs, W_hh hidden ×
     * hidden, b_h has one value per hidden neuron, W_hy is outputs × hidden, b_y has one value per
     * output.
     */
    public static ElmanNetwork of(double[][] W_xh, double[][] W_hh, double[] b_h, double[][] W_hy, double[] b_y) {
        Check.present("W_xh", W_xh);
        Check.present("W_hy", W_hy);
        if (W_xh.length == 0 || W_hy.length == 0) {
            throw new IllegalArgumentException((W_xh.length == 0 ? "W_xh" : "W_hy")
                    + " must have at least 1 row, but had 0");
        }
        Check.present("W_xh[0]", W_xh[0]);
        int inputs = W_xh[0].length;
        int hidden = W_xh.length;
        int outputs = W_hy.length;
        Map<Parameter, double[][]> given = new EnumMap<>(Parameter.class);
        given.put(Parameter.W_xh, W_xh);
        given.put(Parameter.W_hh, W_hh);
        given.put(Parameter.b_h, column(Check.vector("b_h", b_h, hidden)));
        given.put(Parameter.W_hy, W_hy);
        given.put(Parameter.b_y, column(Check.vector("b_y", b_y, outputs)));
        return new ElmanNetwork(Parameters.of(inputs, hidden, outputs, given));
    }

    private static double[][] column(double[] bias) {
        double[][] column = new double[bias.length][1];
        for (int j = 0; j < bias.length; j++) {
            column[j][0] = bias[j];
        }
        return column;
    }

    /**
     * A network whose weights are drawn from N(0, 1/n_in), n_in being the number of inputs of
     * the neuron the weight feeds (LeCun's scale: each net input of order 1), with
     * {@code new Random(seed).nextGaussian()}, in the order W_xh, W_hh, W_hy, row by row; biases
     * start at 0. W_hh then has a spectral radius near 1; {@link #scaled} moves it.
     */
    public static ElmanNetwork initialized(int inputs, int hidden, int outputs, long seed) {
        Check.atLeast("inputs", inputs, 1);
        Check.atLeast("hidden", hidden, 1);
        Check.atLeast("outputs", outputs, 1);
        Random random = new Random(seed);
        Map<Parameter, double[][]> given = new EnumMap<>(Parameter.class);
        given.put(Parameter.W_xh, gaussian(random, hidden, inputs));
        given.put(Parameter.W_hh, gaussian(random, hidden, hidden));
        given.put(Parameter.b_h, new double[hidden][1]);
        given.put(Parameter.W_hy, gaussian(random, outputs, hidden));
        given.put(Parameter.b_y, new double[outputs][1]);
        return new ElmanNetwork(Parameters.of(inputs, hidden, outputs, given));
    }

    private static double[][] gaussian(Random random, int rows, int columns) {
        double[][] matrix = new double[rows][columns];
        for (double[] row : matrix) {
            for (int k = 0; k < columns; k++) {
                row[k] = random.nextGaussian() / Math.sqrt(columns);
            }
        }
        return matrix;
    }

    /** The size of every x_t. */
    public int inputs() {
        return parameters.inputs;
    }

    /** The number of hidden neurons, the size of h_t. */
    public int hidden() {
        return parameters.hidden;
    }

    /** The size of every y_t. */
    public int outputs() {
        return parameters.outputs;
    }

    /** One weight or bias: entry (row, column) of the parameter's matrix (column 0 for a bias). */
    public double get(Parameter parameter, int row, int column) {
        return parameters.get(parameter, row, column);
    }

    /** A copy of one parameter's matrix (a bias is a column). */
    public double[][] get(Parameter parameter) {
        return parameters.get(parameter);
    }

    /** The same network with one weight or bias changed. */
    public ElmanNetwork with(Parameter parameter, int row, int column, double value) {
        return new ElmanNetwork(parameters.with(parameter, row, column, value));
    }

    /** The same network with one parameter's whole matrix replaced (a bias as a column). */
    public ElmanNetwork with(Parameter parameter, double[][] matrix) {
        return new ElmanNetwork(parameters.with(parameter, matrix));
    }

    /** The same network with one parameter multiplied by {@code factor} (W_hh: larger or smaller memory). */
    public ElmanNetwork scaled(Parameter parameter, double factor) {
        Check.present("parameter", parameter);
        Check.finite("factor", factor);
        double[][] matrix = parameters.get(parameter);
        for (double[] row : matrix) {
            for (int k = 0; k < row.length; k++) {
                row[k] *= factor;
            }
        }
        return with(parameter, matrix);
    }

    /**
     * The forward pass over a sequence, step by step from h_0 = 0: h_t = tanh(W_xh x_t +
     * W_hh h_{t−1} + b_h), y_t = softmax(W_hy h_t + b_y), E_t = cross-entropy(target_t, y_t).
     */
    public ForwardThroughTime forward(Sequence sequence) {
        Check.present("sequence", sequence);
        if (sequence.inputSize() != inputs() || sequence.outputSize() != outputs()) {
            throw new IllegalArgumentException("sequence must have " + inputs() + " inputs and " + outputs()
                    + " outputs per step (the network's), but had " + sequence.inputSize() + " and "
                    + sequence.outputSize());
        }
        return new ForwardThroughTime(this, sequence);
    }

    /**
     * One step of gradient descent on every parameter, θ ← θ − η ∂E/∂θ, as a new network.
     *
     * @param gradient     ∂E/∂θ for every parameter, of this network's sizes
     * @param learningRate η, greater than 0
     */
    public ElmanNetwork step(ElmanGradient gradient, double learningRate) {
        Check.present("gradient", gradient);
        Check.positive("learningRate", learningRate);
        parameters.checkSizes("gradient", gradient.parameters());
        return new ElmanNetwork(parameters.plus(gradient.parameters(), -learningRate));
    }

    /**
     * The network writing text: start from {@code first}, and at every step feed in the most
     * probable next character (greedy decoding); the result starts with {@code first} and holds
     * {@code length} characters after it. The network's outputs must be the encoding's characters.
     */
    public String generate(CharacterEncoding encoding, char first, int length) {
        return write(encoding, first, length, null);
    }

    /**
     * Like {@link #generate}, but each next character is drawn at random with the probabilities
     * y_t, from {@code new Random(seed)}.
     */
    public String sample(CharacterEncoding encoding, char first, int length, long seed) {
        return write(encoding, first, length, new Random(seed));
    }

    private String write(CharacterEncoding encoding, char first, int length, Random random) {
        Check.present("encoding", encoding);
        if (encoding.size() != inputs() || encoding.size() != outputs()) {
            throw new IllegalArgumentException("encoding must have as many characters as the network has inputs and "
                    + "outputs (" + inputs() + ", " + outputs() + "), but had " + encoding.size());
        }
        Check.atLeast("length", length, 0);
        double[] x = encoding.oneHot(first);
        double[] h = new double[hidden()];
        StringBuilder text = new StringBuilder().append(first);
        for (int t = 1; t <= length; t++) {
            h = Activation.TANH.apply(hiddenNet(x, h));
            double[] y = Activation.SOFTMAX.apply(outputNet(h));
            char next = random == null ? encoding.decode(y) : encoding.character(draw(y, random));
            text.append(next);
            x = encoding.oneHot(next);
        }
        return text.toString();
    }

    private static int draw(double[] probabilities, Random random) {
        double u = random.nextDouble();
        double cumulative = 0;
        for (int j = 0; j < probabilities.length; j++) {
            cumulative += probabilities[j];
            if (u < cumulative) {
                return j;
            }
        }
        // Rounding can leave the sum a hair below 1: u above it picks the last character.
        return probabilities.length - 1;
    }

    /** net_h,t = W_xh x_t + W_hh h_{t−1} + b_h. */
    double[] hiddenNet(double[] x, double[] previous) {
        double[][] wxh = parameters.view(Parameter.W_xh);
        double[][] whh = parameters.view(Parameter.W_hh);
        double[][] bh = parameters.view(Parameter.b_h);
        double[] net = new double[hidden()];
        for (int j = 0; j < net.length; j++) {
            double sum = bh[j][0];
            for (int k = 0; k < x.length; k++) {
                sum += wxh[j][k] * x[k];
            }
            for (int k = 0; k < previous.length; k++) {
                sum += whh[j][k] * previous[k];
            }
            net[j] = sum;
        }
        return net;
    }

    /** net_y,t = W_hy h_t + b_y. */
    double[] outputNet(double[] h) {
        double[][] why = parameters.view(Parameter.W_hy);
        double[][] by = parameters.view(Parameter.b_y);
        double[] net = new double[outputs()];
        for (int j = 0; j < net.length; j++) {
            double sum = by[j][0];
            for (int k = 0; k < h.length; k++) {
                sum += why[j][k] * h[k];
            }
            net[j] = sum;
        }
        return net;
    }

    /** The matrix of a parameter itself, for this package's loops, which only read it. */
    double[][] view(Parameter parameter) {
        return parameters.view(parameter);
    }

    Parameters parameters() {
        return parameters;
    }

    @Override
    public String toString() {
        return "Elman network " + parameters.sizes() + " (inputs-hidden-outputs), tanh hidden, softmax output";
    }
}
