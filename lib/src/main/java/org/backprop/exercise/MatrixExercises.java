package org.backprop.exercise;

import java.util.List;
import org.backprop.exercise.ShapeExercise.Matrix;
import org.backprop.exercise.ShapeExercise.Wrong;
import org.backprop.nn.Network;

/** Notebook 06: the shapes of the matrices in BP2, and in BP1–BP4 over a batch of samples. */
final class MatrixExercises {

    private MatrixExercises() {
    }

    /** The exercises of {@link Exercises#shapes}. */
    static Exercises shapes(Network network, int samples) {
        if (network == null) {
            throw new IllegalArgumentException("network must not be null");
        }
        if (network.depth() < 2) {
            throw new IllegalArgumentException("network must have a hidden layer for BP2 (2 or more layers of neurons), "
                    + "but had " + network.depth());
        }
        if (samples < 2) {
            throw new IllegalArgumentException("samples must be 2 or more, so that a batch has columns to count, but "
                    + "was " + samples);
        }
        int top = network.depth();
        int l = top - 1;
        return Exercises.of(List.of(), List.of(bp2(network, l), batch(network, l, samples)));
    }

    /** δˡ = ((Wˡ⁺¹)ᵀ δˡ⁺¹) ⊙ σ′(netˡ) for one sample, l the last hidden layer. */
    private static ShapeExercise bp2(Network network, int l) {
        int below = network.size(l - 1), here = network.size(l), above = network.size(l + 1);
        String sl = sup(l), sa = sup(l + 1), w = "W" + sa, deltaAbove = "δ" + sa, deltaHere = "δ" + sl;
        String column = "a delta is a column, one row per neuron of its layer.";
        return new ShapeExercise("shapes in BP2", "the rows × columns of each matrix in BP2, δ" + sl + " = ((" + w
                + ")ᵀ δ" + sa + ") ⊙ σ′(net" + sl + "), for this " + network.shape() + " network and one sample",
                List.of(new Matrix(w, above, here, w + " has one row per neuron of layer " + (l + 1) + ", which its "
                                + "weights go into, and one column per neuron of layer " + l + ", which they come from.",
                                List.of(new Wrong(here, above, "rows and columns swapped: one row per neuron of layer "
                                                + (l + 1) + ", which the weights go into."),
                                        new Wrong(here, below, "that is W" + sl + "'s shape, the weights into layer "
                                                + l + "."))),
                        new Matrix("(" + w + ")ᵀ", here, above, "the transpose swaps rows and columns.",
                                List.of(new Wrong(above, here, "that is " + w + " itself: the transpose swaps its rows "
                                        + "and columns."))),
                        new Matrix(deltaAbove, above, 1, column,
                                List.of(new Wrong(1, above, "a row: " + column),
                                        new Wrong(here, 1, deltaAbove + " belongs to layer " + (l + 1) + ", one entry "
                                                + "per neuron there."))),
                        new Matrix("(" + w + ")ᵀ " + deltaAbove, here, 1, "a product AB has A's rows and B's columns.",
                                List.of(new Wrong(above, 1, "that is " + deltaAbove + "'s shape: a product AB has A's "
                                                + "rows and B's columns, and (" + w + ")ᵀ has a row per neuron of layer "
                                                + l + "."),
                                        new Wrong(1, here, "a row: an " + here + " × " + above + " matrix times a column "
                                                + "is a column."),
                                        new Wrong(here, above, "that is (" + w + ")ᵀ itself; times the column "
                                                + deltaAbove + " it becomes one column."))),
                        new Matrix("σ′(net" + sl + ")", here, 1, "σ′ is taken entry by entry at layer " + l + "'s net "
                                + "inputs: one per neuron, in a column.",
                                List.of(new Wrong(above, 1, "σ′ is taken at layer " + l + "'s net inputs, one per "
                                                + "neuron of layer " + l + "; ⊙ needs the shape of (" + w + ")ᵀ "
                                                + deltaAbove + "."),
                                        new Wrong(1, here, "a row: ⊙ multiplies entry by entry, so both sides have the "
                                                + "same shape, a column."))),
                        new Matrix(deltaHere, here, 1, column,
                                List.of(new Wrong(1, here, "a row: " + column),
                                        new Wrong(below, 1, "layer " + (l - 1) + " has " + below + " neurons; "
                                                + deltaHere + " belongs to layer " + l + "."),
                                        new Wrong(above, 1, "that is " + deltaAbove + "'s shape; " + deltaHere
                                                + " belongs to layer " + l + ".")))),
                "W^l has a row per neuron of layer l and a column per neuron of layer l − 1; a delta is a column; "
                        + "a product AB has A's rows and B's columns; ⊙ keeps the shape.",
                "bp2");
    }

