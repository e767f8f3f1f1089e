package dev.segmentagent.slack;

/** Where an answer goes: the response_url of a command or button click, or a channel (app mentions). */
sealed interface ReplyTarget {

    record ResponseUrl(String url) implements ReplyTarget {}

    /** @param threadTs the mention's thread, so the answer stays next to the question */
    record Channel(String channel, String threadTs) implements ReplyTarget {}
}
