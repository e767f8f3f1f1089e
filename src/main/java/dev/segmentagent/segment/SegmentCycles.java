package dev.segmentagent.segment;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Finds cycles among inSegment references by depth-first search over the saved segments' current versions. */
final class SegmentCycles {

    /** Deeper chains than this are treated like a cycle: they would make compiled SQL unreasonably large. */
    static final int MAX_CHAIN = 16;

    private final SegmentResolver resolver;
    private final Deque<String> stack = new ArrayDeque<>();
    private final Set<String> acyclic = new HashSet<>();

    private SegmentCycles(SegmentResolver resolver) {
        this.resolver = resolver;
    }

    /**
     * The cycle reachable from {@code start} as a chain of ids (first == last), if any. {@code selfId}, the
     * segment being validated, counts as already on the path.
     */
    static Optional<List<String>> from(String start, SegmentResolver resolver, String selfId) {
        SegmentCycles search = new SegmentCycles(resolver);
        if (selfId != null) {
            search.stack.addLast(selfId);
        }
        return search.visit(start);
    }

    private Optional<List<String>> visit(String id) {
        if (stack.contains(id) || stack.size() >= MAX_CHAIN) {
            List<String> chain = new ArrayList<>(stack);
            int at = chain.indexOf(id);
            List<String> cycle = new ArrayList<>(at >= 0 ? chain.subList(at, chain.size()) : chain);
            cycle.add(id);
            return Optional.of(cycle);
        }
        if (acyclic.contains(id)) {
            return Optional.empty();
        }
        Optional<SegmentDefinition> definition = resolver.resolve(id);
        if (definition.isEmpty() || definition.get().condition() == null) {
            acyclic.add(id);
            return Optional.empty();
        }
        stack.addLast(id);
        for (String reference : references(definition.get().condition())) {
            Optional<List<String>> cycle = visit(reference);
            if (cycle.isPresent()) {
                return cycle;
            }
        }
        stack.removeLast();
        acyclic.add(id);
        return Optional.empty();
    }

    /** The segment ids a condition refers to, in order of appearance. */
    static List<String> references(Condition condition) {
        List<String> ids = new ArrayList<>();
        collect(condition, ids);
        return ids;
    }

    private static void collect(Condition c, List<String> ids) {
        if (c instanceof Condition.And and) {
            and.conditions().forEach(child -> collect(child, ids));
        } else if (c instanceof Condition.Or or) {
            or.conditions().forEach(child -> collect(child, ids));
        } else if (c instanceof Condition.Not not) {
            collect(not.condition(), ids);
        } else if (c instanceof Condition.InSegment in) {
            ids.add(in.segment());
        }
    }
}
