package dev.attest.designer.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface DeploymentRecords extends JpaRepository<DeploymentRecord, Long> {

    List<DeploymentRecord> findTop50ByOrderByIdDesc();
}
