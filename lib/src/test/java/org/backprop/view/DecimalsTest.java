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
        assertEquals("12", Decimals.of(12.0));
        assertEquals("123456.123456789", Decimals.of(123456.123456789123));
        assertEquals("999999999", Decimals.of(999_999_999));
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
