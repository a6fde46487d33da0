package org.backprop.exercise;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.backprop.graph.Node;
import org.backprop.nn.Activation;
import org.backprop.nn.BackwardPass;
import org.backprop.nn.ForwardPass;
import org.backprop.nn.GradientDescent;
import org.backprop.nn.Network;
import org.backprop.nn.NumericalGradient;
import org.backprop.nn.Sample;
import org.backprop.rnn.BackwardThroughTime;
import org.backprop.view.Feedback;

/**
 * A notebook's exercises, made from the objects they are about, so that a student who changed
 * the network is checked against that network. An exercise cell holds {@link #___} where the
 * student's expressions go and ends with {@code exercises.check(id, answer)}.
 *
 * <pre>{@code
 * import static org.backprop.exercise.Exercises.___;
 * Exercises exercises = Exercises.outputLayer(backward, descent);
 * double dnet_o1_dw6 = ___;
 * exercises.check("dE/dw6", dE_dout_o1 * dout_o1_dnet_o1 * dnet_o1_dw6)
 * }</pre>
 */
public final class Exercises {

    /** The placeholder of an exercise cell: replace it with your expression. */
    public static final double ___ = Exercise.PLACEHOLDER;

    private final Map<String, Question> byId = new LinkedHashMap<>();

    private Exercises(List<? extends Question> questions) {
        questions.forEach(question -> byId.put(question.id(), question));
    }

    /** The exercises' names, in the notebook's order. */
    public Set<String> ids() {
        return Collections.unmodifiableSet(byId.keySet());
    }

    /** The exercise named {@code id}, whose answer is a number. */
    public Exercise get(String id) {
        if (!(byId.get(known(id)) instanceof Exercise exercise)) {
            throw new IllegalArgumentException("id must name an exercise whose answer is a number, but '" + id
                    + "' asks for shapes: check it with a Shapes");
        }
        return exercise;
    }

    /**
     * The verdict on the answer to exercise {@code id} (see {@link Exercise#check}). An {@code id}
     * these exercises do not have gets a box that lists theirs, not an exception, so that a page
     * run again after a change to its network (which can rename its weights) runs on.
     */
    public Feedback check(String id, double answer) {
        return id != null && !byId.containsKey(id) ? unknown(id) : get(id).check(answer);
    }

    /**
     * The verdict on the shapes answering exercise {@code id}: right when every matrix asked has
     * its shape, else the first wrong one's diagnosis; for an {@code id} these exercises do not
     * have, as {@link #check(String, double)}.
     */
    public Feedback check(String id, Shapes answer) {
        if (id != null && !byId.containsKey(id)) {
            return unknown(id);
        }
        ShapeExercise exercise = shapesOf(id);
        if (exercise == null) {
            throw new IllegalArgumentException("id must name an exercise whose answer is shapes, but '" + id
                    + "' asks for a number");
        }
        return exercise.check(answer);
    }

    /** The hint of exercise {@code id}. */
    public Feedback hint(String id) {
        return byId.get(known(id)).hint();
    }

    /** A solution of exercise {@code id}, as code, with its value. */
    public Feedback solution(String id) {
        return byId.get(known(id)).solution();
    }

    /**
     * These exercises and those of {@code more}, for a notebook whose exercises come from several
     * factories: {@code exercises = exercises.and(Exercises.stableRate(pass))} keeps the hints and
     * solutions of the cells above. An exercise of {@code more} replaces one of the same name, so
     * that a cell can be run again.
     */
    public Exercises and(Exercises more) {
        if (more == null) {
            throw new IllegalArgumentException("more must be the exercises to add, but was null");
        }
        Map<String, Question> both = new LinkedHashMap<>(byId);
        both.putAll(more.byId);
        return new Exercises(List.copyOf(both.values()));
    }

