package org.backprop.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Axis ticks as a textbook draws them: 1-2-5 steps, 0 when the axis crosses it, at least three. */
class TicksTest {

    @Test
    void roundStepsOverIterations() {
        assertEquals(new Ticks(0, 1000, 11, false, 0, 10_000), Ticks.linear(0, 10_000, 11));
        assertEquals(new Ticks(0, 2000, 6, false, 0, 10_000), Ticks.linear(0, 10_000, 8));
        assertEquals(new Ticks(0, 50, 5, false, 0, 200), Ticks.linear(0, 200, 9), "never 0, 44, 88");
        assertEquals(List.of("0", "50", "100", "150", "200"), labels(Ticks.linear(0, 200, 9)));
    }

    @Test
    void anAxisThatCrossesZeroHasATickAtZero() {
        Ticks ticks = Ticks.linear(-0.23, 0.41, 8);
        assertEquals(new Ticks(-0.2, 0.1, 7, false, -0.23, 0.41), ticks, "the axis keeps the data's range");
        assertEquals(List.of("−0.2", "−0.1", "0.0", "0.1", "0.2", "0.3", "0.4"), labels(ticks));
        assertEquals(List.of("−5", "−4", "−3", "−2", "−1", "0", "1", "2", "3", "4", "5"),
                labels(Ticks.linear(-5, 5, 11)), "never −0.2, 0.4 without 0");
    }

    @Test
    void atLeastThreeTicks() {
        assertEquals(List.of("0.20", "0.25", "0.30"), labels(Ticks.linear(0.19, 0.31, 3)));
        assertEquals(List.of("0.40", "0.45", "0.50", "0.55", "0.60"), labels(Ticks.linear(0.5, 0.5, 8)),
                "a constant gets one unit of its own size either side");
        assertEquals(List.of("−1.0", "−0.5", "0.0", "0.5", "1.0"), labels(Ticks.linear(0, 0, 8)));
        assertEquals(new Ticks(-1, 1, 3, true, -1, 1), Ticks.decades(-0.8, -0.1, 5),
                "no power of ten within 0.16 … 0.79: the axis reaches out to the nearest three");
        assertEquals(new Ticks(-4, 1, 3, true, -4, -2), Ticks.decades(-2.9, -2.2, 5));
        assertEquals(new Ticks(1, 1, 3, true, 1, Math.log10(2000)), Ticks.decades(Math.log10(40), Math.log10(2000), 12),
                "10² and 10³ within 40 … 2000, and 10¹ the nearer third");
    }

    @Test
    void logAxesAreLabelledAtWholePowersOfTen() {
        Ticks error = Ticks.decades(Math.log10(3.51e-5), Math.log10(0.298), 12);
        assertEquals(new Ticks(-4, 1, 4, true, Math.log10(3.51e-5), Math.log10(0.298)), error);
        assertEquals(List.of("10⁻⁴", "10⁻³", "10⁻²", "10⁻¹"), labels(error));
        assertEquals(List.of("10⁻¹²", "10⁻¹⁰", "10⁻⁸", "10⁻⁶", "10⁻⁴", "10⁻²"), labels(Ticks.decades(-13, -1, 6)),
                "every 2 decades when every decade would be too many");
        assertEquals(List.of("10⁻¹⁰", "10⁻⁵"), labels(Ticks.decades(-13, -1, 4)).subList(0, 2), "or every 5");
        assertEquals(new Ticks(0, 50, 5, true, 0, 212), Ticks.decades(0, 212, 8));
        assertEquals("10¹²", Ticks.powerOfTen(12));
    }

    @Test
    void labelsCarryTheStepsDecimalsAndATrueMinusSign() {
        Ticks ticks = new Ticks(-1, 0.5, 5, false, -1, 1);
        assertEquals("−0.5", ticks.label(-0.5));
        assertEquals("0.0", ticks.label(-1e-17), "no −0.0 from rounding noise");
        assertEquals("0.6", new Ticks(-0.4, 0.2, 6, false, -0.4, 0.6).label(0.6000000000000001));
        assertEquals("4000", new Ticks(0, 2000, 6, false, 0, 10_000).label(4000));
        assertEquals("0.05", new Ticks(0, 0.05, 7, false, 0, 0.3).label(0.05));
        assertEquals(0.6, new Ticks(-0.4, 0.2, 6, false, -0.4, 0.6).last());
    }

    @Test
    void everyRangeGetsRoundTicksThatCoverIt() {
        Random random = new Random(1);
        for (int trial = 0; trial < 10_000; trial++) {
            double scale = Math.pow(10, random.nextInt(13) - 6);
            double a = (random.nextDouble() * 2 - 1) * scale;
            double b = a + random.nextDouble() * scale * (random.nextBoolean() ? 1 : 0.01);
            int most = 3 + random.nextInt(10);
            Ticks ticks = Ticks.linear(a, b, most);
            String what = a + " … " + b + ", at most " + most + ": " + ticks;
            assertTrue(ticks.count() >= 3 && ticks.count() <= Math.max(most, 3), what);
            assertTrue(ticks.low() <= a && ticks.high() >= b, what);
            assertTrue(ticks.first() >= ticks.low() && ticks.last() <= ticks.high(), what);
            double mantissa = ticks.step() / Math.pow(10, Math.floor(Math.log10(ticks.step()) + 1e-9));
            assertTrue(List.of(1L, 2L, 5L).contains(Math.round(mantissa)) && Math.abs(mantissa - Math.round(mantissa))
                    < 1e-6, what);
            double multiple = ticks.first() / ticks.step();
            assertTrue(Math.abs(multiple - Math.rint(multiple)) < 1e-6, what);
            if (a < 0 && b > 0) {
                assertTrue(labels(ticks).stream().anyMatch(label -> label.matches("0(\\.0*)?")), what);
            }
        }
    }

    @Test
    void badRangesAreRefused() {
        assertEquals("low and high must be finite with low ≤ high, but were NaN and 1.0",
                assertThrows(IllegalArgumentException.class, () -> Ticks.linear(Double.NaN, 1, 5)).getMessage());
        assertEquals("low and high must be finite with low ≤ high, but were 2.0 and 1.0",
                assertThrows(IllegalArgumentException.class, () -> Ticks.linear(2, 1, 5)).getMessage());
        assertEquals("low and high must be finite with low ≤ high, but were 0.0 and Infinity",
                assertThrows(IllegalArgumentException.class, () -> Ticks.decades(0, Double.POSITIVE_INFINITY, 5))
                        .getMessage());
        assertEquals("most must be at least 3, but was 2",
                assertThrows(IllegalArgumentException.class, () -> Ticks.linear(0, 1, 2)).getMessage());
    }

    private static List<String> labels(Ticks ticks) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < ticks.count(); i++) {
            labels.add(ticks.label(ticks.value(i)));
        }
        return labels;
    }
}
