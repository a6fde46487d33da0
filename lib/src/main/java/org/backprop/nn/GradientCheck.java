package org.backprop.nn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Backpropagation checked against a {@link NumericalGradient}: for every weight and bias, the
 * backprop ∂E/∂w, the numerical estimate and how far apart they are.
 *
 * <p>The distance is the relative error |backprop − numerical| / max(|backprop|, |numerical|),
 * and 0 when both |backprop| and |numerical| are below {@link #ZERO} = 10⁻¹²: such a gradient is
 * 0 to rounding, and the quotient of two rounding errors would say nothing. Relative, not
 * absolute, because gradients range over many orders of magnitude: an absolute 10⁻⁷ is a perfect
 * match for ∂E/∂w5 = 0.08 but all of a gradient of 10⁻⁷. It lies between 0 and 2: exactly 1 when
 * one side is 0 and the other is not (a nudge across a ReLU's kink, or a missing term in the
 * backward pass), 2 when they are equal but of opposite sign (a sign error). A network whose true
 * gradients are below 10⁻¹² cannot be checked this way: scale its error up first.
 */
public final class GradientCheck {

    /**
     * One weight or bias.
     *
     * @param parameter     its name (w5, b1, b_h1)
     * @param backprop      ∂E/∂w from the backward pass (or from the gradients checked)
     * @param numerical     the finite-difference estimate
     * @param relativeError |backprop − numerical| / max(|backprop|, |numerical|), 0 when both are
     *                      below {@link #ZERO}
     */
    public record Row(String parameter, double backprop, double numerical, double relativeError) {
    }

    /**
     * Below this, a gradient counts as 0. Why 10⁻¹²: backpropagation's sums of terms of order 1
     * leave rounding of about 10⁻¹⁶ where the true gradient is 0 (a bias that softmax ignores:
     * −1.1·10⁻¹⁶), four powers of ten below; a finite difference resolves no finer than one unit in
     * the last place of E over 2h, about 3·10⁻¹³ … 3·10⁻¹¹ for E ≈ 0.3 and h = 10⁻⁴ … 10⁻⁶, so an
     * estimate below it is rounding too; and the gradients the course checks are 10⁻⁶ or larger.
     */
    public static final double ZERO = 1e-12;

    private final NumericalGradient numerical;
    private final Map<String, Row> rows;

    private GradientCheck(NumericalGradient numerical, Map<String, Row> rows) {
        this.numerical = numerical;
        this.rows = rows;
    }

    /**
     * Compares {@code network.backward(network.forward(sample))} with {@code numerical.all(network,
     * sample)}, parameter by parameter; {@code network} is left as it was.
     */
    public static GradientCheck of(Network network, Sample sample, NumericalGradient numerical) {
        Require.present("network", network);
        Require.present("sample", sample);
        Require.present("numerical", numerical);
        BackwardPass backward = network.backward(network.forward(sample));
        Map<String, Double> gradients = new LinkedHashMap<>();
        for (String parameter : network.names().parameterNames()) {
            gradients.put(parameter, backward.get("dE/d" + parameter));
        }
        return compare(gradients, numerical.all(network, sample), numerical);
    }

    /**
     * Compares gradients computed elsewhere — by a computational graph of the same network, say —
     * with {@code numerical.all(network, sample)}: {@code gradients} maps every weight and bias
     * name of {@code network} (w5, b1, b_h1), and nothing else, to its ∂E/∂w for E = E_total of
     * {@code network.forward(sample)}. {@code network} is left as it was.
     */
    public static GradientCheck of(Network network, Sample sample, NumericalGradient numerical,
                                   Map<String, Double> gradients) {
        Require.present("network", network);
        Require.present("sample", sample);
        Require.present("numerical", numerical);
        Require.present("gradients", gradients);
        List<String> parameters = network.names().parameterNames();
        List<String> missing = parameters.stream().filter(p -> !gradients.containsKey(p)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("gradients must hold ∂E/∂w for every weight and bias of the network "
                    + parameters + ", but lacked " + missing);
        }
        List<String> extra = gradients.keySet().stream().filter(p -> !parameters.contains(p)).toList();
        if (!extra.isEmpty()) {
            throw new IllegalArgumentException("gradients must hold only weights and biases of the network "
                    + parameters + ", but also held " + extra);
        }
        Map<String, Double> ordered = new LinkedHashMap<>();
        for (String parameter : parameters) {
            Double gradient = gradients.get(parameter);
            Require.finite("gradients['" + parameter + "']", Require.present("gradients['" + parameter + "']",
                    gradient));
            ordered.put(parameter, gradient);
        }
        return compare(ordered, numerical.all(network, sample), numerical);
    }

    /** One row per parameter of {@code estimates}, in their order. */
    private static GradientCheck compare(Map<String, Double> gradients, Map<String, Double> estimates,
                                         NumericalGradient numerical) {
        Map<String, Row> rows = new LinkedHashMap<>();
        estimates.forEach((parameter, estimate) -> {
            double gradient = gradients.get(parameter);
            rows.put(parameter, new Row(parameter, gradient, estimate, relativeError(gradient, estimate)));
        });
        return new GradientCheck(numerical, rows);
    }

    /** |a − b| / max(|a|, |b|), and 0 when |a| and |b| are both below {@link #ZERO} (0 to rounding). */
    private static double relativeError(double a, double b) {
        double larger = Math.max(Math.abs(a), Math.abs(b));
        return larger < ZERO ? 0 : Math.abs(a - b) / larger;
    }

    /** The finite difference the backprop values were checked against. */
    public NumericalGradient numerical() {
        return numerical;
    }

    /** One row per weight, then per bias, in the order of {@link NumericalGradient#all}. */
    public List<Row> rows() {
        return List.copyOf(rows.values());
    }

    /** The largest relative error over all weights and biases. */
    public double maxRelativeError() {
        return rows.values().stream().mapToDouble(Row::relativeError).max().orElseThrow();
    }

    /** The relative error of one weight or bias, by name (w5, b1, b_h1). */
    public double relativeError(String parameter) {
        Row row = rows.get(Require.present("parameter", parameter));
        if (row == null) {
            throw new IllegalArgumentException("unknown weight or bias '" + parameter + "': expected one of "
                    + rows.keySet());
        }
        return row.relativeError();
    }

    @Override
    public String toString() {
        return "GradientCheck[" + numerical + ", " + rows.size() + " parameters, largest relative error "
                + maxRelativeError() + "]";
    }
}
