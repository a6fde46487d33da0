package org.backprop.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contour plot's colour-bar labels and the dots at a path's iterates. */
class ContourPlotTest {

    @Test
    void levelsSpacedByFactorsAreLabelledInOneFormat() {
        assertEquals("5·10⁻⁵", ContourPlot.levelLabel(5e-5, true));
        assertEquals("10⁻⁴", ContourPlot.levelLabel(1e-4, true));
        assertEquals("2·10⁻¹", ContourPlot.levelLabel(0.2, true));
        assertEquals("10⁰", ContourPlot.levelLabel(1, true));
        assertEquals("5·10¹", ContourPlot.levelLabel(50, true));
        assertEquals("0.2", ContourPlot.levelLabel(0.2, false));
    }

    @Test
    void everyIterateBetweenStartAndEndIsMarkedByADot() {
        // a straight path along b = 0: iterates at a = -4, 0, 4; the line alone is about 2 pixels
        // thick, a dot 6 across, so 2 pixels above the line the dot shows where the line does not
        double[][] path = {{-4, 0}, {0, 0}, {4, 0}};
        BufferedImage image = ContourPlot.of("flat", (a, b) -> a * a + b * b, "a", -5, 5, "b", -2, 2)
                .withPaths(Map.of("path", path)).toImage();
        Color onTheDot = new Color(image.getRGB(324, 208));
        Color onTheLine = new Color(image.getRGB(220, 208));
        Color pathColour = Lines.PALETTE[0];
        assertTrue(near(pathColour, onTheDot), "the dot's pixel " + onTheDot);
        assertTrue(near(Color.WHITE, onTheLine), "the line's edge " + onTheLine);
    }

    /** Within 32 of each other in every channel: antialiasing blends a dot's pixels a little. */
    private static boolean near(Color expected, Color actual) {
        return Math.abs(expected.getRed() - actual.getRed()) <= 32
                && Math.abs(expected.getGreen() - actual.getGreen()) <= 32
                && Math.abs(expected.getBlue() - actual.getBlue()) <= 32;
    }
}