    /** The shape exercise named {@code id}, for tests. */
    ShapeExercise shapesOf(String id) {
        return byId.get(known(id)) instanceof ShapeExercise shapes ? shapes : null;
    }

    /** The box for a check of an exercise these are not. */
    private Feedback unknown(String id) {
        return Feedback.of(Feedback.Verdict.HELP, id + ": not an exercise of this page as it is now", List.of(
                "Its exercises are " + byId.keySet() + ". They are named after the network's weights and neurons, so a "
                        + "change to the network can rename them: check one of these names instead."));
    }

    /** {@code id}, when it names one of these exercises. */
    private String known(String id) {
        if (id == null || !byId.containsKey(id)) {
            throw new IllegalArgumentException("id must name one of this notebook's exercises, " + byId.keySet()
                    + ", but was " + (id == null ? "null" : "'" + id + "'"));
        }
        return id;
    }

    @Override
    public String toString() {
        return "Exercises " + byId.keySet();
    }

    /** A notebook's exercises, in its order. */
    static Exercises of(List<Exercise> exercises) {
        return new Exercises(exercises);
    }

    /** A notebook's exercises, those with numbers for answers first. */
    static Exercises of(List<Exercise> exercises, List<ShapeExercise> shapeExercises) {
        List<Question> questions = new ArrayList<>(exercises);
        questions.addAll(shapeExercises);
        return new Exercises(questions);
    }

    /**
     * Notebook 01: net and out of the second output neuron (o2 in Mazur's network), by hand, from
     * the forward pass of the network they are about. Needs the same shape as {@link #outputLayer};
     * the solutions' variables are the hand computation's (w7, w8, out_h1, out_h2, b2, and its
     * {@code sigmoid} method) and {@code exercises}.
     */
    public static Exercises forwardPass(ForwardPass pass) {
        return MazurExercises.forwardPass(pass);
    }

    /**
     * Notebook 02: ∂E_total/∂w and the updated w for the second weight into the first output neuron
     * (w6 in Mazur's network: h2 → o1). Needs sigmoid outputs, squared error, a hidden layer of
     * at least 2 neurons and at least 2 outputs; the variables of the solutions are {@code pass},
     * {@code descent} and {@code exercises}.
     */
    public static Exercises outputLayer(BackwardPass backward, GradientDescent descent) {
        return MazurExercises.outputLayer(backward, descent);
    }

    /**
     * Notebook 03: ∂E_total/∂w for the first input's weight into the second hidden neuron (w3 in
     * Mazur's network: i1 → h2), through both outputs, and that weight after one round of the
     * text's method. The same needs as {@link #outputLayer}; {@code descent} gives the step and
     * names the revised weights a student might wrongly use (the layer-by-layer rule). The
     * solutions' variables are {@code pass}, {@code network}, {@code backward}, {@code descent} and
     * {@code exercises}.
     */
    public static Exercises hiddenLayer(BackwardPass backward, GradientDescent descent) {
        return MazurExercises.hiddenLayer(backward, descent);
    }

    /**
     * Notebook 04: E_total after one round of the text's method, the weights moved by hand from
     * the gradients of one backward pass at {@code start} (the answer is {@code descent}'s own
     * step), and after two rounds, the second taking its gradients where the first ended. The
     * mistakes: no update, the sign, η left out, the output or the hidden layer alone, layer by
     * layer, and the biases moved against {@code descent}'s setting (moved where it freezes them,
     * as the post does, or left where it updates them); for two rounds, one round, the first
     * round's gradients reused, three rounds, two layer-by-layer rounds, the biases against the
     * setting. The solutions move what {@code descent} moves (every parameter where it updates the
     * biases, else the weights) by plain gradient descent; their variables are {@code start},
     * {@code sample}, {@code descent} and {@code exercises}.
     */
    public static Exercises firstRound(Network start, Sample sample, GradientDescent descent) {
        return MazurExercises.firstRound(start, sample, descent);
    }

