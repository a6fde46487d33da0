package org.backprop.view;

import java.util.ArrayList;
import java.util.List;
import org.backprop.nn.Activation;
import org.backprop.nn.BackwardPass;
import org.backprop.nn.Bias;
import org.backprop.nn.ForwardPass;
import org.backprop.nn.GradientDescent;
import org.backprop.nn.Layer;
import org.backprop.nn.Loss;
import org.backprop.nn.Names;

/**
 * A step of the computation written out with its numbers filled in, e.g.
 * ∂E_total/∂w5 = ∂E_total/∂out_o1 × ∂out_o1/∂net_o1 × ∂net_o1/∂w5
 * = 0.74136507 × 0.186815602 × 0.593269992 = 0.082167041.
 * LaTeX in IJava, plain text elsewhere.
 */
public class Derivation extends View {

    Derivation(List<Equation> equations) {
        super("text/latex", latex(equations), text(equations));
    }

    private static String latex(List<Equation> equations) {
        StringBuilder latex = new StringBuilder("$$\n\\begin{aligned}\n");
        for (Equation equation : equations) {
            equation.appendLatex(latex);
        }
        latex.setLength(latex.length() - " \\\\[6pt]\n".length());
        return latex.append("\n\\end{aligned}\n$$").toString();
    }

    private static String text(List<Equation> equations) {
        StringBuilder text = new StringBuilder();
        for (Equation equation : equations) {
            equation.appendText(text);
        }
        return text.toString().stripTrailing();
    }

    /** One term in both spellings: LaTeX and plain text. */
    private record Term(String latex, String text) {

        static Term number(double value) {
            String formatted = Decimals.of(value);
            return new Term(formatted.replace("e", "\\mathrm{e}"), formatted);
        }

        /** A factor in a product: negative numbers in parentheses. */
        static Term factor(double value) {
            Term number = number(value);
            return value < 0 ? new Term("(" + number.latex + ")", "(" + number.text + ")") : number;
        }

        static Term named(String name) {
            int underscore = name.indexOf('_');
            if (underscore < 0) {
                String letters = name.replaceAll("\\d", "");
                String digits = name.substring(letters.length());
                return new Term(letters + (digits.isEmpty() ? "" : "_{" + digits + "}"), name);
            }
            String base = name.substring(0, underscore);
            String latexBase = base.length() > 1 ? "\\mathit{" + base + "}" : base;
            return new Term(latexBase + "_{" + name.substring(underscore + 1).replace("_", "\\_") + "}", name);
        }

        static Term partial(Term of, Term by) {
            return new Term("\\frac{\\partial " + of.latex + "}{\\partial " + by.latex + "}",
                    "∂" + of.text + "/∂" + by.text);
        }

        static Term join(List<Term> terms, String latexOperator, String textOperator) {
            StringBuilder latex = new StringBuilder();
            StringBuilder text = new StringBuilder();
            for (Term term : terms) {
                latex.append(latex.length() == 0 ? "" : " " + latexOperator + " ").append(term.latex);
                text.append(text.length() == 0 ? "" : " " + textOperator + " ").append(term.text);
            }
            return new Term(latex.toString(), text.toString());
        }

        Term withLatex(String otherLatex) {
            return new Term(otherLatex, text);
        }

        static Term product(Term... factors) {
            return join(List.of(factors), "\\times", "×");
        }
    }

    /** lhs = step₁ = step₂ = …, one step per line. */
    record Equation(Term lhs, List<Term> steps) {

        Equation(Term lhs, Term... steps) {
            this(lhs, List.of(steps));
        }

        void appendLatex(StringBuilder latex) {
            latex.append(lhs.latex);
            for (Term step : steps) {
                latex.append(" &= ").append(step.latex).append(" \\\\\n");
            }
            latex.setLength(latex.length() - " \\\\\n".length());
            latex.append(" \\\\[6pt]\n");
        }

