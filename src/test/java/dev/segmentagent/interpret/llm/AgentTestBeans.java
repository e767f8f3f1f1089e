package dev.segmentagent.interpret.llm;

import dev.segmentagent.catalog.CatalogService;
import dev.segmentagent.interpret.HybridFieldRetriever;
import dev.segmentagent.preview.DefinitionPipeline;
import dev.segmentagent.warehouse.WarehouseFacts;
import io.micronaut.context.ApplicationContext;

/** Builds an {@link LlmInterpreter} from a running context's beans with a config of the test's choosing. */
record AgentTestBeans(ApplicationContext context) {

    LlmInterpreter interpreter(LlmConfig config) {
        return interpreter(config, context.getBean(HybridFieldRetriever.class));
    }

    LlmInterpreter interpreter(LlmConfig config, HybridFieldRetriever retriever) {
        return new LlmInterpreter(config, context.getBean(AgentTools.class), retriever,
                context.getBean(CatalogService.class), context.getBean(FieldCards.class),
                context.getBean(DefinitionPipeline.class), context.getBean(WarehouseFacts.class));
    }
}
