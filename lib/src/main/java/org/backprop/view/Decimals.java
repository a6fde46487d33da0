package org.backprop.view;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;

/**
 * How the course prints a number: below 10 rounded to 9 decimals like Mazur's post, trailing
 * zeros dropped (0.74136507, 0.05, 1.105905967), so that the worked example's figures compare
 * digit by digit; from 10 on to 6 significant digits (5478.57, 120.034), as more digits there
 * say nothing a reader can use; in scientific notation with 6 significant digits below 0.0001, so
 * that tiny errors keep their digits (3.51085e-05), and from 10⁶ on, so that an exploding error
 * stays readable (2.20036e+07, 5.96237e+143). A column of a table prints all its numbers at the
 * scale of its largest one ({@link #forLargest}). The same in every locale.
 */
final class Decimals extends NumberFormat {

    /** Each number at its own scale. */
    static final Decimals FORMAT = new Decimals(false);
    /** Every number to 6 significant digits: for a column that holds numbers of 10 or more. */
    private static final Decimals SIGNIFICANT = new Decimals(true);

    private static final int DECIMALS = 9;
    private static final int SIGNIFICANT_DIGITS = 6;
    private static final double SCIENTIFIC_BELOW = 1e-4;
    private static final double SIGNIFICANT_FROM = 10;
    private static final double SCIENTIFIC_FROM = 1e6;
    private static final DecimalFormat SCIENTIFIC =
            new DecimalFormat("0.#####E00", DecimalFormatSymbols.getInstance(Locale.ROOT));

    private final boolean significantOnly;

    private Decimals(boolean significantOnly) {
        this.significantOnly = significantOnly;
    }

    /** The number as the course prints it; NaN as an empty string (a missing value). */
    static String of(double value) {
        return FORMAT.format(value);
    }

    /**
     * The format for numbers printed together (a column) whose largest magnitude is
     * {@code largest}: 6 significant digits for each if it is 10 or more, else each at its own scale.
     */
    static Decimals forLargest(double largest) {
        return Math.abs(largest) >= SIGNIFICANT_FROM ? SIGNIFICANT : FORMAT;
    }

    @Override
    public StringBuffer format(double value, StringBuffer to, FieldPosition position) {
        if (Double.isNaN(value)) {
            return to;
        }
        if (Double.isInfinite(value)) {
            return to.append(value > 0 ? "∞" : "−∞");
        }
        double size = Math.abs(value);
        if (value != 0 && (size < SCIENTIFIC_BELOW || size >= SCIENTIFIC_FROM)) {
            String scientific;
            synchronized (SCIENTIFIC) {
                scientific = SCIENTIFIC.format(value);
            }
            int e = scientific.indexOf('E');
            String exponent = scientific.substring(e + 1);
            String sign = exponent.startsWith("-") ? "-" : "+";
            return to.append(scientific, 0, e).append('e').append(sign).append(exponent.replace("-", ""));
        }
        BigDecimal rounded = significantOnly || size >= SIGNIFICANT_FROM
                ? BigDecimal.valueOf(value).round(new MathContext(SIGNIFICANT_DIGITS, RoundingMode.HALF_EVEN))
                : BigDecimal.valueOf(value).setScale(DECIMALS, RoundingMode.HALF_EVEN);
        rounded = rounded.stripTrailingZeros();
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
