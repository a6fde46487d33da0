package org.backprop.exercise;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.backprop.nn.Network;
import org.backprop.nn.Sample;

/** Notebook 10: the gradient of a full batch. */
final class BatchExercises {

    private BatchExercises() {
    }

    /** The exercises of {@link Exercises#batchGradient}, with their mistakes. */
    static Exercises batchGradient(Network network, List<? extends Sample> data, String parameter) {
        if (network == null || data == null || parameter == null) {
            throw new IllegalArgumentException((network == null ? "network" : data == null ? "data" : "parameter")
                    + " must not be null");
        }
        if (data.size() < 2) {
            throw new IllegalArgumentException("data must hold at least 2 samples (a batch), but held " + data.size());
        }
        double[] perSample = new double[data.size()];
        double sum = 0;
        for (int x = 0; x < data.size(); x++) {
            Sample sample = data.get(x);
            if (sample == null) {
                throw new IllegalArgumentException("data[" + x + "] must not be null");
            }
            perSample[x] = network.backward(network.forward(sample)).get("dE/d" + parameter);
            sum += perSample[x];
        }
        int n = data.size();
        double mean = sum / n;
        String id = "batch dE/d" + parameter;
        List<Mistake> mistakes = new ArrayList<>(List.of(
                new Mistake(sum, "the sum over the " + n + " samples; the batch gradient is their mean, (1/n) Σ_x "
                        + "∂E_x/∂" + parameter + ", since the error it lowers is the mean error Ē."),
                new Mistake(-mean, "the sign: take each sample's ∂E_x/∂" + parameter + " as the backward pass gives "
                        + "it.")));
        Set<Double> seen = new HashSet<>();
        for (int x = 0; x < n; x++) {
            if (seen.add(perSample[x])) {   // samples with the same gradient: one mistake, named by the first
                mistakes.add(new Mistake(perSample[x], "sample " + x + "'s gradient alone; the batch gradient "
                        + "averages the gradients of all " + n + " samples."));
            }
        }
        Exercise exercise = new Exercise(id, "∂Ē/∂" + parameter + ", the gradient of the mean error over the " + n
                + " samples; a number", mean, mistakes, "one backward pass per sample gives its ∂E_x/∂" + parameter
                        + "; then combine the " + n + " of them as Ē combines the errors.",
                """
                double sum = 0;
                for (Sample s : xor) {
                    sum += xorNet.backward(xorNet.forward(s)).get("dE/d%1$s");
                }
                exercises.check("%2$s", sum / xor.size())""".formatted(parameter, id));
        return Exercises.of(List.of(exercise));
    }
}
