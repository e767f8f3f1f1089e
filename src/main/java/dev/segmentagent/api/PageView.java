package dev.segmentagent.api;

import io.micronaut.data.model.Page;

import java.util.List;
import java.util.function.Function;

/** The paging envelope used by every list endpoint: items plus page, size and total. */
public record PageView<T>(List<T> items, int page, int size, long total, int totalPages) {

    public static <S, T> PageView<T> of(Page<S> page, Function<S, T> mapper) {
        return new PageView<>(page.getContent().stream().map(mapper).toList(), page.getPageNumber(), page.getSize(),
                page.getTotalSize(), page.getTotalPages());
    }
}
