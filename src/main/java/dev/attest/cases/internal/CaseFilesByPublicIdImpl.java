package dev.attest.cases.internal;

import java.util.Optional;
import java.util.UUID;

import org.hibernate.Session;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import dev.attest.cases.CaseFile;

/** {@link CaseFilesByPublicId} on Hibernate's {@code bySimpleNaturalId} (the case's {@code id} is its natural id). */
class CaseFilesByPublicIdImpl implements CaseFilesByPublicId {

    @PersistenceContext
    private EntityManager entityManager;

    @Override
    public Optional<CaseFile> findById(UUID id) {
        return entityManager.unwrap(Session.class).bySimpleNaturalId(CaseFile.class).loadOptional(id);
    }
}