        void appendText(StringBuilder text) {
            String indent = " ".repeat(lhs.text.length());
            for (int i = 0; i < steps.size(); i++) {
                text.append(i == 0 ? lhs.text : indent).append(" = ").append(steps.get(i).text).append('\n');
            }
        }
    }

    /**
     * How a neuron's net input and output come about: net = Σ w·in + b·1, then out = f(net),
     * with the numbers of the forward pass.
     */
    public static Derivation forward(ForwardPass pass, String neuron) {
        require("pass", pass);
        Names names = pass.names();
        Names.Neuron n = names.neuron(neuron);
        if (n.layer() == 0) {
            throw new IllegalArgumentException("neuron must be a hidden or output neuron, but was the input "
                    + neuron + " (an input has no net input: its out is its value)");
        }
        Layer layer = pass.layer(n.layer());
        List<Term> symbols = new ArrayList<>();
        List<Term> numbers = new ArrayList<>();
        for (int k = 0; k < layer.inputs(); k++) {
            symbols.add(Term.product(Term.named(names.weight(n.layer(), n.index(), k)), input(names, n.layer() - 1, k)));
            numbers.add(Term.product(Term.factor(layer.weight(n.index(), k)), Term.factor(pass.out(n.layer() - 1, k))));
        }
        if (layer.bias() != Bias.NONE) {
            symbols.add(Term.product(Term.named(names.bias(n.layer(), n.index())), Term.number(1)));
            numbers.add(Term.product(Term.factor(layer.biasOf(n.index())), Term.number(1)));
        }
        String name = names.neuron(n.layer(), n.index());
        Term net = Term.named("net_" + name);
        double netValue = pass.net(n.layer(), n.index());
        Term out = Term.named("out_" + name);
        double outValue = pass.out(n.layer(), n.index());
        Equation activated = layer.activation() == Activation.SOFTMAX
                ? softmax(pass, n.layer(), n.index(), out, outValue)
                : new Equation(out, activation(layer.activation(), net),
                        activation(layer.activation(), Term.number(netValue)), Term.number(outValue));
        return of(List.of(
                new Equation(net, Term.join(symbols, "+", "+"), Term.join(numbers, "+", "+"), Term.number(netValue)),
                activated));
    }

    /** out_j = e^net_j / Σₖ e^net_k over the layer, with the numbers of the forward pass. */
    private static Equation softmax(ForwardPass pass, int l, int j, Term out, double outValue) {
        Names names = pass.names();
        List<Term> symbols = new ArrayList<>();
        List<Term> numbers = new ArrayList<>();
        for (int k = 0; k < pass.layer(l).size(); k++) {
            Term net = Term.named("net_" + names.neuron(l, k));
            symbols.add(new Term("e^{" + net.latex + "}", "e^" + net.text));
            Term value = Term.factor(pass.net(l, k));
            numbers.add(new Term("e^{" + value.latex + "}", "e^" + value.text));
        }
        Term sum = Term.join(symbols, "+", "+");
        Term numericSum = Term.join(numbers, "+", "+");
        return new Equation(out,
                new Term("\\frac{" + symbols.get(j).latex + "}{" + sum.latex + "}", symbols.get(j).text + " / (" + sum.text + ")"),
                new Term("\\frac{" + numbers.get(j).latex + "}{" + numericSum.latex + "}",
                        numbers.get(j).text + " / (" + numericSum.text + ")"),
                Term.number(outValue));
    }

    /**
     * The chain rule for one weight: ∂E_total/∂w = ∂E_total/∂out · ∂out/∂net · ∂net/∂w, preceded
     * by where ∂E_total/∂out comes from — the loss's derivative at an output, or the sum over the
     * next layer's neurons, Σ δ·w, at a hidden neuron — and by ∂out/∂net = f′(net).
     */
    public static Derivation gradient(BackwardPass backward, String weight) {
        return of(gradientEquations(backward, weight));
    }