    /**
     * Notebook 05: ∂E_total/∂b for the shared bias of the first hidden layer (b1 in Mazur's
     * network), which feeds every neuron of that layer: BP3 summed over them; and the output
     * layer's shared bias (b2) after one round in which the biases learn, at {@code descent}'s
     * learning rate (whether or not {@code descent} itself freezes them). Needs a shared bias in
     * each of the first two layers and a hidden layer of at least 2 neurons; the solutions'
     * variables are {@code network}, {@code backward}, {@code learning} (a descent whose biases
     * learn) and {@code exercises}.
     */
    public static Exercises biases(BackwardPass backward, GradientDescent descent) {
        return MazurExercises.biases(backward, descent);
    }

    /**
     * Notebook 06: the shapes, rows × columns, of the matrices in BP2 for one sample (W^L,
     * (W^L)ᵀ, δ^L, (W^L)ᵀ δ^L, σ′(net^l), δ^l, with L the output layer and l the layer below
     * it), and of those of the backward pass over a batch of {@code samples} columns (Out^l, Δ^L,
     * ∂Ē/∂W^L, Δ^l, ∂Ē/∂b^L), for {@code network}'s sizes. Answered with {@link Shapes}; the
     * solutions name no notebook variable but {@code exercises}.
     */
    public static Exercises shapes(Network network, int samples) {
        return MatrixExercises.shapes(network, samples);
    }

    /**
     * Notebook 07: the central-difference estimate of ∂E_total/∂{@code parameter} with step
     * {@code h}, (E(p + h) − E(p − h)) / 2h ({@link NumericalGradient#central}); then the relative
     * error of the forward difference with that step against backpropagation, |a − b| / max(|a|, |b|)
     * as {@link org.backprop.nn.GradientCheck} measures it. The second's mistakes: the absolute value
     * missing, the absolute error, the sum for the max, per cent, the fraction upside down, the
     * central difference's error. Needs a gradient of at least {@code GradientCheck.ZERO} in size.
     * The solutions' variables are {@code network}, {@code sample}, {@code h}, for the second
     * {@code backprop<P>} and {@code forward<P>} ({@code backpropW1}, {@code forwardW1} for w1), and
     * {@code exercises}.
     */
    public static Exercises centralDifference(Network network, Sample sample, String parameter, double h) {
        return NumericExercises.centralDifference(network, sample, parameter, h);
    }

    /**
     * Notebook 08: the largest learning rate that still settles where {@code pass} was taken, near a
     * minimum of a network with one output and squared error: 2/a, with a = Σ_p (∂out/∂p)² =
     * Σ_p (∂E/∂p)² / (2E), the curvature along the gradient (the one-dimensional model
     * E(w⁺) = (1 − ηa)² E(w) grows the error once ηa &gt; 2). The solution's variables are
     * {@code atMinimum} (the backward pass), the notebook's {@code curvature} helper and
     * {@code exercises}.
     */
    public static Exercises stableRate(BackwardPass pass) {
        return NumericExercises.stableRate(pass);
    }

    /**
     * Notebook 08: E_total after one gradient-descent step of learning rate {@code rate} from
     * {@code network}'s weights, as the one-dimensional model predicts it: (1 − ηa)² E_total, with
     * a the curvature along the gradient there (see {@link #stableRate}). The mistakes: the square
     * left out, the factor alone, η left out, 1 − (ηa)², and the error the step really gives. The
     * same needs as {@link #stableRate}; the solution's variables are {@code linear} (the network),
     * {@code sample}, {@code bouncing} (the rate), the notebook's {@code curvature} helper and
     * {@code exercises}.
     */
    public static Exercises modelStep(Network network, Sample sample, double rate) {
        return NumericExercises.modelStep(network, sample, rate);
    }

