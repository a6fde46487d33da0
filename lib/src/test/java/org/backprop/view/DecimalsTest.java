package org.backprop.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Numbers print as in Mazur's post: 9 decimals, no trailing zeros, tiny ones in scientific notation. */
class DecimalsTest {

    private final Locale original = Locale.getDefault();

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(original);
    }

    @Test
    void roundsToNineDecimalsAndDropsTrailingZeros() {
        assertEquals("0.74136507", Decimals.of(0.74136507));
        assertEquals("0.593269992", Decimals.of(0.5932699921071872));
        assertEquals("0.05", Decimals.of(0.05));
        assertEquals("0.3775", Decimals.of(0.3775));
        assertEquals("1", Decimals.of(1));
        assertEquals("1.105905967", Decimals.of(1.10590596705977), "below 10, 9 decimals: Mazur's net_o1");
        assertEquals("12", Decimals.of(12.0));
    }

    @Test
    void fromTenOnSixSignificantDigits() {
        assertEquals("5478.57", Decimals.of(5478.572812054));
        assertEquals("120.034", Decimals.of(120.034409277));
        assertEquals("123456", Decimals.of(123456.123456789123));
        assertEquals("7084.6", Decimals.of(7084.595296014), "trailing zeros dropped");
        assertEquals("-93.2812", Decimals.of(-93.281243505));
        assertEquals("2.20036e+07", Decimals.of(22003642.741186544), "from 10⁶ on, scientific");
        assertEquals("1e+09", Decimals.of(999_999_999));
    }

    @Test
    void aColumnPrintsAtTheScaleOfItsLargestNumber() {
        Decimals large = Decimals.forLargest(5478.572812054);
        assertEquals("1.09102", large.format(1.091021918));
        assertEquals("24.1316", large.format(24.131635484));
        assertEquals("0.000308415", large.format(0.000308415123));
        assertEquals("8.12451e-06", large.format(8.12451e-06));
        assertEquals("0.191", Decimals.forLargest(-2.2e7).format(0.191), "the largest magnitude counts");
        Decimals small = Decimals.forLargest(9.99);
        assertEquals("1.091021918", small.format(1.091021918));
        assertEquals("0.015912196", Decimals.forLargest(0.98).format(0.0159121964));
    }

    @Test
    void hugeNumbersAreScientificSoAnExplodingErrorStaysReadable() {
        assertEquals("1e+09", Decimals.of(1e9));
        assertEquals("5.96237e+143", Decimals.of(5.962371708126769e143));
        assertEquals("-1.5e+20", Decimals.of(-1.5e20));
    }

    @Test
    void negativeNumbersKeepTheirSign() {
        assertEquals("-0.217071535", Decimals.of(-0.21707153467853315));
        assertEquals("-0.5", Decimals.of(-0.5));
        assertEquals("-3.5e-05", Decimals.of(-0.000035));
    }

    @Test
    void tinyNumbersKeepTheirDigitsInScientificNotation() {
        assertEquals("3.51085e-05", Decimals.of(0.0000351085));
        assertEquals("2.5e-10", Decimals.of(2.5e-10));
        assertEquals("1e-300", Decimals.of(1e-300));
        assertEquals("0.0001", Decimals.of(0.0001), "0.0001 itself is still printed plainly");
    }

    @Test
    void zeroMissingAndInfiniteValues() {
        assertEquals("0", Decimals.of(0));
        assertEquals("0", Decimals.of(-0.0));
        assertEquals("4e-10", Decimals.of(4e-10), "a tiny number never rounds to 0");
        assertEquals("", Decimals.of(Double.NaN), "NaN is a missing value");
        assertEquals("∞", Decimals.of(Double.POSITIVE_INFINITY));
        assertEquals("−∞", Decimals.of(Double.NEGATIVE_INFINITY));
    }

    @Test
    void theSameInEveryLocale() throws Exception {
        for (Locale locale : new Locale[] {Locale.GERMANY, Locale.FRANCE, new Locale("ar", "EG")}) {
            Locale.setDefault(locale);
            // A fresh copy of the class, so that its static formats are also made under this locale.
            URL classes = Decimals.class.getProtectionDomain().getCodeSource().getLocation();
            try (URLClassLoader fresh = new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader())) {
                Method of = fresh.loadClass(Decimals.class.getName()).getDeclaredMethod("of", double.class);
                of.setAccessible(true);
                assertEquals("0.74136507", of.invoke(null, 0.74136507), locale.toString());
                assertEquals("-0.5", of.invoke(null, -0.5), locale.toString());
                assertEquals("3.51085e-05", of.invoke(null, 0.0000351085), locale.toString());
                assertEquals("1.23457e+20", of.invoke(null, 1.2345678e20), locale.toString());
            }
        }
    }
}
