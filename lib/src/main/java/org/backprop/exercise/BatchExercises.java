package org.backprop.exercise;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.backprop.nn.Batching;
import org.backprop.nn.GradientDescent;
import org.backprop.nn.Network;
import org.backprop.nn.Sample;
import org.backprop.nn.TrainingDivergedException;

/** Notebook 10: the gradient of a full batch, and the update it makes. */
final class BatchExercises {

    private BatchExercises() {
    }

    /** The exercises of {@link Exercises#batchGradient}, with their mistakes. */
    static Exercises batchGradient(Network network, List<? extends Sample> data, String parameter) {
        double[] perSample = perSample(network, data, parameter);
        double sum = 0;
        for (double gradient : perSample) {
            sum += gradient;
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

    /** The exercises of {@link Exercises#batchStep}, with their mistakes. */
    static Exercises batchStep(Network network, List<? extends Sample> data, String parameter, double learningRate) {
        double[] perSample = perSample(network, data, parameter);
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be finite and above 0, but was " + learningRate);
        }
        double sum = 0;
        for (double gradient : perSample) {
            sum += gradient;
        }
        int n = data.size();
        double old = network.get(parameter);
        double mean = sum / n;
        double answer = old - learningRate * mean;
        List<Mistake> mistakes = new ArrayList<>();
        Mistake.addTo(mistakes, answer, old - learningRate * sum, "the step used the sum of the "
                + n + " gradients; the full batch steps along their mean (Nielsen's rule, as the library does): "
                + "divide the sum by n.");
        Mistake.addTo(mistakes, answer, old + learningRate * mean, "the sign of the step: gradient "
                + "descent goes against the gradient, " + parameter + " − η · ∂Ē/∂" + parameter + ".");
        Mistake.addTo(mistakes, answer, old - mean, "the learning rate η = " + learningRate
                + " is missing.");
        Mistake.addTo(mistakes, answer, -learningRate * mean, "that is the step alone: add it to the "
                + "old " + parameter + ".");
        try {
            Network epoch = network.copy();
            GradientDescent.withLearningRate(learningRate).withBatching(Batching.PER_SAMPLE)
                    .train(epoch, new ArrayList<Sample>(data), 1);
            Mistake.addTo(mistakes, answer, epoch.get(parameter), "that is an epoch of per-sample "
                    + "updates, " + n + " steps one after the other; the full batch makes one step, with the mean "
                    + "gradient.");
        } catch (TrainingDivergedException diverged) {
            // no such mistake at this rate: the per-sample epoch does not end
        }
        for (int x = 0; x < n; x++) {
            Mistake.addTo(mistakes, answer, old - learningRate * perSample[x], "that is one update "
                    + "with sample " + x + "'s gradient alone; the full batch uses the mean of all " + n
                    + " samples' gradients.");
        }
        String id = "full-batch new " + parameter;
        return Exercises.of(List.of(new Exercise(id, parameter + " after one epoch of full-batch gradient descent "
                + "with η = " + learningRate + " over the " + n + " samples; a number", answer, mistakes,
                "a full-batch epoch is one update, " + parameter + " − η · ∂Ē/∂" + parameter + ", with ∂Ē/∂"
                        + parameter + " the gradient of the mean error; the old value is xorNet.get(\"" + parameter + "\").",
                """
                double gradientSum = 0;
                for (Sample s : xor) {
                    gradientSum += xorNet.backward(xorNet.forward(s)).get("dE/d%1$s");
                }
                exercises.check("%2$s", xorNet.get("%1$s") - learningRate * gradientSum / xor.size())"""
                        .formatted(parameter, id))));
    }

    /** Each sample's ∂E_x/∂{@code parameter}, after checking the arguments. */
    private static double[] perSample(Network network, List<? extends Sample> data, String parameter) {
        if (network == null || data == null || parameter == null) {
            throw new IllegalArgumentException((network == null ? "network" : data == null ? "data" : "parameter")
                    + " must not be null");
        }
        if (data.size() < 2) {
            throw new IllegalArgumentException("data must hold at least 2 samples (a batch), but held " + data.size());
        }
        double[] perSample = new double[data.size()];
        for (int x = 0; x < data.size(); x++) {
            Sample sample = data.get(x);
            if (sample == null) {
                throw new IllegalArgumentException("data[" + x + "] must not be null");
            }
            perSample[x] = network.backward(network.forward(sample)).get("dE/d" + parameter);
        }
        return perSample;
    }
}