    /**
     * The chain rule for one weight, then its update w⁺ = w − η·∂E_total/∂w, for plain gradient
     * descent (another optimizer's step: {@link Tables#optimizerSteps}).
     */
    public static Derivation update(BackwardPass backward, String weight, GradientDescent descent) {
        require("descent", descent);
        if (!descent.optimizer().isPlain()) {
            throw new IllegalArgumentException("descent must step with plain gradient descent, w⁺ = w − η·∂E/∂w, "
                    + "but used " + descent.optimizer() + " (Tables.optimizerSteps shows its step)");
        }
        List<Equation> equations = new ArrayList<>(gradientEquations(backward, weight));
        Names.Weight w = backward.forward().names().weight(weight);
        double old = backward.forward().layer(w.layer()).weight(w.to(), w.from());
        double gradient = backward.weightGradient(w.layer(), w.to(), w.from());
        double learningRate = descent.learningRate(1);
        Term name = Term.named(weight);
        equations.add(new Equation(new Term(name.latex + "^{+}", weight + "⁺"),
                new Term(name.latex + " - \\eta \\cdot " + dE(name).latex, weight + " − η·" + dE(name).text),
                new Term(Term.factor(old).latex + " - " + Term.factor(learningRate).latex + " \\times "
                        + Term.factor(gradient).latex,
                        Term.factor(old).text + " − " + Term.factor(learningRate).text + " × " + Term.factor(gradient).text),
                Term.number(descent.updated(backward, weight))));
        return of(equations);
    }

    private static List<Equation> gradientEquations(BackwardPass backward, String weight) {
        require("backward", backward);
        ForwardPass forward = backward.forward();
        Names names = forward.names();
        Names.Weight w = names.weight(weight);
        int l = w.layer();
        String to = names.neuron(l, w.to());
        Term out = Term.named("out_" + to);
        Term net = Term.named("net_" + to);
        Term name = Term.named(weight);
        List<Equation> equations = new ArrayList<>();
        if (l == backward.depth() && !forward.loss().deltaIsChainProduct(forward.layer(l).activation())) {
            if (!forward.loss().cancelsOutputDerivative()) {
                for (int k = 0; k < forward.layer(l).size(); k++) {
                    equations.add(outGradient(backward, l, k));
                }
            }
            equations.add(outputDelta(backward, w.to()));
            Term delta = Term.named("δ_" + to).withLatex("\\delta_{" + to + "}");
            equations.add(new Equation(dE(name), Term.product(delta, Term.partial(net, name)),
                    Term.product(Term.factor(backward.delta(l, w.to())), Term.factor(forward.out(l - 1, w.from()))),
                    Term.number(backward.weightGradient(l, w.to(), w.from()))));
            return equations;
        }
        equations.add(outGradient(backward, l, w.to()));
        equations.add(outDerivative(forward, l, w.to()));
        equations.add(new Equation(dE(name),
                Term.product(dE(out), Term.partial(out, net), Term.partial(net, name)),
                Term.product(Term.factor(backward.outGradient(l, w.to())), Term.factor(backward.outDerivative(l, w.to())),
                        Term.factor(forward.out(l - 1, w.from()))),
                Term.number(backward.weightGradient(l, w.to(), w.from()))));
        return equations;
    }

