package demo;

import io.github.spencerpark.jupyter.kernel.display.DisplayDataRenderable;
import io.github.spencerpark.jupyter.kernel.display.RenderContext;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;

import java.util.Set;

/** Fixture: a class in a %jars jar that renders its own MIME bundle through basekernel's interface. */
public class Badge implements DisplayDataRenderable {
    private final String text;

    public Badge(String text) {
        this.text = text;
    }

    @Override
    public Set<MIMEType> getSupportedRenderTypes() {
        return Set.of(MIMEType.TEXT_HTML, MIMEType.TEXT_MARKDOWN);
    }

    @Override
    public void render(RenderContext context) {
        context.renderIfRequested(MIMEType.TEXT_HTML, () -> "<b>" + this.text + "</b>");
        context.renderIfRequested(MIMEType.TEXT_MARKDOWN, () -> "**" + this.text + "**");
    }

    @Override
    public String toString() {
        return "Badge(" + this.text + ")";
    }
}
