package dev.attest.designer.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface Drafts extends JpaRepository<Draft, Long> {

    List<Draft> findAllByOrderByUpdatedAtDesc();
}
