package dev.segmentagent.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.segmentagent.cli.CliRun.CliException;
import dev.segmentagent.interpret.AskResult;
import dev.segmentagent.interpret.AskService;
import dev.segmentagent.live.SegmentService;
import dev.segmentagent.live.SegmentService.SaveCommand;
import dev.segmentagent.live.SegmentService.SegmentView;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Saves a segment through SegmentService, as POST /api/segments does: from a definition file, or straight from
 * a request (asked, previewed, then saved only when the interpreter answered with a definition).
 */
@Command(name = "save", description = "Save a segment (version 1) from a definition or from a request. "
        + "Exit codes: 0 saved, 3 file not found, 4 invalid definition, 5 the request needs a clarifying answer, "
        + "6 the request was declined.")
class SaveCommandLine implements Callable<Integer> {

    static final class Source {
        @Option(names = "--definition", paramLabel = "FILE|-", description = "definition JSON file, or - for stdin "
                + "(a draft from ask --json's \"draft\" is accepted as is)")
        String definition;

        @Option(names = "--from-ask", paramLabel = "REQUEST", description = "ask this request and save its answer")
        String request;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--name", description = "segment name (default: the draft's name)")
    String name;

    @Option(names = "--description", description = "segment description (default: the draft's)")
    String description;

    @Option(names = "--json", description = "print the saved segment as JSON (the body POST /api/segments answers)")
    boolean json;

    @Mixin
    DataOptions data;

    @Override
    public Integer call() {
        DefinitionInput fromFile;
        try {
            fromFile = source.definition == null ? null : DefinitionInput.read(source.definition);
        } catch (Exception e) {
            return CliRun.report(e, System.err);
        }
        return CliRun.withContext(data, Map.of(), (context, out) -> {
            ObjectMapper mapper = context.getBean(ObjectMapper.class);
            DefinitionInput input;
            if (source.request != null) {
                AskResult asked = context.getBean(AskService.class).ask(source.request);
                if (!"answer".equals(asked.kind())) {
                    AskCommand.print(asked, mapper, System.err);
                    System.err.println("Nothing saved.");
                    return AskCommand.exitCode(asked);
                }
                input = new DefinitionInput(asked.draft().definition(), asked.draft().name(),
                        asked.draft().description(), asked.draft().sourceRequest());
            } else {
                input = fromFile;
            }
            String segmentName = name != null ? name.strip() : input.name();
            if (segmentName == null || segmentName.isBlank()) {
                throw new CliException(ExitCode.USAGE, "--name is required: the definition has no name");
            }
            if (segmentName.length() > 200) {
                throw new CliException(ExitCode.INVALID, "the name has " + segmentName.length()
                        + " characters; at most 200 are accepted");
            }
            SegmentView saved = context.getBean(SegmentService.class).create(new SaveCommand(segmentName,
                    description != null ? description : input.description(), input.definition(),
                    input.sourceRequest()), actor());
            if (json) {
                out.println(mapper.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(saved));
            } else {
                out.printf("Saved segment %s version %d: %s%n", saved.id(), saved.version(), saved.name());
                out.println("Who: " + saved.explanation());
                saved.warnings().forEach(w -> out.println("Warning: " + w.message()));
            }
            return ExitCode.OK;
        });
    }

    /** The audit log's actor: the OS user behind the command, marked as the CLI. */
    static String actor() {
        return "cli:" + System.getProperty("user.name", "unknown");
    }
}