    /**
     * Notebook 09: the slope ∂out/∂net of activation {@code f} at {@code net}, f′(net), which the
     * sigmoid and tanh write with out. The mistakes: out itself, f applied twice, and for those
     * two the other's formula, the formula written with net, and for tanh the square left out. The
     * solution names no notebook variable but {@code exercises}.
     */
    public static Exercises activationSlope(Activation f, double net) {
        return ActivationExercises.activationSlope(f, net);
    }

    /**
     * Notebook 09: how many times smaller the slopes of a network's sigmoid hidden layers alone make
     * the delta on its way back from the output layer to layer 1, 1 / Π f′, from {@code meanSlopes}
     * (one mean slope per hidden layer, layer 1 first). The mistakes: the product itself, the
     * ceiling's 4ⁿ, the sum of the reciprocals, and the first or the last hidden layer left out.
     * The solution's variables are {@code sigmoidSlopes} (the slopes) and {@code exercises}.
     */
    public static Exercises vanishingDelta(double[] meanSlopes) {
        return ActivationExercises.vanishingDelta(meanSlopes);
    }

    /**
     * Notebook 10: ∂Ē/∂{@code parameter} of a full batch, Ē = (1/n) Σ_x E_x: the mean of the
     * samples' gradients. The mistakes: the sum, one sample's gradient alone, the sign. The
     * solution's variables are {@code xorNet}, {@code xor} and {@code exercises}.
     */
    public static Exercises batchGradient(Network network, List<? extends Sample> data, String parameter) {
        return BatchExercises.batchGradient(network, data, parameter);
    }

    /**
     * Notebook 10: {@code parameter} after one epoch of full-batch gradient descent over {@code data}
     * with {@code learningRate}: one update, p − η · (1/n) Σ_x ∂E_x/∂p. The mistakes: the sum for the
     * mean, the sign, η left out, the step alone, an epoch of per-sample updates, and one update with
     * a single sample's gradient. The solution's variables are {@code xorNet}, {@code xor},
     * {@code learningRate} and {@code exercises}.
     */
    public static Exercises batchStep(Network network, List<? extends Sample> data, String parameter,
                                      double learningRate) {
        return BatchExercises.batchStep(network, data, parameter, learningRate);
    }

    /**
     * Notebook 11: ∂{@code output}/∂{@code input} of a circuit, by reverse mode. The mistakes are
     * read off the graph: where {@code input} reaches the output along several paths, each path's
     * product of local derivatives alone, and the sweep that overwrites instead of adding at a
     * fork. The solution writes each path's local derivatives out as numbers; its one variable is
     * {@code exercises}.
     */
    public static Exercises circuit(Node output, Node input) {
        return GraphExercises.circuit(output, input);
    }

    /**
     * Notebook 11: the exercise of {@link #circuit(Node, Node)}, then ∂{@code output}/∂{@code other}
     * for another node of the same circuit. Its mistakes are read off the gates between
     * {@code other} and the output: one path alone where there are several; a gate's rule
     * misapplied, a multiply gate handing its input its own value or the gradient unchanged, a max
     * gate routing to the smaller input or away from the larger; the sign (slips that give the same
     * number share one diagnosis). The solutions write the local derivatives out as numbers; their
     * one variable is {@code exercises}.
     */
    public static Exercises circuit(Node output, Node input, Node other) {
        return GraphExercises.circuit(output, input, other);
    }

    /**
     * Notebook 12: δ = ∂C/∂net of output {@code j} (0-based) of a softmax layer with cross-entropy
     * C = −Σₖ targetₖ ln outₖ, for these net inputs and this target (a probability per class: a
     * soft target keeps every mistake below apart from the answer, which is outⱼ − targetⱼ); then C
     * itself. C's mistakes: −ln outⱼ (the one-hot target of class j), class j's term alone, the
     * sign, log₁₀, target and out swapped, ln of the net inputs. The solutions' variables are
     * {@code net}, {@code out} (softmax of {@code net}), {@code target} and {@code exercises}.
     */
    public static Exercises softmaxCrossEntropy(double[] net, double[] target, int j) {
        return ClassifierExercises.softmaxCrossEntropy(net, target, j);
    }

