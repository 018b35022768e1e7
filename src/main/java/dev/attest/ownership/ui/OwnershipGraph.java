package dev.attest.ownership.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

import dev.attest.ownership.OwnershipAnalysis;
import dev.attest.ownership.OwnershipInput;

/**
 * The ownership structure as a graph (Apache ECharts through the {@code attest-ownership-graph} web
 * component in {@code frontend/}): beneficial owners highlighted, findings marked on their nodes.
 */
@Tag("attest-ownership-graph")
@NpmPackage(value = "echarts", version = "5.6.0")
@JsModule("./ownership-graph.js")
public class OwnershipGraph extends Component {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Node(String id, String name, String kind, boolean subject, boolean beneficial, double share,
            List<String> findings) {
    }

    record Link(String source, String target, double percent) {
    }

    public OwnershipGraph() {
        getStyle().set("height", "420px").set("width", "100%").set("border", "1px solid var(--lumo-contrast-10pct)")
                .set("border-radius", "var(--lumo-border-radius-m)");
    }

    /** Shows a structure with its analysis. */
    public void show(OwnershipInput structure, OwnershipAnalysis.Result analysis) {
        Map<String, Double> shares = new HashMap<>();
        analysis.beneficialOwners().forEach(o -> shares.put(o.party(), o.effectivePercent()));
        Map<String, List<String>> findings = new HashMap<>();
        for (var f : analysis.findings()) {
            for (String party : f.parties()) {
                findings.computeIfAbsent(party, p -> new ArrayList<>()).add(f.code().name());
            }
        }
        List<Node> nodes = new ArrayList<>();
        for (var p : structure.parties() == null ? List.<OwnershipInput.PartyInput>of() : structure.parties()) {
            nodes.add(new Node(p.id(), p.name(), p.kind(), p.id().equals(structure.subject()), shares.containsKey(p.id()),
                    shares.getOrDefault(p.id(), 0.0), findings.getOrDefault(p.id(), List.of())));
        }
        List<Link> links = (structure.holdings() == null ? List.<OwnershipInput.HoldingInput>of() : structure.holdings())
                .stream().map(h -> new Link(h.owner(), h.owned(), h.percent())).toList();
        try {
            getElement().setProperty("data", JSON.writeValueAsString(Map.of("nodes", nodes, "links", links)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
