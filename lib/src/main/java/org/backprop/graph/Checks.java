package org.backprop.graph;

import java.math.BigDecimal;
import java.util.List;

/** Argument checks whose messages name the parameter, what was expected and what came. */
final class Checks {

    private Checks() {
    }

    static <T> T present(String parameter, T value) {
        if (value == null) {
            throw new IllegalArgumentException(parameter + " must not be null");
        }
        return value;
    }

    /** A node name: not blank, and not starting with '#', which labels unnamed nodes. */
    static String name(String parameter, String name) {
        present(parameter, name);
        if (name.isBlank() || name.startsWith("#")) {
            throw new IllegalArgumentException(parameter + " must be a non-blank name not starting with '#' "
                    + "(which labels unnamed nodes), but was '" + name + "'");
        }
        return name;
    }

    static double finite(String parameter, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(parameter + " must be a finite number, but was " + value);
        }
        return value;
    }

    /** The value of the leaf or named constant called {@code name}. */
    static double finiteValue(String name, double value) {
        return finite("the value of " + name, value);
    }

    /** The terms of a sum: at least one, none null. */
    static Node[] terms(String parameter, List<Node> terms) {
        present(parameter, terms);
        if (terms.isEmpty()) {
            throw new IllegalArgumentException(parameter + " must hold at least 1 node, but was empty");
        }
        Node[] array = new Node[terms.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = present(parameter + "[" + i + "]", terms.get(i));
        }
        return array;
    }

    /** A gate's value and local derivatives must be finite numbers. */
    static void finiteResult(String operation, Node[] inputs, double value, double[] localDerivatives) {
        if (!Double.isFinite(value)) {
            throw notFinite(operation, inputs, "value", value);
        }
        for (double derivative : localDerivatives) {
            if (!Double.isFinite(derivative)) {
                throw notFinite(operation, inputs, "local derivative", derivative);
            }
        }
    }

    private static IllegalArgumentException notFinite(String operation, Node[] inputs, String what, double value) {
        StringBuilder of = new StringBuilder();
        for (int i = 0; i < inputs.length; i++) {
            of.append(i == 0 ? "" : ", ").append(describe(inputs[i]));
        }
        return new IllegalArgumentException("the gate " + operation + " of " + of + " would have the " + what + " "
                + value + ": every value and local derivative in a graph must be a finite number");
    }

    /** "x = -2" for a named node, "-2" for an unnamed one. */
    static String describe(Node node) {
        return node.name() == null ? shortNumber(node.value()) : node.name() + " = " + shortNumber(node.value());
    }

    /** 2.0 as "2", 0.35 as "0.35", 1e-20 as "1.0E-20": Java's shortest form without a useless ".0". */
    static String shortNumber(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return new BigDecimal(value).toPlainString();
        }
        return Double.toString(value);
    }
}
