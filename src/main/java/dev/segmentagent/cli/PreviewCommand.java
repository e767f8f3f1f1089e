package dev.segmentagent.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.segmentagent.preview.DefinitionPipeline;
import dev.segmentagent.preview.Preview;
import dev.segmentagent.preview.PreviewService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;

/** A definition's preview through the same pipeline as POST /api/segments/preview. */
@Command(name = "preview", description = "Validate a definition and show its count, share of all customers, "
        + "funnel and a sample of members. Exit codes: 0 ok, 3 file not found, 4 invalid definition (issues listed).")
class PreviewCommand implements Callable<Integer> {

    @Option(names = "--definition", required = true, paramLabel = "FILE|-",
            description = "definition JSON file, or - for stdin; a draft ({\"definition\": ...}) is accepted too")
    String definition;

    @Option(names = "--sample", defaultValue = "10", description = "sample members to show, 0..100 (default ${DEFAULT-VALUE})")
    int sample;

    @Option(names = "--as-of", description = "evaluate time windows from this instant (ISO-8601); default: the data's as-of")
    Instant asOf;

    @Option(names = "--json", description = "print the preview as JSON (the body of POST /api/segments/preview)")
    boolean json;

    @Mixin
    DataOptions data;

    @Override
    public Integer call() {
        if (sample < 0 || sample > 100) {
            System.err.println("error: --sample must be between 0 and 100");
            return ExitCode.USAGE;
        }
        DefinitionInput input;
        try {
            input = DefinitionInput.read(definition);
        } catch (Exception e) {
            return CliRun.report(e, System.err);
        }
        return CliRun.withContext(data, Map.of(), (context, out) -> {
            ObjectMapper mapper = context.getBean(ObjectMapper.class);
            Preview preview = context.getBean(PreviewService.class)
                    .preview(context.getBean(DefinitionPipeline.class).prepare(input.definition(), asOf, null), sample);
            if (json) {
                out.println(mapper.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(preview));
            } else {
                out.println("Who: " + preview.explanation());
                PreviewPrinter.print(preview, out);
            }
            return ExitCode.OK;
        });
    }
}
