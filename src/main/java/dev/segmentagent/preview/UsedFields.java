package dev.segmentagent.preview;

import dev.segmentagent.catalog.Catalog;
import dev.segmentagent.catalog.FieldSpec;
import dev.segmentagent.segment.Condition;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The catalog fields a definition's conditions name, in order of appearance. */
final class UsedFields {

    private UsedFields() {
    }

    /** Fields to show beside sample members: used by the definition, known to the catalog, not personal data. */
    static List<String> displayable(Condition root, Catalog catalog) {
        Set<String> names = new LinkedHashSet<>();
        collect(root, names);
        List<String> shown = new ArrayList<>();
        for (String name : names) {
            catalog.field(name).filter(f -> !f.pii()).map(FieldSpec::name).ifPresent(shown::add);
        }
        return shown;
    }

    private static void collect(Condition condition, Set<String> names) {
        if (condition instanceof Condition.And and) {
            and.conditions().forEach(c -> collect(c, names));
        } else if (condition instanceof Condition.Or or) {
            or.conditions().forEach(c -> collect(c, names));
        } else if (condition instanceof Condition.Not not) {
            collect(not.condition(), names);
        } else if (condition instanceof Condition.Compare compare) {
            names.add(compare.field());
        } else if (condition instanceof Condition.Between between) {
            names.add(between.field());
        } else if (condition instanceof Condition.In in) {
            names.add(in.field());
        } else if (condition instanceof Condition.IsNull isNull) {
            names.add(isNull.field());
        }
        // event, score, cluster and inSegment nodes name no customer_features column
    }
}
