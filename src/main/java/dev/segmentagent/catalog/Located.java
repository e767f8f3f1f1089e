package dev.segmentagent.catalog;

/** A parsed catalog item with the file and document path it came from, for problems that point at it. */
record Located<T>(T value, YamlDocument source, String path) {

    CatalogProblem problem(String subPath, String reason) {
        return source.problem(subPath.isEmpty() ? path : path + "." + subPath, reason);
    }
}
