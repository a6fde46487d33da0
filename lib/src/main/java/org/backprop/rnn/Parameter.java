package org.backprop.rnn;

/**
 * The five parameters of an {@link ElmanNetwork}, each a matrix (a bias is a column of one):
 * h_t = tanh(W_xh x_t + W_hh h_{t−1} + b_h) and y_t = softmax(W_hy h_t + b_y). Their names are
 * the usual ones: W_xh takes x to h, W_hh h to the next h, W_hy h to y.
 */
public enum Parameter {
    /** Input to hidden, hidden × inputs. */
    W_xh,
    /** Hidden to hidden, the recurrent weights used at every step, hidden × hidden. */
    W_hh,
    /** The hidden layer's bias, hidden × 1. */
    b_h,
    /** Hidden to output, outputs × hidden. */
    W_hy,
    /** The output layer's bias, outputs × 1. */
    b_y;

    /** Rows of this parameter in a network of the given sizes. */
    int rows(int hidden, int outputs) {
        return this == W_hy || this == b_y ? outputs : hidden;
    }

    /** Columns of this parameter in a network of the given sizes. */
    int columns(int inputs, int hidden) {
        return switch (this) {
            case W_xh -> inputs;
            case W_hh, W_hy -> hidden;
            case b_h, b_y -> 1;
        };
    }
}
