package dev.segmentagent.features;

/**
 * Mean silhouette of a clustering of points (Euclidean): for each point, (b - a) / max(a, b) with a the mean
 * distance to its own cluster and b to the nearest other cluster. O(n²): callers pass a sample.
 */
final class Silhouette {

    private Silhouette() {
    }

    static double mean(double[][] points, int[] clusters, int k) {
        int n = points.length;
        double total = 0;
        int counted = 0;
        double[] sums = new double[k];
        int[] sizes = new int[k];
        for (int c : clusters) {
            sizes[c]++;
        }
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(sums, 0);
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    sums[clusters[j]] += distance(points[i], points[j]);
                }
            }
            int own = clusters[i];
            if (sizes[own] < 2) {
                continue; // silhouette of a singleton is 0 by convention; it adds nothing
            }
            double a = sums[own] / (sizes[own] - 1);
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                if (c != own && sizes[c] > 0) {
                    b = Math.min(b, sums[c] / sizes[c]);
                }
            }
            if (Double.isInfinite(b)) {
                continue;
            }
            total += (b - a) / Math.max(a, b);
            counted++;
        }
        return total / n * (counted == 0 ? 0 : 1);
    }

    static double distance(double[] x, double[] y) {
        double sum = 0;
        for (int d = 0; d < x.length; d++) {
            double diff = x[d] - y[d];
            sum += diff * diff;
        }
        return Math.sqrt(sum);
    }
}
