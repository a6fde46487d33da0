package org.backprop.nn;

/**
 * The loops under BP1–BP4 for a batch stored one row per sample: {@code in[x]} is sample x's
 * input to a layer, {@code w[j]} the weights into neuron j.
 *
 * <p>Every sum runs over its index in ascending order and starts from its first product — the
 * order of EJML's matrix products — so a batch of one gives the same bits as the column-vector
 * formulas, and a value never depends on how rows were shared out between threads. Each method
 * fills a range of rows, which is what the threads share out.
 *
 * <p>The loops are shaped for the JIT (measured on Java 17, see benchmarks/README.md): the
 * gradient is a row-by-row axpy that C2 vectorises; the net input, a sum over k that may not be
 * reordered, is blocked 4 samples × 4 neurons to keep the FP units busy, or, for batches of at
 * least {@link #COLUMN_BATCH} samples, read from the input's columns so that the loop over the
 * samples vectorises.
 */
final class Kernels {

    /** From this batch size on, the net input is computed from the input's columns. */
    static final int COLUMN_BATCH = 32;

    /** Up to this batch size: beyond it the columns would double the memory of a large batch's input. */
    static final int COLUMN_BATCH_MAX = 4096;

    private static final int BLOCK = 4;

    private Kernels() {
    }

    /**
     * netˡ = Wˡ outˡ⁻¹ + bˡ for samples x0 ≤ x &lt; x1 and neurons j0 ≤ j &lt; j1:
     * net[x][j] = (Σₖ in[x][k]·w[j][k]) + b[j].
     */
    static void net(double[][] in, double[][] w, double[] b, double[][] net, int x0, int x1, int j0, int j1) {
        int x = x0;
        for (; x + BLOCK <= x1; x += BLOCK) {
            int j = j0;
            for (; j + BLOCK <= j1; j += BLOCK) {
                netBlock(in, w, b, net, x, j);
            }
            for (; j < j1; j++) {
                netColumn(in, w[j], b[j], net, x, j);
            }
        }
        for (; x < x1; x++) {
            int j = j0;
            for (; j + BLOCK <= j1; j += BLOCK) {
                netRow(in[x], w, b, net[x], j);
            }
            for (; j < j1; j++) {
                net[x][j] = dot(in[x], w[j]) + b[j];
            }
        }
    }

    /** 16 sums side by side: samples x … x+3 and neurons j … j+3. */
    private static void netBlock(double[][] in, double[][] w, double[] b, double[][] net, int x, int j) {
        double[] a0 = in[x], a1 = in[x + 1], a2 = in[x + 2], a3 = in[x + 3];
        double[] v0 = w[j], v1 = w[j + 1], v2 = w[j + 2], v3 = w[j + 3];
        double c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
        double c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
        for (int k = 0; k < a0.length; k++) {
            double i0 = a0[k], i1 = a1[k], i2 = a2[k], i3 = a3[k];
            double u0 = v0[k], u1 = v1[k], u2 = v2[k], u3 = v3[k];
            c00 += i0 * u0; c01 += i0 * u1; c02 += i0 * u2; c03 += i0 * u3;
            c10 += i1 * u0; c11 += i1 * u1; c12 += i1 * u2; c13 += i1 * u3;
            c20 += i2 * u0; c21 += i2 * u1; c22 += i2 * u2; c23 += i2 * u3;
            c30 += i3 * u0; c31 += i3 * u1; c32 += i3 * u2; c33 += i3 * u3;
        }
        store(net[x], j, b, c00, c01, c02, c03);
        store(net[x + 1], j, b, c10, c11, c12, c13);
        store(net[x + 2], j, b, c20, c21, c22, c23);
        store(net[x + 3], j, b, c30, c31, c32, c33);
    }

    /** 4 sums side by side: samples x … x+3, neuron j. */
    private static void netColumn(double[][] in, double[] v, double b, double[][] net, int x, int j) {
        double[] a0 = in[x], a1 = in[x + 1], a2 = in[x + 2], a3 = in[x + 3];
        double c0 = 0, c1 = 0, c2 = 0, c3 = 0;
        for (int k = 0; k < v.length; k++) {
            double u = v[k];
            c0 += a0[k] * u; c1 += a1[k] * u; c2 += a2[k] * u; c3 += a3[k] * u;
        }
        net[x][j] = c0 + b;
        net[x + 1][j] = c1 + b;
        net[x + 2][j] = c2 + b;
        net[x + 3][j] = c3 + b;
    }

