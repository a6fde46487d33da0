package org.backprop.nn;

/**
 * Samples stored as rows of numbers, row x holding sample x's input and target. The training
 * loop writes rows straight into its batch buffers, so a data set of 60,000 images needs no
 * {@link Sample} object per visit and no copy per epoch.
 *
 * <p>Every row has {@link #inputSize()} input values and {@link #targetSize()} target values,
 * all finite. {@link Sample#of(SampleRows, int)} makes a sample that reads one row.
 */
public interface SampleRows {

    /** The number of rows (samples). */
    int size();

    /** The number of input values per row. */
    int inputSize();

    /** The number of target values per row. */
    int targetSize();

    /** Writes row x's input values into {@code into[offset …]}. */
    void writeInput(int x, double[] into, int offset);

    /** Writes row x's target values into {@code into[offset …]}. */
    void writeTarget(int x, double[] into, int offset);
}
