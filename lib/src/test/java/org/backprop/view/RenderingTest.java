package org.backprop.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.DisplayDataRenderable;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.util.Map;
import org.backprop.data.WorkedExample;
import org.backprop.nn.BackwardPass;
import org.backprop.nn.ForwardPass;
import org.junit.jupiter.api.Test;

/**
 * With the kernel's classes present (basekernel is on the test class path, as in IJava), every
 * view is a {@link DisplayDataRenderable}, and the kernel's own renderer shows its MIME bundle.
 */
class RenderingTest {

    private final WorkedExample mazur = WorkedExample.mazur();
    private final ForwardPass forward = mazur.network().forward(mazur.sample());
    private final BackwardPass backward = mazur.network().backward(forward);
    private final Renderer renderer = new Renderer();

    /** Renders the view as IJava does and checks the kernel got every rendering of the bundle. */
    private DisplayData render(View view) {
        assertTrue(View.IN_KERNEL);
        assertInstanceOf(DisplayDataRenderable.class, view);
        DisplayData data = renderer.render(view);
        for (Map.Entry<String, String> rendering : view.toMimeBundle().entrySet()) {
            assertEquals(rendering.getValue(), data.getData(MIMEType.parse(rendering.getKey())), rendering.getKey());
        }
        return data;
    }

    private static String text(DisplayData data, String type) {
        return (String) data.getData(MIMEType.parse(type));
    }

    @Test
    void tableAsHtmlAndText() {
        TableView table = Tables.forwardPass(forward);
        DisplayData data = render(table);

        assertEquals(table.toHtml(), text(data, "text/html"));
        assertEquals(table.toText(), text(data, "text/plain"));
        assertTrue(text(data, "text/html").contains("<caption>Forward pass: E_total = 0.298371109</caption>"));
    }

    @Test
    void chartAsPng() {
        ChartView chart = Charts.error(mazur.descent().train(mazur.network(), mazur.sample(), 3));
        DisplayData data = render(chart);

        assertTrue(text(data, "image/png").startsWith("iVBORw0KGgo"), "base64 of the PNG signature");
        assertEquals(chart.toText(), text(data, "text/plain"));
    }

    @Test
    void diagramAsSvg() {
        DisplayData data = render(NetworkDiagram.of(mazur.network()));

        assertTrue(text(data, "image/svg+xml").startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    }

    @Test
    void derivationAsLatex() {
        DisplayData data = render(Derivation.gradient(backward, "w5"));

        assertTrue(text(data, "text/latex").contains("0.74136507 \\times 0.186815602 \\times 0.593269992"));
        assertTrue(text(data, "text/plain").contains("= 0.082167041"));
    }
}
