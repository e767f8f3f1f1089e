package dev.segmentagent.interpret;

import dev.segmentagent.interpret.Interpretation.Clarification;
import dev.segmentagent.interpret.Interpretation.Declined;
import dev.segmentagent.interpret.Interpretation.Option;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the planner must not answer: requests that are not a customer segment (decline), requests that would
 * change data or use personal data (decline), and words with several reasonable readings the catalog does not
 * settle (clarify, each option a refined request the planner answers).
 */
final class RequestScope {

    private record Refusal(Pattern pattern, String reason, List<String> suggestions) {}

    private record Ambiguity(Pattern pattern, String question, List<Option> options) {}

    private static final List<String> EXAMPLES = List.of("customers who bought shoes in the last 90 days",
            "high-value customers likely to churn", "customers in Germany who can be emailed");

    private static final List<Refusal> REFUSALS = List.of(
            new Refusal(Pattern.compile("\\bselect\\b.+\\bfrom\\b|\\bfrom\\s+customer_features\\b|;\\s*$|"
                    + "\\b(?:drop|truncate|alter)\\s+table\\b|\\bwhere\\s+\\w+\\s*(?:=|>|<)"),
                    "I do not run SQL: describe the audience in words and I build a checked definition.",
                    EXAMPLES),
            new Refusal(Pattern.compile("\\b(?:delete|drop|truncate|remove|erase|wipe|update|insert|modify|"
                    + "deactivate|ban|refund)\\b"),
                    "I only describe audiences; I never change, delete or act on customer data.", EXAMPLES),
            new Refusal(Pattern.compile("\\b(?:named|called|first\\s+name|last\\s+name|surname|email\\s+address(?:es)?|"
                    + "phone\\s+numbers?|birthday|date\\s+of\\s+birth|born\\s+on|gmail|hotmail|home\\s+address|"
                    + "street)\\b"),
                    "Segments may not test personal data (names, email addresses, phone numbers, birth dates). "
                            + "Age, country and city can be used.", List.of("customers aged 25 to 34",
                    "customers in Germany")),
            new Refusal(Pattern.compile("\\b(?:weather|forecast|poem|poetry|joke|song|recipe|translate|stock\\s+"
                    + "price|bitcoin|capital\\s+of|write\\s+me|write\\s+a|tell\\s+me\\s+a|what\\s+time|news|"
                    + "horoscope|football|movie)\\b"),
                    "That is not a customer segment. I build audiences from the customer catalog.", EXAMPLES));

    private static final List<Ambiguity> AMBIGUITIES = List.of(
            new Ambiguity(Pattern.compile("\\b(?:most\\s+)?active\\b(?:\\s+(?:customers|users|shoppers|people|buyers))?"),
                    "The catalog has no single definition of 'active'. Which do you mean?", List.of(
                    new Option("bought in the last 90 days", "customers who bought in the last 90 days"),
                    new Option("visited in the last 30 days", "customers who visited in the last 30 days"),
                    new Option("opened an email in the last 30 days",
                            "customers who opened an email in the last 30 days"))),
            new Ambiguity(Pattern.compile("\\b(?:inactive|dormant|disengaged)\\s*(?:customers|users|shoppers)?"),
                    "'Inactive' can mean not buying, not visiting or not reading emails. Which do you mean?",
                    List.of(new Option("no purchase in 180 days", "customers who have not bought in the last 180 days"),
                            new Option("no visit in 90 days", "customers who have not visited in the last 90 days"),
                            new Option("no email opened in 90 days",
                                    "customers who have not opened an email in the last 90 days"))),
            new Ambiguity(Pattern.compile("\\b(?:engaged|engagement)\\s*(?:customers|users|shoppers)?"),
                    "'Engaged' can be measured by emails, visits or purchases. Which do you mean?", List.of(
                    new Option("opened an email in the last 30 days",
                            "customers who opened an email in the last 30 days"),
                    new Option("clicked an email in the last 30 days",
                            "customers who clicked an email in the last 30 days"),
                    new Option("more than 5 visits in the last 30 days",
                            "customers with more than 5 visits in the last 30 days"))),
            new Ambiguity(Pattern.compile("\\b(?:best|good|top|vip|important|key)\\s*(?:customers|clients|shoppers|"
                    + "buyers)?"),
                    "Which customers count as the best ones?", List.of(
                    new Option("top 20% by lifetime revenue", "high-value customers"),
                    new Option("RFM champions", "champions from the RFM model"),
                    new Option("gold or platinum loyalty members", "gold or platinum loyalty members"))),
            new Ambiguity(Pattern.compile("\\bchurned\\s*(?:customers|users|buyers)?"),
                    "'Churned' can mean stopped buying already, or predicted to stop. Which do you mean?", List.of(
                    new Option("no purchase in the last 90 days", "customers who have not bought in the last 90 days"),
                    new Option("likely to churn (churn model)", "customers likely to churn"))),
            new Ambiguity(Pattern.compile("\\b(?:cluster|persona|segment\\s+of\\s+shoppers)s?\\b"),
                    "Which behaviour cluster do you mean?", List.of()));

    /** A refusal for requests the planner must never answer, before any matching. */
    Optional<Declined> refusal(String rawLowerCase, String normalised) {
        for (Refusal refusal : REFUSALS) {
            if (refusal.pattern().matcher(rawLowerCase).find() || refusal.pattern().matcher(normalised).find()) {
                return Optional.of(new Declined(refusal.reason(), refusal.suggestions()));
            }
        }
        return Optional.empty();
    }

    /**
     * A clarifying question when an ambiguous word is among the words left over; each option replaces the
     * ambiguous phrase in the original request, so the rest of the request is kept.
     */
    Optional<Clarification> ambiguity(String leftoverText, String request, List<String> clusterNames) {
        for (Ambiguity ambiguity : AMBIGUITIES) {
            Matcher inLeftover = ambiguity.pattern().matcher(leftoverText);
            if (!inLeftover.find()) {
                continue;
            }
            List<Option> options = ambiguity.options().isEmpty()
                    ? clusterNames.stream().map(n -> new Option(n, "customers in the " + n + " cluster")).toList()
                    : ambiguity.options();
            if (options.isEmpty()) {
                return Optional.empty();
            }
            Matcher inRequest = Pattern.compile(ambiguity.pattern().pattern(), Pattern.CASE_INSENSITIVE)
                    .matcher(request);
            String rest = inRequest.find() ? (request.substring(0, inRequest.start()) + " "
                    + request.substring(inRequest.end())).trim() : "";
            List<Option> refined = options.stream().map(o -> new Option(o.label(),
                    rest.isBlank() || rest.matches("(?i)(?:all|show|find|list|me|the|customers|\\s)*") ? o.request()
                            : o.request() + " " + rest)).toList();
            return Optional.of(new Clarification(ambiguity.question(), refined));
        }
        return Optional.empty();
    }
}
