package org.backprop.view;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;

/**
 * How the course prints a number: rounded to 9 decimals like Mazur's post, trailing zeros
 * dropped (0.74136507, 0.05), and in scientific notation below 0.0001 so that tiny errors keep
 * their digits (3.51085e-05), and from 10⁹ on so that an exploding error stays readable
 * (5.96237e+143). The same in every locale.
 */
final class Decimals extends NumberFormat {

    static final Decimals FORMAT = new Decimals();

    private static final int DECIMALS = 9;
    private static final double SCIENTIFIC_BELOW = 1e-4;
    private static final double SCIENTIFIC_FROM = 1e9;
    private static final DecimalFormat SCIENTIFIC =
            new DecimalFormat("0.#####E00", DecimalFormatSymbols.getInstance(Locale.ROOT));

    private Decimals() {
    }

    /** The number as the course prints it; NaN as an empty string (a missing value). */
    static String of(double value) {
        return FORMAT.format(value);
    }

    @Override
    public StringBuffer format(double value, StringBuffer to, FieldPosition position) {
        if (Double.isNaN(value)) {
            return to;
        }
        if (Double.isInfinite(value)) {
            return to.append(value > 0 ? "∞" : "−∞");
        }
        if (value != 0 && (Math.abs(value) < SCIENTIFIC_BELOW || Math.abs(value) >= SCIENTIFIC_FROM)) {
            String scientific;
            synchronized (SCIENTIFIC) {
                scientific = SCIENTIFIC.format(value);
            }
            int e = scientific.indexOf('E');
            String exponent = scientific.substring(e + 1);
            String sign = exponent.startsWith("-") ? "-" : "+";
            return to.append(scientific, 0, e).append('e').append(sign).append(exponent.replace("-", ""));
        }
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(DECIMALS, RoundingMode.HALF_EVEN).stripTrailingZeros();
        if (rounded.signum() == 0) {
            return to.append('0');
        }
        return to.append(rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString());
    }

    @Override
    public StringBuffer format(long value, StringBuffer to, FieldPosition position) {
        return to.append(value);
    }

    @Override
    public Number parse(String source, ParsePosition position) {
        throw new UnsupportedOperationException("Decimals only formats numbers");
    }
}
