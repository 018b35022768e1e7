package dev.attest.communication;

import java.util.List;

/**
 * One thing a request asks the client for: a slot on the upload page, filled once by one file.
 *
 * @param title what it is, in a few words for the client ("Ownership chart of Rossi Holding S.r.l.")
 * @param explanation what exactly to send and why, for the client
 * @param kinds the names of the document kinds that answer it (the documents module's {@code DocumentKind});
 *        empty: any kind of the request's document group
 */
public record RequestedItem(String title, String explanation, List<String> kinds) {

    public RequestedItem {
        if (title == null || title.isBlank() || title.length() > 200) {
            throw new IllegalArgumentException("A requested item needs a title of at most 200 characters");
        }
        explanation = explanation == null ? "" : explanation;
        if (explanation.length() > 2000) {
            throw new IllegalArgumentException("A requested item's explanation is at most 2000 characters");
        }
        kinds = kinds == null ? List.of() : List.copyOf(kinds);
    }
}
