package dev.segmentagent.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.segmentagent.interpret.AskResult;
import dev.segmentagent.interpret.AskService;
import dev.segmentagent.interpret.Interpretation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Words to a previewed draft through the same AskService as POST /api/segments/generate. The exit code tells a
 * script which of the three answers it got: 0 a definition, 5 a clarifying question, 6 a refusal.
 */
@Command(name = "ask", description = "Turn a request in plain words into a segment definition with its explanation "
        + "and a preview (count, funnel, sample); or show the clarifying question or why it was declined. "
        + "Exit codes: 0 answer, 4 invalid request, 5 clarifying question, 6 declined.")
class AskCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "REQUEST", description = "e.g. \"customers who bought shoes in the last 90 days\"")
    String request;

    @Option(names = "--json", description = "print the full answer as JSON (the body of POST /api/segments/generate)")
    boolean json;

    @Mixin
    DataOptions data;

    @Override
    public Integer call() {
        return CliRun.withContext(data, Map.of(), (context, out) -> {
            AskResult result = context.getBean(AskService.class).ask(request);
            if (json) {
                out.println(context.getBean(ObjectMapper.class).copy().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(result));
            } else {
                print(result, context.getBean(ObjectMapper.class), out);
            }
            return exitCode(result);
        });
    }

    static int exitCode(AskResult result) {
        return switch (result.kind()) {
            case "answer" -> ExitCode.OK;
            case "clarification" -> ExitCode.NEEDS_CLARIFICATION;
            default -> ExitCode.DECLINED;
        };
    }

    static void print(AskResult result, ObjectMapper mapper, PrintStream out) throws Exception {
        if (result.fallback() != null) {
            out.println("Note: " + result.fallback());
        }
        switch (result.kind()) {
            case "answer" -> {
                out.println("Draft: " + result.draft().name());
                out.println("Who: " + result.explanation());
                for (String assumption : result.assumptions()) {
                    out.println("Assumed: " + assumption);
                }
                if (!result.fields().isEmpty()) {
                    out.println("Fields:");
                    for (Interpretation.FieldChoice field : result.fields()) {
                        out.println("  " + field.field() + (field.why() == null || field.why().isBlank() ? "" : ": " + field.why()));
                    }
                }
                PreviewPrinter.print(result.preview(), out);
                out.println("Definition:");
                out.println(mapper.copy().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(result.draft().definition()));
            }
            case "clarification" -> {
                out.println("Question: " + result.question());
                int n = 1;
                for (Interpretation.Option option : result.options()) {
                    out.printf("  %d. %s%n     ask \"%s\"%n", n++, option.label(), option.request());
                }
            }
            default -> {
                out.println("Declined: " + result.reason());
                for (String suggestion : result.suggestions()) {
                    out.println("  try: " + suggestion);
                }
            }
        }
    }
}
