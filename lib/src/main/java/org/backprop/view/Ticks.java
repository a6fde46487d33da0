package org.backprop.view;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * The ticks of one chart axis, as a textbook draws them: {@code count} ticks at
 * first, first + step, … where the step is 1, 2 or 5 times a power of ten and every tick is a
 * whole multiple of it (so 0 is a tick whenever the axis crosses it), at least three of them, on
 * an axis from {@code low} to {@code high}: the data's range, stretched to a tick outside it only
 * where that is needed for a third. On a log axis the values are the exponents n of 10ⁿ, the
 * step is a whole number of decades and the labels read 10⁻⁴, 10⁰, 10³.
 *
 * @param first        the first tick, a multiple of {@code step}
 * @param step         the distance between two ticks
 * @param count        how many ticks, at least 3
 * @param powersOfTen  whether a tick n stands for 10ⁿ (a log axis)
 * @param low          where the axis starts, at most {@code first}
 * @param high         where the axis ends, at least the last tick
 */
record Ticks(double first, double step, int count, boolean powersOfTen, double low, double high) {

    /** The fewest ticks an axis gets. */
    static final int FEWEST = 3;
    private static final int[] MANTISSAS = {1, 2, 5};
    private static final String[] SUPERSCRIPTS = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
    /** How far from a multiple of the step a value may be and still count as on it (float noise). */
    private static final double ON_TICK = 1e-9;

    /**
     * Ticks within [low, high] at the finest 1-2-5 step that puts at most {@code most} there; a
     * single value gets a range of one unit of its own size either side (0.5 → 0.4 … 0.6).
     */
    static Ticks linear(double low, double high, int most) {
        requireRange(low, high, most);
        if (low == high) {
            double unit = low == 0 ? 1 : Math.pow(10, Math.floor(Math.log10(Math.abs(low))));
            return linear(low - unit, high + unit, most);
        }
        int exponent = (int) Math.floor(Math.log10((high - low) / most)) - 1;
        return finest(low, high, most, exponent, false);
    }

    /**
     * Ticks at whole powers of ten for values whose exponents run from low to high (log₁₀ of the
     * smallest and largest value): every decade, or every 2, 5, 10, … decades so that at most
     * {@code most} lie within them.
     */
    static Ticks decades(double low, double high, int most) {
        requireRange(low, high, most);
        return finest(low, high, most, 0, true);
    }

    /** The last tick. */
    double last() {
        return value(count - 1);
    }

    /** Tick i, 0 ≤ i &lt; count. */
    double value(int i) {
        return BigDecimal.valueOf(first).add(BigDecimal.valueOf(step).multiply(BigDecimal.valueOf(i))).doubleValue();
    }

    /**
     * The label of the tick at {@code value}: 10ⁿ on a log axis, else the value with as many
     * decimals as the step has (0.0, 0.5, 1.0; 0, 2000, 4000) and a minus sign, −0.5.
     */
    String label(double value) {
        if (powersOfTen) {
            return powerOfTen(Math.round(value));
        }
        double rounded = Math.abs(value) < step * ON_TICK ? 0 : value;
        int decimals = Math.max(0, BigDecimal.valueOf(step).stripTrailingZeros().scale());
        return String.format(Locale.ROOT, "%." + decimals + "f", rounded).replace('-', '−');
    }

    /** 10ⁿ with a superscript exponent: 10⁻⁴, 10⁰, 10¹². */
    static String powerOfTen(long exponent) {
        StringBuilder text = new StringBuilder("10");
        if (exponent < 0) {
            text.append('⁻');
        }
        for (char digit : Long.toString(Math.abs(exponent)).toCharArray()) {
            text.append(SUPERSCRIPTS[digit - '0']);
        }
        return text.toString();
    }

    /** The first step m·10ᵉ from 10^{@code exponent} up that puts at most {@code most} ticks within [low, high]. */
    private static Ticks finest(double low, double high, int most, int exponent, boolean powersOfTen) {
        for (int e = exponent; ; e++) {
            for (int mantissa : MANTISSAS) {
                double step = BigDecimal.valueOf(mantissa).scaleByPowerOfTen(e).doubleValue();
                long from = (long) Math.ceil(low / step - ON_TICK);
                long to = (long) Math.floor(high / step + ON_TICK);
                if (to - from + 1 <= most) {
                    return atLeastThree(from, to, step, low, high, powersOfTen);
                }
            }
        }
    }

    /** Ticks from·step … to·step, and the next tick beyond the nearer end of [low, high] while there are fewer than three. */
    private static Ticks atLeastThree(long from, long to, double step, double low, double high,
                                      boolean powersOfTen) {
        while (to - from + 1 < FEWEST) {
            if ((double) (to + 1) * step - high < low - (double) (from - 1) * step) {
                to++;
            } else {
                from--;
            }
        }
        double first = BigDecimal.valueOf(step).multiply(BigDecimal.valueOf(from)).doubleValue();
        double last = BigDecimal.valueOf(step).multiply(BigDecimal.valueOf(to)).doubleValue();
        return new Ticks(first, step, (int) (to - from + 1), powersOfTen, Math.min(low, first), Math.max(high, last));
    }

    private static void requireRange(double low, double high, int most) {
        if (!Double.isFinite(low) || !Double.isFinite(high) || low > high) {
            throw new IllegalArgumentException("low and high must be finite with low ≤ high, but were " + low
                    + " and " + high);
        }
        if (most < FEWEST) {
            throw new IllegalArgumentException("most must be at least " + FEWEST + ", but was " + most);
        }
    }
}
