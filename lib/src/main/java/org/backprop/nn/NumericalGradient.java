package org.backprop.nn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * The reader's recipe for ∂E/∂w without backpropagation: nudge one weight by a step h, re-run
 * the network, and divide the change of E_total by the nudge — a finite difference.
 *
 * <p>The step can be neither too big nor too small. Taylor's series
 * E(w ± h) = E ± h·E′ + h²/2·E″ ± h³/6·E‴ + … shows the truncation error: about h/2·|E″| for the
 * forward difference and h²/6·|E‴| for the central one, shrinking with h. But E itself is only
 * known to a relative ε ≈ 10⁻¹⁶ (double precision), so the difference of two errors carries a
 * round-off of about ε·E, which the division by h magnifies to ε·E/h, growing as h shrinks. The
 * two balance near h ≈ √ε ≈ 10⁻⁸ for the forward difference and h ≈ ∛ε ≈ 10⁻⁵ for the central
 * one (for weights and errors of order 1), where they leave errors of roughly 10⁻⁸ and 10⁻¹¹.
 *
 * <p>Immutable: {@code NumericalGradient.central(1e-5).of(network, sample, "w5")}.
 */
public final class NumericalGradient {

    private final boolean central;
    private final double step;

    private NumericalGradient(boolean central, double step) {
        this.central = central;
        this.step = Require.positive("step", step);
    }

    /** The forward difference ∂E/∂w ≈ (E(w + h) − E(w)) / h, whose error is O(h). */
    public static NumericalGradient forward(double step) {
        return new NumericalGradient(false, step);
    }

    /** The central difference ∂E/∂w ≈ (E(w + h) − E(w − h)) / 2h, whose error is O(h²). */
    public static NumericalGradient central(double step) {
        return new NumericalGradient(true, step);
    }

    /** The step h. */
    public double step() {
        return step;
    }

    /** The formula's name: "forward difference" or "central difference". */
    public String name() {
        return central ? "central difference" : "forward difference";
    }

    /**
     * The estimate of ∂E/∂w for one weight or bias, named as {@link Network#get} names it, with
     * E = E_total of {@code network.forward(sample)}: (E(w + h) − E(w)) / h or
     * (E(w + h) − E(w − h)) / 2h. A shared bias is nudged for its whole layer, as
     * {@link Network#set} sets it, which estimates BP3's Σⱼ δⱼ.
     *
     * <p>The nudges are made on copies: {@code network} stays exactly as it was. The division is
     * by the nudge the doubles actually made, (w + h) − w or (w + h) − (w − h), not by h, since
     * w + h is rounded.
     */
    public double of(Network network, Sample sample, String parameter) {
        requireNetworkAndSample(network, sample);
        Require.present("parameter", parameter);
        network.get(parameter);
        Nudging nudging = new Nudging(network, sample);
        return nudging.estimate(parameter);
    }

    /**
     * The same recipe for any error that depends on one number: the estimate of dE/dθ at
     * θ = {@code value}, (E(θ + h) − E(θ)) / h or (E(θ + h) − E(θ − h)) / 2h, divided by the
     * nudge the doubles actually made. For models other than {@link Network}, such as a recurrent
     * network; {@code parameter} names θ in messages.
     */
    public double of(DoubleUnaryOperator error, double value, String parameter) {
        Require.present("error", error);
        Require.finite(parameter, value);
        return difference(error, value, parameter);
    }

    /**
     * The estimate for every weight, then every bias, in the order of
     * {@link Names#weightNames()} and {@link Names#biasNames()}; costs
     * {@link #forwardPasses(Network)} forward passes.
     */
    public Map<String, Double> all(Network network, Sample sample) {
        requireNetworkAndSample(network, sample);
        Nudging nudging = new Nudging(network, sample);
        Map<String, Double> gradient = new LinkedHashMap<>();
        for (String parameter : network.names().parameterNames()) {
            gradient.put(parameter, nudging.estimate(parameter));
        }
        return Collections.unmodifiableMap(gradient);
    }

    /**
     * The forward passes {@link #all} runs for a network of P weights and biases: 1 + P for the
     * forward difference (E(w) is shared), 2P for the central one — against one forward and one
     * backward pass for backpropagation.
     */
    public int forwardPasses(Network network) {
        int parameters = Require.present("network", network).names().parameterNames().size();
        return central ? 2 * parameters : 1 + parameters;
    }

    private static void requireNetworkAndSample(Network network, Sample sample) {
        Require.present("network", network);
        Require.present("sample", sample);
    }

    /** The finite difference itself, written once: E at the nudged values over the nudge made. */
    private double difference(DoubleUnaryOperator error, double value, String parameter) {
        double above = value + step;
        double below = central ? value - step : value;
        if (above == below) {
            throw new IllegalArgumentException("step must be at least one ulp of " + parameter + " = " + value
                    + " (" + Math.ulp(value) + ") to change it, but was " + step);
        }
        double errorAbove = error.applyAsDouble(above);
        double errorBelow = error.applyAsDouble(below);
        return (errorAbove - errorBelow) / (above - below);
    }

    /**
     * The recipe on one copy of the network: nudge a parameter, run the forward pass, put the
     * parameter back. The forward passes run in one set of buffers.
     */
    private final class Nudging {
        private final Network copy;
        private final Backprop core;
        private final double unnudgedError;

        Nudging(Network network, Sample sample) {
            network.checkSample("sample", sample);
            this.copy = network.copy();
            this.core = new Backprop(network.sizes(), 1);
            core.load(sample);
            // E(w), which only the forward difference needs: the central one skips this pass.
            this.unnudgedError = central ? Double.NaN : error();
        }

        double estimate(String parameter) {
            double value = copy.get(parameter);
            double estimate = difference(nudged -> nudged == value && !central ? unnudgedError
                    : errorAt(parameter, nudged), value, parameter);
            copy.set(parameter, value);
            return estimate;
        }

        private double errorAt(String parameter, double value) {
            copy.set(parameter, value);
            return error();
        }

        private double error() {
            core.forward(copy.layers(), copy.loss());
            return core.totalError[0];
        }
    }

    /** A label such as "central difference, h = 1.0E-5". */
    @Override
    public String toString() {
        return name() + ", h = " + step;
    }
}