    /** 4 sums side by side: one sample, neurons j … j+3. */
    private static void netRow(double[] a, double[][] w, double[] b, double[] net, int j) {
        double[] v0 = w[j], v1 = w[j + 1], v2 = w[j + 2], v3 = w[j + 3];
        double c0 = 0, c1 = 0, c2 = 0, c3 = 0;
        for (int k = 0; k < a.length; k++) {
            double i = a[k];
            c0 += i * v0[k]; c1 += i * v1[k]; c2 += i * v2[k]; c3 += i * v3[k];
        }
        store(net, j, b, c0, c1, c2, c3);
    }

    private static void store(double[] net, int j, double[] b, double c0, double c1, double c2, double c3) {
        net[j] = c0 + b[j];
        net[j + 1] = c1 + b[j + 1];
        net[j + 2] = c2 + b[j + 2];
        net[j + 3] = c3 + b[j + 3];
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int k = 0; k < a.length; k++) {
            sum += a[k] * b[k];
        }
        return sum;
    }

    /**
     * The same net input, read from the input's columns {@code inT[k][x]}
     * (k-th input of sample x): for four neurons at a time, net[·][j] accumulates w[j][k]·inT[k][·]
     * over k, a loop over the samples that the JIT vectorises. {@code scratch} holds four rows of
     * at least x1 values.
     */
    static void netFromColumns(double[][] inT, double[][] w, double[] b, double[][] net, int x0, int x1,
                               int j0, int j1, double[][] scratch) {
        int j = j0;
        for (; j + BLOCK <= j1; j += BLOCK) {
            double[] s0 = scratch[0], s1 = scratch[1], s2 = scratch[2], s3 = scratch[3];
            double[] v0 = w[j], v1 = w[j + 1], v2 = w[j + 2], v3 = w[j + 3];
            double[] a = inT[0];
            double u0 = v0[0], u1 = v1[0], u2 = v2[0], u3 = v3[0];
            for (int x = x0; x < x1; x++) {
                double i = a[x];
                s0[x] = i * u0; s1[x] = i * u1; s2[x] = i * u2; s3[x] = i * u3;
            }
            int k = 1;
            // Two inputs per pass halve the loads and stores of the sums; left to right, the
            // additions happen in the order one input per pass would make them.
            for (; k + 1 < inT.length; k += 2) {
                double[] a0 = inT[k], a1 = inT[k + 1];
                double p0 = v0[k], p1 = v1[k], p2 = v2[k], p3 = v3[k];
                double q0 = v0[k + 1], q1 = v1[k + 1], q2 = v2[k + 1], q3 = v3[k + 1];
                for (int x = x0; x < x1; x++) {
                    double i0 = a0[x], i1 = a1[x];
                    s0[x] = s0[x] + i0 * p0 + i1 * q0;
                    s1[x] = s1[x] + i0 * p1 + i1 * q1;
                    s2[x] = s2[x] + i0 * p2 + i1 * q2;
                    s3[x] = s3[x] + i0 * p3 + i1 * q3;
                }
            }
            for (; k < inT.length; k++) {
                a = inT[k];
                u0 = v0[k]; u1 = v1[k]; u2 = v2[k]; u3 = v3[k];
                for (int x = x0; x < x1; x++) {
                    double i = a[x];
                    s0[x] += i * u0; s1[x] += i * u1; s2[x] += i * u2; s3[x] += i * u3;
                }
            }
            for (int x = x0; x < x1; x++) {
                store(net[x], j, b, s0[x], s1[x], s2[x], s3[x]);
            }
        }
        for (; j < j1; j++) {
            double[] s = scratch[0], v = w[j];
            double[] a = inT[0];
            for (int x = x0; x < x1; x++) {
                s[x] = a[x] * v[0];
            }
            for (int k = 1; k < inT.length; k++) {
                a = inT[k];
                double u = v[k];
                for (int x = x0; x < x1; x++) {
                    s[x] += a[x] * u;
                }
            }
            for (int x = x0; x < x1; x++) {
                net[x][j] = s[x] + b[j];
            }
        }
    }

    /**
     * BP2's first half, ∂E/∂outˡ⁻¹ = (Wˡ)ᵀ δˡ, for samples x0 ≤ x &lt; x1:
     * outGradient[x][k] = Σⱼ delta[x][j]·w[j][k].
     */
    static void backThrough(double[][] delta, double[][] w, double[][] outGradient, int x0, int x1) {
        for (int x = x0; x < x1; x++) {
            double[] d = delta[x];
            double[] g = outGradient[x];
            scaledCopy(d[0], w[0], g);
            for (int j = 1; j < w.length; j++) {
                axpy(d[j], w[j], g);
            }
        }
    }

    /**
     * BP4 averaged over the batch, ∂Ē/∂Wˡ = (1/m) Σₓ δˡₓ (outˡ⁻¹ₓ)ᵀ, for neurons j0 ≤ j &lt; j1:
     * g[j][k] = (1/m)·(Σₓ delta[x][j]·in[x][k]); and each row's Σₖ g[j][k]², for the norm, while
     * the row is in the cache.
     */
    static void weightGradient(double[][] delta, double[][] in, double[][] g, double[] rowSquares, int m, int j0,
                               int j1) {
        for (int j = j0; j < j1; j++) {
            double[] row = g[j];
            scaledCopy(delta[0][j], in[0], row);
            int x = 1;
            // Four samples per pass quarter the loads and stores of the row; left to right, the
            // additions happen in the order one sample per pass would make them.
            for (; x + 3 < m; x += 4) {
                double d0 = delta[x][j], d1 = delta[x + 1][j], d2 = delta[x + 2][j], d3 = delta[x + 3][j];
                double[] i0 = in[x], i1 = in[x + 1], i2 = in[x + 2], i3 = in[x + 3];
                for (int k = 0; k < row.length; k++) {
                    row[k] = row[k] + d0 * i0[k] + d1 * i1[k] + d2 * i2[k] + d3 * i3[k];
                }
            }
            for (; x < m; x++) {
                axpy(delta[x][j], in[x], row);
            }
            if (m > 1) {
                double mean = 1.0 / m;
                for (int k = 0; k < row.length; k++) {
                    row[k] = mean * row[k];
                }
            }
            rowSquares[j] = sumOfSquares(row);
        }
    }

    /**
     * BP3 averaged over the batch, ∂Ē/∂bⱼ = (1/m) Σₓ δₓⱼ; a bias shared by the layer gets the sum
     * of those over its neurons, a layer without bias 0.
     */
    static void biasGradient(Bias bias, double[][] delta, double[] g, int m) {
        if (bias == Bias.NONE) {
            java.util.Arrays.fill(g, 0);
            return;
        }
        for (int j = 0; j < g.length; j++) {
            double sum = 0;
            for (int x = 0; x < m; x++) {
                sum += delta[x][j];
            }
            g[j] = sum / m;
        }
        if (bias == Bias.SHARED) {
            double sum = 0;
            for (double perNeuron : g) {
                sum += perNeuron;
            }
            java.util.Arrays.fill(g, sum);
        }
    }

    /**
     * Σ a², in eight interleaved partial sums (a sum that must stay in order would run at one
     * addition per FP latency). Infinite or NaN if any a is.
     */
    static double sumOfSquares(double[] a) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int k = 0;
        for (; k + 8 <= a.length; k += 8) {
            s0 += a[k] * a[k];
            s1 += a[k + 1] * a[k + 1];
            s2 += a[k + 2] * a[k + 2];
            s3 += a[k + 3] * a[k + 3];
            s4 += a[k + 4] * a[k + 4];
            s5 += a[k + 5] * a[k + 5];
            s6 += a[k + 6] * a[k + 6];
            s7 += a[k + 7] * a[k + 7];
        }
        for (; k < a.length; k++) {
            s0 += a[k] * a[k];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    /** ‖v‖ = √(Σ v²), rescaled as {@link #norm(double[][], double[])} does when the squares over- or underflow. */
    static double norm(double[] v) {
        return norm(new double[][] {v}, new double[] {sumOfSquares(v)});
    }

    /**
     * ‖A‖ = √(Σ a²) from the rows' sums of squares {@code rowSquares}, added in row order;
     * rescaled by the largest |a| when the squares over- or underflow.
     */
    static double norm(double[][] rows, double[] rowSquares) {
        double squares = 0;
        for (double row : rowSquares) {
            squares += row;
        }
        if (squares > 1e-280 && squares < Double.POSITIVE_INFINITY) {
            return Math.sqrt(squares);
        }
        double largest = 0;
        for (double[] row : rows) {
            for (double a : row) {
                largest = Math.max(largest, Math.abs(a));
            }
        }
        if (largest == 0 || !Double.isFinite(largest)) {
            return largest;
        }
        double scaled = 0;
        for (double[] row : rows) {
            for (double a : row) {
                scaled += (a / largest) * (a / largest);
            }
        }
        return largest * Math.sqrt(scaled);
    }

    private static void scaledCopy(double a, double[] x, double[] y) {
        for (int k = 0; k < y.length; k++) {
            y[k] = a * x[k];
        }
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int k = 0; k < y.length; k++) {
            y[k] += a * x[k];
        }
    }
}
