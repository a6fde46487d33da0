package org.backprop.view;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.backprop.nn.Network;
import org.backprop.nn.Sample;
import org.backprop.nn.TrainingHistory;
import org.backprop.nn.TrainingListener;

/**
 * A network's decision boundary ({@link Plane#boundary}) redrawn in place while the network
 * trains, every few epochs and after the last one:
 * <pre>{@code var live = LiveBoundary.show(network, data, 10);
 * descent.train(network, data, 300, live);}</pre>
 * In IJava the picture is one output, shown once and updated; a saved notebook keeps the last
 * one. Elsewhere nothing is drawn and the last picture's text is printed when training ends.
 */
public final class LiveBoundary implements TrainingListener {

    private final Network network;
    private final List<? extends Sample> data;
    private final int every;
    private final Screen screen;
    private final PrintStream out;
    private final String id;
    private View view;

    LiveBoundary(Network network, List<? extends Sample> data, int every, Screen screen, PrintStream out) {
        this.network = network;
        this.data = data;
        this.every = every;
        this.screen = screen;
        this.out = out;
        this.view = Plane.boundary(network, data, "P(class 1) before training");
        this.id = screen == null ? null : screen.show(view);
    }

    /**
     * Shows {@code network}'s boundary now, to be redrawn every {@code every} epochs of the
     * training it is handed to; {@code network} must be the network that training updates.
     */
    public static LiveBoundary show(Network network, List<? extends Sample> data, int every) {
        if (every < 1) {
            throw new IllegalArgumentException("every must be at least 1 epoch, but was " + every);
        }
        return new LiveBoundary(network, data, every, Screen.current(), System.out);
    }

    /** Redraws the boundary after every {@code every}-th epoch and after the last one. */
    @Override
    public void epochDone(TrainingHistory soFar, int epochs) {
        int k = soFar.iterations();
        if (k % every != 0 && k != epochs) {
            return;
        }
        String accuracy = soFar.evaluations().isEmpty() ? ""
                : String.format(Locale.ROOT, ", accuracy %.1f %%", 100 * soFar.evaluation(k).accuracy());
        view = Plane.boundary(network, data, "P(class 1) after epoch " + k + " of " + epochs + accuracy);
        if (screen != null) {
            screen.update(id, view);
        } else if (k == epochs) {
            out.println(view.toText());
        }
    }

    /** The picture as it is now: the last one drawn. */
    public View view() {
        return view;
    }

    @Override
    public String toString() {
        return view.toText();
    }
}