    /**
     * δ of output neuron j where the loss and the output activation meet: out − target when a
     * cross-entropy cancels its activation's derivative, else the softmax Jacobian applied to
     * ∂E/∂out, δⱼ = outⱼ (∂E/∂outⱼ − Σₖ outₖ ∂E/∂outₖ).
     */
    private static Equation outputDelta(BackwardPass backward, int j) {
        ForwardPass forward = backward.forward();
        Names names = forward.names();
        int l = backward.depth();
        String neuron = names.neuron(l, j);
        Term lhs = new Term("\\delta_{" + neuron + "} = " + Term.partial(Term.named("E_total"),
                Term.named("net_" + neuron)).latex, "δ_" + neuron + " = ∂E_total/∂net_" + neuron);
        Term out = Term.named("out_" + neuron);
        Term value = Term.number(backward.delta(l, j));
        if (forward.loss().cancelsOutputDerivative()) {
            Term target = Term.named("target_" + neuron);
            Term outValue = Term.number(forward.out(l, j));
            Term targetValue = Term.factor(forward.get("target_" + neuron));
            return new Equation(lhs, new Term(out.latex + " - " + target.latex, out.text + " − " + target.text),
                    new Term(outValue.latex + " - " + targetValue.latex, outValue.text + " − " + targetValue.text),
                    value);
        }
        List<Term> symbols = new ArrayList<>();
        List<Term> numbers = new ArrayList<>();
        for (int k = 0; k < forward.layer(l).size(); k++) {
            Term outK = Term.named("out_" + names.neuron(l, k));
            symbols.add(Term.product(outK, dE(outK)));
            numbers.add(Term.product(Term.factor(forward.out(l, k)), Term.factor(backward.outGradient(l, k))));
        }
        Term sum = Term.join(symbols, "+", "+");
        Term numericSum = Term.join(numbers, "+", "+");
        Term outJ = Term.factor(forward.out(l, j));
        Term gradientJ = Term.factor(backward.outGradient(l, j));
        return new Equation(lhs,
                new Term(out.latex + " \\left(" + dE(out).latex + " - (" + sum.latex + ")\\right)",
                        out.text + " × (" + dE(out).text + " − (" + sum.text + "))"),
                new Term(outJ.latex + " \\times \\left(" + gradientJ.latex + " - (" + numericSum.latex + ")\\right)",
                        outJ.text + " × (" + gradientJ.text + " − (" + numericSum.text + "))"),
                value);
    }

    /** ∂E_total/∂out at an output (the loss's derivative) or a hidden neuron (Σ δ·w over the next layer). */
    private static Equation outGradient(BackwardPass backward, int l, int j) {
        ForwardPass forward = backward.forward();
        Names names = forward.names();
        String neuron = names.neuron(l, j);
        Term out = Term.named("out_" + neuron);
        double value = backward.outGradient(l, j);
        if (l == backward.depth()) {
            Term target = Term.named("target_" + neuron);
            return new Equation(dE(out), lossDerivative(forward.loss(), target, out),
                    lossDerivative(forward.loss(), Term.number(forward.get("target_" + neuron)),
                            Term.number(forward.out(l, j))),
                    Term.number(value));
        }
        Layer next = backward.propagatedThrough(l);
        List<Term> symbols = new ArrayList<>();
        List<Term> numbers = new ArrayList<>();
        for (int m = 0; m < next.size(); m++) {
            symbols.add(Term.product(Term.named("δ_" + names.neuron(l + 1, m)).withLatex(
                    "\\delta_{" + names.neuron(l + 1, m) + "}"), Term.named(names.weight(l + 1, m, j))));
            numbers.add(Term.product(Term.factor(backward.delta(l + 1, m)), Term.factor(next.weight(m, j))));
        }
        return new Equation(dE(out), Term.join(symbols, "+", "+"), Term.join(numbers, "+", "+"), Term.number(value));
    }

    /** ∂E/∂out of one output under {@code loss}, for a target and an out (names or numbers). */
    private static Term lossDerivative(Loss loss, Term target, Term out) {
        return switch (loss) {
            case SQUARED_ERROR -> new Term("-(" + target.latex + " - " + out.latex + ")",
                    "−(" + target.text + " − " + out.text + ")");
            case CROSS_ENTROPY -> new Term("-\\frac{" + target.latex + "}{" + out.latex + "}",
                    "−" + target.text + " / " + out.text);
            case BINARY_CROSS_ENTROPY -> new Term("-\\frac{" + target.latex + "}{" + out.latex + "} + \\frac{1 - "
                    + target.latex + "}{1 - " + out.latex + "}",
                    "−" + target.text + " / " + out.text + " + (1 − " + target.text + ") / (1 − " + out.text + ")");
        };
    }

