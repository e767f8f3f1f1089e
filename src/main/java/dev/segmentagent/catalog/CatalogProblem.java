package dev.segmentagent.catalog;

/**
 * One thing wrong with the catalog, pinned to where a reviewer fixes it.
 *
 * @param file   display path, e.g. schema-catalog/fields/orders.yml
 * @param line   1-based line in the file, 0 when the problem is not about one place (e.g. a missing file)
 * @param path   where in the document, e.g. fields[3].type; empty for the whole file
 * @param reason what is wrong, in words
 */
public record CatalogProblem(String file, int line, String path, String reason) {

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(file);
        if (line > 0) {
            text.append(':').append(line);
        }
        if (path != null && !path.isEmpty()) {
            text.append(' ').append(path);
        }
        return text.append(": ").append(reason).toString();
    }
}
