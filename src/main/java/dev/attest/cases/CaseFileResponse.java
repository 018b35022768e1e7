package dev.attest.cases;

import java.time.Instant;
import java.util.List;

/**
 * The case file as the REST API returns it ({@code GET /api/v1/cases/{id}}).
 */
public record CaseFileResponse(String id, String reference, CaseType type, CaseStatus status, Priority priority,
        String route, CaseOutcome outcome, String outcomeNote, ClientView client, AccountView account,
        Situation situation, String description, List<CaseDocuments.DocumentSummary> documents, Object ownership,
        List<TaskView> tasks,
        String openedBy, Instant createdAt, Instant updatedAt, Instant closedAt) {

    public record ClientView(String fullName, String email, String phone, String businessName, String country) {
    }

    public record AccountView(String marketplace, String sellerId, AddressView addressOnFile) {
    }

    public record AddressView(String line1, String line2, String city, String region, String postalCode,
            String country) {

        static AddressView of(PostalAddress a) {
            return new AddressView(a.line1(), a.line2(), a.city(), a.region(), a.postalCode(), a.country().value());
        }
    }

    public record TaskView(String id, String name, String assignee, Instant created, Instant due) {
    }

    static CaseFileResponse of(CaseFile c, List<CaseWorkflow.OpenTask> tasks, List<CaseDocuments.DocumentSummary> documents) {
        Client client = c.getClient();
        MarketplaceAccount account = c.getAccount();
        return new CaseFileResponse(c.getId().toString(), c.getReference(), c.getType(), c.getStatus(),
                c.getPriority(), c.getRoute(), c.getOutcome(), c.getOutcomeNote(),
                new ClientView(client.fullName(), client.email().value(),
                        client.phone() == null ? null : client.phone().e164(), client.businessName(),
                        client.country().value()),
                new AccountView(account.marketplace().domain(),
                        account.sellerId() == null ? null : account.sellerId().value(),
                        AddressView.of(account.addressOnFile())),
                c.getSituation(), c.getDescription(), documents, null,
                tasks.stream().map(t -> new TaskView(t.id(), t.name(), t.assignee(), t.created(), t.due())).toList(),
                c.getOpenedBy(), c.getCreatedAt(), c.getUpdatedAt(), c.getClosedAt());
    }
}
