package org.backprop.graph;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One value of a computation and how it was made: a leaf (a variable such as x or w1), a constant,
 * or a gate (+, ×, σ, …) applied to earlier nodes. Building an expression runs it:
 * {@code x.plus(y).times(z)} holds f = (x + y)·z as soon as it is written.
 *
 * <p>Every gate stores, next to its value, its <em>local derivatives</em> ∂gate/∂input, one per
 * input, taken at the values it was made from. Each operation below writes both rules side by
 * side. {@link #backward()} needs nothing else: it multiplies the gradient arriving from above by
 * a local derivative and adds the product into an input's gradient.
 *
 * <p>Nodes are immutable and a gate can only be made from nodes that already exist, so every
 * expression is a directed acyclic graph: no node can ever become its own input. A node used by
 * several gates (x in x·x, a shared bias) is one node, and its gradient is the sum over its uses.
 *
 * <p>Every value and every local derivative is a finite number. A leaf or constant given NaN or
 * ±∞, and a gate whose result or local derivative would not be finite (log of 0 or of a negative
 * number, division by 0, exp(1000), a negative number to a fractional power), throws an
 * {@link IllegalArgumentException} that names the gate and its inputs: an undefined value is a
 * mistake to report where it happens, not a NaN to find at the end.
 */
public final class Node {

    /** How a gate is made again from new inputs, by the very operation that made it. */
    @FunctionalInterface
    private interface Remake {
        Node from(Node[] inputs);
    }

    private static final Node[] NO_INPUTS = {};
    private static final double[] NO_DERIVATIVES = {};

    private final String operation;
    private final String name;
    private final double value;
    private final Node[] inputs;
    private final double[] localDerivatives;
    private final boolean variable;
    private final Remake remake;

    private Node(String operation, String name, double value, Node[] inputs, double[] localDerivatives,
                 boolean variable, Remake remake) {
        this.operation = operation;
        this.name = name;
        this.value = value;
        this.inputs = inputs;
        this.localDerivatives = localDerivatives;
        this.variable = variable;
        this.remake = remake;
    }

    // ---- leaves ----------------------------------------------------------------------------

    /**
     * A variable: a named input of the computation (x, w1, b1) whose gradient ∂f/∂name is
     * wanted. {@link #forwardMode()} makes one sweep per leaf.
     */
    public static Node leaf(String name, double value) {
        return new Node("leaf", Checks.name("name", name), Checks.finiteValue(name, value), NO_INPUTS, NO_DERIVATIVES,
                true, null);
    }

    /** A number that is not a variable (the 0.5 of ½x², a −1): it gets a gradient, but no sweep. */
    public static Node constant(double value) {
        return new Node("constant", null, Checks.finite("value", value), NO_INPUTS, NO_DERIVATIVES, false, null);
    }

    /** A named constant: data such as an input i1 or a target, not a parameter to learn. */
    public static Node constant(String name, double value) {
        return new Node("constant", Checks.name("name", name), Checks.finiteValue(name, value), NO_INPUTS,
                NO_DERIVATIVES, false, null);
    }

    // ---- gates: each forward rule, with its local derivatives next to it ------------------

    /** a + b; ∂/∂a = 1, ∂/∂b = 1 (an add gate hands its gradient to both inputs unchanged). */
    public Node plus(Node b) {
        Checks.present("b", b);
        return gate("+", value + b.value, new double[] {1, 1}, in -> in[0].plus(in[1]), this, b);
    }

    /** a + c for a constant c. */
    public Node plus(double c) {
        return plus(constant(c));
    }

    /** a − b; ∂/∂a = 1, ∂/∂b = −1. */
    public Node minus(Node b) {
        Checks.present("b", b);
        return gate("−", value - b.value, new double[] {1, -1}, in -> in[0].minus(in[1]), this, b);
    }

    /** a − c for a constant c. */
    public Node minus(double c) {
        return minus(constant(c));
    }

    /** a·b; ∂/∂a = b, ∂/∂b = a (a multiply gate hands each input the other input's value). */
    public Node times(Node b) {
        Checks.present("b", b);
        return gate("×", value * b.value, new double[] {b.value, value}, in -> in[0].times(in[1]), this, b);
    }

    /** a·c for a constant c. */
    public Node times(double c) {
        return times(constant(c));
    }

    /** a / b; ∂/∂a = 1/b, ∂/∂b = −a/b². */
    public Node dividedBy(Node b) {
        Checks.present("b", b);
        return gate("÷", value / b.value, new double[] {1 / b.value, -value / (b.value * b.value)},
                in -> in[0].dividedBy(in[1]), this, b);
    }

    /** a / c for a constant c. */
    public Node dividedBy(double c) {
        return dividedBy(constant(c));
    }

    /** aᵖ for a constant exponent p; ∂/∂a = p·aᵖ⁻¹. */
    public Node pow(double p) {
        Checks.finite("p", p);
        return gate("^" + Checks.shortNumber(p), Math.pow(value, p), new double[] {p * Math.pow(value, p - 1)},
                in -> in[0].pow(p), this);
    }

    /** −a; ∂/∂a = −1. */
    public Node negate() {
        return gate("neg", -value, new double[] {-1}, in -> in[0].negate(), this);
    }

    /** eᵃ; ∂/∂a = eᵃ, the gate's own value. */
    public Node exp() {
        double e = Math.exp(value);
        return gate("exp", e, new double[] {e}, in -> in[0].exp(), this);
    }

    /** ln a for a &gt; 0; ∂/∂a = 1/a. */
    public Node log() {
        if (!(value > 0)) {
            throw new IllegalArgumentException("log needs an input greater than 0, but its input was "
                    + Checks.describe(this));
        }
        return gate("log", Math.log(value), new double[] {1 / value}, in -> in[0].log(), this);
    }

    /** tanh a; ∂/∂a = 1 − tanh² a. */
    public Node tanh() {
        double t = Math.tanh(value);
        return gate("tanh", t, new double[] {1 - t * t}, in -> in[0].tanh(), this);
    }

    /** σ(a) = 1 / (1 + e⁻ᵃ), one gate; ∂/∂a = σ(a)·(1 − σ(a)). */
    public Node sigmoid() {
        double s = 1 / (1 + Math.exp(-value));
        return gate("σ", s, new double[] {s * (1 - s)}, in -> in[0].sigmoid(), this);
    }

    /** max(0, a); ∂/∂a = 1 for a &gt; 0, else 0 (at the kink a = 0, the left slope 0). */
    public Node relu() {
        return gate("ReLU", Math.max(0, value), new double[] {value > 0 ? 1 : 0}, in -> in[0].relu(), this);
    }

    /**
     * max(a, b); ∂/∂a = 1, ∂/∂b = 0 if a ≥ b, else the other way round (a max gate routes its
     * gradient to the larger input; on a tie, to a).
     */
    public Node max(Node b) {
        Checks.present("b", b);
        boolean first = value >= b.value;
        return gate("max", first ? value : b.value, first ? new double[] {1, 0} : new double[] {0, 1},
                in -> in[0].max(in[1]), this, b);
    }

    /** t₁ + t₂ + … + tₙ in one gate, added from the left; ∂/∂tᵢ = 1 for every term. */
    public static Node sum(List<Node> terms) {
        Node[] in = Checks.terms("terms", terms);
        double total = 0;
        for (Node term : in) {
            total += term.value;
        }
        double[] ones = new double[in.length];
        Arrays.fill(ones, 1);
        return gate("Σ", total, ones, again -> sum(List.of(again)), in);
    }

    /** The same as {@link #sum(List)}. */
    public static Node sum(Node... terms) {
        return sum(Arrays.asList(Checks.present("terms", terms)));
    }

    private static Node gate(String operation, double value, double[] localDerivatives, Remake remake,
                             Node... inputs) {
        Checks.finiteResult(operation, inputs, value, localDerivatives);
        return new Node(operation, null, value, inputs, localDerivatives, false, remake);
    }

    // ---- names and what a node is ----------------------------------------------------------

    /**
     * A copy of this node under a name (q, net_h1), so that tables, diagrams and
     * {@link Gradients#of(String)} can address it. Name a node before using it: a gate made from
     * the unnamed original is fed by the original, not by the copy.
     */
    public Node named(String name) {
        return new Node(operation, Checks.name("name", name), value, inputs, localDerivatives, variable, remake);
    }

    /** Its name, or null for an unnamed gate or constant. */
    public String name() {
        return name;
    }

    /** Its value, computed when it was made. */
    public double value() {
        return value;
    }

    /** "leaf", "constant", or the gate's symbol: +, −, ×, ÷, ^2, neg, exp, log, tanh, σ, ReLU, max, Σ. */
    public String operation() {
        return operation;
    }

    /** True for a variable made by {@link #leaf}. */
    public boolean isLeaf() {
        return variable;
    }

    /** True for a leaf or a constant: a node with no inputs. */
    public boolean isInput() {
        return inputs.length == 0;
    }

    /** The nodes this gate was made from, in order (empty for leaves and constants). */
    public List<Node> inputs() {
        return List.of(inputs);
    }

    /** ∂gate/∂input for each input, in the order of {@link #inputs()}, at the values it was made from. */
    public double[] localDerivatives() {
        return localDerivatives.clone();
    }

    // ---- differentiation --------------------------------------------------------------------

    /** Its computational graph: every node it depends on, in an order where inputs come first. */
    public Graph graph() {
        return Graph.of(this);
    }

    /**
     * Reverse mode, as backpropagation does it: ∂f/∂n for f = this node and every node n it
     * depends on, from one sweep of the graph in reverse topological order; contributions are
     * added where a node feeds several gates ({@link Accumulation#ADD}).
     */
    public Gradients backward() {
        return backward(Accumulation.ADD);
    }

    /**
     * Reverse mode with another rule for joining the gradients arriving at a node from several
     * gates: {@code f.backward((held, arriving) -> arriving)} overwrites instead of adding.
     */
    public Gradients backward(Accumulation accumulation) {
        return graph().reverseMode(Checks.present("accumulation", accumulation));
    }

    /**
     * Forward mode: ∂f/∂leaf for every leaf, from one sweep per leaf from the inputs to f, each
     * carrying the tangent ṅ = ∂n/∂leaf: 1 at that leaf, 0 at every other input, and
     * ṅ = Σᵢ ∂n/∂inputᵢ · inputᵢ˙ at each gate.
     */
    public Gradients forwardMode() {
        return graph().forwardMode();
    }

    /**
     * The same computation made again with some inputs changed, by leaf or constant name
     * (for numerical derivatives: {@code f.at(Map.of("x", -2 + h)).value()}); nodes that do
     * not depend on a changed input are shared with this graph.
     */
    public Node at(Map<String, Double> inputValues) {
        return graph().at(Checks.present("inputValues", inputValues));
    }

    /** The same computation with one leaf or named constant set to another value. */
    public Node at(String input, double value) {
        Checks.present("input", input);
        return at(Map.of(input, value));
    }

    /** This node's kind made again from new inputs (for {@link Graph#at}). */
    Node remade(Node[] newInputs) {
        Node made = remake.from(newInputs);
        return name == null ? made : made.named(name);
    }

    /** This input with a new value, same name and kind. */
    Node withValue(double newValue) {
        return new Node(operation, name, Checks.finiteValue(name, newValue), NO_INPUTS, NO_DERIVATIVES, variable, null);
    }

    /** The inputs without a copy, for the sweeps. */
    Node[] inputArray() {
        return inputs;
    }

    /** The local derivatives without a copy, for the sweeps. */
    double[] localDerivativeArray() {
        return localDerivatives;
    }

    /** "x = -2", "q = 3" for named nodes; "0.5" for a constant, "σ gate = 0.73" for a gate. */
    @Override
    public String toString() {
        if (name == null && !isInput()) {
            return operation + " gate = " + Checks.shortNumber(value);
        }
        return Checks.describe(this);
    }
}