    /**
     * Notebook 13: step t's term of ∂E/∂W_hh[i][j] in backpropagation through time, δnet_t[i] ·
     * h_{t−1}[j] with δnet_t = δh_t ⊙ (1 − h_t²) ({@link BackwardThroughTime#contribution}); then
     * δh_t[i] itself, from its two paths: (W_hyᵀ δy_t)[i] + (W_hhᵀ δnet_{t+1})[i]. The mistakes of
     * the second: either path alone, row i of W_hh for column i, δh_{t+1} for δnet_{t+1}, δnet_t,
     * y_t for δy_t. The solutions' variables are {@code pass} (the forward pass), {@code bptt} (its
     * full backward pass) and {@code exercises}.
     */
    public static Exercises bpttTerm(BackwardThroughTime bptt, int t, int i, int j) {
        return RecurrentExercises.bpttTerm(bptt, t, i, j);
    }

    /**
     * Notebook 14: the accuracy of a classifier from its confusion matrix ({@code confusion[true
     * class][predicted class]} counts): the diagonal's sum over the total; then the precision of
     * class {@code c} (0-based), which must have been picked at least once: confusion[c][c] over
     * column c's sum. The precision's mistakes: the row (the recall), the accuracy, over every
     * image, a percentage, integer division, the share of wrong picks. The solutions' variables
     * are {@code confusion} and {@code exercises}, and need {@code java.util.stream.IntStream}.
     */
    public static Exercises confusion(int[][] confusion, int c) {
        return ClassifierExercises.confusion(confusion, c);
    }

    /**
     * Notebook 15: where the straight line w1·x + w2·y + b = 0 of first-layer neuron {@code j}
     * (0-based) crosses the y axis, y = −b / w2. The mistakes: the sign, the x axis's crossing,
     * the fraction upside down, a product for the quotient. Then the output neuron's net input at
     * (0, 0), where each hidden neuron's net is its bias: b_o + Σ_j w_j · f(b_j). Its mistakes:
     * out for net, f left out, the output's bias left out, the weights left out, and σ and tanh
     * mixed up. Needs one hidden layer and one output. The solutions' variables are
     * {@code network} and {@code exercises}.
     */
    public static Exercises hiddenLine(Network network, int j) {
        return PlaneExercises.hiddenLine(network, j);
    }

    /**
     * Notebook 16: {@code parameter} after Adam's first step (t = 1, m = v = 0) with these
     * settings, from the gradient of {@code backward}; the answer is the library's own step
     * ({@link GradientDescent#firstStep}). The solution's variables are {@code backward},
     * {@code mazur} (the worked example whose network holds the old value) and {@code exercises}.
     */
    public static Exercises adamStep(BackwardPass backward, String parameter, double learningRate, double beta1,
                                     double beta2, double epsilon) {
        return OptimizerExercises.adamStep(backward, parameter, learningRate, beta1, beta2, epsilon);
    }

    /**
     * Notebook 16: b after two steps of momentum (v ← μ·v − η·g, w ← w + v, from v = 0) on a
     * function of two weights (a, b) whose gradient at w is {@code gradient.apply(w)}, from
     * {@code start}; the answer is the library's own path ({@link GradientDescent#path}). The
     * mistakes: plain gradient descent's second step, b after one step, the second gradient taken
     * at the start, v₂ alone, a for b, the sign, and momentum as a running mean of g. The
     * solution's variables are {@code slope} (the gradient), {@code start} and {@code exercises}.
     */
    public static Exercises momentumSteps(UnaryOperator<double[]> gradient, double[] start, double learningRate,
                                          double momentum) {
        return OptimizerExercises.momentumSteps(gradient, start, learningRate, momentum);
    }
}