    /** BP1–BP4 with one column per sample, and the mean gradient's shape. */
    private static ShapeExercise batch(Network network, int l, int samples) {
        int here = network.size(l), above = network.size(l + 1);
        String sl = sup(l), sa = sup(l + 1), out = "Out" + sl, deltaAbove = "Δ" + sa, deltaHere = "Δ" + sl;
        String perSample = "one column per sample.";
        String sumsSamples = "the product sums over the samples, so the gradient of each weight is one number: "
                + "the shape of W" + sa + ", whatever m is.";
        return new ShapeExercise("shapes for a batch", "the rows × columns of each matrix of the backward pass for "
                + "this " + network.shape() + " network and a batch of m = " + samples + " samples, one column per "
                + "sample, with a bias per neuron",
                List.of(new Matrix(out, here, samples, "a neuron's outputs go in a row, " + perSample,
                                List.of(new Wrong(samples, here, "rows and columns swapped: a row per neuron, "
                                                + perSample),
                                        new Wrong(here, 1, "that is one sample's column; the batch has " + perSample),
                                        new Wrong(network.size(l - 1), samples, "that is Out" + sup(l - 1) + "'s shape, "
                                                + "the layer below; Out" + sl + " has a row per neuron of layer " + l
                                                + "."))),
                        new Matrix(deltaAbove, above, samples, "a row per neuron of layer " + (l + 1) + ", "
                                + perSample,
                                List.of(new Wrong(samples, above, "rows and columns swapped: a row per neuron, "
                                                + perSample),
                                        new Wrong(above, 1, "that is one sample's δ" + sa + "; the batch has "
                                                + perSample))),
                        new Matrix("∂Ē/∂W" + sa, above, here, sumsSamples,
                                List.of(new Wrong(above, samples, "that is " + deltaAbove + "'s shape: "
                                                + sumsSamples),
                                        new Wrong(here, above, "rows and columns swapped: it has W" + sa + "'s shape, "
                                                + "a row per neuron of layer " + (l + 1) + "."),
                                        new Wrong(samples, samples, "Δ (Out)ᵀ, not (Out)ᵀ Δ: " + sumsSamples))),
                        new Matrix(deltaHere, here, samples, "a row per neuron of layer " + l + ", " + perSample,
                                List.of(new Wrong(above, samples, "that is " + deltaAbove + "'s shape; (W" + sa
                                                + ")ᵀ " + deltaAbove + " has (W" + sa + ")ᵀ's rows, one per neuron of "
                                                + "layer " + l + "."),
                                        new Wrong(samples, here, "rows and columns swapped: a row per neuron, "
                                                + perSample))),
                        new Matrix("∂Ē/∂b" + sa, above, 1, "the mean over the samples adds up each row of "
                                + deltaAbove + ": one number per bias.",
                                List.of(new Wrong(above, samples, "that is " + deltaAbove + "'s shape: the mean over "
                                                + "the samples adds up each row, one number per bias."),
                                        new Wrong(1, above, "a row: a bias gradient is a column, like the biases.")))),
                "first the shapes of one sample (a column per vector); the batch puts the samples side by side as "
                        + "columns; a gradient has the shape of what it is the gradient of.",
                "batchShapes");
    }

    /** A layer number as a superscript, as the notebook writes W² and δ¹. */
    private static String sup(int layer) {
        StringBuilder text = new StringBuilder();
        for (char digit : Integer.toString(layer).toCharArray()) {
            text.append("⁰¹²³⁴⁵⁶⁷⁸⁹".charAt(digit - '0'));
        }
        return text.toString();
    }
}
