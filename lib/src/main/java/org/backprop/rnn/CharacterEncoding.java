package org.backprop.rnn;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One-hot vectors for the characters of an alphabet: character i of the alphabet is the vector
 * with 1 at index i and 0 elsewhere. The "hello" example of Karpathy's min-char-rnn uses the
 * alphabet "helo". Immutable.
 */
public final class CharacterEncoding {

    private final String alphabet;

    private CharacterEncoding(String alphabet) {
        this.alphabet = alphabet;
    }

    /** The encoding of the given characters, in this order; each may appear only once. */
    public static CharacterEncoding of(String alphabet) {
        Check.present("alphabet", alphabet);
        if (alphabet.isEmpty()) {
            throw new IllegalArgumentException("alphabet must hold at least 1 character, but was empty");
        }
        for (int i = 0; i < alphabet.length(); i++) {
            int first = alphabet.indexOf(alphabet.charAt(i));
            if (first != i) {
                throw new IllegalArgumentException("alphabet must name each character once, but '"
                        + alphabet.charAt(i) + "' appears at " + first + " and " + i + " in \"" + alphabet + "\"");
            }
        }
        return new CharacterEncoding(alphabet);
    }

    /** The encoding of the distinct characters of {@code text}, in the order of their first appearance. */
    public static CharacterEncoding ofText(String text) {
        Check.present("text", text);
        Set<Character> distinct = new LinkedHashSet<>();
        for (char c : text.toCharArray()) {
            distinct.add(c);
        }
        StringBuilder alphabet = new StringBuilder();
        distinct.forEach(alphabet::append);
        if (alphabet.length() == 0) {
            throw new IllegalArgumentException("text must hold at least 1 character, but was empty");
        }
        return new CharacterEncoding(alphabet.toString());
    }

    /** The number of characters, the size of every one-hot vector. */
    public int size() {
        return alphabet.length();
    }

    /** The alphabet, in the order of the indices. */
    public String alphabet() {
        return alphabet;
    }

    /** The index of a character of the alphabet. */
    public int index(char character) {
        int index = alphabet.indexOf(character);
        if (index < 0) {
            throw new IllegalArgumentException("character must be one of \"" + alphabet + "\", but was '"
                    + character + "'");
        }
        return index;
    }

    /** The character at an index, 0 … size − 1. */
    public char character(int index) {
        if (index < 0 || index >= size()) {
            throw new IllegalArgumentException("index must be between 0 and " + (size() - 1) + ", but was " + index);
        }
        return alphabet.charAt(index);
    }

    /** The one-hot vector of a character of the alphabet. */
    public double[] oneHot(char character) {
        double[] vector = new double[size()];
        vector[index(character)] = 1;
        return vector;
    }

    /**
     * The character whose entry is largest: the character of a one-hot vector, or the most
     * probable next character of a network's output y_t (the first such, on a tie).
     */
    public char decode(double[] vector) {
        return alphabet.charAt(largest(Check.vector("vector", vector, size())));
    }

    /** The index of the largest value, the first on a tie. */
    static int largest(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    /**
     * The next-character task on {@code text}: x_t is character t, target_t character t + 1,
     * both one-hot, for t = 1 … length − 1 ("hello": h→e, e→l, l→l, l→o).
     */
    public Sequence nextCharacter(String text) {
        Check.present("text", text);
        if (text.length() < 2) {
            throw new IllegalArgumentException("text must hold at least 2 characters (an input and the character "
                    + "after it), but was \"" + text + "\"");
        }
        double[][] inputs = new double[text.length() - 1][];
        double[][] targets = new double[text.length() - 1][];
        for (int t = 0; t < inputs.length; t++) {
            inputs[t] = oneHot(text.charAt(t));
            targets[t] = oneHot(text.charAt(t + 1));
        }
        return Sequence.of(inputs, targets, this);
    }

    @Override
    public String toString() {
        return "CharacterEncoding \"" + alphabet + "\" (one-hot, " + size() + " values)";
    }
}
