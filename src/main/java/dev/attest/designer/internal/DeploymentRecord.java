package dev.attest.designer.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One deployment made through Attest: who, when, the SHA-256 of each resource and the changes against the
 * version it replaced. Never updated.
 */
@Entity
@Table(name = "designer_deployment")
public class DeploymentRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, updatable = false, length = 64)
    private String deploymentId;
    @Column(nullable = false, updatable = false, length = 64)
    private String deployedBy;
    @Column(nullable = false, updatable = false)
    private Instant deployedAt;
    @Column(nullable = false, updatable = false, length = 2000)
    private String resources;
    @Column(nullable = false, updatable = false, length = 500)
    private String definitions;
    @Column(nullable = false, updatable = false, length = 100000)
    private String changes;

    protected DeploymentRecord() {
    }

    public DeploymentRecord(String deploymentId, String deployedBy, Instant deployedAt, String resources,
            String definitions, String changes) {
        this.deploymentId = deploymentId;
        this.deployedBy = deployedBy;
        this.deployedAt = deployedAt;
        this.resources = resources;
        this.definitions = definitions;
        this.changes = changes;
    }

    public Long getId() {
        return id;
    }

    public String getDeploymentId() {
        return deploymentId;
    }

    public String getDeployedBy() {
        return deployedBy;
    }

    public Instant getDeployedAt() {
        return deployedAt;
    }

    public String getResources() {
        return resources;
    }

    public String getDefinitions() {
        return definitions;
    }

    public String getChanges() {
        return changes;
    }
}
