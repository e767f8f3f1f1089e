package dev.segmentagent.preview;

import dev.segmentagent.catalog.Catalog;
import dev.segmentagent.segment.SegmentDefinition;
import dev.segmentagent.segment.ValidationResult;
import dev.segmentagent.sqlgen.CompileContext;
import dev.segmentagent.sqlgen.CompiledSegment;

import java.time.Instant;

/** A definition that parsed, validated without errors and compiled: ready to preview, save or run. */
public record PreparedDefinition(SegmentDefinition definition, ValidationResult validation, Catalog catalog,
                                 Instant asOf, CompileContext compileContext, CompiledSegment compiled) {
}