    /** ∂out/∂net = f′(net), written in terms of out where that is the usual form. */
    private static Equation outDerivative(ForwardPass forward, int l, int j) {
        String neuron = forward.names().neuron(l, j);
        Term out = Term.named("out_" + neuron);
        Term net = Term.named("net_" + neuron);
        Activation f = forward.layer(l).activation();
        double outValue = forward.out(l, j);
        double netValue = forward.net(l, j);
        Term symbolic = switch (f) {
            case SIGMOID, SOFTMAX -> new Term(out.latex + " (1 - " + out.latex + ")", out.text + " × (1 − " + out.text + ")");
            case TANH -> new Term("1 - " + out.latex + "^2", "1 − " + out.text + "²");
            case RELU -> new Term("[" + net.latex + " > 0]", "(1 if " + net.text + " > 0, else 0)");
            case LEAKY_RELU -> new Term("[" + net.latex + " > 0] + 0.01\\,[" + net.latex + " \\le 0]",
                    "(1 if " + net.text + " > 0, else 0.01)");
            case IDENTITY -> Term.number(1);
        };
        Term numeric = switch (f) {
            case SIGMOID, SOFTMAX -> new Term(Term.factor(outValue).latex + " \\times (1 - " + Term.factor(outValue).latex + ")",
                    Term.factor(outValue).text + " × (1 − " + Term.factor(outValue).text + ")");
            case TANH -> new Term("1 - " + Term.factor(outValue).latex + "^2", "1 − " + Term.factor(outValue).text + "²");
            case RELU -> new Term("[" + Term.factor(netValue).latex + " > 0]",
                    "(1 if " + Term.factor(netValue).text + " > 0, else 0)");
            case LEAKY_RELU -> new Term(
                    "[" + Term.factor(netValue).latex + " > 0] + 0.01\\,[" + Term.factor(netValue).latex + " \\le 0]",
                    "(1 if " + Term.factor(netValue).text + " > 0, else 0.01)");
            case IDENTITY -> Term.number(1);
        };
        return new Equation(Term.partial(out, net), symbolic, numeric, Term.number(f.derivative(netValue, outValue)));
    }

    private static Term dE(Term by) {
        return Term.partial(Term.named("E_total"), by);
    }

    private static Term input(Names names, int layer, int k) {
        String neuron = names.neuron(layer, k);
        return Term.named(layer == 0 ? neuron : "out_" + neuron);
    }

    private static Term activation(Activation f, Term net) {
        return switch (f) {
            case SIGMOID -> new Term("\\frac{1}{1 + e^{-" + net.latex + "}}", "1/(1 + e^−" + net.text + ")");
            case TANH -> new Term("\\tanh(" + net.latex + ")", "tanh(" + net.text + ")");
            case RELU -> new Term("\\max(0, " + net.latex + ")", "max(0, " + net.text + ")");
            // max(0, net) + 0.01·min(0, net) needs no parentheses around a negative number.
            case LEAKY_RELU -> new Term("\\max(0, " + net.latex + ") + 0.01 \\min(0, " + net.latex + ")",
                    "max(0, " + net.text + ") + 0.01 × min(0, " + net.text + ")");
            case IDENTITY -> net;
            case SOFTMAX -> throw new IllegalStateException("softmax needs its whole layer: see softmax(...)");
        };
    }

    private static Derivation of(List<Equation> equations) {
        return IN_KERNEL ? Renderables.derivation(equations) : new Derivation(equations);
    }

    /** The derivation as LaTeX: an aligned block between $$ … $$. */
    public String toLatex() {
        return rendering();
    }

}
